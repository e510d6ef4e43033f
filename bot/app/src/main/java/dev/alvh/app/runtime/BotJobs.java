package dev.alvh.app.runtime;

import dev.alvh.app.engine.Controls;
import dev.alvh.app.engine.TradingEngine;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.store.Store;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.core.signal.DailyCloses;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running bot's scheduled jobs, called under the bot's lock: pre-open, the trading cycle (with
 * what came of it, for status, health and metrics) and end of day; before them, the signals'
 * warm-up (the synthetic market's history at once, the broker's daily history until it answers).
 */
final class BotJobs {

  private static final Logger LOG = LoggerFactory.getLogger(BotJobs.class);

  private final BotPorts ports;
  private final Store store;
  private final Clock clock;
  private final NyseCalendar calendar;
  private final TradingEngine engine;
  private final Controls controls;
  private final BotTelemetry telemetry;
  /** The signals' warm-up from the broker's daily history (IBKR), until it got an answer; null on the built-in market. */
  private final HistoryWarmUp historyWarmUp;
  private volatile Bot.LastCycle lastCycle;
  private volatile Instant lastCycleEnd;

  /** The jobs of {@code engine}; warms its hedge's signals up now. */
  BotJobs(BotPorts ports, Store store, Clock clock, NyseCalendar calendar, BotConfig config, TradingEngine engine,
      Controls controls, BotTelemetry telemetry) {
    this.ports = ports;
    this.store = store;
    this.clock = clock;
    this.calendar = calendar;
    this.engine = engine;
    this.controls = controls;
    this.telemetry = telemetry;
    if (ports.sim() != null) {
      LocalDate today = clock.marketDate();
      engine.hedgeDesk().warmUp(ports.sim().bars().stream().filter(b -> b.date().isBefore(today))
          .map(b -> DailyCloses.of(b.date(), b.spxClose(), b.vixClose(), b.vix3mClose())).toList());
      historyWarmUp = null;
    } else {
      historyWarmUp = new HistoryWarmUp(ports.market(), engine.hedgeDesk(), clock, calendar::isTradingDay,
          config.broker().ibkr().historyDays(), "IBKR");
      historyWarmUp.runIfPending();
    }
  }

  /**
   * Runs job {@code kind} due at {@code scheduledAt}.
   *
   * @return false when it was skipped (no market that day)
   */
  boolean run(JobKind kind, Instant scheduledAt) {
    LocalDate day = clock.marketDate();
    if (ports.sim() != null && ports.sim().bar(day).isEmpty()) {
      if (calendar.isTradingDay(day)) {
        LOG.warn("{} due at {} skipped: the synthetic market ends before {}; restart the bot", kind, scheduledAt,
            day);
      } else {
        LOG.info("{} due at {} skipped: {} is not a trading day", kind, scheduledAt, day);
      }
      return false;
    }
    if (historyWarmUp != null) {
      historyWarmUp.runIfPending();
    }
    switch (kind) {
      case PRE_OPEN -> engine.preOpen();
      case CYCLE -> cycle();
      // Built-in broker: its settlement and the store's settled tranches commit together.
      case END_OF_DAY -> {
        if (ports.sim() != null) {
          try {
            store.jdbc().inTransaction(() -> engine.endOfDay(ports.sim().spxClose(day)));
          } catch (RuntimeException e) {
            ports.broker().transactionUndone(); // the transaction undid the broker's settlement: its memory follows
            throw e;
          }
        } else {
          engine.endOfDay(Optional.of(BigDecimal.valueOf(ports.market().indices().spx())));
        }
      }
      default -> throw new IllegalStateException("unknown job kind " + kind);
    }
    return true;
  }

  private void cycle() {
    Instant at = clock.now();
    long sentBefore = engine.counters().ordersSent();
    int heldBefore = engine.heldOrders().size();
    try {
      engine.runCycle();
    } catch (RuntimeException e) {
      lastCycle = new Bot.LastCycle(at, "failed: " + e.getMessage());
      lastCycleEnd = clock.now();
      telemetry.metrics().cycle("failed", Duration.between(at, clock.now()).abs());
      throw e;
    }
    long sent = engine.counters().ordersSent() - sentBefore;
    int held = engine.heldOrders().size();
    String outcome;
    if (controls.paused()) {
      outcome = "paused: nothing decided";
    } else if (sent > 0) {
      outcome = "sent " + sent + " order" + (sent == 1 ? "" : "s");
    } else if (held > 0 && held >= heldBefore) {
      outcome = held + " order" + (held == 1 ? "" : "s") + " waiting for approval";
    } else if (engine.halt().halted() && engine.lastDecision().flatMap(d -> d.entry()).isPresent()) {
      outcome = "no trade: halted (kill switch on: no new risk)";
    } else {
      outcome = "no trade: " + engine.lastDecision().flatMap(d -> d.entrySkip())
          .map(s -> "entry skipped, " + s.rule() + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")"))
          .orElse("no rule asked for an order");
    }
    lastCycle = new Bot.LastCycle(at, outcome);
    lastCycleEnd = clock.now();
    telemetry.metrics().cycle(outcome.startsWith("paused") ? "skipped" : "ok", Duration.between(at, clock.now()).abs());
  }

  /** The last trading cycle, if one ran since start. */
  Optional<Bot.LastCycle> lastCycle() {
    return Optional.ofNullable(lastCycle);
  }

  /** When the last trading cycle ended, by the bot's clock, if one ran since start. */
  Optional<Instant> lastCycleEnd() {
    return Optional.ofNullable(lastCycleEnd);
  }
}
