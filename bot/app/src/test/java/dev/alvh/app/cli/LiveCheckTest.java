package dev.alvh.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.server.TwsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: {@code alvh live --check} against the paper TWS prints every line and exits 0; a fix exits 1. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveCheckTest {

  @TempDir
  Path dir;

  @RegisterExtension
  final StdStreams io = new StdStreams();

  @Test
  void againstThePaperTwsEveryLineIsOkAndItExits0() throws Exception {
    Clock wall = Instant::now;
    try (TwsServer server = PaperTws.build(BotConfig.DEFAULTS, wall, Duration.ofMillis(200))) {
      int port = server.start("127.0.0.1", 0);
      int code = Main.run("live", "--check", "--port", String.valueOf(port));
      String out = io.out();
      assertThat(code).as(out + io.err()).isZero();
      assertThat(out).contains("connection        OK server version 178", "account           OK paper account DU****001",
          "data SPX index    OK real-time", "data SPXW options OK real-time", "data VIX options  OK real-time",
          "data VX futures   OK real-time", "what-if condor    OK SPXW", "what-if hedge L1  OK VIX",
          "clock skew        OK", "foreign orders    OK none", "positions         OK 0");
      assertThat(out).doesNotContain("FIX").doesNotContain("DU0000001");
      assertThat(server.ordersReceived()).as("what-if only").isEmpty();
    }
  }

  @Test
  void delayedDataAndAnUnconfirmedLiveAccountAreFixesAndExit1() throws Exception {
    Clock wall = Instant::now;
    try (TwsServer server = PaperTws.build(BotConfig.DEFAULTS, wall, Duration.ofMillis(200), 1, "U1234567")) {
      server.faults().marketDataType(3);
      int port = server.start("127.0.0.1", 0);
      Path cfg = Files.writeString(dir.resolve("c.yaml"), "live:\n  confirmAccount: U7654321\n");
      assertThat(Main.run("live", "--check", "--port", String.valueOf(port), "--config", cfg.toString())).isEqualTo(1);
      assertThat(io.out()).contains("account           FIX: live account U****567; set live.confirmAccount")
          .contains("data SPXW options FIX: marketDataType 3 (not real-time)");
    }
  }
}
