package dev.alvh.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.hedge.EventsCsv;
import dev.alvh.app.runtime.BotLock;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operator mistake of the command line gives one line on stderr, no stack trace, and exit 2
 * before the data directory is touched.
 */
class OperatorErrorsTest {

  @TempDir
  Path dir;

  @RegisterExtension
  final StdStreams io = new StdStreams();

  private Path data() {
    return dir.resolve("data");
  }

  private String oneLine(int code, int expected) {
    assertThat(code).as("exit code; stderr: %s", io.err()).isEqualTo(expected);
    List<String> lines = io.err().lines().toList();
    assertThat(lines).as("one line, no stack trace: %s", io.err()).hasSize(1);
    assertThat(io.err()).doesNotContain("\tat ", "Exception");
    return lines.get(0);
  }

  private Path config(String yaml) throws Exception {
    return Files.writeString(dir.resolve("bot.yaml"), yaml);
  }

  @Test
  void aMissingEventsFileIsOneLineBeforeTheDataDirectoryIsCreated() throws Exception {
    Path cfg = config("hedge:\n  desk:\n    eventsFile: " + dir.resolve("nope.csv") + "\n");
    String line = oneLine(Main.run("paper", "--config", cfg.toString(), "--data-dir", data().toString()), 2);
    assertThat(line).contains("hedge.desk.eventsFile", "nope.csv", "does not exist");
    assertThat(data()).doesNotExist();
  }

  @Test
  void anEventsFileOutOfOrderIsOneLineNamingTheLine() throws Exception {
    Path events = Files.writeString(dir.resolve("events.csv"),
        "date,kind,note\n2024-03-20,FOMC,\n2024-03-12,CPI,\n");
    Path cfg = config("hedge:\n  desk:\n    eventsFile: " + events + "\n");
    String line = oneLine(Main.run("paper", "--config", cfg.toString(), "--data-dir", data().toString()), 2);
    assertThat(line).contains("line 3", "dates must ascend");
    assertThat(data()).doesNotExist();
  }

  @Test
  void theReplayChecksTheEventsFileToo() throws Exception {
    Path cfg = config("hedge:\n  desk:\n    eventsFile: " + dir.resolve("nope.csv") + "\n");
    String line = oneLine(Main.run("replay", "--config", cfg.toString(), "--data-dir", data().toString()), 2);
    assertThat(line).contains("hedge.desk.eventsFile");
    assertThat(data()).doesNotExist();
  }

  @Test
  void theDefaultEventsFileShipsInsideTheJar() throws Exception {
    try (InputStream in = EventsCsv.class.getResourceAsStream("/alvh/events.csv")) {
      assertThat(in).as("events.csv bundled as a resource").isNotNull();
      List<EventsCsv.Event> bundled = EventsCsv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines().toList(), "bundled");
      assertThat(bundled).isEqualTo(EventsCsv.read(EventsCsv.resolve("paper-config/events.csv")));
    }
  }

  @Test
  void aSecondBotOnTheSameDataDirectoryIsOneLineNamingThePidAndLeavesNoTraceFile() throws Exception {
    Files.createDirectories(data());
    try (BotLock held = BotLock.acquire(data().resolve("alvh.mv.db"))) {
      String line = oneLine(Main.run("paper", "--data-dir", data().toString()), 2);
      assertThat(line).contains("already running", "pid " + ProcessHandle.current().pid());
    }
    assertThat(data().resolve("alvh.trace.db")).doesNotExist();
    assertThat(data().resolve("alvh.mv.db")).as("the database was not opened").doesNotExist();
  }

  @Test
  void anUncreatableDataDirectoryIsOneLine() {
    String line = oneLine(Main.run("paper", "--data-dir", "/proc/nope"), 2);
    assertThat(line).contains("/proc/nope", "cannot be created or written");
  }

  @Test
  void anUnwritableReportFolderIsRefusedBeforeTheReplayRuns() {
    String line = oneLine(Main.run("replay", "--data-dir", data().toString(), "--report", "/proc/nope/report"), 2);
    assertThat(line).contains("--report", "/proc/nope/report");
    assertThat(io.out()).doesNotContain("Replay of");
    assertThat(data()).doesNotExist();
  }

  @Test
  void aConfigThatIsNotYamlIsOneLine() throws Exception {
    Path cfg = config("condor: [1,\n  dteMin: {\n\u0000\u0001 ]]\n");
    String line = oneLine(Main.run("paper", "--config", cfg.toString(), "--data-dir", data().toString()), 2);
    assertThat(line).contains("is not valid YAML");
    assertThat(data()).doesNotExist();
  }

  @Test
  void aHugeNumberNamesTheKey() throws Exception {
    Path cfg = config("condor:\n  dteMin: 99999999999999\n");
    String line = oneLine(Main.run("paper", "--config", cfg.toString(), "--data-dir", data().toString()), 2);
    assertThat(line).contains("condor.dteMin", "99999999999999", "too large");
  }

  @Test
  void aKeyGivenTwiceIsRefused() throws Exception {
    Path cfg = config("condor:\n  dteMin: 40\n  dteMin: 45\n");
    String line = oneLine(Main.run("paper", "--config", cfg.toString(), "--data-dir", data().toString()), 2);
    assertThat(line).contains("'dteMin' is given twice");
  }

  @Test
  void brokerTypeInTheConfigIsHonoured() throws Exception {
    // broker.type ibkr without --broker: the IBKR rules apply (a real account trades in real time)
    Path cfg = config("broker:\n  type: ibkr\n");
    String line = oneLine(Main.run("paper", "--config", cfg.toString(), "--data-dir", data().toString(),
        "--speed", "600"), 2);
    assertThat(line).contains("--speed must be 1 with --broker ibkr");
    assertThat(data()).doesNotExist();
  }

  @Test
  void anExplicitBrokerOverridesTheConfigAndSaysSo() throws Exception {
    Path cfg = config("broker:\n  type: ibkr\n");
    String line = oneLine(Main.run("paper", "--config", cfg.toString(), "--broker", "paper", "--port", "4002",
        "--data-dir", data().toString()), 2);
    assertThat(line).contains("--port", "only with --broker ibkr");
    assertThat(io.out()).contains("--broker paper overrides broker.type ibkr of the configuration");
  }
}
