package dev.alvh.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.server.TwsServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code alvh paper-tws} and {@code alvh ibkr-check}: usage errors, and the check against the paper TWS. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IbkrCommandsTest {

  @TempDir
  Path dir;

  @RegisterExtension
  final StdStreams io = new StdStreams();

  private String stdout() {
    return io.out();
  }

  private String stderr() {
    return io.err();
  }

  @ParameterizedTest
  @ValueSource(strings = {"paper-tws", "ibkr-check"})
  void bothHaveHelp(String name) {
    assertThat(Main.run(name, "--help")).isZero();
    assertThat(stdout()).contains("Usage: alvh " + name);
  }

  @Test
  void ibkrCheckWithBadConfigSaysSoInOneLineAndExits2() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "broker:\n  ibkr:\n    maxMessagesPerSecond: 60\n");
    assertThat(Main.run("ibkr-check", "--config", broken.toString())).isEqualTo(2);
    assertThat(stderr().lines()).hasSize(1).first().asString()
        .contains("broker.ibkr.maxMessagesPerSecond must be in [1, 49], but was 60");
  }

  @Test
  void ibkrCheckWithABadOptionNamesIt() {
    assertThat(Main.run("ibkr-check", "--market-data-type", "9")).isEqualTo(2);
    assertThat(stderr().lines()).hasSize(1).first().asString()
        .contains("--market-data-type must be in [1, 4], but was 9");
  }

  @Test
  void paperTwsWithABadPortExits2() {
    assertThat(Main.run("paper-tws", "--port", "70000")).isEqualTo(2);
    assertThat(stderr()).contains("--port must be in [1, 65535], but was 70000");
  }

  @Test
  void ibkrCheckWithNoTwsListeningFailsWithExit1AndSaysWhy() throws Exception {
    int free;
    try (ServerSocket s = new ServerSocket(0)) {
      free = s.getLocalPort();
    }
    assertThat(Main.run("ibkr-check", "--port", String.valueOf(free))).isEqualTo(1);
    assertThat(stderr()).contains("cannot connect to TWS at 127.0.0.1:" + free);
  }

  @Test
  void ibkrCheckAgainstThePaperTwsPrintsEveryFieldAndExits0() throws Exception {
    Clock wall = Instant::now;
    try (TwsServer server = PaperTws.build(BotConfig.DEFAULTS, wall, Duration.ofMillis(200))) {
      int port = server.start("127.0.0.1", 0);
      int code = Main.run("ibkr-check", "--port", String.valueOf(port), "--what-if");
      assertThat(code).as(stdout() + stderr()).isZero();
      assertThat(stdout()).contains("server version    178", "accounts          DU****001",
          "net liquidation   1000000.00 USD", "positions         0", "SPXW next", "VIX next", "VX future",
          "what-if condor    SPXW", "margin: initial change 5000.00");
      assertThat(stdout()).containsPattern("SPX +\\d+\\.\\d\\d").containsPattern("VIX3M +\\d+\\.\\d\\d")
          .containsPattern("SPXW next +\\d{4}-\\d\\d-\\d\\d \\(\\d+ strikes")
          .containsPattern("daily history +SPX [1-9]\\d+, VIX [1-9]\\d+, VIX3M [1-9]\\d+ daily closes \\(504 asked\\)"
              + " \\d{4}-\\d\\d-\\d\\d\\.\\.\\d{4}-\\d\\d-\\d\\d");
      assertThat(stdout()).doesNotContain("FAILED").doesNotContain("DU0000001");
      assertThat(server.ordersReceived()).isEmpty();
    }
  }
}
