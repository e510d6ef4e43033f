package dev.alvh.app.runtime;

import dev.alvh.app.engine.Controls;
import dev.alvh.app.engine.TradingEngine;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.store.Store;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.core.signal.DailyCloses;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A running bot's scheduled jobs, called under the bot's lock: the {@link Jobs} runner on the
 * bot's ports, and what the bot keeps of them: before each job the signals' warm-up (the
 * synthetic market's history at once, the broker's daily history until it answers), after each
 * trading cycle what came of it (for status, health and metrics).
 */
final class BotJobs implements Jobs.Listener {

  private final Clock clock;
  private final TradingEngine engine;
  private final Controls controls;
  private final BotTelemetry telemetry;
  private final Jobs jobs;
  /** The signals' warm-up from the broker's daily history (IBKR), until it got an answer; null on the built-in market. */
  private final HistoryWarmUp historyWarmUp;
  private volatile Bot.LastCycle lastCycle;
  private volatile Instant lastCycleEnd;
  /** The cycle running: when it started, orders sent and held before it. */
  private Instant cycleAt;
  private long sentBefore;
  private int heldBefore;

  /** The jobs of {@code engine}; warms its hedge's signals up now. */
  BotJobs(BotPorts ports, Store store, Clock clock, NyseCalendar calendar, BotConfig config, TradingEngine engine,
      Controls controls, BotTelemetry telemetry) {
    this.clock = clock;
    this.engine = engine;
    this.controls = controls;
    this.telemetry = telemetry;
    if (ports.sim() != null) {
      LocalDate today = clock.marketDate();
      engine.hedgeDesk().warmUp(ports.sim().bars().stream().filter(b -> b.date().isBefore(today))
          .map(b -> DailyCloses.of(b.date(), b.spxClose(), b.vixClose(), b.vix3mClose())).toList());
      historyWarmUp = null;
      // Built-in broker: its settlement and the store's settled tranches commit together.
      jobs = new Jobs(Jobs.Steps.of(engine), clock, Jobs.Market.simulated(ports.sim(), calendar::isTradingDay),
          ports.broker(), store.jdbc()::inTransaction, this);
    } else {
      historyWarmUp = new HistoryWarmUp(ports.market(), engine.hedgeDesk(), clock, calendar::isTradingDay,
          config.broker().ibkr().historyDays(), "IBKR");
      historyWarmUp.runIfPending();
      jobs = new Jobs(Jobs.Steps.of(engine), clock, Jobs.Market.broker(ports.market()), ports.broker(), null, this);
    }
  }

  /**
   * Runs job {@code kind} due at {@code scheduledAt}.
   *
   * @return false when it was skipped (no market that day)
   */
  boolean run(JobKind kind, Instant scheduledAt) {
    return jobs.run(kind, scheduledAt);
  }

  @Override
  public void beforeJob() {
    if (historyWarmUp != null) {
      historyWarmUp.runIfPending();
    }
  }

  @Override
  public void cycleStarting() {
    cycleAt = clock.now();
    sentBefore = engine.counters().ordersSent();
    heldBefore = engine.desk().heldOrders().size();
  }

  @Override
  public void cycleFailed(RuntimeException e) {
    lastCycle = new Bot.LastCycle(cycleAt, "failed: " + e.getMessage());
    lastCycleEnd = clock.now();
    telemetry.metrics().cycle("failed", Duration.between(cycleAt, clock.now()).abs());
  }

  @Override
  public void cycleDone() {
    long sent = engine.counters().ordersSent() - sentBefore;
    int held = engine.desk().heldOrders().size();
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
    lastCycle = new Bot.LastCycle(cycleAt, outcome);
    lastCycleEnd = clock.now();
    telemetry.metrics().cycle(outcome.startsWith("paused") ? "skipped" : "ok",
        Duration.between(cycleAt, clock.now()).abs());
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
