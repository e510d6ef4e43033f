package dev.alvh.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.engine.TradingEngine;
import dev.alvh.app.runtime.Jobs;
import dev.alvh.app.runtime.ReplayJobDriver;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.app.store.Store;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.SimulatedMarket;
import dev.alvh.paper.market.SyntheticHistory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak benchmark: {@value #DAYS} simulated trading days of 15-minute cycles on the paper
 * broker, run by the bot's job runner ({@link Jobs}), the store open throughout as in a running
 * bot, heap measured after GC once the first
 * {@value #WARM_UP_DAYS} days have warmed everything up and again at the end. Run alone:
 * {@code ./mvnw -q -o -pl bot/app -am test -Dtest=SoakTest -Dsurefire.failIfNoSpecifiedTests=false};
 * the figure is printed as {@code soak: ...}.
 */
class SoakTest {

  static final int DAYS = 60;
  static final int WARM_UP_DAYS = 5;
  static final long LIMIT_BYTES = 10L * 1024 * 1024;

  @TempDir
  Path dir;

  @Test
  void sixtyTradingDaysOfCyclesGrowTheHeapByLessThanTenMegabytes() {
    BotConfig config = BotConfig.DEFAULTS;
    NyseCalendar cal = NyseCalendar.of(config.schedule());
    List<DailyBar> bars = SyntheticHistory.twoCycles(config.market().seed(), LocalDate.of(2023, 1, 2),
        WARM_UP_DAYS + DAYS, config.market().startSpx(), cal::isTradingDay);
    Instant start = bars.get(0).date().atStartOfDay(Clock.MARKET_ZONE).toInstant();
    Instant end = bars.get(bars.size() - 1).date().atTime(LocalTime.of(23, 59)).atZone(Clock.MARKET_ZONE).toInstant();
    VirtualClock clock = new VirtualClock(start);
    SimulatedMarket market = new SimulatedMarket(bars, clock, config.market(), cal::isTradingDay);
    PaperBroker broker = new PaperBroker(market, clock, config.broker().paper(), config.paper().fill());
    Counts n = new Counts();
    try (Store store = Store.open(dir, "soak")) {
      TradingEngine engine = new TradingEngine(config, clock, market, broker, store, broker::settleExpiring);
      Jobs jobs = new Jobs(Jobs.Steps.of(engine), clock, Jobs.Market.simulated(market, cal::isTradingDay), broker,
          store.jdbc()::inTransaction, n);
      new ReplayJobDriver(new TradingSchedule(config.schedule()).firesBetween(start, end), clock, () -> { })
          .start(jobs::run);
      long days = n.days;
      long cycles = n.cycles;
      long heapStart = n.heapStart;
      long heapEnd = heapAfterGc();
      long growth = heapEnd - heapStart;
      System.out.printf(java.util.Locale.ROOT,
          "soak: %d trading days, %d cycles, %d orders, heap after GC %.1f MB at start, %.1f MB at end, growth %.2f MB%n",
          days - WARM_UP_DAYS, cycles, engine.counters().ordersSent(), heapStart / 1048576.0, heapEnd / 1048576.0,
          growth / 1048576.0);
      assertThat(days - WARM_UP_DAYS).isEqualTo(DAYS);
      assertThat(cycles).isGreaterThanOrEqualTo(DAYS * 20L);
      assertThat(engine.counters().ordersSent()).isPositive();
      assertThat(growth).as("heap growth over %d trading days", DAYS).isLessThan(LIMIT_BYTES);
    }
  }

  /** Trading days and cycles after the warm-up, counted from the jobs; the heap once warmed up. */
  static final class Counts implements Jobs.Listener {
    long days;
    long cycles;
    long heapStart;

    @Override
    public void cycleDone() {
      if (days >= WARM_UP_DAYS) {
        cycles++;
      }
    }

    @Override
    public void dayEnded(LocalDate day) {
      days++;
      if (days == WARM_UP_DAYS) {
        heapStart = heapAfterGc();
      }
    }
  }

  /** Used heap after full collections, bytes (the least of three tries, so a late allocation does not count). */
  static long heapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      least = Math.min(least, rt.totalMemory() - rt.freeMemory());
    }
    return least;
  }
}
