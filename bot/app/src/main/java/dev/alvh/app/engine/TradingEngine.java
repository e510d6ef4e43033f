package dev.alvh.app.engine;

import dev.alvh.app.store.OrderStore;
import dev.alvh.app.store.Store;
import dev.alvh.core.condor.SkipCode;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.config.BotConfig;
import dev.alvh.core.cycle.CycleDecision;
import dev.alvh.core.cycle.CycleInput;
import dev.alvh.core.cycle.TradingCycle;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the trading cycle with its side effects, the same in live, paper and replay: snapshot,
 * decide ({@link TradingCycle}), journal every intent before sending it, send, and turn the
 * broker's order events into stored fills and tranche changes.
 *
 * <p>Every order goes through the {@link OrderDesk}: quote sanity, journal, one BAG order at mid
 * on the tick grid, a price walk toward natural, cancel at the end of the walk; the decision is
 * taken again next cycle. Fills become tranche changes in the callbacks: a tranche opens with the
 * combos that filled, closes (in part or whole) with its P&amp;L, or rolls its tested side.
 * Not thread-safe: one trading thread calls it.
 */
public final class TradingEngine {

  private static final Logger LOG = LoggerFactory.getLogger(TradingEngine.class);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private BotConfig config;
  private final Clock clock;
  private final MarketData market;
  private final Broker broker;
  private final Store store;
  private TradingCycle cycle;
  private final BiFunction<LocalDate, BigDecimal, BigDecimal> settlement;
  private final Book book;

  private final OrderDesk desk;
  private final Counters counters = new Counters();
  private String hedgeState = "CALM";
  private final HedgeDesk hedge;
  private Controls controls = new Controls();
  private CycleDecision lastDecision;
  /**
   * Notes of the same shape, and skipped entries of the same code, are stored once a day (the
   * first cycle that saw them), not every cycle: "why no condor today?" is one row per reason.
   */
  private final java.util.Set<String> notesToday = new java.util.HashSet<>();
  private LocalDate notesDay;
  /** Hedge actions and applied marks of the journal (V6). */
  private final dev.alvh.app.store.OrderJournal journal;
  /**
   * Held while an order's fills go to the books: the order's own callback (maybe on the broker's
   * event thread) and a recovery of the same order never both apply it.
   */
  private final Object applyLock = new Object();
  /**
   * Orders sent before a restart and still working at the broker when it reconciled: cancelled
   * then; until they end nothing more is sent for their tranche, and no hedge order while a
   * hedge order is among them. Ref to purpose and tranche id.
   */
  private final java.util.Map<String, Orphan> orphans = new java.util.concurrent.ConcurrentHashMap<>();

  private record Orphan(OrderPurpose purpose, long trancheId) {
  }

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
    this.cycle = new TradingCycle(config);
    this.settlement = settlement;
    this.desk = new OrderDesk(config, clock, market, broker, store);
    this.hedge = HedgeDesk.create(book, config, clock, market, store);
    this.hedgeState = hedge.state().name();
    this.journal = new dev.alvh.app.store.OrderJournal(store.jdbc());
  }

  /** The hedge desk of this engine's book; its orders go through {@link #desk()}. */
  public HedgeDesk hedgeDesk() {
    return hedge;
  }

  /**
   * The desk every order goes through: the hedge's orders too ({@code desk().submit(intent,
   * worst, callback)}).
   */
  public OrderDesk desk() {
    return desk;
  }

  /**
   * Sets how time passes between the steps of a price walk: live sleeps; replay advances its
   * virtual clock ({@code engine.pauseWith(d -> clock.set(clock.now().plus(d)))}). Without it
   * the steps happen at the cycle's instant.
   */
  public void pauseWith(dev.alvh.core.port.Pause pause) {
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
    return counters;
  }

  /** The pre-open job: nothing to reconcile against the paper broker yet; logs the account. */
  public void preOpen() {
    applyRecoveredIfDue();
    desk.startOfDay();
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
    java.util.Set<Long> busy = new java.util.HashSet<>(desk.busyTranches());
    boolean hedgeOrphan = pruneOrphans(busy);
    hedgeState = hedge.state().name();
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
      desk.submit(e.order(), r -> onClose(r, e.reason()));
    }
    for (CycleDecision.PlannedRoll r : d.rolls()) {
      desk.submit(r.order(), Optional.of(r.worst()), res -> onRoll(res, r));
    }
    if (d.entry().isPresent() && controls.halted()) {
      desk.orders().decision(clock.now(), "halted", SkipCode.RISK_LIMIT.key(), "kill switch on: no new risk",
          d.entry().get().order().ref().value());
    } else {
      d.entry().ifPresent(e -> desk.submit(e.order(), Optional.of(e.worst()), this::onOpen));
    }
    java.util.Optional<dev.alvh.core.hedge.HedgeState> forced = controls.forcedState(clock.marketDate());
    if (hedgeOrphan) {
      LOG.info("no hedge orders this cycle: a hedge order sent before the restart is still working at the broker");
      return;
    }
    for (dev.alvh.core.hedge.HedgeAction a : hedge.plan(now, forced)) {
      submitHedge(a);
    }
  }

  /**
   * Sends hedge action {@code a}'s order through the desk, with the action journaled beside it
   * (table {@code hedge_order}, same transaction as the journal row) so that a restart can put
   * its fills into the hedge books; its fills go to the hedge desk when it ends.
   */
  OrderDesk.Result submitHedge(dev.alvh.core.hedge.HedgeAction a) {
    return desk.submit(a.order(), Optional.empty(), r -> onHedge(r, a, clock.marketDate()),
        o -> journal.hedgeAction(book.key(), a));
  }

  private void onHedge(OrderDesk.Result r, dev.alvh.core.hedge.HedgeAction a, LocalDate date) {
    if (r.filledCombos() == 0) {
      return;
    }
    synchronized (applyLock) {
      if (alreadyApplied(r)) {
        return;
      }
      dev.alvh.app.crash.CrashPoints.reach("order-done");
      dev.alvh.app.crash.CrashPoints.reach("hedge-done");
      // the position, its trade and the order's applied mark in one transaction
      hedge.filled(a, r.filledCombos(), r.creditPerCombo(), r.commissions(), date);
    }
  }

  /** True (and said) when order {@code r}'s fills are in the books already: a recovery came first. */
  private boolean alreadyApplied(OrderDesk.Result r) {
    if (journal.applied(r.intent().ref())) {
      LOG.info("{}: its {} combos are in the books already (applied after a restart); not applied again",
          r.intent().ref(), r.filledCombos());
      return true;
    }
    return false;
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
   * Drops the orphans that ended from {@link #orphans}, adds the tranches of the others to
   * {@code busy}, and says whether a hedge order is among them.
   */
  private boolean pruneOrphans(java.util.Set<Long> busy) {
    boolean hedgeOrphan = false;
    for (var e : orphans.entrySet()) {
      Optional<dev.alvh.core.order.OrderStatus> st = store.orderStatus(new dev.alvh.core.order.OrderRef(e.getKey()));
      if (st.isEmpty() || st.get().isTerminal()) {
        orphans.remove(e.getKey());
        continue;
      }
      if (e.getValue().trancheId() > 0) {
        busy.add(e.getValue().trancheId());
      }
      hedgeOrphan |= hedgePurpose(e.getValue().purpose());
    }
    return hedgeOrphan;
  }

  private static boolean hedgePurpose(OrderPurpose p) {
    return p.hedges();
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
    java.util.Set<dev.alvh.core.order.OrderRef> mine = new java.util.HashSet<>(desk.workingRefs());
    desk.heldOrders().forEach(o -> mine.add(o.ref()));
    record Row(String ref, OrderPurpose purpose, long trancheId) {
    }
    List<Row> rows = store.jdbc().query("SELECT ref, purpose, tranche_id FROM orders WHERE status IN"
        + " ('PENDING_SUBMIT', 'PRE_SUBMITTED', 'SUBMITTED', 'PARTIALLY_FILLED') ORDER BY created_at, ref",
        rs -> new Row(rs.getString(1), OrderPurpose.valueOf(rs.getString(2)), rs.getLong(3)));
    int n = 0;
    for (Row r : rows) {
      dev.alvh.core.order.OrderRef ref = new dev.alvh.core.order.OrderRef(r.ref());
      if (mine.contains(ref)) {
        continue;
      }
      orphans.put(r.ref(), new Orphan(r.purpose(), r.trancheId()));
      LOG.warn("{} ({}) was sent before the restart and still works at the broker: cancelled, as its walk is over;"
          + " its fills go to the books when it ends", r.ref(), r.purpose());
      broker.cancel(ref);
      n++;
    }
    return n;
  }

  /** The hedge state the cycle and the hedge use: the operator's forced state, else the machine's. */
  private String effectiveHedgeState() {
    return controls.effectiveHedgeState(hedgeState, clock.marketDate());
  }

  // ---- operator controls (console and ctl); called on the job thread or under its lock ----

  /** Uses {@code c} for pause, halt, forced hedge state and approval mode (the desk too). */
  public void setControls(Controls c) {
    this.controls = java.util.Objects.requireNonNull(c, "controls");
    desk.controls(c);
  }

  /** The operator's switches this engine consults. */
  public Controls controls() {
    return controls;
  }

  /** Runs with {@code c} from the next cycle on. */
  public void reconfigure(BotConfig c) {
    this.config = java.util.Objects.requireNonNull(c, "config");
    this.cycle = new TradingCycle(c);
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
  public String hedgeState() {
    return hedgeState;
  }

  /** The orders sent and not yet final. */
  public List<OrderIntent> workingOrders() {
    return desk.workingOrders();
  }

  /** The orders journaled and waiting for an operator's approval, oldest first. */
  public List<OrderIntent> heldOrders() {
    return desk.heldOrders();
  }

  /**
   * Sends held order {@code ref} through the desk (quote check, risk gate, price walk).
   *
   * @throws IllegalArgumentException when no order with that ref waits for approval
   */
  public void approve(dev.alvh.core.order.OrderRef ref) {
    desk.approve(ref);
  }

  /**
   * Drops held order {@code ref}; it is marked cancelled in the journal.
   *
   * @throws IllegalArgumentException when no order with that ref waits for approval
   */
  public void reject(dev.alvh.core.order.OrderRef ref) {
    desk.reject(ref);
  }

  /** Cancels every working order at the broker (the kill switch); returns how many were asked. */
  public int cancelWorking() {
    return desk.cancelWorking();
  }

  /**
   * Closes every hedge layer held (long layers and PRESS spreads) through the desk, each as one
   * order walked from mid to the natural price; returns the refs sent or held for approval.
   */
  public List<dev.alvh.core.order.OrderRef> flattenHedges() {
    ZonedDateTime now = clock.marketTime();
    java.util.Set<String> busy = new java.util.HashSet<>();
    desk.workingOrders().forEach(o -> busy.add(o.reason()));
    desk.heldOrders().forEach(o -> busy.add(o.reason()));
    String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmm").format(now);
    List<dev.alvh.core.order.OrderRef> out = new java.util.ArrayList<>();
    if (pruneOrphans(new java.util.HashSet<>())) {
      LOG.warn("flatten hedges: nothing sent while a hedge order sent before the restart still works at the broker");
      return out;
    }
    for (dev.alvh.core.hedge.HeldLayer h : hedge.held()) {
      String reason = "manual: flatten hedges, layer " + h.id();
      if (busy.contains(reason)) {
        continue;
      }
      dev.alvh.core.order.OrderRef ref = new dev.alvh.core.order.OrderRef("alvh-" + h.id() + "-flat-" + stamp);
      for (char c = 'b'; store.orderStatus(ref).isPresent() && c <= 'z'; c++) {
        ref = new dev.alvh.core.order.OrderRef("alvh-" + h.id() + "-flat" + c + "-" + stamp);
      }
      List<dev.alvh.core.instrument.ComboLeg> legs = h.legs().stream().map(dev.alvh.core.instrument.ComboLeg::reversed)
          .toList();
      OrderIntent o = new OrderIntent(ref, OrderPurpose.CLOSE_HEDGE, 0, legs, h.quantity(),
          dev.alvh.core.order.NetPrice.credit(BigDecimal.ZERO), reason);
      dev.alvh.core.hedge.HedgeAction a = new dev.alvh.core.hedge.HedgeAction(
          dev.alvh.core.hedge.HedgeAction.Type.CLOSE, h.id(), h.level(), h.kind(), o);
      submitHedge(a);
      out.add(ref);
    }
    return out;
  }

  /**
   * Closes every open tranche that has no working or held order through the desk, each as one
   * combo walked from mid to the natural price; returns the refs sent or held for approval.
   * Tranches without quotes are skipped by the desk's quote check (stored with the reason).
   */
  public List<dev.alvh.core.order.OrderRef> flattenCondors() {
    ZonedDateTime now = clock.marketTime();
    java.util.Set<Long> busy = new java.util.HashSet<>(desk.busyTranches());
    desk.heldOrders().forEach(o -> busy.add(o.trancheId()));
    pruneOrphans(busy);
    List<dev.alvh.core.order.OrderRef> out = new java.util.ArrayList<>();
    for (Tranche t : store.openTranches()) {
      if (busy.contains(t.id())) {
        continue;
      }
      dev.alvh.core.order.OrderRef ref = dev.alvh.core.order.OrderRef.forTranche(t.id(), "flat", now);
      for (char c = 'b'; store.orderStatus(ref).isPresent() && c <= 'z'; c++) {
        ref = dev.alvh.core.order.OrderRef.forTranche(t.id(), "flat" + c, now);
      }
      OrderIntent o = new OrderIntent(ref, OrderPurpose.CLOSE_CONDOR, t.id(), t.closingLegs(), t.quantity(),
          dev.alvh.core.order.NetPrice.debit(BigDecimal.ZERO), "manual: flatten condors");
      desk.submit(o, r -> onClose(r, ExitReason.MANUAL));
      out.add(ref);
    }
    return out;
  }

  /**
   * The end-of-day job: settles tranches expiring today at the SPX close, then stores the
   * day's snapshot.
   */
  public void endOfDay(Optional<BigDecimal> spxClose) {
    applyRecoveredIfDue();
    LocalDate today = clock.marketDate();
    if (spxClose.isPresent()) {
      settlement.apply(today, spxClose.get());
      for (Tranche t : store.openTranches()) {
        if (t.expiry().isAfter(today)) {
          continue;
        }
        if (t.lastExpiry().isAfter(today)) {
          LOG.error("tranche {}: its {} side expired unclosed while the other expires {}; not settled here",
              t.id(), t.putExpiry().isAfter(today) ? "call" : "put", t.lastExpiry());
          desk.orders().decision(clock.now(), "note", "mixedExpiry", "tranche " + t.id()
              + " reached its nearer expiry unclosed after a roll", "expiries " + t.putExpiry() + "/" + t.callExpiry());
          continue;
        }
        BigDecimal value = t.settlementValue(spxClose.get());
        desk.orders().settlement(t, today, spxClose.get(), value);
        BigDecimal pnl = desk.orders().close(t, t.quantity(), value, BigDecimal.ZERO, ExitReason.SETTLED, today)
            .orElseThrow();
        LOG.info("tranche {} settled at {}: owes {} per condor, P&L {}", t.id(), spxClose.get(), value, pnl);
      }
    }
    hedge.endOfDay();
    hedgeState = hedge.state().name();
    AccountSummary a = broker.account();
    IndexLevels ix = market.indices();
    store.snapshot(today, a.netLiquidation(), a.cash(), ix.spx(), ix.vix(), ix.vix3m(), effectiveHedgeState(),
        store.openTranches().size());
  }

  private void onOpen(OrderDesk.Result r) {
    if (r.filledCombos() == 0) {
      if (r.outcome() != OrderDesk.Outcome.SKIPPED) {
        desk.orders().decision(clock.now(), OrderStore.ENTRY_SKIPPED, SkipCode.UNFILLED.key(),
            "the opening order must fill within its walk", r.intent().ref() + " " + r.outcome() + " at "
                + r.lastLimit() + (r.reason().isEmpty() ? "" : ": " + r.reason()));
      }
      return;
    }
    OrderIntent o = r.intent();
    Tranche t = trancheFrom(o, clock.marketDate(), r.creditPerCombo()).withQuantity(r.filledCombos());
    synchronized (applyLock) {
      if (alreadyApplied(r)) {
        return;
      }
      dev.alvh.app.crash.CrashPoints.reach("order-done");
      store.jdbc().inTransaction(() -> {
        store.openTranche(t, r.commissions());
        journal.markApplied(o.ref(), r.filledCombos(), clock.now());
      });
    }
    counters.tranchesOpened++;
    LOG.info("tranche {} opened: {} x{} credit {} ({})", t.id(), t.expiry(), t.quantity(), t.credit(), r.outcome());
  }

  private void onClose(OrderDesk.Result r, ExitReason reason) {
    if (r.filledCombos() == 0) {
      return;
    }
    synchronized (applyLock) {
      if (!alreadyApplied(r)) {
        closeApplied(r, reason);
      }
    }
  }

  private void closeApplied(OrderDesk.Result r, ExitReason reason) {
    Optional<Tranche> t = findOpen(r.intent().trancheId());
    if (t.isEmpty()) {
      LOG.error("{} filled {} combos but tranche {} is not open", r.intent().ref(), r.filledCombos(),
          r.intent().trancheId());
      return;
    }
    BigDecimal debit = r.creditPerCombo().negate();
    dev.alvh.app.crash.CrashPoints.reach("order-done");
    int closed = Math.min(r.filledCombos(), t.get().quantity());
    java.util.concurrent.atomic.AtomicReference<Optional<BigDecimal>> result = new java.util.concurrent.atomic
        .AtomicReference<>();
    store.jdbc().inTransaction(() -> {
      result.set(desk.orders().close(t.get(), closed, debit, r.commissions(), reason, clock.marketDate()));
      journal.markApplied(r.intent().ref(), r.filledCombos(), clock.now());
    });
    Optional<BigDecimal> pnl = result.get();
    if (pnl.isPresent()) {
      LOG.info("tranche {} closed ({}): debit {}, P&L {}", t.get().id(), reason.key(), debit, pnl.get());
    } else {
      LOG.info("tranche {}: {} of {} condors closed ({}) at debit {}; the rest stays open", t.get().id(), closed,
          t.get().quantity(), reason.key(), debit);
    }
  }

  private void onRoll(OrderDesk.Result r, CycleDecision.PlannedRoll plan) {
    if (r.filledCombos() == 0) {
      return;
    }
    synchronized (applyLock) {
      if (alreadyApplied(r)) {
        return;
      }
      store.jdbc().inTransaction(() -> {
        rollApplied(r, plan);
        journal.markApplied(r.intent().ref(), r.filledCombos(), clock.now());
      });
    }
  }

  private void rollApplied(OrderDesk.Result r, CycleDecision.PlannedRoll plan) {
    Optional<Tranche> t = findOpen(plan.trancheId());
    if (t.isEmpty()) {
      LOG.error("{} filled but tranche {} is not open", r.intent().ref(), plan.trancheId());
      return;
    }
    BigDecimal rollCredit = r.creditPerCombo();
    Tranche before = t.get();
    if (r.filledCombos() < before.quantity()) {
      // Split: the rolled condors become a tranche of their own, the rest keeps the old legs.
      long newId = store.nextTrancheId();
      Tranche rolledPart = new Tranche(newId, before.openedOn(), before.putExpiry(), before.callExpiry(),
          before.longPut(), before.shortPut(), before.shortCall(), before.longCall(), r.filledCombos(),
          before.credit(), before.rolls()).rolled(plan.side(), plan.newExpiry(), plan.newShort(), plan.newLong(),
          rollCredit);
      store.openTranche(rolledPart, r.commissions());
      store.jdbc().update("UPDATE tranche SET quantity=? WHERE id=?", before.quantity() - r.filledCombos(),
          before.id());
      LOG.warn("tranche {}: roll filled {} of {} condors; the rolled part is tranche {}", before.id(),
          r.filledCombos(), before.quantity(), newId);
      return;
    }
    Tranche after = before.rolled(plan.side(), plan.newExpiry(), plan.newShort(), plan.newLong(), rollCredit);
    desk.orders().rolled(after, rollCredit, r.commissions());
    LOG.info("tranche {} rolled its {} side to {} {}/{} for {} {}; credit now {}", after.id(), plan.side(),
        plan.newExpiry(), plan.newShort(), plan.newLong(), rollCredit.signum() >= 0 ? "a credit of" : "a debit of",
        rollCredit.abs(), after.credit());
  }

  /**
   * After a reconciliation, and whenever an order sent before a restart ends: orders whose
   * executions are in the store but whose effect on the books was never written (a crash came
   * between the fills and the books: the fills arrived while the bot was down, or it died in
   * between) are applied now from the journal and the stored fills, exactly as if their result
   * had come in, exactly once ({@code orders.applied_combos} is written with the books):
   * <ul>
   *   <li>an opening condor order opens its tranche with the combos filled; a closing one closes
   *       them (in part or whole);
   *   <li>a hedge order rebuilds the hedge position from its journaled action ({@code hedge_order}:
   *       open, close, profit take, PRESS trim or spread; layer id, level and kind), its journaled
   *       legs and its fills, on the date of its last fill;
   *   <li>a roll is applied to its tranche with the new side read from its legs (the legs on
   *       another expiry than the tranche's side are the new vertical); one whose legs cannot be
   *       read so is logged and stored as a decision for a person.
   * </ul>
   * Orders still working (here or at the broker) are left to their events. Orders journaled
   * before V6 are recovered as before: condor orders by whether their tranche exists.
   *
   * @return the orders applied
   */
  public int applyRecoveredOrders() {
    synchronized (applyLock) {
      java.util.Set<dev.alvh.core.order.OrderRef> working = desk.workingRefs();
      int applied = 0;
      for (dev.alvh.app.store.OrderJournal.Pending p : journal.pending(
          List.of("FILLED", "CANCELLED", "API_CANCELLED", "INACTIVE"))) {
        OrderIntent intent = p.intent();
        if (working.contains(intent.ref())) {
          continue;
        }
        try {
          if (applyRecovered(intent)) {
            applied++;
          }
        } catch (RuntimeException e) {
          LOG.error("{}: its fills could not be applied to the books after the restart: {}", intent.ref(),
              e.toString(), e);
          desk.orders().decision(clock.now(), "note", "recoveryFailed", intent.ref() + " filled before a restart"
              + " but could not be applied to the books; a person should check", e.toString());
        }
      }
      return applied + applyLegacyRecoveredOrders();
    }
  }

  /** Applies journaled order {@code intent}'s stored fills to the books; false when there is nothing to apply. */
  private boolean applyRecovered(OrderIntent intent) {
    List<dev.alvh.core.order.Fill> fills = storedFills(intent.ref());
    int combos = combosOf(intent.legs(), fills);
    if (combos == 0) {
      return false;
    }
    OrderDesk.Result r = new OrderDesk.Result(intent, combos >= intent.quantity() ? OrderDesk.Outcome.FILLED
        : OrderDesk.Outcome.PARTIAL, combos, fills, intent.limit(), "recovered after a restart");
    switch (intent.purpose()) {
      case OPEN_CONDOR -> {
        LOG.warn("{}: {} combos filled but not in the books (a crash came between); applying them now", intent.ref(),
            combos);
        onOpen(r);
      }
      case CLOSE_CONDOR -> {
        LOG.warn("{}: {} combos filled but not in the books (a crash came between); applying them now", intent.ref(),
            combos);
        onClose(r, reasonOf(intent.reason()));
      }
      case ROLL_CONDOR -> {
        Optional<CycleDecision.PlannedRoll> plan = rollPlanOf(intent);
        if (plan.isEmpty()) {
          LOG.error("{}: a roll filled {} combos before a restart and its new side cannot be read from its legs:"
              + " tranche {} needs a person", intent.ref(), combos, intent.trancheId());
          desk.orders().decision(clock.now(), "note", "rollNotRecovered", "roll " + intent.ref() + " of tranche "
              + intent.trancheId() + " filled before a restart and is not in the books", combos + " combos");
          return false;
        }
        LOG.warn("{}: roll of tranche {} filled {} combos but is not in the books (a crash came between); applying"
            + " it now", intent.ref(), intent.trancheId(), combos);
        onRoll(r, plan.get());
      }
      default -> {
        Optional<dev.alvh.core.hedge.HedgeAction> a = journal.hedgeActionOf(intent);
        if (a.isEmpty()) {
          LOG.error("{}: a hedge order filled {} combos before a restart without a journaled hedge action;"
              + " not in the hedge books", intent.ref(), combos);
          return false;
        }
        LocalDate date = fills.stream().map(dev.alvh.core.order.Fill::time).max(java.util.Comparator.naturalOrder())
            .map(t -> t.atZone(Clock.MARKET_ZONE).toLocalDate()).orElse(clock.marketDate());
        LOG.warn("{}: {} {} of hedge position {} filled {} combos but is not in the hedge books (a crash came"
            + " between); applying it now", intent.ref(), a.get().type(), a.get().kind(), a.get().layerId(), combos);
        onHedge(r, a.get(), date);
      }
    }
    return journal.applied(intent.ref());
  }

  /**
   * The roll a journaled roll order carried out, read from its legs: the legs on an expiry other
   * than the tranche's current one on that side are the new vertical (the sold one its short
   * strike, the bought one its long strike); the others close the old vertical.
   */
  private Optional<CycleDecision.PlannedRoll> rollPlanOf(OrderIntent intent) {
    Optional<Tranche> t = findOpen(intent.trancheId());
    if (t.isEmpty() || intent.legs().isEmpty()) {
      return Optional.empty();
    }
    OptionRight side = intent.legs().get(0).contract().right();
    LocalDate current = side == OptionRight.PUT ? t.get().putExpiry() : t.get().callExpiry();
    LocalDate newExpiry = null;
    BigDecimal newShort = null;
    BigDecimal newLong = null;
    for (var leg : intent.legs()) {
      if (leg.contract().right() != side) {
        return Optional.empty();
      }
      if (leg.contract().expiry().equals(current)) {
        continue;
      }
      newExpiry = leg.contract().expiry();
      if (leg.side() == dev.alvh.core.instrument.Side.SELL) {
        newShort = leg.contract().strike();
      } else {
        newLong = leg.contract().strike();
      }
    }
    if (newExpiry == null || newShort == null || newLong == null) {
      return Optional.empty();
    }
    return Optional.of(new CycleDecision.PlannedRoll(intent.trancheId(), side, newExpiry, newShort, newLong, intent,
        dev.alvh.core.order.NetPrice.debit(config.condor().rollMaxDebit())));
  }

  private List<dev.alvh.core.order.Fill> storedFills(dev.alvh.core.order.OrderRef ref) {
    return store.jdbc().query("SELECT exec_id, occurred_at, contract, side, quantity, price, commission FROM fill"
        + " WHERE ref=? ORDER BY occurred_at, exec_id", rs -> new dev.alvh.core.order.Fill(ref, rs.getString(1),
            rs.getTimestamp(2).toInstant(), dev.alvh.core.instrument.OptionContract.parseKey(rs.getString(3)),
            dev.alvh.core.instrument.Side.valueOf(rs.getString(4)), rs.getInt(5), rs.getBigDecimal(6),
            rs.getBigDecimal(7)), ref.value());
  }

  /** Whole combos of {@code legs} in {@code fills}: the smallest filled share over the legs. */
  private static int combosOf(List<dev.alvh.core.instrument.ComboLeg> legs, List<dev.alvh.core.order.Fill> fills) {
    int combos = Integer.MAX_VALUE;
    for (var leg : legs) {
      int q = fills.stream().filter(f -> f.side() == leg.side() && f.contract().key().equals(leg.contract().key()))
          .mapToInt(dev.alvh.core.order.Fill::quantity).sum();
      combos = Math.min(combos, q / leg.ratio());
    }
    return combos == Integer.MAX_VALUE ? 0 : combos;
  }

  /** Condor orders journaled before V6 (no applied mark): applied when their tranche says they were not. */
  private int applyLegacyRecoveredOrders() {
    record Journaled(String ref, OrderPurpose purpose, long trancheId, String legs, int quantity,
        BigDecimal limit, String reason, String status) {
    }
    List<Journaled> done = store.jdbc().query("SELECT o.ref, o.purpose, o.tranche_id, o.legs, o.quantity,"
        + " o.limit_price, o.reason, o.status FROM orders o WHERE o.applied_combos IS NULL"
        + " AND o.status IN ('FILLED', 'CANCELLED', 'API_CANCELLED',"
        + " 'INACTIVE') AND EXISTS (SELECT 1 FROM fill f WHERE f.ref = o.ref) ORDER BY o.created_at, o.ref",
        rs -> new Journaled(rs.getString(1), OrderPurpose.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4),
            rs.getInt(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8)));
    int applied = 0;
    for (Journaled j : done) {
      boolean open = j.purpose() == OrderPurpose.OPEN_CONDOR;
      boolean close = j.purpose() == OrderPurpose.CLOSE_CONDOR;
      if (!open && !close) {
        continue;
      }
      boolean exists = store.jdbc().queryOne("SELECT 1 FROM tranche WHERE id=?", rs -> rs.getInt(1), j.trancheId())
          .isPresent();
      Optional<Tranche> openTranche = findOpen(j.trancheId());
      if (open == exists || close && openTranche.isEmpty()) {
        continue; // applied already
      }
      List<dev.alvh.core.instrument.ComboLeg> legs = new java.util.ArrayList<>();
      for (String leg : j.legs().split("; ")) {
        String[] p = leg.split(" ", 3);
        legs.add(new dev.alvh.core.instrument.ComboLeg(dev.alvh.core.instrument.OptionContract.parseKey(p[2]),
            dev.alvh.core.instrument.Side.valueOf(p[0]), Integer.parseInt(p[1].substring(1))));
      }
      OrderIntent intent = new OrderIntent(new dev.alvh.core.order.OrderRef(j.ref()), j.purpose(), j.trancheId(), legs,
          j.quantity(), new dev.alvh.core.order.NetPrice(j.limit()), j.reason());
      List<dev.alvh.core.order.Fill> fills = store.jdbc().query("SELECT exec_id, occurred_at, contract, side,"
          + " quantity, price, commission FROM fill WHERE ref=? ORDER BY occurred_at, exec_id",
          rs -> new dev.alvh.core.order.Fill(intent.ref(), rs.getString(1), rs.getTimestamp(2).toInstant(),
              dev.alvh.core.instrument.OptionContract.parseKey(rs.getString(3)),
              dev.alvh.core.instrument.Side.valueOf(rs.getString(4)), rs.getInt(5), rs.getBigDecimal(6),
              rs.getBigDecimal(7)), j.ref());
      int combos = Integer.MAX_VALUE;
      for (var leg : legs) {
        int q = fills.stream().filter(f -> f.contract().key().equals(leg.contract().key()))
            .mapToInt(dev.alvh.core.order.Fill::quantity).sum();
        combos = Math.min(combos, q / leg.ratio());
      }
      if (combos == 0 || close && combos < openTranche.get().quantity()) {
        if (combos > 0) {
          LOG.warn("{}: {} of {} condors closed while the bot was down; not applied (a person should check)", j.ref(),
              combos, openTranche.get().quantity());
        }
        continue;
      }
      OrderDesk.Result r = new OrderDesk.Result(intent, combos >= j.quantity() ? OrderDesk.Outcome.FILLED
          : OrderDesk.Outcome.PARTIAL, combos, fills, intent.limit(), "recovered after a restart");
      LOG.warn("{}: {} combos filled but not in the books (a crash came between); applying them now", j.ref(), combos);
      if (open) {
        onOpen(r);
      } else {
        onClose(r, reasonOf(j.reason()));
      }
      applied++;
    }
    return applied;
  }

  private static ExitReason reasonOf(String text) {
    for (ExitReason e : ExitReason.values()) {
      if (text.toLowerCase(java.util.Locale.ROOT).contains(e.key().toLowerCase(java.util.Locale.ROOT))) {
        return e;
      }
    }
    return ExitReason.MANUAL;
  }

  private Optional<Tranche> findOpen(long id) {
    return store.openTranches().stream().filter(x -> x.id() == id).findFirst();
  }

  private static Tranche trancheFrom(OrderIntent o, LocalDate today, BigDecimal credit) {
    BigDecimal lp = null;
    BigDecimal sp = null;
    BigDecimal sc = null;
    BigDecimal lc = null;
    for (var leg : o.legs()) {
      boolean put = leg.contract().right() == OptionRight.PUT;
      boolean sell = leg.side() == dev.alvh.core.instrument.Side.SELL;
      BigDecimal k = leg.contract().strike();
      if (put && sell) {
        sp = k;
      } else if (put) {
        lp = k;
      } else if (sell) {
        sc = k;
      } else {
        lc = k;
      }
    }
    return new Tranche(o.trancheId(), today, o.legs().get(0).contract().expiry(), lp, sp, sc, lc, o.quantity(),
        credit);
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
