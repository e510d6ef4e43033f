package dev.alvh.app.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.ops.HealthStatus;
import dev.alvh.app.runtime.Bot;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.core.HedgeState;
import dev.alvh.core.time.VirtualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ops pieces wired into the runtime: risk gate in the order path, kill-switch file, halt store, health. */
class BotWiringTest {

  @TempDir
  Path dir;

  private VirtualClock clock;
  private Bot bot;

  @BeforeEach
  void start() {
    clock = TestBots.clock();
    bot = TestBots.bot(dir, clock);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private Reply ctl(String line) {
    return new ControlService(bot).execute(Arrays.asList(line.split(" ")), "test");
  }

  @Test
  void healthReportsTheLastCycleAndAnOkBot() {
    assertThat(bot.health().lastCycleOutcome()).isEqualTo("none");
    bot.runJob(JobKind.CYCLE, clock.now());
    HealthStatus h = bot.health();
    // the condor's entry and the standing base layer's VIX calls
    assertThat(h.lastCycleOutcome()).isEqualTo("sent 2 orders");
    assertThat(h.lastCycleAge()).isPresent();
    assertThat(h.ok()).isTrue();
    assertThat(h.hedgeState()).isEqualTo(HedgeState.CALM);
    String metrics = bot.metrics().scrape();
    assertThat(metrics).containsPattern("alvh_orders_total\\{outcome=\"sent\",?\\} 2.0")
        .containsPattern("alvh_orders_total\\{outcome=\"filled\",?\\} 2.0");
  }

  @Test
  void theKillSwitchFileStopsEveryOrderInTheDesk() throws Exception {
    Files.createFile(dir.resolve(bot.config().risk().killSwitchFile()));
    bot.runJob(JobKind.CYCLE, clock.now());
    assertThat(bot.engine().counters().ordersSent()).isZero();
    assertThat(bot.store().openTranches()).isEmpty();
    assertThat(bot.store().jdbc().queryOne("SELECT COUNT(*) FROM decision WHERE kind='risk-rejected'"
        + " AND rule LIKE '%risk.killSwitch%'", rs -> rs.getLong(1)).orElseThrow()).isEqualTo(1L);
    HealthStatus h = bot.health();
    assertThat(h.killSwitch()).isTrue();
    assertThat(h.ok()).isFalse();
  }

  @Test
  void anOperatorsHaltIsTheRiskGatesHaltAndSurvivesARestart() {
    assertThat(ctl("halt").ok()).isTrue();
    bot.runJob(JobKind.CYCLE, clock.now());
    assertThat(bot.engine().counters().ordersSent()).as("no new risk while halted").isZero();
    bot.close();
    bot = TestBots.bot(dir, clock);
    assertThat(bot.controls().halted()).isTrue();
    assertThat(bot.engine().halt().riskGate().halted()).as("the gate's halt is restored").isTrue();
    assertThat(bot.health().halted()).isTrue();
    assertThat(ctl("release").ok()).isTrue();
    clock.set(clock.now().plusSeconds(900));
    bot.runJob(JobKind.CYCLE, clock.now());
    assertThat(bot.engine().halt().riskGate().halted()).as("release reaches the gate").isFalse();
    assertThat(bot.engine().counters().ordersSent()).as("the condor and the base layer").isEqualTo(2);
  }
}
