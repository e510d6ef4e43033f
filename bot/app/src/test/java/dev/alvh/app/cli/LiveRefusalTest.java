package dev.alvh.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.server.TwsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, first acceptance line, the refusals: {@code alvh live} without {@code live.confirmAccount},
 * with another account, or against a paper (DU) account, and {@code alvh paper --broker ibkr}
 * against a live-looking account, each refuse with one line and exit 2, and TWS receives nothing
 * but the handshake's startApi (no order, no subscription, no request).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveRefusalTest {

  @TempDir
  Path dir;

  @RegisterExtension
  final StdStreams io = new StdStreams();

  private TwsServer tws;

  @AfterEach
  void stop() {
    if (tws != null) {
      tws.close();
    }
  }

  private int serve(String account) throws Exception {
    Clock wall = Instant::now;
    tws = PaperTws.build(BotConfig.DEFAULTS, wall, Duration.ofMillis(200), 1, account);
    return tws.start("127.0.0.1", 0);
  }

  private Path config(String confirm) throws Exception {
    return Files.writeString(dir.resolve("live.yaml"), "live:\n  confirmAccount: \"" + confirm + "\"\n");
  }

  /** Standard error without the test logger's lines (the shipped console log is quiet below WARN). */
  private java.util.List<String> errLines() {
    return io.err().lines().filter(l -> !l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (INFO|DEBUG) .*")).toList();
  }

  private void assertOneLineAndNothingSent(String expected) {
    assertThat(errLines()).as(io.err() + io.out()).hasSize(1).first().asString().contains(expected)
        .doesNotContain("1234567").doesNotContain("0000001");
    if (tws != null) {
      assertThat(tws.messagesReceived()).as("only the handshake's startApi reached TWS")
          .isEqualTo(Map.of("StartApi", 1));
    }
  }

  @Test
  void liveWithoutConfirmAccountRefusesBeforeConnecting() throws Exception {
    int port = serve("U1234567");
    assertThat(Main.run("live", "--port", Integer.toString(port), "--data-dir", dir.resolve("d").toString()))
        .isEqualTo(2);
    assertThat(errLines()).hasSize(1).first().asString().contains("live.confirmAccount is not set");
    assertThat(tws.messagesReceived()).as("not even connected").isEmpty();
  }

  @Test
  void liveNamesItselfWhenItsDataDirectoryCannotBeWritten() throws Exception {
    assertThat(Main.run("live", "--port", "1", "--config", config("U1234567").toString(), "--data-dir", "/proc/nope"))
        .isEqualTo(2);
    assertThat(errLines()).hasSize(1).first().asString().startsWith("live: the data directory")
        .contains("/proc/nope");
  }

  @Test
  void liveAgainstAnotherLiveAccountRefuses() throws Exception {
    int port = serve("U1234567");
    assertThat(Main.run("live", "--port", Integer.toString(port), "--config", config("U7654321").toString(),
        "--data-dir", dir.resolve("d").toString())).isEqualTo(2);
    assertOneLineAndNothingSent("TWS reports the live account U****567 but live.confirmAccount is U****321");
  }

  @Test
  void liveAgainstAPaperAccountRefuses() throws Exception {
    int port = serve("DU0000001");
    assertThat(Main.run("live", "--port", Integer.toString(port), "--config", config("DU0000001").toString(),
        "--data-dir", dir.resolve("d").toString())).isEqualTo(2);
    assertOneLineAndNothingSent("TWS reports the paper account DU****001; alvh live trades only a live account");
  }

  @Test
  void paperWithIbkrAgainstALiveAccountRefuses() throws Exception {
    int port = serve("U1234567");
    assertThat(Main.run("paper", "--broker", "ibkr", "--port", Integer.toString(port), "--data-dir",
        dir.resolve("d").toString())).isEqualTo(2);
    assertOneLineAndNothingSent("TWS reports the live account U****567; alvh paper trades only a paper account");
  }
}
