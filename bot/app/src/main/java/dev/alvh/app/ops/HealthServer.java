package dev.alvh.app.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alvh.app.ops.LoopbackHttp.HttpRequest;
import dev.alvh.app.ops.LoopbackHttp.HttpResponse;
import dev.alvh.core.Check;
import dev.alvh.app.config.HealthConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health and metrics server on loopback ({@link LoopbackHttp}: read timeouts and a bounded
 * worker pool, so one stalled client cannot freeze it):
 * <ul>
 *   <li>{@code GET /health}: JSON {@code status} (ok or degraded), {@code brokerConnected},
 *       {@code heartbeatAgeSeconds}, {@code lastCycleAgeSeconds} (null before the first),
 *       {@code lastCycleOutcome}, {@code hedgeState}, {@code halted}, {@code haltReason},
 *       {@code killSwitch}; HTTP 200 when ok, 503 when degraded (broker down, halted or killed);
 *   <li>{@code GET /metrics}: {@link BotMetrics} as Prometheus text.
 * </ul>
 */
public final class HealthServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The Prometheus text format's content type. */
  public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final LoopbackHttp server;
  private final InetAddress address;
  private final HealthSource source;
  private final BotMetrics metrics;

  private HealthServer(LoopbackHttp server, InetAddress address, HealthSource source, BotMetrics metrics) {
    this.server = server;
    this.address = address;
    this.source = source;
    this.metrics = metrics;
  }

  /**
   * Starts the server on {@code config}'s loopback address and port (0: any free port).
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static HealthServer start(HealthConfig config, HealthSource source, BotMetrics metrics) {
    Check.notNull(config, "config");
    Check.notNull(source, "source");
    Check.notNull(metrics, "metrics");
    HealthServer[] self = new HealthServer[1];
    InetAddress a;
    LoopbackHttp http;
    try {
      a = InetAddress.getByName(config.bindAddress());
      http = LoopbackHttp.start(a, config.port(), "alvh-health", 0, Duration.ofSeconds(config.readTimeoutSeconds()),
          r -> self[0].route(r));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + config.bindAddress() + ":" + config.port()
          + " (health.port): " + e.getMessage(), e);
    }
    self[0] = new HealthServer(http, a, source, metrics);
    LOG.info("health at {}", self[0].healthUrl());
    return self[0];
  }

  private HttpResponse route(HttpRequest r) throws IOException {
    return switch (r.path()) {
      case "/health" -> health();
      case "/metrics" -> metrics();
      default -> send(404, "text/plain; charset=utf-8", "not found: try /health or /metrics\n");
    };
  }

  /** The port it listens on. */
  public int port() {
    return server.port();
  }

  /** {@code http://127.0.0.1:PORT/health}. */
  public String healthUrl() {
    return base() + "/health";
  }

  /** {@code http://127.0.0.1:PORT/metrics}. */
  public String metricsUrl() {
    return base() + "/metrics";
  }

  private String base() {
    String host = address.getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  private HttpResponse health() throws IOException {
    HealthStatus h;
    try {
      h = source.health();
    } catch (RuntimeException e) {
      return send(500, "application/json", "{\"status\":\"error\",\"error\":" + JSON.writeValueAsString(e.toString()) + "}");
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("status", h.ok() ? "ok" : "degraded");
    o.put("brokerConnected", h.brokerConnected());
    putSeconds(o, "heartbeatAgeSeconds", h.heartbeatAge());
    putSeconds(o, "lastCycleAgeSeconds", h.lastCycleAge());
    o.put("lastCycleOutcome", h.lastCycleOutcome());
    o.put("hedgeState", h.hedgeState().name());
    o.put("halted", h.halted());
    o.put("haltReason", h.haltReason());
    o.put("killSwitch", h.killSwitch());
    return send(h.ok() ? 200 : 503, "application/json", JSON.writeValueAsString(o));
  }

  private static void putSeconds(ObjectNode o, String name, Optional<Duration> d) {
    if (d.isPresent()) {
      o.put(name, d.get().getSeconds());
    } else {
      o.putNull(name);
    }
  }

  private HttpResponse metrics() {
    // The state gauges follow /health at every scrape: they are otherwise set only when a job runs
    // or the connection changes, so a bot started on a closed market showed the broker down.
    try {
      HealthStatus h = source.health();
      metrics.state(h.brokerConnected(), h.halted());
      source.beforeScrape();
    } catch (RuntimeException e) {
      LOG.warn("metrics: health not available for the state gauges ({})", e.toString());
    }
    return send(200, PROMETHEUS_TEXT, metrics.scrape());
  }

  private static HttpResponse send(int status, String type, String body) {
    return new HttpResponse(status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.close();
  }
}
