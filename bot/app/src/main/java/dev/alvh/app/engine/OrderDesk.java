package dev.alvh.app.engine;

import dev.alvh.app.crash.CrashPoints;
import dev.alvh.app.store.OrderJournal;
import dev.alvh.app.store.OrderStore;
import dev.alvh.app.store.Store;
import dev.alvh.core.Check;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.execution.OrderTracker;
import dev.alvh.core.execution.PriceWalk;
import dev.alvh.core.execution.QuoteCheck;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.port.Pause;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every order of the bot takes to the broker: condors, rolls and hedge orders.
 *
 * <p>{@link #submit} checks the quotes ({@link QuoteCheck}; a failure skips the order with a
 * stored reason and sends nothing), writes the intent to the journal, places it as one combo
 * (BAG) order with one total limit at the mid price on the tick grid, and walks the limit toward
 * the natural price ({@link PriceWalk}: {@code execution.walkSteps} steps, one every
 * {@code execution.walkIntervalSeconds}, never past natural nor past the caller's worst price;
 * the {@link LimitWalker} sends the steps).
 * Whatever still works after the last step is cancelled; the strategy decides again next cycle.
 * Every step and the outcome are stored (tables {@code order_step}, {@code orders.outcome}).
 *
 * <p>The desk is the broker's listener: {@link WorkingOrders} follows each order's statuses and
 * executions and calls the caller's callback exactly once, when the order is over. Every order
 * passes the {@link HaltAuthority}'s risk gate before it is journaled; in approval mode it waits
 * in the {@link ApprovalQueue} first. Between steps it calls its {@link Pause}: live sleeps, replay moves the virtual clock, and the
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
          RoundingMode.HALF_EVEN);
    }
  }

  private BotConfig config;
  private final Clock clock;
  private final Broker broker;
  private final Store store;
  private final OrderStore orders;
  private final OrderJournal journal;
  private final HaltAuthority halt;
  private final ApprovalQueue approvals;
  private final WorkingOrders working;
  private final PreTradeChecks checks;
  private final LimitWalker walker;
  private Controls controls = new Controls();
  private Consumer<Outcome> outcomeListener = o -> { };
  private long sent;

  /** A desk over {@code broker}; it registers itself as the broker's listener. */
  public OrderDesk(BotConfig config, Clock clock, MarketData market, Broker broker, Store store) {
    this.config = Check.notNull(config, "config");
    this.clock = Check.notNull(clock, "clock");
    this.broker = Check.notNull(broker, "broker");
    this.store = Check.notNull(store, "store");
    this.orders = new OrderStore(store);
    this.journal = new OrderJournal(store.jdbc());
    this.halt = new HaltAuthority(config.risk(), clock, broker, store);
    this.checks = new PreTradeChecks(config, clock, Check.notNull(market, "market"), broker, store, orders, halt,
        o -> outcomeListener.accept(o));
    this.approvals = new ApprovalQueue(clock, store, orders);
    this.working = new WorkingOrders(clock, store, orders, o -> outcomeListener.accept(o));
    this.walker = new LimitWalker(clock, broker, orders, halt);
    broker.setListener(this);
  }

  /** Runs with {@code c} from the next order on (the risk gate keeps its halt state). */
  public void reconfigure(BotConfig c) {
    this.config = Check.notNull(c, "config");
    checks.reconfigure(c);
    halt.reconfigure(c.risk());
  }

  /** Uses the operator's switches {@code c}: approval mode holds orders, halt is the risk gate's halt. */
  public void controls(Controls c) {
    this.controls = Check.notNull(c, "controls");
    halt.controls(c);
  }

  /** The one authority on the halt: the risk gate, the operator's switch, the kill-switch file. */
  public HaltAuthority halt() {
    return halt;
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
  public void brokerGate(Function<OrderIntent, Optional<String>> gate) {
    checks.brokerGate(gate);
  }

  /** Sets how time passes between walk steps (live: sleep; replay: advance the virtual clock). */
  public void pauseWith(Pause p) {
    walker.pauseWith(p);
  }

  /**
   * Ends every price walk early while {@code stop} says so (a halt requested from the control
   * thread, the kill-switch file): the pause between steps returns, no further step is sent and
   * the order is cancelled as at the end of a walk. Checked between steps only.
   */
  public void stopWalkWhen(BooleanSupplier stop) {
    walker.stopWhen(stop);
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
    return working.fills();
  }

  /** Tranche ids that have an order still working (nothing more is sent for them). */
  public Set<Long> busyTranches() {
    return working.tranches();
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
      approvals.hold(intent, worst, done);
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
    PreTradeChecks.Verdict v = checks.check(intent, worst, journaled, done);
    if (v.refused() != null) {
      return v.refused();
    }
    OrderIntent first = v.first();
    PriceWalk walk = v.walk();
    OrderTracker tracker = new OrderTracker(first);
    WorkingOrders.Working w = new WorkingOrders.Working(tracker, done, v.quote(), walk.first());
    CrashPoints.reach("journal-before");
    if (journaled) {
      store.orderJournal().limitPrice(first.ref(), first.limit().bagLimit(), clock.now());
    } else {
      journal(first, alsoJournal);
    }
    working.add(w);
    sent++;
    LOG.info("sending {} {}: {} legs x{} at {}, walking to {} in {} steps ({})", first.purpose(), first.ref(),
        first.legs().size(), first.quantity(), walk.first(), walk.last(), walk.steps(), first.reason());
    CrashPoints.reach("journal-written");
    long brokerId = broker.place(first);
    CrashPoints.reach("order-sent");
    tracker.sent(brokerId);
    outcomeListener.accept(Outcome.WORKING);
    orders.step(first.ref(), 0, walk.first(), clock.now(), tracker.status(), tracker.filledCombos());
    walker.walk(first, walk, v.quote(), tracker, w, Duration.ofSeconds(config.execution().walkIntervalSeconds()));
    working.maybeFinish(first.ref());
    return w.result != null ? w.result
        : new Result(first, Outcome.WORKING, tracker.filledCombos(), tracker.fills(), w.lastLimit, "cancel requested");
  }

  @Override
  public void orderUpdated(OrderUpdate u) {
    working.orderUpdated(u);
  }

  @Override
  public void filled(Fill f) {
    working.filled(f);
  }

  /**
   * True (once) when an order this process does not track, one sent before a restart, ended or
   * filled since the last call: the engine then applies what the journal and the stored fills
   * say to the books ({@link TradingEngine#applyRecoveredOrders()}), on its own thread.
   */
  public boolean takeRecoveryDue() {
    return working.takeRecoveryDue();
  }

  /** The refs of the orders placed and not over yet. */
  public Set<OrderRef> workingRefs() {
    return working.refs();
  }

  /** The orders journaled and waiting for an operator's approval, oldest first. */
  public List<OrderIntent> heldOrders() {
    return approvals.orders();
  }

  /** The orders placed and not over yet. */
  public List<OrderIntent> workingOrders() {
    return working.intents();
  }

  /**
   * Sends held order {@code ref} now: quote check, risk gate and price walk as for any order
   * (its journal row is reused).
   *
   * @throws IllegalArgumentException when no order with that ref waits for approval
   */
  public Result approve(OrderRef ref) {
    return approvals.approve(ref, (intent, worst, done) -> send(intent, worst, done, true, o -> { }));
  }

  /**
   * Drops held order {@code ref}: it is marked cancelled in the journal and never sent.
   *
   * @throws IllegalArgumentException when no order with that ref waits for approval
   */
  public void reject(OrderRef ref) {
    approvals.reject(ref);
  }

  /** Drops every held order ("not approved before the next cycle"); the engine calls it each cycle. */
  public void expireHeld() {
    approvals.expire();
  }

  /** Cancels every working order at the broker (the kill switch); returns how many were asked. */
  public int cancelWorking() {
    return working.cancelAll(broker);
  }

  /** How every walk that was sent ended, oldest first. */
  public List<WalkEnd> walkEnds() {
    return working.walkEnds();
  }
}
