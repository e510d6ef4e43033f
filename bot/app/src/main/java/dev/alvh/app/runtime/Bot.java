package dev.alvh.app.runtime;

import dev.alvh.app.config.ConfigException;
import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.store.AuditStore;
import dev.alvh.app.engine.Controls;
import dev.alvh.app.engine.TradingEngine;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.store.Store;
import dev.alvh.app.config.BotConfig;
import dev.alvh.app.store.StoreDurability;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.Clock;
import dev.alvh.core.signal.SignalSnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
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
  private final String mode;
  private final String brokerName;
  private final Clock clock;
  private final long speed;
  private final BotConfig baseConfig;
  private final Path dataDir;
  private final Store store;
  private final BotPorts ports;
  private final dev.alvh.app.ops.HaltStore haltStore;
  private final BotTelemetry telemetry;
  private volatile boolean killSwitch;
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
  private final BotJobs jobs;

  private BotConfig config;
  private volatile String healthUrl;

  /** The last trading cycle: when it ran (bot clock) and what came of it. */
  public record LastCycle(Instant at, String outcome) {
  }

  private Bot(String mode, String brokerName, Clock clock, long speed, BotConfig baseConfig, Path dataDir,
      Store store, java.util.function.Function<BotConfig, BotPorts> ports) {
    this.mode = mode;
    this.brokerName = brokerName;
    this.clock = clock;
    this.speed = speed;
    this.baseConfig = baseConfig;
    this.dataDir = dataDir;
    this.store = store;
    // A live bot's journal must survive kill -9: H2 writes each commit to the file at once instead
    // of batching commits for up to WRITE_DELAY ms (the default, 500, lost journal rows in the crash suite).
    StoreDurability.writeEachCommitAtOnce(store);
    this.controlStore = new ControlStore(store.jdbc());
    this.audit = new AuditStore(store.jdbc());
    this.config = ConfigLoader.withOverrides(baseConfig, controlStore.overrides(), "stored override");
    this.calendar = NyseCalendar.of(config.schedule());
    this.ports = ports.apply(config);
    Broker broker = this.ports.broker();
    this.engine = new TradingEngine(config, clock, this.ports.market(), broker, store, this.ports.settlement());
    controlStore.loadSwitches(controls);
    engine.setControls(controls);
    this.haltStore = new dev.alvh.app.ops.HaltStore(store);
    engine.halt().restore(haltStore.load());
    dev.alvh.app.ops.KillSwitchFile kill = new dev.alvh.app.ops.KillSwitchFile(dataDir, config.risk());
    engine.halt().killSwitchFile(() -> killSwitch = kill.present());
    // Pacing: walk steps walkIntervalSeconds apart on this bot's clock, broker events run on the
    // pausing job thread; a halt request, the kill-switch file or an interrupt (stop) end a walk early.
    java.util.function.BooleanSupplier stopWalk = () -> haltRequested || Thread.currentThread().isInterrupted()
        || kill.present();
    engine.desk().stopWalkWhen(stopWalk);
    engine.pauseWith(new BotPause(clock, events, stopWalk));
    if (broker.deliverEventsThrough(events, events::drainHere)) {
      broker.drainEvents(); // what came before on the broker's own thread
      events.start();
    }
    this.telemetry = new BotTelemetry(engine.hedgeMachineState()); // the machine's state after the warm-up below too
    telemetry.watch(engine);
    this.jobs = new BotJobs(this.ports, store, clock, calendar, config, engine, controls, telemetry);
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
      return new Bot("paper", "ibkr", clock, 1, baseConfig, dataDir, store, c -> BotPorts.ibkr(adapter));
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
      return new Bot("paper", "paper", clock, speed, baseConfig, dataDir, store,
          c -> BotPorts.paper(c, store, clock, historyDaysAhead));
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
      if (!jobs.run(kind, scheduledAt)) {
        return;
      }
      afterJob();
    } finally {
      lock.unlock();
    }
  }

  /** After every job: persist a changed halt, alert on a hedge state change, update metrics. */
  private void afterJob() {
    if (engine.halt().recordIfChanged(haltStore::save)) {
      saveSwitches();
    }
    telemetry.hedgeState(controls.effectiveHedgeState(engine.hedgeMachineState(), clock.marketDate()));
    telemetry.metrics().state(ports.connected().getAsBoolean(), engine.halt().halted());
    telemetry.refreshBook(this::book);
  }

  /**
   * The book now (positions with marks, P&amp;L and greeks, equity): what {@code positions},
   * {@code status} and {@code /metrics} show. Call under the lock.
   */
  public BookSnapshot book() {
    return BookSnapshot.of(ports.broker(), ports.market(), store, clock.marketDate());
  }

  /**
   * Before a {@code /metrics} scrape (the health server's thread): on the built-in market,
   * refreshes the book gauges when no job or command holds the lock; during a job the scrape shows
   * the values of the last one instead of waiting for it. On IBKR (quotes are broker requests) the
   * gauges follow the jobs: every cycle refreshes them.
   */
  @Override
  public void beforeScrape() {
    if (ports.sim() != null && lock.tryLock()) {
      try {
        telemetry.refreshBook(this::book);
      } finally {
        lock.unlock();
      }
    }
  }

  /** Sends alerts through {@code a} from now on (halts, rejects, hedge state changes). */
  public void alerter(dev.alvh.app.ops.Alerter a) {
    telemetry.alerter(a);
  }

  /** Raises an alert through the alerter, when one is set (an operator's halt, for example). */
  public void alert(dev.alvh.app.ops.Alerter.Kind kind, String text) {
    telemetry.alert(kind, text);
  }

  /** The metrics the health server publishes on /metrics. */
  public dev.alvh.app.ops.BotMetrics metrics() {
    return telemetry.metrics();
  }

  @Override
  public dev.alvh.app.ops.HealthStatus health() {
    return new dev.alvh.app.ops.HealthStatus(ports.connected().getAsBoolean(), ports.heartbeatAge().get(),
        jobs.lastCycleEnd().map(end -> java.time.Duration.between(end, clock.now()).abs()),
        jobs.lastCycle().map(LastCycle::outcome).orElse("none"), telemetry.hedgeStateSeen(),
        engine.halt().halted(), engine.halt().reason(), killSwitch);
  }

  /**
   * Matches the broker's open orders and positions to the journal before anything is sent (start
   * and reconnect); recovered fills go to the desk, which stores each once. Alerts when not clean.
   */
  public dev.alvh.app.journal.ReconcileReport reconcile() {
    return locked(() -> Reconciliation.run(store, clock, engine, ports.broker(), events, telemetry.alerter()));
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
    return ports.market();
  }

  /** The broker. */
  public Broker broker() {
    return ports.broker();
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
    return jobs.lastCycle();
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
        ports.adapter().close();
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
