package dev.alvh.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.app.cli.PaperTws;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.ScheduledFire;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.config.ScheduleConfig;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.broker.IbkrAdapter;
import dev.alvh.ibkr.config.IbkrConfig;
import dev.alvh.ibkr.server.TwsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step mode of {@code alvh paper}: virtual time that stands still during a job, published
 * for a fake TWS; and the market {@code paper-tws} serves is the one {@code paper} trades.
 */
class SteppedJobDriverTest {

  private static final Instant FRIDAY_15H = LocalDateTime.of(2024, 3, 8, 15, 0).atZone(Clock.MARKET_ZONE).toInstant();
  private static final Instant MONDAY_11H = LocalDateTime.of(2024, 3, 11, 11, 0).atZone(Clock.MARKET_ZONE)
      .toInstant();

  @TempDir
  Path tmp;

  @Test
  void runsEveryFireAtItsScheduledInstantWithTheClockStandingStillThenStopsAtTo() throws Exception {
    SteppedClock clock = new SteppedClock(FRIDAY_15H, Optional.empty());
    TradingSchedule schedule = new TradingSchedule(ScheduleConfig.DEFAULTS);
    List<ScheduledFire> ran = new CopyOnWriteArrayList<>();
    List<Instant> clockAtEnd = new CopyOnWriteArrayList<>();
    try (SteppedJobDriver driver = new SteppedJobDriver(schedule, clock, MONDAY_11H, Duration.ZERO)) {
      driver.start((kind, at) -> {
        ran.add(new ScheduledFire(at, kind));
        clockAtEnd.add(clock.now());
      });
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!clock.now().equals(MONDAY_11H) && System.nanoTime() < until) {
        Thread.sleep(10);
      }
    }
    assertThat(clock.now()).isEqualTo(MONDAY_11H);
    assertThat(ran.get(0)).isEqualTo(new ScheduledFire(FRIDAY_15H, JobKind.PRE_OPEN));
    List<ScheduledFire> expected = schedule.firesBetween(FRIDAY_15H.plusMillis(1), MONDAY_11H);
    assertThat(ran.subList(1, ran.size())).isEqualTo(expected);
    assertThat(expected).extracting(ScheduledFire::kind).contains(JobKind.CYCLE, JobKind.END_OF_DAY, JobKind.PRE_OPEN);
    // each job saw its own scheduled instant from start to end: no wall time passed for the bot
    assertThat(clockAtEnd).isEqualTo(ran.stream().map(ScheduledFire::at).toList());
  }

  @Test
  void theClockFileGivesAnotherReaderTheSameInstantAndTheClockNeverGoesBack() {
    Path file = tmp.resolve("clock");
    SteppedClock clock = new SteppedClock(FRIDAY_15H, Optional.of(file));
    Clock follower = SteppedClock.follow(file);
    assertThat(follower.now()).isEqualTo(FRIDAY_15H);
    clock.set(MONDAY_11H);
    assertThat(follower.now()).isEqualTo(MONDAY_11H);
    assertThatThrownBy(() -> clock.set(FRIDAY_15H)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be before the clock's time");
  }

  @Test
  void toMustComeAfterTheStart() {
    SteppedClock clock = new SteppedClock(MONDAY_11H, Optional.empty());
    assertThatThrownBy(() -> new SteppedJobDriver(new TradingSchedule(ScheduleConfig.DEFAULTS), clock, FRIDAY_15H,
        Duration.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("until");
  }

  @Test
  void paperTwsServesTheMarketOfPaperOnTheSameDay() throws Exception {
    LocalDate day = LocalDate.of(2026, 3, 17);
    SteppedClock clock = new SteppedClock(day.atTime(11, 0).atZone(Clock.MARKET_ZONE).toInstant(), Optional.empty());
    try (Bot bot = Bot.paper(BotConfig.DEFAULTS, tmp.resolve("data"), clock, 1, PaperMarket.daysAhead(1));
        TwsServer tws = PaperTws.build(BotConfig.DEFAULTS, clock, Duration.ofMillis(50))) {
      int port = tws.start("127.0.0.1", 0);
      try (IbkrAdapter ib = IbkrAdapter.connect("127.0.0.1", port, 23, IbkrConfig.DEFAULTS.withTiming(5, 1, 50),
          clock)) {
        IndexLevels inProcess = bot.market().indices();
        IndexLevels served = ib.market().indices();
        assertThat(served.spx()).isEqualTo(inProcess.spx());
        assertThat(served.vix()).isEqualTo(inProcess.vix());
        assertThat(served.vix3m()).isEqualTo(inProcess.vix3m());
      }
    }
  }
}
