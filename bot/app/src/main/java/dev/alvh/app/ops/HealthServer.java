package dev.alvh.app.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.alvh.core.Check;
import dev.alvh.core.config.HealthConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health and metrics server on loopback (JDK {@link HttpServer}, one daemon thread):
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

  private final HttpServer server;
  private final ExecutorService executor;
  private final HealthSource source;
  private final BotMetrics metrics;

  private HealthServer(HttpServer server, ExecutorService executor, HealthSource source, BotMetrics metrics) {
    this.server = server;
    this.executor = executor;
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
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + config.bindAddress() + ":" + config.port()
          + " (health.port): " + e.getMessage(), e);
    }
    ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "alvh-health");
      t.setDaemon(true);
      return t;
    });
    HealthServer s = new HealthServer(http, exec, source, metrics);
    http.createContext("/health", s::health);
    http.createContext("/metrics", s::metrics);
    http.createContext("/", ex -> s.send(ex, 404, "text/plain; charset=utf-8", "not found: try /health or /metrics\n"));
    http.setExecutor(exec);
    http.start();
    LOG.info("health at {}", s.healthUrl());
    return s;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
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
    String host = server.getAddress().getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  private void health(HttpExchange ex) throws IOException {
    if (!"/health".equals(ex.getRequestURI().getPath())) {
      send(ex, 404, "text/plain; charset=utf-8", "not found\n");
      return;
    }
    HealthStatus h;
    try {
      h = source.health();
    } catch (RuntimeException e) {
      send(ex, 500, "application/json", "{\"status\":\"error\",\"error\":" + JSON.writeValueAsString(e.toString()) + "}");
      return;
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("status", h.ok() ? "ok" : "degraded");
    o.put("brokerConnected", h.brokerConnected());
    putSeconds(o, "heartbeatAgeSeconds", h.heartbeatAge());
    putSeconds(o, "lastCycleAgeSeconds", h.lastCycleAge());
    o.put("lastCycleOutcome", h.lastCycleOutcome());
    o.put("hedgeState", h.hedgeState());
    o.put("halted", h.halted());
    o.put("haltReason", h.haltReason());
    o.put("killSwitch", h.killSwitch());
    send(ex, h.ok() ? 200 : 503, "application/json", JSON.writeValueAsString(o));
  }

  private static void putSeconds(ObjectNode o, String name, Optional<Duration> d) {
    if (d.isPresent()) {
      o.put(name, d.get().getSeconds());
    } else {
      o.putNull(name);
    }
  }

  private void metrics(HttpExchange ex) throws IOException {
    // The state gauges follow /health at every scrape: they are otherwise set only when a job runs
    // or the connection changes, so a bot started on a closed market showed the broker down.
    try {
      HealthStatus h = source.health();
      metrics.state(h.brokerConnected(), h.halted());
    } catch (RuntimeException e) {
      LOG.warn("metrics: health not available for the state gauges ({})", e.toString());
    }
    send(ex, 200, PROMETHEUS_TEXT, metrics.scrape());
  }

  private void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
