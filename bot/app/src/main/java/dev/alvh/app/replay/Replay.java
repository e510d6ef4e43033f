package dev.alvh.app.replay;

import dev.alvh.app.engine.TradingEngine;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.schedule.ScheduledFire;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.app.store.Store;
import dev.alvh.core.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.SimulatedMarket;
import dev.alvh.paper.market.SyntheticHistory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole bot over history on a virtual clock: the Quartz triggers of
 * {@link TradingSchedule} give the fire times, the clock jumps to each, and the same jobs as
 * live run (pre-open, trading cycle, end of day) against the paper broker and the simulated
 * market, storing everything in H2.
 *
 * <p>The replay's database is {@code replay.mv.db} in the data directory, recreated by each run,
 * so a replay never mixes with the state of a paper or live bot.
 */
public final class Replay {

  private static final Logger LOG = LoggerFactory.getLogger(Replay.class);

  /** The replay database's name inside the data directory. */
  public static final String DATABASE = "replay";

  /** Days of the built-in synthetic scenario: about two years. */
  public static final int TWO_CYCLES_DAYS = 504;
  /** The built-in scenario starts on the first trading day on or after this date. */
  public static final LocalDate TWO_CYCLES_START = LocalDate.of(2023, 1, 2);

  private final BotConfig config;
  private final Path dataDir;

  /** A replay with {@code config}, writing its database under {@code dataDir}. */
  public Replay(BotConfig config, Path dataDir) {
    this.config = config;
    this.dataDir = dataDir;
  }

  /** Replays the built-in {@code two-cycles} synthetic scenario. */
  public ReplaySummary twoCycles() {
    NyseCalendar cal = NyseCalendar.of(config.schedule());
    List<DailyBar> bars = SyntheticHistory.twoCycles(config.market().seed(), TWO_CYCLES_START, TWO_CYCLES_DAYS,
        config.market().startSpx(), cal::isTradingDay);
    return run(SyntheticHistory.TWO_CYCLES, bars, cal);
  }

  /** Replays {@code bars}, one per trading day, ascending. */
  public ReplaySummary run(String scenario, List<DailyBar> bars, NyseCalendar cal) {
    long started = System.nanoTime();
    LocalDate from = bars.get(0).date();
    LocalDate to = bars.get(bars.size() - 1).date();
    Instant start = from.atStartOfDay(Clock.MARKET_ZONE).toInstant();
    Instant end = to.atTime(LocalTime.of(23, 59)).atZone(Clock.MARKET_ZONE).toInstant();
    VirtualClock clock = new VirtualClock(start);
    SimulatedMarket market = new SimulatedMarket(bars, clock, config.market(), cal::isTradingDay);
    PaperBroker broker = new PaperBroker(market, clock, config.broker().paper());
    BigDecimal startEquity = broker.account().netLiquidation();
    deleteOldDatabase();
    try (Store store = Store.open(dataDir, DATABASE)) {
      TradingEngine engine = new TradingEngine(config, clock, market, broker, store, broker::settleExpiring);
      List<ScheduledFire> fires = new TradingSchedule(config.schedule()).firesBetween(start, end);
      LOG.info("replaying {} from {} to {}: {} scheduled jobs", scenario, from, to, fires.size());
      long days = 0;
      for (ScheduledFire f : fires) {
        clock.set(f.at());
        LocalDate day = clock.marketDate();
        if (market.bar(day).isEmpty()) {
          continue;
        }
        switch (f.kind()) {
          case PRE_OPEN -> engine.preOpen();
          case CYCLE -> engine.runCycle();
          case END_OF_DAY -> {
            engine.endOfDay(market.spxClose(day));
            days++;
          }
          default -> throw new IllegalStateException("unknown job kind " + f.kind());
        }
      }
      long elapsedMs = (System.nanoTime() - started) / 1_000_000;
      TradingEngine.Counters c = engine.counters();
      return new ReplaySummary(scenario, from, to, days, c.cycles(),
          Math.round(c.cycles() * 1000.0 / Math.max(elapsedMs, 1) * 10) / 10.0, c.tranchesOpened(), c.ordersSent(),
          c.fills(), startEquity, broker.account().netLiquidation(),
          ReplaySummary.maxDrawdownPct(store.equityCurve().values()), store.exitReasons(), store.realizedPnl(),
          store.file().toString(), elapsedMs, dev.alvh.app.store.HedgeStore.statesVisited(store.jdbc()));
    }
  }

  private void deleteOldDatabase() {
    try {
      Files.deleteIfExists(dataDir.resolve(DATABASE + ".mv.db"));
      Files.deleteIfExists(dataDir.resolve(DATABASE + ".trace.db"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot remove the previous replay database in " + dataDir + ": "
          + e.getMessage(), e);
    }
  }
}
