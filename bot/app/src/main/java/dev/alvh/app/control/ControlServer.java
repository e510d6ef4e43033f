package dev.alvh.app.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control channel: a small HTTP server on a loopback address (JDK {@code HttpServer}, JSON
 * with Jackson).
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

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] token;
  private final ControlService service;

  private ControlServer(HttpServer server, ExecutorService executor, String token, ControlService service) {
    this.server = server;
    this.executor = executor;
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
    HttpServer s = HttpServer.create(new InetSocketAddress(a, port), 16);
    ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "alvh-control");
      t.setDaemon(true);
      return t;
    });
    ControlServer cs = new ControlServer(s, ex, token, service);
    s.createContext("/", cs::handle);
    s.setExecutor(ex);
    s.start();
    return cs;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    InetAddress a = server.getAddress().getAddress();
    String host = a.getHostAddress().contains(":") ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
    return "http://" + host + ":" + port();
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String from = x.getRemoteAddress().getAddress().getHostAddress();
      if (!authorized(x)) {
        LOG.warn("refused a control request from {} to {}: missing or wrong token", from, x.getRequestURI().getPath());
        send(x, 401, Reply.error("unauthorized: the request must carry the token of the bot's data directory"));
        return;
      }
      String path = x.getRequestURI().getPath();
      if ("/ping".equals(path)) {
        send(x, 200, Reply.ok("pong", Map.of("pid", ProcessHandle.current().pid())));
        return;
      }
      if (!"/command".equals(path)) {
        send(x, 404, Reply.error("no such endpoint '" + path + "'; use POST /command"));
        return;
      }
      if (!"POST".equals(x.getRequestMethod())) {
        send(x, 405, Reply.error("/command takes POST, but got " + x.getRequestMethod()));
        return;
      }
      List<String> words;
      try {
        words = words(x.getRequestBody());
      } catch (IOException | RuntimeException e) {
        send(x, 400, Reply.error("the body must be JSON {\"args\": [\"command\", \"arg\", ...]}: " + e.getMessage()));
        return;
      }
      String client = x.getRequestHeaders().getFirst(CLIENT_HEADER);
      String source = (client == null || !client.matches("[a-z]{1,16}") ? "client" : client) + "@" + from;
      Reply r = service.execute(words, source);
      send(x, 200, r);
    } catch (RuntimeException e) {
      LOG.error("control request failed: {}", e.toString(), e);
    }
  }

  private boolean authorized(HttpExchange x) {
    String h = x.getRequestHeaders().getFirst("Authorization");
    if (h == null || !h.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(token, h.substring(7).strip().getBytes(StandardCharsets.US_ASCII));
  }

  private static List<String> words(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw new IOException("body larger than " + MAX_BODY + " bytes");
    }
    JsonNode n = JSON.readTree(body);
    if (n == null || !n.has("args") || !n.get("args").isArray()) {
      throw new IOException("no 'args' array");
    }
    List<String> out = new ArrayList<>();
    n.get("args").forEach(a -> out.add(a.asText()));
    return out;
  }

  private static void send(HttpExchange x, int code, Reply r) throws IOException {
    byte[] b = JSON.writeValueAsBytes(r);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(code, b.length);
    try (OutputStream o = x.getResponseBody()) {
      o.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
