package dev.alvh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alvh.app.cli.PaperTws;
import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.runtime.SteppedClock;
import dev.alvh.app.store.Store;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.server.TwsServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, first acceptance line: against a paper TWS presenting a live account ({@code U1234567}),
 * {@code alvh live} with the matching {@code live.confirmAccount} opens a condor end to end (the
 * built jar as its own process, one morning cycle in step mode; approval mode off). The refusals are
 * in bot/app's {@code LiveRefusalTest}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LiveEndToEndTest {

  static final LocalDate DAY = LocalDate.of(2026, 3, 17);
  static final Instant FROM = DAY.atTime(LocalTime.of(9, 30)).atZone(Clock.MARKET_ZONE).toInstant();
  static final Instant TO = DAY.atTime(LocalTime.of(10, 0)).atZone(Clock.MARKET_ZONE).toInstant();

  private static final String CONFIG = String.join("\n",
      "condor:",
      "  skipEventDays: false",
      "  entryStates: [CALM, WATCH, L1, L2, L3, PRESS, UNWIND]",
      "broker:",
      "  ibkr:",
      "    maxMessagesPerSecond: 49",
      "    chainWidthPct: 10",
      "live:",
      "  confirmAccount: U1234567",
      "  approvalMode: false",
      "");

  @TempDir
  Path tmp;

  private TwsServer tws;
  private Process bot;

  @AfterEach
  void stop() {
    if (bot != null && bot.isAlive()) {
      bot.destroyForcibly();
    }
    if (tws != null) {
      tws.close();
    }
  }

  @Test
  void liveWithTheConfirmedAccountOpensACondor() throws Exception {
    Path root = checkoutRoot();
    Path jar = root.resolve("bot/app/target/alvh.jar");
    assumeTrue(Files.isRegularFile(jar), "bot/app/target/alvh.jar is not built: run ./mvnw verify (or package)");
    Path config = Files.writeString(tmp.resolve("live.yaml"), CONFIG);
    BotConfig cfg = ConfigLoader.load(config);
    Path clockFile = tmp.resolve("clock");
    new SteppedClock(FROM, Optional.of(clockFile));
    tws = PaperTws.build(cfg, SteppedClock.follow(clockFile), Duration.ofMillis(50), 1, "U1234567");
    int port = tws.start("127.0.0.1", 0);
    Path data = tmp.resolve("data");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    cmd.addAll(TestLauncher.classPathAndMain(jar));
    cmd.addAll(List.of("live", "--data-dir", data.toString(), "--config", config.toString(), "--step-clock",
        FROM + "/" + TO, "--port", Integer.toString(port), "--client-id", "12", "--clock-file", clockFile.toString(),
        "--step-settle-millis", "300"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("ALVH_LOG_LEVEL", "INFO");
    bot = pb.start();
    StringBuilder out = new StringBuilder();
    CountDownLatch done = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          synchronized (out) {
            out.append(line).append('\n');
          }
          if (line.contains("step clock: ")) {
            done.countDown();
          }
        }
      } catch (java.io.IOException e) {
        // ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!done.await(100, TimeUnit.MILLISECONDS)) {
      if (!bot.isAlive() || System.nanoTime() > until) {
        throw new AssertionError("alvh live did not reach " + TO + ":\n" + out);
      }
    }
    bot.destroy();
    assertThat(bot.waitFor(60, TimeUnit.SECONDS)).isTrue();
    reader.join(5_000);
    String text;
    synchronized (out) {
      text = out.toString();
    }
    assertThat(bot.exitValue()).as(text).isZero();
    assertThat(text).contains("live bot running: broker ibkr").doesNotContain("U1234567");
    try (Store s = Store.open(data, cfg.store().database())) {
      List<String> opened = s.jdbc().query("SELECT outcome FROM orders WHERE purpose='OPEN_CONDOR'",
          rs -> rs.getString(1));
      assertThat(opened).as(text).contains("FILLED");
      assertThat(s.openTranches()).hasSize(1);
    }
    // the condor's entry and the standing base layer's VIX calls bought in the same cycle
    assertThat(tws.ordersReceived()).hasSize(2);
    assertThat(tws.ordersReceived().keySet()).filteredOn(r -> r.contains("-open-")).hasSize(1);
  }

  private static Path checkoutRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("alvh")) && Files.isDirectory(p.resolve("paper-config"))) {
        return p;
      }
    }
    throw new IllegalStateException("no checkout root above " + Path.of("").toAbsolutePath());
  }
}
