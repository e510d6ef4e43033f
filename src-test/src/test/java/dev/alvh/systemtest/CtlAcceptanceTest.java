package dev.alvh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.app.cli.Main;
import dev.alvh.app.control.ControlFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's acceptance with {@code ctl} against a running {@code alvh paper} process: pause shows
 * in status, set changes the rule, halt cancels working orders, history lists the three actions,
 * a request without the token is refused.
 */
class CtlAcceptanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private Path data;

  /** Runs {@code alvh ctl ARGS --data-dir DATA} in this JVM; returns the exit code and stdout. */
  private Result ctl(String... args) {
    List<String> all = new ArrayList<>(List.of("ctl", "--data-dir", data.toString()));
    all.addAll(List.of(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = Main.run(all.toArray(String[]::new));
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private record Result(int code, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  @Test
  void pauseSetHaltAndHistoryThroughCtlOnARunningPaperBot() throws Exception {
    Path jar = Path.of("..").toAbsolutePath().normalize().resolve("bot/app/target/alvh.jar");
    assumeTrue(Files.isRegularFile(jar), "bot/app/target/alvh.jar is not built: run ./mvnw verify (or package)");
    data = tmp.resolve("data");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process bot = new ProcessBuilder(java, "-jar", jar.toString(), "paper", "--speed", "600", "--data-dir",
        data.toString()).redirectOutput(tmp.resolve("bot.out").toFile()).redirectError(tmp.resolve("bot.err").toFile())
        .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!Files.exists(data.resolve(ControlFiles.ENDPOINT))) {
        if (!bot.isAlive() || System.nanoTime() > deadline) {
          fail("the bot did not start: %s", Files.readString(tmp.resolve("bot.err")));
        }
        Thread.sleep(200);
      }
      assertThat(ctl("pause").code()).isZero();
      Result status = ctl("status", "--json");
      assertThat(status.code()).isZero();
      assertThat(status.json().at("/data/paused").asBoolean()).isTrue();

      assertThat(ctl("set", "hedge.l1.vixTrigger", "15").code()).isZero();
      assertThat(ctl("hedge", "--json").json().at("/data/rules/hedge.l1.vixTrigger").asDouble()).isEqualTo(15.0);
      assertThat(ctl("status").out()).contains("overrides   hedge.l1.vixTrigger=15");
      Result bad = ctl("set", "hedge.l1.vixTrigger", "-3");
      assertThat(bad.code()).isEqualTo(1);
      assertThat(bad.err()).contains("hedge.l1.vixTrigger must be in");

      Result halt = ctl("halt", "--json");
      assertThat(halt.code()).isZero();
      assertThat(halt.json().at("/data/halted").asBoolean()).isTrue();
      assertThat(halt.json().at("/data/cancelled").isInt()).isTrue();
      assertThat(ctl("status", "--json").json().at("/data/workingOrders").asInt()).isZero();

      assertThat(ctl("force", "L2", "--until", "2099-01-01").code()).isZero();
      Result flatten = ctl("flatten", "all");
      assertThat(flatten.code()).isEqualTo(1);
      assertThat(flatten.err()).contains("confirm with --yes");
      assertThat(ctl("flatten", "all", "--yes").code()).isZero();
      assertThat(ctl("frobnicate").code()).isEqualTo(2);

      Result history = ctl("history", "--json");
      assertThat(history.code()).isZero();
      List<String> commands = new ArrayList<>();
      // The history interleaves hedge transitions (type "transition") with operator commands.
      history.json().at("/data/history").forEach(h -> {
        if ("operator".equals(h.path("type").asText())) {
          commands.add(h.get("command").asText());
        }
      });
      assertThat(commands).containsSubsequence("pause", "set hedge.l1.vixTrigger 15", "halt");

      ControlFiles.Endpoint e = ControlFiles.readEndpoint(data).orElseThrow();
      HttpResponse<String> noToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(e.commandUrl()))
          .POST(HttpRequest.BodyPublishers.ofString("{\"args\":[\"resume\"]}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(noToken.statusCode()).isEqualTo(401);
      assertThat(ctl("status", "--json").json().at("/data/paused").asBoolean()).isTrue();
    } finally {
      bot.destroy();
      if (!bot.waitFor(90, TimeUnit.SECONDS)) {
        bot.destroyForcibly();
      }
    }
    assertThat(bot.exitValue()).isZero();
    assertThat(Files.readString(tmp.resolve("bot.err"))).contains("refused a control request from 127.0.0.1");
    assertThat(ctl("status").code()).as("no bot any more").isEqualTo(3);
  }
}
