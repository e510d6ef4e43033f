package dev.alvh.app.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.ops.HealthServer;
import dev.alvh.app.runtime.Bot;
import dev.alvh.app.config.HealthConfig;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local client that sends half a request and stalls must not freeze the control channel or
 * /health: the real requests are answered within a second (a correctness bound on loopback, not a
 * benchmark), with one and with 50 stalled clients.
 */
class StalledClientTest {

  private static final Duration BOUND = Duration.ofSeconds(1);

  @TempDir
  Path dir;

  private Bot bot;
  private ControlServer control;
  private HealthServer health;
  private final List<Socket> stalled = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    bot = TestBots.bot(dir, TestBots.clock());
    String token = ControlFiles.loadOrCreateToken(dir);
    control = ControlServer.start("127.0.0.1", 0, token, new ControlService(bot));
    ControlFiles.writeEndpoint(dir, new ControlFiles.Endpoint(ProcessHandle.current().pid(), control.port(),
        control.url(), control.url() + "/command", null, "now"));
    health = HealthServer.start(HealthConfig.DEFAULTS, bot, bot.metrics());
    // warm both paths once (class loading, the store's first queries)
    new ControlClient(dir, "ctl").send(List.of("status"));
    get(health.healthUrl(), Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket s : stalled) {
      s.close();
    }
    control.close();
    health.close();
    bot.close();
  }

  private void stall(int port, int clients) throws Exception {
    for (int i = 0; i < clients; i++) {
      Socket s = new Socket("127.0.0.1", port);
      OutputStream o = s.getOutputStream();
      o.write("POST /command HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
      o.flush();
      stalled.add(s);
    }
  }

  private static HttpResponse<String> get(String url, Duration timeout) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** ctl status through the data directory, and /health, each answered within the bound. */
  private void assertBothAnswerWithinASecond() throws Exception {
    long t0 = System.nanoTime();
    Reply r = new ControlClient(dir, "ctl").send(List.of("status"));
    Duration ctl = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(r.ok()).isTrue();
    assertThat(ctl).isLessThan(BOUND);

    long t1 = System.nanoTime();
    HttpResponse<String> h = get(health.healthUrl(), Duration.ofSeconds(30));
    Duration took = Duration.ofNanos(System.nanoTime() - t1);
    assertThat(h.body()).contains("\"status\"");
    assertThat(took).isLessThan(BOUND);
  }

  @Test
  void oneStalledClientOnEachServerDelaysNothing() throws Exception {
    stall(control.port(), 1);
    stall(health.port(), 1);
    assertBothAnswerWithinASecond();
  }

  @Test
  void fiftyStalledClientsOnEachServerDelayNothing() throws Exception {
    stall(control.port(), 50);
    stall(health.port(), 50);
    assertBothAnswerWithinASecond();
  }

  @Test
  void aClientThatSendsTheHeadersAndStallsInTheBodyDelaysNothing() throws Exception {
    for (int i = 0; i < 20; i++) {
      Socket s = new Socket("127.0.0.1", control.port());
      s.getOutputStream().write(("POST /command HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"ar")
          .getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      stalled.add(s);
    }
    assertBothAnswerWithinASecond();
  }
}
