package dev.alvh.app.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.app.ops.LoopbackHttp;
import dev.alvh.app.ops.LoopbackHttp.HttpRequest;
import dev.alvh.app.ops.LoopbackHttp.HttpResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control channel: a small HTTP server on a loopback address ({@link LoopbackHttp}: read
 * timeouts and a bounded worker pool, so one stalled client cannot freeze it; JSON with Jackson).
 *
 * <p>{@code POST /command} with {@code {"args": ["set", "hedge.l1.vixTrigger", "15"]}} runs one
 * command through {@link ControlService} and answers the {@link Reply} as JSON; {@code GET /ping}
 * answers {@code {"ok": true}}. Every request must carry {@code Authorization: Bearer TOKEN};
 * any other gets 401 and a log line. A non-loopback bind address is refused.
 */
public final class ControlServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 64 * 1024;
  /** The header naming the client program (console or ctl), for the audit trail. */
  public static final String CLIENT_HEADER = "X-Alvh-Client";

  private final LoopbackHttp server;
  private final InetAddress address;
  private final byte[] token;
  private final ControlService service;

  private ControlServer(LoopbackHttp server, InetAddress address, String token, ControlService service) {
    this.server = server;
    this.address = address;
    this.token = token.getBytes(StandardCharsets.US_ASCII);
    this.service = service;
  }

  /**
   * Starts listening on {@code bindAddress:port} (port 0: any free port).
   *
   * @throws IllegalArgumentException when the address is not a loopback address
   * @throws IOException when the port cannot be bound
   */
  public static ControlServer start(String bindAddress, int port, String token, ControlService service)
      throws IOException {
    return start(bindAddress, port, token, service,
        java.time.Duration.ofSeconds(dev.alvh.app.config.ConsoleConfig.DEFAULT_READ_TIMEOUT_SECONDS));
  }

  /**
   * As above, closing a connection that sends nothing for {@code readTimeout}
   * ({@code console.readTimeoutSeconds}).
   */
  public static ControlServer start(String bindAddress, int port, String token, ControlService service,
      java.time.Duration readTimeout) throws IOException {
    InetAddress a;
    try {
      a = InetAddress.getByName(bindAddress);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("console.bindAddress must be a loopback address (127.0.0.1, ::1 or"
          + " localhost), but was '" + bindAddress + "' (unknown host)");
    }
    if (!a.isLoopbackAddress()) {
      throw new IllegalArgumentException("console.bindAddress must be a loopback address (127.0.0.1, ::1 or"
          + " localhost), but was '" + bindAddress + "': the control channel listens on loopback only in this"
          + " version");
    }
    if (token == null || token.length() < 16) {
      throw new IllegalArgumentException("control token must be at least 16 characters");
    }
    ControlServer[] self = new ControlServer[1];
    LoopbackHttp http = LoopbackHttp.start(a, port, "alvh-control", MAX_BODY, readTimeout,
        r -> self[0].handle(r));
    self[0] = new ControlServer(http, a, token, service);
    return self[0];
  }

  /** The port it listens on. */
  public int port() {
    return server.port();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]"
        : address.getHostAddress();
    return "http://" + host + ":" + port();
  }

  private HttpResponse handle(HttpRequest x) throws IOException {
    String from = x.remoteAddress();
    if (!authorized(x)) {
      LOG.warn("refused a control request from {} to {}: missing or wrong token", from, x.path());
      return send(401, Reply.error("unauthorized: the request must carry the token of the bot's data directory"));
    }
    String path = x.path();
    if ("/ping".equals(path)) {
      return send(200, Reply.ok("pong", Map.of("pid", ProcessHandle.current().pid())));
    }
    if (!"/command".equals(path)) {
      return send(404, Reply.error("no such endpoint '" + path + "'; use POST /command"));
    }
    if (!"POST".equals(x.method())) {
      return send(405, Reply.error("/command takes POST, but got " + x.method()));
    }
    List<String> words;
    try {
      words = words(x.body());
    } catch (IOException | RuntimeException e) {
      return send(400, Reply.error("the body must be JSON {\"args\": [\"command\", \"arg\", ...]}: " + e.getMessage()));
    }
    String client = x.header(CLIENT_HEADER).orElse(null);
    String source = (client == null || !client.matches("[a-z]{1,16}") ? "client" : client) + "@" + from;
    Reply r = service.execute(words, source);
    return send(200, r);
  }

  private boolean authorized(HttpRequest x) {
    String h = x.header("Authorization").orElse(null);
    if (h == null || !h.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(token, h.substring(7).strip().getBytes(StandardCharsets.US_ASCII));
  }

  private static List<String> words(byte[] body) throws IOException {
    JsonNode n = JSON.readTree(body);
    if (n == null || !n.has("args") || !n.get("args").isArray()) {
      throw new IOException("no 'args' array");
    }
    List<String> out = new ArrayList<>();
    n.get("args").forEach(a -> out.add(a.asText()));
    return out;
  }

  private static HttpResponse send(int code, Reply r) throws IOException {
    return new HttpResponse(code, "application/json", JSON.writeValueAsBytes(r));
  }

  @Override
  public void close() {
    server.close();
  }
}
