package dev.alvh.app.engine;

import dev.alvh.app.store.OrderStore;
import dev.alvh.app.store.Store;
import dev.alvh.core.Check;
import dev.alvh.core.condor.SkipCode;
import dev.alvh.core.config.BotConfig;
import dev.alvh.core.execution.LegQuote;
import dev.alvh.core.execution.OrderTracker;
import dev.alvh.core.execution.PriceWalk;
import dev.alvh.core.execution.QuoteCheck;
import dev.alvh.core.execution.TickRule;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.port.Pause;
import dev.alvh.core.risk.RiskContext;
import dev.alvh.core.risk.RiskGate;
import dev.alvh.core.risk.RiskVerdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every order of the bot takes to the broker: condors, rolls and hedge orders.
 *
 * <p>{@link #submit} checks the quotes ({@link QuoteCheck}; a failure skips the order with a
 * stored reason and sends nothing), writes the intent to the journal, places it as one combo
 * (BAG) order with one total limit at the mid price on the tick grid, and walks the limit toward
 * the natural price ({@link PriceWalk}: {@code execution.walkSteps} steps, one every
 * {@code execution.walkIntervalSeconds}, never past natural nor past the caller's worst price).
 * Whatever still works after the last step is cancelled; the strategy decides again next cycle.
 * Every step and the outcome are stored (tables {@code order_step}, {@code orders.outcome}).
 *
 * <p>The desk is the broker's listener: it follows each order's statuses and executions with an
 * {@link OrderTracker} (duplicates tolerated, fills counted leg by leg, fills that arrive while
 * cancelling counted) and calls the caller's callback exactly once, when the order is over.
 * Between steps it calls its {@link Pause}: live sleeps, replay moves the virtual clock, and the
 * default {@link Pause#NONE} walks at one instant. Meant for the one trading thread; broker
 * events from another thread are accepted (the trackers are thread-safe) but callbacks then run
 * on that thread.
 */
public final class OrderDesk implements BrokerListener {

  private static final Logger LOG = LoggerFactory.getLogger(OrderDesk.class);

  /** How an order ended. */
  public enum Outcome {
    /** Every combo filled. */
    FILLED,
    /** Cancelled (or rejected) after some combos filled. */
    PARTIAL,
    /** Cancelled at the end of its walk with nothing filled. */
    UNFILLED,
    /** The broker refused it (Inactive), nothing filled. */
    REJECTED,
    /** Not sent: its quotes failed the sanity check. */
    SKIPPED,
    /** Cancel requested after the walk, the broker has not confirmed yet (never passed to a callback). */
    WORKING,
    /** Journaled and waiting for an operator's approval (approval mode; never passed to a callback). */
    HELD,
    /** Held for approval, then rejected by an operator or expired unapproved; never sent. */
    NOT_APPROVED,
    /** Refused by the risk gate ({@code risk.*}); never sent. */
    RISK_REJECTED
  }

  /**
   * The end of one order.
   *
   * @param intent       the order as journaled (its limit is the first price of the walk)
   * @param outcome      how it ended
   * @param filledCombos combos whose every leg executed
   * @param fills        the executions, leg by leg
   * @param lastLimit    the last limit the order was worked at
   * @param reason       the broker's or the check's reason, may be empty
   */
  public record Result(OrderIntent intent, Outcome outcome, int filledCombos, List<Fill> fills, NetPrice lastLimit,
      String reason) {

    /** Cash to the account from the executions, USD, after commissions. */
    public BigDecimal cashFlow() {
      return fills.stream().map(Fill::cashFlow).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Commissions of the executions, USD. */
    public BigDecimal commissions() {
      return fills.stream().map(Fill::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The net price per combo the filled combos traded at, points, positive for a credit
     * received: (cash flow + commissions) / (filled combos x multiplier).
     */
    public BigDecimal creditPerCombo() {
      if (filledCombos == 0) {
        return BigDecimal.ZERO;
      }
      int multiplier = intent.legs().get(0).contract().multiplier();
      return cashFlow().add(commissions()).divide(BigDecimal.valueOf((long) filledCombos * multiplier), 4,
          java.math.RoundingMode.HALF_EVEN);
    }
  }

  private BotConfig config;
  private final Clock clock;
  private final MarketData market;
  private final Broker broker;
  private final Store store;
  private final OrderStore orders;
  private final dev.alvh.app.store.OrderJournal journal;
  /** Set when an order this process does not track (sent before a restart) ended or filled. */
  private final java.util.concurrent.atomic.AtomicBoolean recoveryDue = new java.util.concurrent.atomic.AtomicBoolean();
  private QuoteCheck quoteCheck;
  private final Map<OrderRef, Working> working = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<OrderRef, Held> held = new java.util.LinkedHashMap<>();
  private Pause pause = Pause.NONE;
  private java.util.function.BooleanSupplier stopWalk = () -> false;
  private java.util.function.Function<OrderIntent, Optional<String>> brokerGate = i -> Optional.empty();
  private Controls controls = new Controls();
  private RiskGate gate;
  private java.util.function.BooleanSupplier killFile = () -> false;
  private boolean haltSeen;
  /** The risk gate's limit name of an order refused because the bot is halted. */
  private static final String HALTED_LIMIT = "halted";
  private boolean releaseHaltEachDay;
  private java.time.LocalDate sodDay;
  private BigDecimal sodNetLiq = BigDecimal.ZERO;
  private java.util.function.Consumer<String> riskListener = s -> { };
  private Consumer<Outcome> outcomeListener = o -> { };
  private long sent;
  private long fills;
  private final List<WalkEnd> walkEnds = new ArrayList<>();

  /** A desk over {@code broker}; it registers itself as the broker's listener. */
  public OrderDesk(BotConfig config, Clock clock, MarketData market, Broker broker, Store store) {
    this.config = Check.notNull(config, "config");
    this.clock = Check.notNull(clock, "clock");
    this.market = Check.notNull(market, "market");
    this.broker = Check.notNull(broker, "broker");
    this.store = Check.notNull(store, "store");
    this.orders = new OrderStore(store);
    this.journal = new dev.alvh.app.store.OrderJournal(store.jdbc());
    this.quoteCheck = new QuoteCheck(Duration.ofSeconds(config.risk().maxQuoteAgeSeconds()),
        config.execution().maxSpreadFraction(), config.execution().minSpreadBase());
    this.gate = new RiskGate(config.risk());
    broker.setListener(this);
  }

  /** Runs with {@code c} from the next order on (the risk gate keeps its halt state). */
  public void reconfigure(BotConfig c) {
    this.config = Check.notNull(c, "config");
    this.quoteCheck = new QuoteCheck(Duration.ofSeconds(c.risk().maxQuoteAgeSeconds()),
        c.execution().maxSpreadFraction(), c.execution().minSpreadBase());
    RiskGate next = new RiskGate(c.risk(), gate.haltState());
    if (gate.killSwitchEngaged()) {
      next.beforeCycle(riskContext(Optional.empty(), Duration.ZERO), killFile.getAsBoolean(), clock.now());
    }
    this.gate = next;
  }

  /** Uses the operator's switches {@code c}: approval mode holds orders, halt is the risk gate's halt. */
  public void controls(Controls c) {
    this.controls = Check.notNull(c, "controls");
    this.haltSeen = false;
  }

  /**
   * Tells the desk whether the kill-switch file ({@code risk.killSwitchFile} in the data
   * directory) exists; checked before every order. While it exists nothing is sent.
   */
  public void killSwitchFile(java.util.function.BooleanSupplier present) {
    this.killFile = Check.notNull(present, "present");
  }

  /** Called with a line whenever the risk gate halts the bot or refuses an order (alerts). */
  public void onRiskEvent(java.util.function.Consumer<String> listener) {
    this.riskListener = Check.notNull(listener, "listener");
  }

  /** Restores a stored halt (start-up); the operator's switch is expected to say halted too. */
  public void restoreHalt(dev.alvh.core.risk.HaltState h) {
    this.gate = new RiskGate(config.risk(), Check.notNull(h, "h"));
    this.haltSeen = h.halted();
  }

  /**
   * Called on every order event for metrics: {@link Outcome#WORKING} when an order is placed,
   * then its final outcome (and {@link Outcome#RISK_REJECTED} for a refused one).
   */
  public void onOutcome(Consumer<Outcome> listener) {
    this.outcomeListener = Check.notNull(listener, "listener");
  }

  /**
   * Sets the broker-side gate every order passes after the risk gate, just before it is journaled
   * and sent: a refusal (its text) skips the order (IBKR: TWS's daily restart window, market data
   * that is not real-time, a what-if margin beyond {@code live.maxInitMarginPct}).
   */
  public void brokerGate(java.util.function.Function<OrderIntent, Optional<String>> gate) {
    this.brokerGate = Check.notNull(gate, "gate");
  }

  /** The risk gate every order passes. */
  public RiskGate riskGate() {
    return gate;
  }

  /** Sets how time passes between walk steps (live: sleep; replay: advance the virtual clock). */
  public void pauseWith(Pause p) {
    this.pause = Check.notNull(p, "pause");
  }

  /**
   * Ends every price walk early while {@code stop} says so (a halt requested from the control
   * thread, the kill-switch file): the pause between steps returns, no further step is sent and
   * the order is cancelled as at the end of a walk. Checked between steps only.
   */
  public void stopWalkWhen(java.util.function.BooleanSupplier stop) {
    this.stopWalk = Check.notNull(stop, "stop");
  }

  /** The execution records. */
  public OrderStore orders() {
    return orders;
  }

  /** Orders placed at the broker so far. */
  public long sent() {
    return sent;
  }

  /** New executions received so far. */
  public long fills() {
    return fills;
  }

  /** Tranche ids that have an order still working (nothing more is sent for them). */
  public java.util.Set<Long> busyTranches() {
    java.util.Set<Long> out = new java.util.HashSet<>();
    working.values().forEach(w -> out.add(w.tracker.intent().trancheId()));
    return out;
  }

  /** Submits {@code intent} with the natural price as its only bound; see {@link #submit(OrderIntent, Optional, Consumer)}. */
  public Result submit(OrderIntent intent, Consumer<Result> done) {
    return submit(intent, Optional.empty(), done);
  }

  /**
   * Checks, journals, places and walks {@code intent}; {@code done} is called exactly once when
   * the order is over (at once for a skipped order; for a broker that reports later, from its
   * events).
   *
   * @param worst the worst limit the walk may reach (a minimum credit, a maximum debit), if any
   * @return the result when the order ended during the call; otherwise its state so far with
   *         outcome {@link Outcome#WORKING} (the final result then comes through {@code done})
   */
  public Result submit(OrderIntent intent, Optional<NetPrice> worst, Consumer<Result> done) {
    return submit(intent, worst, done, o -> { });
  }

  /**
   * As {@link #submit(OrderIntent, Optional, Consumer)}, and {@code alsoJournal} writes what
   * else a restart needs to know of the order (a hedge order's action) in the transaction that
   * writes its journal row, before it is sent.
   */
  public Result submit(OrderIntent intent, Optional<NetPrice> worst, Consumer<Result> done,
      Consumer<OrderIntent> alsoJournal) {
    Check.notNull(intent, "intent");
    Check.notNull(done, "done");
    Check.notNull(alsoJournal, "alsoJournal");
    if (controls.approvalRequired()) {
      journal(intent, alsoJournal);
      held.put(intent.ref(), new Held(intent, worst, done));
      LOG.info("holding {} {} for an operator's approval ({})", intent.purpose(), intent.ref(), intent.reason());
      return new Result(intent, Outcome.HELD, 0, List.of(), intent.limit(), "waiting for approval");
    }
    return send(intent, worst, done, false, alsoJournal);
  }

  /**
   * Writes {@code o} to the journal in one transaction: its {@code orders} row, its legs, nothing
   * applied to the books yet, and {@code alsoJournal}'s rows.
   */
  private void journal(OrderIntent o, Consumer<OrderIntent> alsoJournal) {
    store.jdbc().inTransaction(() -> {
      store.journal(o, clock.now());
      journal.journaled(o);
      alsoJournal.accept(o);
    });
  }

  private Result send(OrderIntent intent, Optional<NetPrice> worst, Consumer<Result> done, boolean journaled,
      Consumer<OrderIntent> alsoJournal) {
    List<LegQuote> legs = new ArrayList<>();
    for (ComboLeg leg : intent.legs()) {
      Optional<OptionQuote> q = market.quote(leg.contract());
      if (q.isEmpty()) {
        return skipped(intent, "no quote for " + leg.contract().key(), done);
      }
      legs.add(new LegQuote(leg, q.get(), market.quoteTime(leg.contract()).orElse(clock.now())));
    }
    java.util.Set<dev.alvh.core.instrument.OptionContract> held = new java.util.HashSet<>();
    if (intent.legs().stream().anyMatch(l -> l.side() == dev.alvh.core.instrument.Side.SELL)) {
      broker.positions().stream().filter(p -> p.quantity() > 0).forEach(p -> held.add(p.contract()));
    }
    Optional<String> bad = quoteCheck.refusal(legs, clock.now(), held);
    if (bad.isPresent()) {
      return skipped(intent, bad.get(), done);
    }
    QuoteCheck.PackageQuote pq = QuoteCheck.PackageQuote.of(legs);
    TickRule rule = TickRule.of(intent.legs(), config.condor(), config.execution());
    PriceWalk walk = PriceWalk.plan(pq.mid(), pq.natural(), worst, config.execution().walkSteps(), rule);
    OrderIntent first = new OrderIntent(intent.ref(), intent.purpose(), intent.trancheId(), intent.legs(),
        intent.quantity(), walk.first(), intent.reason());
    Duration age = Duration.ZERO;
    for (LegQuote lq : legs) {
      Duration a = Duration.between(lq.asOf(), clock.now());
      age = a.compareTo(age) > 0 ? a : age;
    }
    RiskVerdict verdict = judge(first, Optional.of(pq.mid()), age);
    if (!verdict.passed()) {
      return riskRejected(first, verdict, journaled, done);
    }
    Optional<String> closed = brokerGate.apply(first);
    if (closed.isPresent()) {
      return brokerRefused(first, closed.get(), journaled, done);
    }
    OrderTracker tracker = new OrderTracker(first);
    Working w = new Working(tracker, done);
    w.lastLimit = walk.first();
    w.sentAt = pq;
    dev.alvh.app.crash.CrashPoints.reach("journal-before");
    if (journaled) {
      store.jdbc().update("UPDATE orders SET limit_price=?, updated_at=? WHERE ref=?", first.limit().bagLimit(),
          java.sql.Timestamp.from(clock.now()), first.ref().value());
    } else {
      journal(first, alsoJournal);
    }
    working.put(first.ref(), w);
    sent++;
    LOG.info("sending {} {}: {} legs x{} at {}, walking to {} in {} steps ({})", first.purpose(), first.ref(),
        first.legs().size(), first.quantity(), walk.first(), walk.last(), walk.steps(), first.reason());
    dev.alvh.app.crash.CrashPoints.reach("journal-written");
    long brokerId = broker.place(first);
    dev.alvh.app.crash.CrashPoints.reach("order-sent");
    tracker.sent(brokerId);
    outcomeListener.accept(Outcome.WORKING);
    orders.step(first.ref(), 0, walk.first(), clock.now(), tracker.status(), tracker.filledCombos());
    Duration interval = Duration.ofSeconds(config.execution().walkIntervalSeconds());
    for (int k = 1; k < walk.prices().size() && !tracker.isTerminal() && !tracker.complete(); k++) {
      pause.pause(interval, () -> tracker.isTerminal() || tracker.complete() || stopWalk.getAsBoolean());
      if (tracker.isTerminal() || tracker.complete()) {
        break;
      }
      if (stopWalk.getAsBoolean()) {
        LOG.warn("{}: the walk stops at {} (halt requested or kill-switch file present); cancelling", first.ref(),
            w.lastLimit);
        break;
      }
      NetPrice p = walk.prices().get(k);
      RiskVerdict band = gate.priceBand(new OrderIntent(first.ref(), first.purpose(), first.trancheId(), first.legs(),
          first.quantity(), p, first.reason()), Optional.of(pq.mid()));
      if (!band.passed()) {
        LOG.info("{}: the walk stops at {} instead of {}: {}", first.ref(), w.lastLimit, p, band);
        break;
      }
      try {
        broker.modify(first.ref(), p);
      } catch (UnsupportedOperationException e) {
        LOG.warn("{}: the broker cannot modify orders, the order stays at {}", first.ref(), w.lastLimit);
        break;
      } catch (RuntimeException e) {
        // e.g. TWS cut off from IB (1100): the order works on at its last limit; the next step tries again
        LOG.warn("{}: walk step {} to {} not sent ({}); the order stays at {}", first.ref(), k, p, e.getMessage(),
            w.lastLimit);
        continue;
      }
      w.lastLimit = p;
      w.step = k;
      orders.step(first.ref(), k, p, clock.now(), tracker.status(), tracker.filledCombos());
    }
    w.walkOver = true;
    if (!tracker.isTerminal() && !tracker.complete()) {
      try {
        broker.cancel(first.ref());
      } catch (RuntimeException e) {
        LOG.warn("{}: cancel at the end of the walk not sent ({}); the order ends with the broker's next report",
            first.ref(), e.getMessage());
      }
    }
    maybeFinish(first.ref());
    return w.result != null ? w.result
        : new Result(first, Outcome.WORKING, tracker.filledCombos(), tracker.fills(), w.lastLimit, "cancel requested");
  }

  @Override
  public void orderUpdated(OrderUpdate u) {
    Working w = working.get(u.ref());
    if (w == null) {
      store.orderStatus(u.ref(), u.status(), u.brokerId(), u.filled(), u.reason(), u.time());
      if (u.status().isTerminal()) {
        recoveryDue.set(true); // an order sent before a restart ended: its fills go to the books next job
      }
      return;
    }
    if (w.tracker.apply(u)) {
      store.orderStatus(u.ref(), u.status(), u.brokerId(), u.filled(), u.reason(), u.time());
    }
    maybeFinish(u.ref());
  }

  @Override
  public void filled(Fill f) {
    if (store.fill(f)) {
      fills++;
      dev.alvh.app.crash.CrashPoints.reach("fill-stored");
    }
    Working w = working.get(f.ref());
    if (w != null) {
      w.tracker.apply(f);
      maybeFinish(f.ref());
    } else {
      recoveryDue.set(true);
    }
  }

  /**
   * True (once) when an order this process does not track, one sent before a restart, ended or
   * filled since the last call: the engine then applies what the journal and the stored fills
   * say to the books ({@link TradingEngine#applyRecoveredOrders()}), on its own thread.
   */
  public boolean takeRecoveryDue() {
    return recoveryDue.getAndSet(false);
  }

  /** The refs of the orders placed and not over yet. */
  public java.util.Set<OrderRef> workingRefs() {
    return java.util.Set.copyOf(working.keySet());
  }

  // ---- risk gate ----

  /**
   * Judges {@code intent} (priced at its first limit) with the risk gate, after syncing the
   * gate's halt with the operator's switch: an operator's halt or release since the last order
   * wins; a halt the gate found itself (daily loss) sets the switch.
   */
  private RiskVerdict judge(OrderIntent intent, Optional<NetPrice> model, Duration quoteAge) {
    syncHalt();
    RiskContext ctx = riskContext(model, quoteAge);
    gate.beforeCycle(ctx, killFile.getAsBoolean(), clock.now());
    RiskVerdict v = gate.judge(intent, ctx, clock.now());
    if (gate.halted() && !controls.halted()) {
      controls.halted(true);
      LOG.error("risk: HALTED ({}); only risk-reducing orders until an operator releases it", gate.haltState().reason());
      riskListener.accept("HALTED: " + gate.haltState().reason());
    }
    haltSeen = controls.halted();
    return v;
  }

  /**
   * Brings the operator's halt switch and the risk gate's halt in line: an operator's halt or
   * release since the last sync wins. Called before every order and after every job.
   */
  public void syncHalt() {
    boolean operator = controls.halted();
    if (operator != haltSeen) {
      if (operator && !gate.halted()) {
        gate.halt("halted by an operator", clock.now());
      } else if (!operator && gate.halted()) {
        LOG.info("risk: halt released by an operator (was: {})", gate.haltState().reason());
        gate.release(startOfDayNetLiq());
      }
    }
    haltSeen = operator;
  }

  private RiskContext riskContext(Optional<NetPrice> model, Duration quoteAge) {
    dev.alvh.core.account.AccountSummary a = broker.account();
    BigDecimal sod = startOfDayNetLiq(a);
    BigDecimal margin = store.openTranches().stream().map(t -> t.maxLoss()).reduce(BigDecimal.ZERO, BigDecimal::add)
        .max(BigDecimal.ZERO);
    return new RiskContext(a, sod, margin, store.openTranches().size(), model, quoteAge);
  }

  private BigDecimal startOfDayNetLiq() {
    return sodNetLiq;
  }

  private BigDecimal startOfDayNetLiq(dev.alvh.core.account.AccountSummary a) {
    java.time.LocalDate today = clock.marketDate();
    if (!today.equals(sodDay)) {
      sodDay = today;
      sodNetLiq = a.netLiquidation();
    }
    return sodNetLiq;
  }

  /**
   * Marks the start of a trading day: net liquidation now is the daily-loss base (the pre-open
   * job calls it; otherwise the first order of the day sets it).
   */
  public void startOfDay() {
    sodDay = null;
    startOfDayNetLiq(broker.account());
    if (releaseHaltEachDay && gate.halted()) {
      LOG.warn("risk: the halt ({}) is released at the start of {} (replay: no operator to release it)",
          gate.haltState().reason(), clock.marketDate());
      gate.release(sodNetLiq);
      controls.halted(false);
      haltSeen = false;
    }
  }

  /**
   * Replay only: a halt is released at the next start of day, as no operator is there to do it
   * (a live bot stays halted until {@code release}).
   */
  public void releaseHaltEachDay(boolean value) {
    this.releaseHaltEachDay = value;
  }

  private Result brokerRefused(OrderIntent intent, String why, boolean journaled, Consumer<Result> done) {
    LOG.warn("not sending {} {}: {}", intent.purpose(), intent.ref(), why);
    orders.decision(clock.now(), OrderStore.ORDER_SKIPPED, "broker", intent.purpose().action() + " " + intent.ref()
        + " not sent: the broker is not ready for it", why);
    if (journaled) {
      store.orderStatus(intent.ref(), OrderStatus.CANCELLED, 0, 0, why, clock.now());
    }
    Result r = new Result(intent, Outcome.SKIPPED, 0, List.of(), intent.limit(), why);
    done.accept(r);
    return r;
  }

  private Result riskRejected(OrderIntent intent, RiskVerdict v, boolean journaled, Consumer<Result> done) {
    LOG.warn("risk gate refused {} {}: {}", intent.purpose(), intent.ref(), v);
    orders.decision(clock.now(), "risk-rejected", SkipCode.RISK_LIMIT.key(), intent.purpose().action() + " "
        + intent.ref() + " refused by " + v.limit(), v.detail());
    if (journaled) {
      store.orderStatus(intent.ref(), OrderStatus.CANCELLED, 0, 0, "risk: " + v, clock.now());
    }
    if (!HALTED_LIMIT.equals(v.limit())) {
      // an order refused by the halt itself is what the halt means: the halt raised its one alert
      riskListener.accept("order " + intent.ref() + " refused: " + v);
    }
    Result r = new Result(intent, Outcome.RISK_REJECTED, 0, List.of(), intent.limit(), v.toString());
    outcomeListener.accept(Outcome.RISK_REJECTED);
    done.accept(r);
    return r;
  }

  // ---- operator: approval, halt ----

  /** The orders journaled and waiting for an operator's approval, oldest first. */
  public synchronized List<OrderIntent> heldOrders() {
    return held.values().stream().map(h -> h.intent).toList();
  }

  /** The orders placed and not over yet. */
  public List<OrderIntent> workingOrders() {
    return working.values().stream().map(w -> w.tracker.intent()).toList();
  }

  /**
   * Sends held order {@code ref} now: quote check, risk gate and price walk as for any order
   * (its journal row is reused).
   *
   * @throws IllegalArgumentException when no order with that ref waits for approval
   */
  public Result approve(OrderRef ref) {
    Held h;
    synchronized (this) {
      h = held.remove(ref);
    }
    if (h == null) {
      throw new IllegalArgumentException(notHeld(ref));
    }
    LOG.info("sending approved {} {}", h.intent.purpose(), ref);
    return send(h.intent, h.worst, h.done, true, o -> { });
  }

  /**
   * Drops held order {@code ref}: it is marked cancelled in the journal and never sent.
   *
   * @throws IllegalArgumentException when no order with that ref waits for approval
   */
  public void reject(OrderRef ref) {
    Held h;
    synchronized (this) {
      h = held.remove(ref);
    }
    if (h == null) {
      throw new IllegalArgumentException(notHeld(ref));
    }
    drop(h, "rejected by an operator");
  }

  /** Drops every held order ("not approved before the next cycle"); the engine calls it each cycle. */
  public void expireHeld() {
    List<Held> old;
    synchronized (this) {
      old = new ArrayList<>(held.values());
      held.clear();
    }
    old.forEach(h -> drop(h, "not approved before the next cycle"));
  }

  private void drop(Held h, String why) {
    store.orderStatus(h.intent.ref(), OrderStatus.CANCELLED, 0, 0, why, clock.now());
    orders.outcome(h.intent.ref(), Outcome.NOT_APPROVED.name(), 0);
    LOG.info("{} {}: {}", h.intent.purpose(), h.intent.ref(), why);
    h.done.accept(new Result(h.intent, Outcome.NOT_APPROVED, 0, List.of(), h.intent.limit(), why));
  }

  private synchronized String notHeld(OrderRef ref) {
    return "no order '" + ref + "' is waiting for approval; waiting: "
        + (held.isEmpty() ? "none" : held.keySet().toString());
  }

  /** Cancels every working order at the broker (the kill switch); returns how many were asked. */
  public int cancelWorking() {
    List<OrderRef> refs = new ArrayList<>(working.keySet());
    for (OrderRef r : refs) {
      LOG.warn("cancelling working order {} (halt)", r);
      broker.cancel(r);
    }
    return refs.size();
  }

  private Result skipped(OrderIntent intent, String why, Consumer<Result> done) {
    LOG.info("not sending {} {}: {}", intent.purpose(), intent.ref(), why);
    orders.decision(clock.now(), OrderStore.ORDER_SKIPPED, SkipCode.QUOTES.key(),
        intent.purpose().action() + " " + intent.ref() + " not sent: quotes failed the sanity check", why);
    Result r = new Result(intent, Outcome.SKIPPED, 0, List.of(), intent.limit(), why);
    done.accept(r);
    return r;
  }

  /**
   * Ends {@code ref} once its walk is over and it is terminal (when Filled: every leg has reported)
   * or every combo has filled.
   */
  private synchronized void maybeFinish(OrderRef ref) {
    Working w = working.get(ref);
    // every combo filled is over too: a 1100 gap may keep the broker's Filled status from ever arriving
    if (w == null || !w.walkOver || !(w.tracker.isTerminal() || w.tracker.complete()) || w.result != null) {
      return;
    }
    OrderTracker t = w.tracker;
    if (t.status() == OrderStatus.FILLED && !t.complete()) {
      return;
    }
    working.remove(ref);
    int filled = t.filledCombos();
    Outcome o;
    if (filled >= t.intent().quantity()) {
      o = Outcome.FILLED;
    } else if (filled > 0) {
      o = Outcome.PARTIAL;
    } else if (t.status() == OrderStatus.INACTIVE) {
      o = Outcome.REJECTED;
    } else {
      o = Outcome.UNFILLED;
    }
    if (t.legsUneven()) {
      LOG.error("{}: legs executed unevenly ({} whole combos); the extra leg fills are in the fill table", ref, filled);
      orders.decision(clock.now(), "note", "legsUneven", ref + " legs executed unevenly", t.fills().toString());
    }
    orders.outcome(ref, o.name(), filled);
    Result r = new Result(t.intent(), o, filled, t.fills(), w.lastLimit, t.reason());
    w.result = r;
    if (w.sentAt != null) {
      BigDecimal share = filled > 0 ? sharePaid(w.sentAt, r.creditPerCombo().negate()) : null;
      synchronized (walkEnds) {
        walkEnds.add(new WalkEnd(t.intent().purpose().name(), t.intent().legs().size(), o, w.step, share));
      }
      if (filled > 0) {
        LOG.debug("{} filled at walk step {}, paying {} of the spread from the bid", ref, w.step, share);
      }
    }
    outcomeListener.accept(o);
    if (o != Outcome.FILLED) {
      LOG.info("{} ended {}: {} of {} combos at last limit {}{}", ref, o, filled, t.intent().quantity(), w.lastLimit,
          t.reason().isEmpty() ? "" : " (" + t.reason() + ")");
    }
    w.done.accept(r);
  }

  private record Held(OrderIntent intent, Optional<NetPrice> worst, Consumer<Result> done) {
  }

  /**
   * How one sent order's price walk ended: the step it was at when it ended (0 = the first
   * price, at mid) and, when combos filled, the price paid as a share of the package spread
   * measured from the package's bid at the time it was sent (0.5 = mid, 1 = natural). Kept in
   * memory for the replay summary; the step is also in {@code orders.steps}.
   *
   * @param purpose   the order's purpose
   * @param legs      legs of the combo
   * @param outcome   how it ended
   * @param step      the walk step it ended at
   * @param sharePaid the net price paid per combo as a share of the spread from the bid; null
   *                  when nothing filled or the spread was 0
   */
  public record WalkEnd(String purpose, int legs, Outcome outcome, int step, BigDecimal sharePaid) {
  }

  /** How every walk that was sent ended, oldest first. */
  public List<WalkEnd> walkEnds() {
    synchronized (walkEnds) {
      return List.copyOf(walkEnds);
    }
  }

  /** {@code paidSigned} (BAG convention) as a share of {@code pq}'s spread from its bid; null for a 0 spread. */
  static BigDecimal sharePaid(QuoteCheck.PackageQuote pq, BigDecimal paidSigned) {
    BigDecimal spread = pq.natural().signed().subtract(pq.mid().signed()).multiply(BigDecimal.valueOf(2));
    if (spread.signum() <= 0) {
      return null;
    }
    BigDecimal bid = pq.natural().signed().subtract(spread);
    return paidSigned.subtract(bid).divide(spread, 4, java.math.RoundingMode.HALF_EVEN);
  }

  private static final class Working {
    final OrderTracker tracker;
    final Consumer<Result> done;
    QuoteCheck.PackageQuote sentAt;
    int step;
    NetPrice lastLimit;
    boolean walkOver;
    Result result;

    Working(OrderTracker tracker, Consumer<Result> done) {
      this.tracker = tracker;
      this.done = done;
    }
  }
}
