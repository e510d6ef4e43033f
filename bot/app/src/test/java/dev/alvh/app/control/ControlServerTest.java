package dev.alvh.app.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.app.runtime.Bot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The control channel over a real loopback socket: token, refusals, files, client. */
class ControlServerTest {

  @TempDir
  Path dir;

  private Bot bot;
  private ControlServer server;
  private String token;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    bot = TestBots.bot(dir, TestBots.clock());
    token = ControlFiles.loadOrCreateToken(dir);
    server = ControlServer.start("127.0.0.1", 0, token, new ControlService(bot));
    ControlFiles.writeEndpoint(dir, new ControlFiles.Endpoint(ProcessHandle.current().pid(), server.port(),
        server.url(), server.url() + "/command", null, "now"));
  }

  @AfterEach
  void stop() {
    server.close();
    bot.close();
  }

  private HttpResponse<String> post(String path, String body, String auth) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRequestWithoutTheTokenIsRefusedWith401AndChangesNothing() throws Exception {
    HttpResponse<String> r = post("/command", "{\"args\":[\"pause\"]}", null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("unauthorized");
    assertThat(bot.controls().paused()).isFalse();
    assertThat(bot.store().count("audit")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer wrong", "Bearer ", "Basic abc", "bearer x"})
  void aWrongTokenIsRefused(String auth) throws Exception {
    assertThat(post("/command", "{\"args\":[\"pause\"]}", auth).statusCode()).isEqualTo(401);
    assertThat(bot.controls().paused()).isFalse();
  }

  @Test
  void theRightTokenRunsTheCommandAndTheAuditNamesTheClient() throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(server.url() + "/command"))
        .header("Authorization", "Bearer " + token).header(ControlServer.CLIENT_HEADER, "ctl")
        .POST(HttpRequest.BodyPublishers.ofString("{\"args\":[\"pause\"]}")).build();
    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"ok\":true");
    assertThat(bot.controls().paused()).isTrue();
    assertThat(bot.audit().last(1).get(0).source()).isEqualTo("ctl@127.0.0.1");
  }

  @Test
  void badBodiesMethodsAndPathsGetClearAnswers() throws Exception {
    assertThat(post("/command", "not json", "Bearer " + token).statusCode()).isEqualTo(400);
    assertThat(post("/command", "{\"words\":[]}", "Bearer " + token).body()).contains("no 'args' array");
    assertThat(post("/elsewhere", "{}", "Bearer " + token).statusCode()).isEqualTo(404);
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/command"))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    HttpResponse<String> ping = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/ping"))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ping.statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "192.0.2.10", "::"})
  void aNonLoopbackAddressIsRefused(String address) {
    assertThatThrownBy(() -> ControlServer.start(address, 0, token, new ControlService(bot)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("console.bindAddress must be a loopback address")
        .hasMessageContaining("'" + address + "'");
  }

  @Test
  void theTokenFileIsReadableByItsOwnerAloneAndKeptAcrossStarts() throws Exception {
    Path f = dir.resolve(ControlFiles.TOKEN);
    if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    }
    assertThat(ControlFiles.loadOrCreateToken(dir)).isEqualTo(token).hasSize(64);
    if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    }
  }

  @Test
  void theClientFindsTheBotThroughTheDataDirectory() {
    Reply r = new ControlClient(dir, "ctl").send(List.of("status"));
    assertThat(r.ok()).isTrue();
    assertThat(r.data()).containsEntry("mode", "paper");
  }

  @Test
  void theClientFollowsABotThatRestartedOnAnotherPort() throws Exception {
    ControlClient client = new ControlClient(dir, "console");
    assertThat(client.send(List.of("pause")).ok()).isTrue();
    server.close();
    server = ControlServer.start("127.0.0.1", 0, token, new ControlService(bot));
    ControlFiles.writeEndpoint(dir, new ControlFiles.Endpoint(2, server.port(), server.url(),
        server.url() + "/command", null, "later"));
    assertThat(client.send(List.of("status")).data()).containsEntry("paused", true);
  }

  @Test
  void theClientSaysInOneLineWhenThereIsNoBot() throws Exception {
    Path empty = dir.resolve("empty");
    assertThatThrownBy(() -> new ControlClient(empty, "ctl").send(List.of("status")))
        .isInstanceOf(ControlClient.ControlException.class).hasMessageContaining("no bot is running with data"
            + " directory").hasMessageNotContaining("\n");
    server.close();
    assertThatThrownBy(() -> new ControlClient(dir, "ctl").send(List.of("status")))
        .isInstanceOf(ControlClient.ControlException.class).hasMessageContaining("cannot reach the bot at "
            + server.url());
    Files.writeString(dir.resolve(ControlFiles.TOKEN), "0".repeat(64));
    server = ControlServer.start("127.0.0.1", 0, token, new ControlService(bot));
    ControlFiles.writeEndpoint(dir, new ControlFiles.Endpoint(1, server.port(), server.url(),
        server.url() + "/command", null, "now"));
    assertThatThrownBy(() -> new ControlClient(dir, "ctl").send(List.of("status")))
        .isInstanceOf(ControlClient.ControlException.class).hasMessageContaining("refused the token");
  }

  @Test
  void theEndpointFileIsRemovedOnlyByItsOwnProcess() throws Exception {
    ControlFiles.removeEndpoint(dir, -1);
    assertThat(ControlFiles.readEndpoint(dir)).isPresent();
    ControlFiles.removeEndpoint(dir, ProcessHandle.current().pid());
    assertThat(ControlFiles.readEndpoint(dir)).isEmpty();
  }
}
