package dev.alvh.app.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.runtime.Bot;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.core.signal.SignalSnapshot;
import dev.alvh.core.time.VirtualClock;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's hedge view shows the signals the hedge machine evaluated (with the open tranches'
 * break-evens and the event calendar), not a recomputation from bars without them.
 */
class HedgeViewSignalsTest {

  @TempDir
  Path dir;

  private Bot bot;

  @AfterEach
  void stop() {
    bot.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void theHedgeViewShowsTheMachinesSignalsWithBeSigmaAndTheEventDay() {
    // Friday 2024-03-08: a condor opens; Monday 2024-03-11 is within one trading day of the CPI
    // of 2024-03-12 (paper-config/events.csv, hedge.signals.eventWindowTradingDays 1).
    VirtualClock clock = new VirtualClock(LocalDateTime.of(2024, 3, 8, 10, 0).atZone(Clock.MARKET_ZONE).toInstant());
    bot = Bot.paper(BotConfig.DEFAULTS, dir, clock, 1, 80);
    ControlService service = new ControlService(bot);
    bot.runJob(JobKind.CYCLE, clock.now());
    assertThat(bot.store().openTranches()).as("a condor opened").hasSize(1);
    clock.set(LocalDateTime.of(2024, 3, 8, 16, 15).atZone(Clock.MARKET_ZONE).toInstant());
    bot.runJob(JobKind.END_OF_DAY, clock.now());
    clock.set(LocalDateTime.of(2024, 3, 11, 16, 15).atZone(Clock.MARKET_ZONE).toInstant());
    bot.runJob(JobKind.END_OF_DAY, clock.now());
    clock.set(LocalDateTime.of(2024, 3, 12, 9, 0).atZone(Clock.MARKET_ZONE).toInstant());

    SignalSnapshot machine = bot.engine().hedgeDesk().lastSignals().orElseThrow();
    assertThat(machine.date()).hasToString("2024-03-11");
    assertThat(machine.eventDay()).as("the machine saw the event day").isTrue();
    assertThat(machine.beSigma()).as("the machine saw the tranche's break-even").isFinite();

    Reply h = service.execute(List.of("hedge"), "test@127.0.0.1");
    assertThat(h.ok()).isTrue();
    Map<String, Object> sig = map(h.data().get("signals"));
    assertThat(sig).containsEntry("date", "2024-03-11").containsEntry("eventDay", true);
    assertThat(((Number) sig.get("beSigma")).doubleValue()).isCloseTo(machine.beSigma(),
        org.assertj.core.api.Assertions.within(1e-4));
    assertThat(sig.get("score")).isEqualTo(machine.score());
    assertThat(h.text()).doesNotContain("no open tranche").contains("eventDay          true");
  }
}
