package dev.alvh.app.runtime;

import dev.alvh.app.engine.TradingEngine;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.core.Check;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import dev.alvh.paper.market.SimulatedMarket;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one job runner: what each {@link JobKind} does, stated here alone. Every driver hands its
 * fires to it: Quartz, the scaled and the stepped clock through {@link Bot#runJob} (under the
 * bot's lock, with the bot's after-job steps), the replay through a {@link ReplayJobDriver} per
 * book.
 *
 * <ul>
 *   <li>PRE_OPEN: the engine's pre-open (recovery due, the halt's start of day, the account).
 *   <li>CYCLE: one trading cycle of the engine, between the listener's
 *       {@link Listener#cycleStarting()} and {@link Listener#cycleDone()} (or
 *       {@link Listener#cycleFailed}).
 *   <li>END_OF_DAY: the engine's end of day, settling expiring tranches at the market's
 *       settlement close of the clock's day; where the broker settles in this process (the paper
 *       broker), inside one store transaction, so the broker's settlement and the store's settled
 *       tranches commit together (a failure rolls both back: the broker is told,
 *       {@link Broker#transactionUndone()}). Then {@link Listener#dayEnded}.
 * </ul>
 * A job on a day the market does not have (a synthetic market's history ends) is skipped and
 * said so. Before every job that runs, {@link Listener#beforeJob()}. A job that throws throws
 * to its driver: the live drivers log it and go on, the replay stops.
 *
 * <p>Nothing is allocated per job beyond what the engine does, so the replay's hot path stays a
 * plain call.
 */
public final class Jobs {

  private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

  private final Steps engine;
  private final Clock clock;
  private final Market market;
  private final Broker broker;
  private final Transaction settleIn;
  private final Listener listener;

  /**
   * The jobs of {@code engine} on {@code market}, by {@code clock}'s market date.
   *
   * @param broker   told when an end of day's transaction was undone
   * @param settleIn the store transaction end of day runs in where the broker settles in this
   *                 process (the paper broker); null where the broker settles on its own (IB)
   * @param listener what watches the jobs ({@link Listener#NONE}: nothing)
   */
  public Jobs(Steps engine, Clock clock, Market market, Broker broker, Transaction settleIn, Listener listener) {
    this.engine = Check.notNull(engine, "engine");
    this.settleIn = settleIn;
    this.clock = Check.notNull(clock, "clock");
    this.market = Check.notNull(market, "market");
    this.broker = Check.notNull(broker, "broker");
    this.listener = Check.notNull(listener, "listener");
  }

  /**
   * Runs job {@code kind} due at {@code scheduledAt}, on the clock's market date.
   *
   * @return false when it was skipped (no market that day)
   */
  public boolean run(JobKind kind, Instant scheduledAt) {
    LocalDate day = clock.marketDate();
    if (!market.has(day)) {
      if (market.tradingDay(day)) {
        LOG.warn("{} due at {} skipped: the synthetic market ends before {}; restart the bot", kind, scheduledAt,
            day);
      } else {
        LOG.info("{} due at {} skipped: {} is not a trading day", kind, scheduledAt, day);
      }
      return false;
    }
    listener.beforeJob();
    switch (kind) {
      case PRE_OPEN -> engine.preOpen();
      case CYCLE -> cycle();
      case END_OF_DAY -> endOfDay(day);
      default -> throw new IllegalStateException("unknown job kind " + kind);
    }
    return true;
  }

  private void cycle() {
    listener.cycleStarting();
    try {
      engine.cycle();
    } catch (RuntimeException e) {
      listener.cycleFailed(e);
      throw e;
    }
    listener.cycleDone();
  }

  private void endOfDay(LocalDate day) {
    Optional<BigDecimal> close = market.settlementClose(day);
    if (settleIn == null) {
      engine.endOfDay(close);
    } else {
      try {
        settleIn.run(() -> engine.endOfDay(close));
      } catch (RuntimeException e) {
        broker.transactionUndone(); // the transaction undid the broker's settlement: its memory follows
        throw e;
      }
    }
    listener.dayEnded(day);
  }

  /** The engine's steps the jobs call. */
  public interface Steps {
    /** The pre-open step. */
    void preOpen();

    /** One trading cycle. */
    void cycle();

    /** The end of day, settling expiring tranches at {@code spxClose} when there is one. */
    void endOfDay(Optional<BigDecimal> spxClose);

    /** The steps of {@code engine}. */
    static Steps of(TradingEngine engine) {
      Check.notNull(engine, "engine");
      return new Steps() {
        @Override
        public void preOpen() {
          engine.preOpen();
        }

        @Override
        public void cycle() {
          engine.runCycle();
        }

        @Override
        public void endOfDay(Optional<BigDecimal> spxClose) {
          engine.endOfDay(spxClose);
        }
      };
    }
  }

  /** The market as the jobs see it: which days it has and the SPX level end of day settles at. */
  public interface Market {
    /** Whether the market has {@code day} (a synthetic market's history ends; a broker's does not). */
    boolean has(LocalDate day);

    /** Whether {@code day} is a trading day (for the message of a skipped job). */
    boolean tradingDay(LocalDate day);

    /** The SPX level expiring tranches settle at on {@code day}, if known. */
    Optional<BigDecimal> settlementClose(LocalDate day);

    /** A simulated market: its history's days, each day's SPX close. */
    static Market simulated(SimulatedMarket sim, Predicate<LocalDate> tradingDay) {
      Check.notNull(sim, "sim");
      Check.notNull(tradingDay, "tradingDay");
      return new Market() {
        @Override
        public boolean has(LocalDate day) {
          return sim.bar(day).isPresent();
        }

        @Override
        public boolean tradingDay(LocalDate day) {
          return tradingDay.test(day);
        }

        @Override
        public Optional<BigDecimal> settlementClose(LocalDate day) {
          return sim.spxClose(day);
        }
      };
    }

    /** A broker's market data: every day; the SPX level at the end-of-day job. */
    static Market broker(MarketData market) {
      Check.notNull(market, "market");
      return new Market() {
        @Override
        public boolean has(LocalDate day) {
          return true;
        }

        @Override
        public boolean tradingDay(LocalDate day) {
          return true;
        }

        @Override
        public Optional<BigDecimal> settlementClose(LocalDate day) {
          return Optional.of(BigDecimal.valueOf(market.indices().spx()));
        }
      };
    }
  }

  /** Runs work as one store transaction ({@code Jdbc::inTransaction}). */
  @FunctionalInterface
  public interface Transaction {
    /** Runs {@code work}: all its writes are stored, or none. */
    void run(Runnable work);
  }

  /** What watches the jobs; every step does nothing by default. */
  public interface Listener {
    /** Watches nothing. */
    Listener NONE = new Listener() {
    };

    /** Before every job that runs (not before a skipped one). */
    default void beforeJob() {
    }

    /** A trading cycle is about to run. */
    default void cycleStarting() {
    }

    /** The trading cycle ran. */
    default void cycleDone() {
    }

    /** The trading cycle threw {@code failure} (thrown on to the driver after this). */
    default void cycleFailed(RuntimeException failure) {
    }

    /** The end of day of {@code day} ran and is committed. */
    default void dayEnded(LocalDate day) {
    }
  }
}
