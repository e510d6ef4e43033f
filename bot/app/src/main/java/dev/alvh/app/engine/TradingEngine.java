package dev.alvh.app.engine;

import dev.alvh.app.store.OrderJournal;
import dev.alvh.app.store.OrderStore;
import dev.alvh.app.store.Store;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.condor.SkipCode;
import dev.alvh.core.condor.Tranche;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.cycle.CycleDecision;
import dev.alvh.core.cycle.CycleInput;
import dev.alvh.core.cycle.TradingCycle;
import dev.alvh.core.hedge.HedgeAction;
import dev.alvh.core.HedgeState;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.port.Pause;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the trading cycle with its side effects, the same in live, paper and replay: snapshot,
 * decide ({@link TradingCycle}), journal every intent before sending it, send, and turn the
 * broker's order events into stored fills and tranche changes.
 *
 * <p>The jobs are split by what they do: this class runs the cycle and the pre-open job; every
 * order goes through the {@link OrderDesk} (quote sanity, journal, one BAG order at mid on the
 * tick grid, a price walk toward natural, cancel at the end of the walk; the decision is taken
 * again next cycle); the {@link FillApplier} turns an ended order's fills into tranche and hedge
 * changes, for live callbacks and for the {@link OrderRecovery} after a restart alike;
 * {@link OrphanOrders} holds the orders still working from before a restart; {@link ManualFlatten}
 * is the operator's flatten and {@link EndOfDay} settles and snapshots the day.
 * Not thread-safe: one trading thread calls it.
 */
public final class TradingEngine {

  private static final Logger LOG = LoggerFactory.getLogger(TradingEngine.class);

  private BotConfig config;
  private final Clock clock;
  private final MarketData market;
  private final Broker broker;
  private final Store store;
  private TradingCycle cycle;
  private final Book book;

  private final OrderDesk desk;
  private final Counters counters = new Counters();
  private HedgeState hedgeState = HedgeState.CALM;
  private final HedgeDesk hedge;
  private Controls controls = new Controls();
  private CycleDecision lastDecision;
  /**
   * Notes of the same shape, and skipped entries of the same code, are stored once a day (the
   * first cycle that saw them), not every cycle: "why no condor today?" is one row per reason.
   */
  private final Set<String> notesToday = new HashSet<>();
  private LocalDate notesDay;
  /** Hedge actions and applied marks of the journal (V6). */
  private final OrderJournal journal;
  private final FillApplier applier;
  private final OrderRecovery recovery;
  private final OrphanOrders orphans;
  private final ManualFlatten flatten;
  private final EndOfDay endOfDay;

  /**
   * An engine over the given ports.
   *
   * @param settlement settles expiring positions at the broker on a date at a settlement price
   *                   and returns the cash moved (the paper broker does this; IB does it itself)
   */
  public TradingEngine(BotConfig config, Clock clock, MarketData market, Broker broker, Store store,
      BiFunction<LocalDate, BigDecimal, BigDecimal> settlement) {
    this(Book.ALVH, config, clock, market, broker, store, settlement);
  }

  /**
   * An engine running {@code book}'s hedge over the given ports.
   *
   * @param settlement settles expiring positions at the broker on a date at a settlement price
   *                   and returns the cash moved (the paper broker does this; IB does it itself)
   */
  public TradingEngine(Book book, BotConfig config, Clock clock, MarketData market, Broker broker, Store store,
      BiFunction<LocalDate, BigDecimal, BigDecimal> settlement) {
    this.book = book;
    this.config = config;
    this.clock = clock;
    this.market = market;
    this.broker = broker;
    this.store = store;
    this.cycle = new TradingCycle(config.condor(), config.risk());
    this.desk = new OrderDesk(config, clock, market, broker, store);
    this.hedge = HedgeDesk.create(book, config, clock, market, store);
    this.hedgeState = hedge.state();
    this.journal = new OrderJournal(store.jdbc());
    this.applier = new FillApplier(clock, store, desk.orders(), journal, hedge);
    this.recovery = new OrderRecovery(() -> this.config, clock, store, desk.orders(), journal, applier,
        desk::workingRefs);
    this.orphans = new OrphanOrders(store, broker, desk);
    this.flatten = new ManualFlatten(clock, store, desk, hedge, orphans, applier, this::submitHedge);
    this.endOfDay = new EndOfDay(clock, market, broker, store, desk.orders(), settlement);
  }

  /** The hedge desk of this engine's book; its orders go through {@link #desk()}. */
  public HedgeDesk hedgeDesk() {
    return hedge;
  }

  /**
   * The desk every order goes through: the hedge's orders too ({@code desk().submit(intent,
   * worst, callback)}); its working and held orders, approvals and the kill switch's cancel.
   */
  public OrderDesk desk() {
    return desk;
  }

  /**
   * Sets how time passes between the steps of a price walk: live sleeps; replay advances its
   * virtual clock ({@code engine.pauseWith(d -> clock.set(clock.now().plus(d)))}). Without it
   * the steps happen at the cycle's instant.
   */
  public void pauseWith(Pause pause) {
    desk.pauseWith(pause);
  }

  /** The hedge this engine runs. */
  public Book book() {
    return book;
  }

  /** What the engine has done so far. */
  public Counters counters() {
    counters.ordersSent = desk.sent();
    counters.fills = desk.fills();
    counters.tranchesOpened = applier.tranchesOpened();
    return counters;
  }

  /** The pre-open job: nothing to reconcile against the paper broker yet; logs the account. */
  public void preOpen() {
    applyRecoveredIfDue();
    desk.halt().startOfDay();
    AccountSummary a = broker.account();
    LOG.debug("pre-open {}: net liquidation {}", clock.marketDate(), a.netLiquidation());
  }

  /** One trading cycle. */
  public void runCycle() {
    ZonedDateTime now = clock.marketTime();
    counters.cycles++;
    desk.expireHeld();
    applyRecoveredIfDue();
    if (controls.paused()) {
      desk.orders().decision(clock.now(), "paused", "", "automation paused by an operator: nothing decided", "");
      return;
    }
    List<Tranche> open = store.openTranches();
    Set<Long> busy = new HashSet<>(desk.busyTranches());
    boolean hedgeOrphan = orphans.prune(busy);
    hedgeState = hedge.state();
    CycleInput in = new CycleInput(now, broker.account(), market.indices(), effectiveHedgeState(),
        hedge.eventDay(now.toLocalDate()), open,
        store.lastEntry(), store.nextTrancheId(), busy);
    CycleDecision d = SnapshotGatherer.decide(cycle, in, market);
    lastDecision = d;
    LocalDate today = now.toLocalDate();
    if (!today.equals(notesDay)) {
      notesDay = today;
      notesToday.clear();
    }
    d.entrySkip().ifPresent(s -> {
      if (notesToday.add("skip:" + s.code())) {
        desk.orders().decision(clock.now(), OrderStore.ENTRY_SKIPPED, s.code().key(), s.rule(), s.detail());
      }
    });
    d.rejected().forEach(r -> desk.orders().decision(clock.now(), "risk-rejected", SkipCode.RISK_LIMIT.key(), r, ""));
    for (String n : d.notes()) {
      if (notesToday.add(n.replaceAll("[0-9.]+", "#"))) {
        LOG.info("{}", n);
        desk.orders().decision(clock.now(), "note", "", n, "");
      }
    }
    for (CycleDecision.PlannedExit e : d.exits()) {
      desk.submit(e.order(), r -> applier.closed(r, e.reason()));
    }
    for (CycleDecision.PlannedRoll r : d.rolls()) {
      desk.submit(r.order(), Optional.of(r.worst()), res -> applier.rolled(res, r));
    }
    if (d.entry().isPresent() && desk.halt().halted()) {
      desk.orders().decision(clock.now(), "halted", SkipCode.RISK_LIMIT.key(), "kill switch on: no new risk",
          d.entry().get().order().ref().value());
    } else {
      d.entry().ifPresent(e -> desk.submit(e.order(), Optional.of(e.worst()), applier::opened));
    }
    Optional<HedgeState> forced = controls.forcedState(clock.marketDate());
    if (hedgeOrphan) {
      LOG.info("no hedge orders this cycle: a hedge order sent before the restart is still working at the broker");
      return;
    }
    for (HedgeAction a : hedge.plan(now, forced)) {
      submitHedge(a);
    }
  }

  /**
   * Sends hedge action {@code a}'s order through the desk, with the action journaled beside it
   * (table {@code hedge_order}, same transaction as the journal row) so that a restart can put
   * its fills into the hedge books; its fills go to the hedge desk when it ends.
   */
  OrderDesk.Result submitHedge(HedgeAction a) {
    return desk.submit(a.order(), Optional.empty(), r -> applier.hedged(r, a, clock.marketDate()),
        o -> journal.hedgeAction(book.key(), a));
  }

  private void applyRecoveredIfDue() {
    if (desk.takeRecoveryDue()) {
      int n = applyRecoveredOrders();
      if (n > 0) {
        LOG.warn("{} orders sent before the restart ended since and are now in the books", n);
      }
    }
  }

  /**
   * After a reconciliation: orders of the journal still working at the broker that this process
   * did not send (a restart came during their walk) are cancelled, as their walk would have
   * done; their fills reach the books when they end ({@link OrderDesk#takeRecoveryDue}). Until
   * then nothing more is sent for their tranche, and no hedge order while one of them is a
   * hedge order.
   *
   * @return the orders asked to cancel
   */
  public int cancelOrphanedOrders() {
    return orphans.cancelOrphaned();
  }

  /**
   * After a reconciliation, and whenever an order sent before a restart ends: orders whose fills
   * are in the store but not in the books are applied now, exactly once ({@link OrderRecovery}).
   *
   * @return the orders applied
   */
  public int applyRecoveredOrders() {
    return recovery.applyAll();
  }

  /** The hedge state the cycle and the hedge use: the operator's forced state, else the machine's. */
  private HedgeState effectiveHedgeState() {
    return controls.effectiveHedgeState(hedgeState, clock.marketDate());
  }

  // ---- operator controls (console and ctl); called on the job thread or under its lock ----

  /** Uses {@code c} for pause, halt, forced hedge state and approval mode (the desk too). */
  public void setControls(Controls c) {
    this.controls = Objects.requireNonNull(c, "controls");
    desk.controls(c);
  }

  /** The one authority on the halt (the risk gate's and the operator's); every order passes it. */
  public HaltAuthority halt() {
    return desk.halt();
  }

  /** The operator's switches this engine consults. */
  public Controls controls() {
    return controls;
  }

  /** Runs with {@code c} from the next cycle on. */
  public void reconfigure(BotConfig c) {
    this.config = Objects.requireNonNull(c, "config");
    this.cycle = new TradingCycle(c.condor(), c.risk());
    desk.reconfigure(c);
  }

  /** The configuration in force. */
  public BotConfig config() {
    return config;
  }

  /** The decision of the last cycle that decided (not paused), if any. */
  public Optional<CycleDecision> lastDecision() {
    return Optional.ofNullable(lastDecision);
  }

  /** The hedge state the machine is in (before any forced state). */
  public HedgeState hedgeMachineState() {
    return hedgeState;
  }

  /**
   * Closes every hedge layer held (long layers and PRESS spreads) through the desk, each as one
   * order walked from mid to the natural price; returns the refs sent or held for approval.
   */
  public List<OrderRef> flattenHedges() {
    return flatten.hedges();
  }

  /**
   * Closes every open tranche that has no working or held order through the desk, each as one
   * combo walked from mid to the natural price; returns the refs sent or held for approval.
   * Tranches without quotes are skipped by the desk's quote check (stored with the reason).
   */
  public List<OrderRef> flattenCondors() {
    return flatten.condors();
  }

  /**
   * The end-of-day job: settles tranches expiring today at the SPX close, then stores the
   * day's snapshot.
   */
  public void endOfDay(Optional<BigDecimal> spxClose) {
    applyRecoveredIfDue();
    spxClose.ifPresent(endOfDay::settleExpiring);
    hedge.endOfDay();
    hedgeState = hedge.state();
    endOfDay.snapshot(effectiveHedgeState());
  }

  /** Running totals of one engine. */
  public static final class Counters {
    long cycles;
    long ordersSent;
    long fills;
    long tranchesOpened;

    /** Cycles run. */
    public long cycles() {
      return cycles;
    }

    /** Orders sent to the broker. */
    public long ordersSent() {
      return ordersSent;
    }

    /** Fills received and stored. */
    public long fills() {
      return fills;
    }

    /** Tranches opened. */
    public long tranchesOpened() {
      return tranchesOpened;
    }
  }
}
