package dev.alvh.app.runtime;

import dev.alvh.app.config.ConfigException;
import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.store.AuditStore;
import dev.alvh.app.engine.Controls;
import dev.alvh.app.engine.TradingEngine;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.store.Store;
import dev.alvh.core.config.BotConfig;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.Clock;
import dev.alvh.core.signal.DailyCloses;
import dev.alvh.core.signal.SignalSnapshot;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.SimulatedMarket;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running bot in a live-time mode: its store, market, broker, engine and the operator's
 * controls, with the lock that keeps jobs and console commands from racing.
 *
 * <p>Every job ({@link #runJob}) and every console command ({@link #locked}) runs under one
 * lock, so a command never sees a half-done cycle and the store's one connection is never used
 * by two threads at once.
 */
public final class Bot implements AutoCloseable, dev.alvh.app.ops.HealthSource {

  private static final Logger LOG = LoggerFactory.getLogger(Bot.class);
  /** Trading days of synthetic history before today: enough for every signal to be warm. */
  static final int HISTORY_DAYS_BEFORE = PaperMarket.DAYS_BEFORE;

  private final String mode;
  private final String brokerName;
  private final Clock clock;
  private final long speed;
  private final BotConfig baseConfig;
  private final Path dataDir;
  private final Store store;
  private final SimulatedMarket sim;
  private final dev.alvh.core.port.MarketData market;
  private final Broker broker;
  private final AutoCloseable adapter;
  private final java.util.function.BooleanSupplier connected;
  private final Supplier<Optional<java.time.Duration>> heartbeatAge;
  private final dev.alvh.app.ops.HaltStore haltStore;
  private final dev.alvh.app.ops.BotMetrics metrics = new dev.alvh.app.ops.BotMetrics();
  private volatile dev.alvh.app.ops.Alerter alerter;
  private volatile String hedgeStateSeen = "CALM";
  private volatile String haltReason = "";
  private volatile boolean killSwitch;
  private volatile Instant lastCycleEnd;
  private final TradingEngine engine;
  private final Controls controls = new Controls();
  private final ControlStore controlStore;
  private final AuditStore audit;
  private final NyseCalendar calendar;
  private final ReentrantLock lock = new ReentrantLock();
  /** Broker events (IBKR) queued for a thread holding {@link #lock}: see {@link BrokerEvents}. */
  private final BrokerEvents events = new BrokerEvents(lock);
  /** Set by {@link #requestHalt} from the control thread: a walk in progress stops at its next pause. */
  private volatile boolean haltRequested;
  private final Instant startedAt;
  /** The signals' warm-up from the broker's daily history (IBKR), until it got an answer; null on the built-in market. */
  private HistoryWarmUp historyWarmUp;

  private BotConfig config;
  private LastCycle lastCycle;
  private volatile String healthUrl;

  /** The last trading cycle: when it ran (bot clock) and what came of it. */
  public record LastCycle(Instant at, String outcome) {
  }

  /** The broker side of a bot: the market, the broker, how expiring positions settle, and its connection. */
  record Ports(SimulatedMarket sim, dev.alvh.core.port.MarketData market, Broker broker,
      java.util.function.BiFunction<LocalDate, java.math.BigDecimal, java.math.BigDecimal> settlement,
      AutoCloseable adapter, java.util.function.BooleanSupplier connected,
      Supplier<Optional<java.time.Duration>> heartbeatAge) {
  }

  private Bot(String mode, String brokerName, Clock clock, long speed, BotConfig baseConfig, Path dataDir,
      Store store, int historyDaysAhead) {
    this(mode, brokerName, clock, speed, baseConfig, dataDir, store, c -> {
      NyseCalendar cal = NyseCalendar.of(c.schedule());
      LocalDate today = clock.marketDate();
      LocalDate from = today.minusDays(HISTORY_DAYS_BEFORE * 7L / 5 + 10);
      // The data directory's stored market anchor (the first start stores this one), so a restart
      // trades on the same market; the account is kept in the same database (PaperAccountStore).
      PaperMarketAnchor anchor = PaperMarketAnchor.resolve(store.jdbc(), new PaperMarketAnchor(from,
          c.market().seed(), c.market().startSpx(), HISTORY_DAYS_BEFORE + historyDaysAhead), clock.now());
      List<DailyBar> bars = anchor.bars(today, historyDaysAhead, cal::isTradingDay);
      SimulatedMarket m = new SimulatedMarket(bars, clock, c.market(), cal::isTradingDay);
      PaperBroker b = new PaperBroker(m, clock, c.broker().paper(), c.paper().fill(),
          new dev.alvh.app.store.PaperAccountStore(store.jdbc(), clock::now));
      return new Ports(m, m, b, b::settleExpiring, () -> { }, () -> true, Optional::empty);
    });
  }

  private Bot(String mode, String brokerName, Clock clock, long speed, BotConfig baseConfig, Path dataDir,
      Store store, java.util.function.Function<BotConfig, Ports> ports) {
    this.mode = mode;
    this.brokerName = brokerName;
    this.clock = clock;
    this.speed = speed;
    this.baseConfig = baseConfig;
    this.dataDir = dataDir;
    this.store = store;
    // A live bot's journal must survive kill -9: H2 writes each commit to the file at once instead
    // of batching commits for up to WRITE_DELAY ms (the default, 500, lost journal rows in the crash suite).
    store.jdbc().update("SET WRITE_DELAY 0");
    this.controlStore = new ControlStore(store.jdbc());
    this.audit = new AuditStore(store.jdbc());
    this.config = ConfigLoader.withOverrides(baseConfig, controlStore.overrides(), "stored override");
    this.calendar = NyseCalendar.of(config.schedule());
    Ports p = ports.apply(config);
    this.sim = p.sim();
    this.market = p.market();
    this.broker = p.broker();
    this.adapter = p.adapter();
    this.connected = p.connected();
    this.heartbeatAge = p.heartbeatAge();
    this.engine = new TradingEngine(config, clock, market, broker, store, p.settlement());
    controlStore.loadSwitches(controls);
    engine.setControls(controls);
    this.haltStore = new dev.alvh.app.ops.HaltStore(store);
    dev.alvh.core.risk.HaltState halt = haltStore.load();
    if (halt.halted()) {
      controls.halted(true);
    }
    engine.desk().restoreHalt(halt);
    haltReason = halt.reason();
    dev.alvh.app.ops.KillSwitchFile kill = new dev.alvh.app.ops.KillSwitchFile(dataDir, config.risk());
    engine.desk().killSwitchFile(() -> {
      killSwitch = kill.present();
      return killSwitch;
    });
    // Pacing: walk steps walkIntervalSeconds apart on this bot's clock, broker events run on the
    // pausing job thread; a halt request, the kill-switch file or an interrupt (stop) end a walk early.
    java.util.function.BooleanSupplier stopWalk = () -> haltRequested || Thread.currentThread().isInterrupted()
        || kill.present();
    engine.desk().stopWalkWhen(stopWalk);
    engine.pauseWith(new BotPause(clock, events, stopWalk));
    if (broker instanceof dev.alvh.ibkr.broker.IbkrBroker ib) {
      ib.setEventExecutor(events, events::drainHere);
      ib.drainEvents(); // what came before on the broker's own thread
      events.start();
    }
    engine.desk().onRiskEvent(line -> {
      dev.alvh.app.ops.Alerter a = alerter;
      if (a != null) {
        a.alert(line.startsWith("HALTED") ? dev.alvh.app.ops.Alerter.Kind.HALT
            : dev.alvh.app.ops.Alerter.Kind.ORDER_REJECT, line);
      }
    });
    engine.desk().onOutcome(o -> {
      switch (o) {
        case WORKING -> metrics.order(dev.alvh.app.ops.BotMetrics.OrderOutcome.SENT);
        case FILLED, PARTIAL -> metrics.order(dev.alvh.app.ops.BotMetrics.OrderOutcome.FILLED);
        case UNFILLED -> metrics.order(dev.alvh.app.ops.BotMetrics.OrderOutcome.CANCELLED);
        case REJECTED -> metrics.order(dev.alvh.app.ops.BotMetrics.OrderOutcome.REJECTED);
        case RISK_REJECTED -> metrics.order(dev.alvh.app.ops.BotMetrics.OrderOutcome.RISK_REJECTED);
        default -> { }
      }
    });
    if (sim != null) {
      LocalDate today = clock.marketDate();
      engine.hedgeDesk().warmUp(sim.bars().stream().filter(b -> b.date().isBefore(today))
          .map(b -> DailyCloses.of(b.date(), b.spxClose(), b.vixClose(), b.vix3mClose())).toList());
    } else {
      historyWarmUp = new HistoryWarmUp(market, engine.hedgeDesk(), clock, calendar::isTradingDay,
          config.broker().ibkr().historyDays(), "IBKR");
      historyWarmUp.runIfPending();
    }
    this.hedgeStateSeen = engine.hedgeState();
    this.startedAt = clock.now();
  }

  /**
   * A bot on an IBKR account through TWS or IB Gateway ({@code --broker ibkr}): the adapter's
   * broker and market data; IB settles expiring options itself.
   *
   * @param adapter connected; closed with the bot
   */
  public static Bot ibkr(BotConfig baseConfig, Path dataDir, Clock clock, dev.alvh.ibkr.broker.IbkrAdapter adapter) {
    Store store = Store.open(dataDir, baseConfig.store().database());
    try {
      return new Bot("paper", "ibkr", clock, 1, baseConfig, dataDir, store, c -> new Ports(null, adapter.market(),
          adapter.broker(), (d, spx) -> java.math.BigDecimal.ZERO, adapter,
          () -> adapter.session().state() == dev.alvh.ibkr.session.TwsSession.State.READY,
          () -> adapter.session().sinceLastMessage()));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * A paper bot on the built-in broker and a synthetic market whose dates cover the clock's
   * today, with the database in {@code dataDir}; stored overrides are applied over
   * {@code baseConfig}.
   *
   * @param historyDaysAhead trading days of market after today (a fast clock needs more)
   * @throws ConfigException when a stored override is no longer valid (the store is closed)
   */
  public static Bot paper(BotConfig baseConfig, Path dataDir, Clock clock, long speed, int historyDaysAhead) {
    Store store = Store.open(dataDir, baseConfig.store().database());
    try {
      return new Bot("paper", "paper", clock, speed, baseConfig, dataDir, store, historyDaysAhead);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** Runs {@code action} under the bot's lock: no job runs meanwhile. */
  public <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Asks a price walk in progress to stop at once (a halt from the control thread, which cannot
   * take the lock while a job holds it): the walk's pause ends, the order is cancelled, the job
   * goes on and releases the lock. Stays requested until {@link #haltRequestServed}.
   */
  public void requestHalt() {
    haltRequested = true;
    events.wake();
  }

  /** The halt command ran (under the lock): walks pause normally again. */
  public void haltRequestServed() {
    haltRequested = false;
  }

  /** Whether the calling thread holds the bot's lock (listener code must; tests check it). */
  public boolean lockHeldByCurrentThread() {
    return lock.isHeldByCurrentThread();
  }

  /** Runs one scheduled job under the lock (the {@link JobDriver.JobRunner} of this bot). */
  public void runJob(JobKind kind, Instant scheduledAt) {
    lock.lock();
    try {
      LocalDate day = clock.marketDate();
      if (sim != null && sim.bar(day).isEmpty()) {
        if (calendar.isTradingDay(day)) {
          LOG.warn("{} due at {} skipped: the synthetic market ends before {}; restart the bot", kind, scheduledAt,
              day);
        } else {
          LOG.info("{} due at {} skipped: {} is not a trading day", kind, scheduledAt, day);
        }
        return;
      }
      if (historyWarmUp != null) {
        historyWarmUp.runIfPending();
      }
      switch (kind) {
        case PRE_OPEN -> engine.preOpen();
        case CYCLE -> cycle();
        // Built-in broker: its settlement and the store's settled tranches commit together.
        case END_OF_DAY -> {
          if (broker instanceof PaperBroker pb) {
            try {
              store.jdbc().inTransaction(() -> engine.endOfDay(sim.spxClose(day)));
            } catch (RuntimeException e) {
              pb.reloadKept(); // the transaction undid the broker's settlement: its memory follows
              throw e;
            }
          } else {
            engine.endOfDay(sim != null ? sim.spxClose(day)
                : Optional.of(java.math.BigDecimal.valueOf(market.indices().spx())));
          }
        }
        default -> throw new IllegalStateException("unknown job kind " + kind);
      }
      afterJob();
    } finally {
      lock.unlock();
    }
  }

  /** After every job: persist a changed halt, alert on a hedge state change, update metrics. */
  private void afterJob() {
    engine.desk().syncHalt();
    dev.alvh.core.risk.HaltState h = engine.desk().riskGate().haltState();
    if (!h.reason().equals(haltReason) || h.halted() != !haltReason.isEmpty()) {
      haltStore.save(h);
      haltReason = h.reason();
      saveSwitches();
    }
    String state = controls.effectiveHedgeState(engine.hedgeState(), clock.marketDate());
    if (!state.equals(hedgeStateSeen)) {
      dev.alvh.app.ops.Alerter a = alerter;
      if (a != null) {
        a.alert(dev.alvh.app.ops.Alerter.Kind.HEDGE_STATE, "hedge state " + hedgeStateSeen + " -> " + state);
      }
      hedgeStateSeen = state;
    }
    metrics.state(connected.getAsBoolean(), controls.halted());
    refreshBookMetrics();
  }

  /**
   * The book now (positions with marks, P&amp;L and greeks, equity): what {@code positions},
   * {@code status} and {@code /metrics} show. Call under the lock.
   */
  public BookSnapshot book() {
    return BookSnapshot.of(broker, market, store, clock.marketDate());
  }

  /** Sets the equity, P&amp;L and greek gauges from {@link #book()}; under the lock. */
  private void refreshBookMetrics() {
    try {
      BookSnapshot b = book();
      metrics.pnl(b.realized(), b.unrealized(), b.day(), b.equity());
      metrics.greeks(b.delta(), b.gamma(), b.vega(), b.theta());
    } catch (RuntimeException e) {
      LOG.warn("metrics: the book could not be valued ({}); the gauges keep their last values", e.toString());
    }
  }

  /**
   * Before a {@code /metrics} scrape (the health server's thread): on the built-in market,
   * refreshes the book gauges when no job or command holds the lock; during a job the scrape shows
   * the values of the last one instead of waiting for it. On IBKR (quotes are broker requests) the
   * gauges follow the jobs: every cycle refreshes them.
   */
  @Override
  public void beforeScrape() {
    if (sim != null && lock.tryLock()) {
      try {
        refreshBookMetrics();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Sends alerts through {@code a} from now on (halts, rejects, hedge state changes). */
  public void alerter(dev.alvh.app.ops.Alerter a) {
    this.alerter = a;
  }

  /** Raises an alert through the alerter, when one is set (an operator's halt, for example). */
  public void alert(dev.alvh.app.ops.Alerter.Kind kind, String text) {
    dev.alvh.app.ops.Alerter a = alerter;
    if (a != null) {
      a.alert(kind, text);
    }
  }

  /** The metrics the health server publishes on /metrics. */
  public dev.alvh.app.ops.BotMetrics metrics() {
    return metrics;
  }

  @Override
  public dev.alvh.app.ops.HealthStatus health() {
    Instant end = lastCycleEnd;
    LastCycle lc = lastCycle;
    boolean halted = controls.halted();
    return new dev.alvh.app.ops.HealthStatus(connected.getAsBoolean(), heartbeatAge.get(),
        end == null ? Optional.empty() : Optional.of(java.time.Duration.between(end, clock.now()).abs()),
        lc == null ? "none" : lc.outcome(), hedgeStateSeen, halted,
        halted ? (haltReason.isEmpty() ? "halted by an operator" : haltReason) : "", killSwitch);
  }

  /**
   * Matches the broker's open orders and positions to the journal before anything is sent (start
   * and reconnect); recovered fills go to the desk, which stores each once. Alerts when not clean.
   */
  public dev.alvh.app.journal.ReconcileReport reconcile() {
    return locked(() -> {
      dev.alvh.app.journal.Reconciler r = new dev.alvh.app.journal.Reconciler(store, clock, engine.desk(),
          st -> {
            // Called once the journal has the broker's fills and final statuses, before positions are
            // compared: condor orders that filled but never reached the books (a crash in between) go in now.
            int applied = engine.applyRecoveredOrders();
            if (applied > 0) {
              LOG.warn("reconciliation: {} condor orders filled before the restart applied to the books", applied);
            }
            Map<String, Long> m = new java.util.TreeMap<>(dev.alvh.app.journal.Reconciler.trancheLegs(st));
            engine.hedgeDesk().held().forEach(h -> h.legs().forEach(l -> m.merge(l.contract().key(),
                (long) l.ratio() * h.quantity() * (l.side() == dev.alvh.core.instrument.Side.SELL ? -1 : 1),
                Long::sum)));
            return m;
          });
      dev.alvh.app.journal.ReconcileReport rep = r.reconcile(new dev.alvh.app.journal.BrokerRecords() {
        @Override
        public List<dev.alvh.core.order.OrderUpdate> openOrders() {
          return broker.openOrders();
        }

        @Override
        public List<dev.alvh.core.order.OrderUpdate> completedOrders() {
          // the built-in broker reports the orders its restart cancelled
          return broker instanceof PaperBroker pb ? pb.completedOrders() : List.of();
        }

        @Override
        public List<dev.alvh.core.order.Fill> executionsSince(Instant since) {
          if (broker instanceof dev.alvh.ibkr.broker.IbkrBroker ib) {
            ib.drainEvents();
            events.drainHere();
            // IB reports the day's executions; the reconciler skips those already stored (by exec id)
            return ib.executions().stream().filter(f -> !f.time().isBefore(since.minusSeconds(60))).toList();
          }
          if (broker instanceof PaperBroker pb) {
            return pb.executionsSince(since.minusSeconds(60));
          }
          return List.of();
        }

        @Override
        public List<dev.alvh.core.account.Position> positions() {
          return broker.positions();
        }
      });
      LOG.info("reconciliation: {}", rep.summary());
      engine.cancelOrphanedOrders(); // orders still working from before a restart: their walk is over
      dev.alvh.app.ops.Alerter a = alerter;
      if (!rep.clean() && a != null) {
        a.alert(dev.alvh.app.ops.Alerter.Kind.RECONCILIATION, rep.summary());
      }
      return rep;
    });
  }

  private void cycle() {
    Instant at = clock.now();
    long sentBefore = engine.counters().ordersSent();
    int heldBefore = engine.heldOrders().size();
    try {
      engine.runCycle();
    } catch (RuntimeException e) {
      lastCycle = new LastCycle(at, "failed: " + e.getMessage());
      lastCycleEnd = clock.now();
      metrics.cycle("failed", java.time.Duration.between(at, clock.now()).abs());
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
    } else if (controls.halted() && engine.lastDecision().flatMap(d -> d.entry()).isPresent()) {
      outcome = "no trade: halted (kill switch on: no new risk)";
    } else {
      outcome = "no trade: " + engine.lastDecision().flatMap(d -> d.entrySkip())
          .map(s -> "entry skipped, " + s.rule() + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")"))
          .orElse("no rule asked for an order");
    }
    lastCycle = new LastCycle(at, outcome);
    lastCycleEnd = clock.now();
    metrics.cycle(outcome.startsWith("paused") ? "skipped" : "ok",
        java.time.Duration.between(at, clock.now()).abs());
  }

  /** The mode: paper. */
  public String mode() {
    return mode;
  }

  /** The broker: paper (built-in) or ibkr. */
  public String brokerName() {
    return brokerName;
  }

  /** The bot's clock. */
  public Clock clock() {
    return clock;
  }

  /** How many times faster than the wall clock the bot's clock runs. */
  public long speed() {
    return speed;
  }

  /** The data directory. */
  public Path dataDir() {
    return dataDir;
  }

  /** When the bot started, by its clock. */
  public Instant startedAt() {
    return startedAt;
  }

  /** The store. */
  public Store store() {
    return store;
  }

  /** The simulated market (empty with an IBKR broker). */
  public dev.alvh.core.port.MarketData market() {
    return market;
  }

  /** The broker. */
  public Broker broker() {
    return broker;
  }

  /** The engine. */
  public TradingEngine engine() {
    return engine;
  }

  /** The operator's switches. */
  public Controls controls() {
    return controls;
  }

  /** Overrides, switches and approvals. */
  public ControlStore controlStore() {
    return controlStore;
  }

  /** The audit trail. */
  public AuditStore audit() {
    return audit;
  }

  /** The exchange calendar. */
  public NyseCalendar calendar() {
    return calendar;
  }

  /** The configuration in force: the file (or defaults) with the stored overrides. */
  public BotConfig config() {
    return config;
  }

  /** The configuration from the file (or the defaults), without overrides. */
  public BotConfig baseConfig() {
    return baseConfig;
  }

  /**
   * Validates {@code overrides} over the base configuration exactly like a file and, when valid,
   * makes the result the configuration of the engine from its next cycle.
   *
   * @throws ConfigException naming the key and the bad value
   */
  public BotConfig applyOverrides(Map<String, String> overrides) {
    BotConfig next = ConfigLoader.withOverrides(baseConfig, overrides, "set");
    config = next;
    engine.reconfigure(next);
    return next;
  }

  /** Saves the switches after an operator changed them. */
  public void saveSwitches() {
    controlStore.saveSwitches(controls, clock.marketDate(), clock.now());
  }

  /** The last trading cycle, if one ran since start. */
  public Optional<LastCycle> lastCycle() {
    return Optional.ofNullable(lastCycle);
  }

  /** The ops health endpoint's URL, when the ops server runs. */
  public Optional<String> healthUrl() {
    return Optional.ofNullable(healthUrl);
  }

  /** Sets the health endpoint's URL (the ops server calls this when it starts). */
  public void healthUrl(String url) {
    this.healthUrl = url;
  }

  /**
   * The signals of spec section 3 the hedge machine last evaluated (the last close's, with the
   * open tranches' break-evens and the event calendar), the very snapshot the engine used: the
   * console shows what the machine saw instead of computing it again. After a start, until the
   * next close, it is the warm-up's last close (event calendar applied, but no tranche
   * break-evens: {@code beSigma} is +Infinity); null before any close.
   */
  public SignalSnapshot signals() {
    return engine.hedgeDesk().lastSignals().orElse(null);
  }

  /** The state shown in the audit trail: the switches and the overrides. */
  public Map<String, Object> auditState() {
    Map<String, Object> m = new LinkedHashMap<>(controls.describe());
    m.put("overrides", controlStore.overrides());
    return m;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      try {
        adapter.close();
      } catch (Exception e) {
        LOG.warn("closing the broker connection failed: {}", e.toString());
      }
      events.close();
      store.close();
    } finally {
      lock.unlock();
    }
  }
}
