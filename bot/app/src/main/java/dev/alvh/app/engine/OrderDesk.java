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
    WORKING
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

  private final BotConfig config;
  private final Clock clock;
  private final MarketData market;
  private final Broker broker;
  private final Store store;
  private final OrderStore orders;
  private final QuoteCheck quoteCheck;
  private final Map<OrderRef, Working> working = new java.util.concurrent.ConcurrentHashMap<>();
  private Pause pause = Pause.NONE;
  private long sent;
  private long fills;

  /** A desk over {@code broker}; it registers itself as the broker's listener. */
  public OrderDesk(BotConfig config, Clock clock, MarketData market, Broker broker, Store store) {
    this.config = Check.notNull(config, "config");
    this.clock = Check.notNull(clock, "clock");
    this.market = Check.notNull(market, "market");
    this.broker = Check.notNull(broker, "broker");
    this.store = Check.notNull(store, "store");
    this.orders = new OrderStore(store);
    this.quoteCheck = new QuoteCheck(Duration.ofSeconds(config.risk().maxQuoteAgeSeconds()),
        config.execution().maxSpreadFraction(), config.execution().minSpreadBase());
    broker.setListener(this);
  }

  /** Sets how time passes between walk steps (live: sleep; replay: advance the virtual clock). */
  public void pauseWith(Pause p) {
    this.pause = Check.notNull(p, "pause");
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
    Check.notNull(intent, "intent");
    Check.notNull(done, "done");
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
    OrderTracker tracker = new OrderTracker(first);
    Working w = new Working(tracker, done);
    w.lastLimit = walk.first();
    store.journal(first, clock.now());
    working.put(first.ref(), w);
    sent++;
    LOG.info("sending {} {}: {} legs x{} at {}, walking to {} in {} steps ({})", first.purpose(), first.ref(),
        first.legs().size(), first.quantity(), walk.first(), walk.last(), walk.steps(), first.reason());
    tracker.sent(broker.place(first));
    orders.step(first.ref(), 0, walk.first(), clock.now(), tracker.status(), tracker.filledCombos());
    Duration interval = Duration.ofSeconds(config.execution().walkIntervalSeconds());
    for (int k = 1; k < walk.prices().size() && !tracker.isTerminal() && !tracker.complete(); k++) {
      pause.pause(interval);
      if (tracker.isTerminal() || tracker.complete()) {
        break;
      }
      NetPrice p = walk.prices().get(k);
      try {
        broker.modify(first.ref(), p);
      } catch (UnsupportedOperationException e) {
        LOG.warn("{}: the broker cannot modify orders, the order stays at {}", first.ref(), w.lastLimit);
        break;
      }
      w.lastLimit = p;
      orders.step(first.ref(), k, p, clock.now(), tracker.status(), tracker.filledCombos());
    }
    w.walkOver = true;
    if (!tracker.isTerminal()) {
      broker.cancel(first.ref());
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
    }
    Working w = working.get(f.ref());
    if (w != null) {
      w.tracker.apply(f);
      maybeFinish(f.ref());
    }
  }

  private Result skipped(OrderIntent intent, String why, Consumer<Result> done) {
    LOG.info("not sending {} {}: {}", intent.purpose(), intent.ref(), why);
    orders.decision(clock.now(), OrderStore.ORDER_SKIPPED, SkipCode.QUOTES.key(),
        intent.purpose().action() + " " + intent.ref() + " not sent: quotes failed the sanity check", why);
    Result r = new Result(intent, Outcome.SKIPPED, 0, List.of(), intent.limit(), why);
    done.accept(r);
    return r;
  }

  /** Ends {@code ref} once its walk is over, it is terminal and (when Filled) every leg has reported. */
  private synchronized void maybeFinish(OrderRef ref) {
    Working w = working.get(ref);
    if (w == null || !w.walkOver || !w.tracker.isTerminal() || w.result != null) {
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
    if (o != Outcome.FILLED) {
      LOG.info("{} ended {}: {} of {} combos at last limit {}{}", ref, o, filled, t.intent().quantity(), w.lastLimit,
          t.reason().isEmpty() ? "" : " (" + t.reason() + ")");
    }
    w.done.accept(r);
  }

  private static final class Working {
    final OrderTracker tracker;
    final Consumer<Result> done;
    NetPrice lastLimit;
    boolean walkOver;
    Result result;

    Working(OrderTracker tracker, Consumer<Result> done) {
      this.tracker = tracker;
      this.done = done;
    }
  }
}
