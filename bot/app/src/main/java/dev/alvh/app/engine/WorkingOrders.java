package dev.alvh.app.engine;

import dev.alvh.app.crash.CrashPoints;
import dev.alvh.app.store.OrderStore;
import dev.alvh.app.store.Store;
import dev.alvh.core.execution.OrderTracker;
import dev.alvh.core.execution.QuoteCheck;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.Clock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orders placed at the broker and not over yet, followed through the broker's events: each
 * with an {@link OrderTracker} (duplicates tolerated, fills counted leg by leg, fills that arrive
 * while cancelling counted). An order ends once its walk is over, its status is terminal and (when
 * Filled) every leg has reported; its outcome is stored and its callback called exactly once.
 * Events of an order this process does not track (sent before a restart) are stored and mark a
 * recovery as due.
 */
final class WorkingOrders implements BrokerListener {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingOrders.class);

  /** One placed order: its tracker, callback and where its walk is. */
  static final class Working {
    final OrderTracker tracker;
    final Consumer<OrderDesk.Result> done;
    final QuoteCheck.PackageQuote sentAt;
    int step;
    NetPrice lastLimit;
    boolean walkOver;
    OrderDesk.Result result;

    Working(OrderTracker tracker, Consumer<OrderDesk.Result> done, QuoteCheck.PackageQuote sentAt, NetPrice first) {
      this.tracker = tracker;
      this.done = done;
      this.sentAt = sentAt;
      this.lastLimit = first;
    }
  }

  private final Clock clock;
  private final Store store;
  private final OrderStore orders;
  private final Consumer<OrderDesk.Outcome> outcomes;
  private final Map<OrderRef, Working> working = new ConcurrentHashMap<>();
  /** Set when an order this process does not track (sent before a restart) ended or filled. */
  private final AtomicBoolean recoveryDue = new AtomicBoolean();
  private final List<WalkEnd> walkEnds = new ArrayList<>();
  private long fills;

  WorkingOrders(Clock clock, Store store, OrderStore orders, Consumer<OrderDesk.Outcome> outcomes) {
    this.clock = clock;
    this.store = store;
    this.orders = orders;
    this.outcomes = outcomes;
  }

  /** Follows {@code w} from now on (before it is placed: its events may come during the place). */
  void add(Working w) {
    working.put(w.tracker.intent().ref(), w);
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
      CrashPoints.reach("fill-stored");
    }
    Working w = working.get(f.ref());
    if (w != null) {
      w.tracker.apply(f);
      maybeFinish(f.ref());
    } else {
      recoveryDue.set(true);
    }
  }

  /** New executions received so far. */
  long fills() {
    return fills;
  }

  /** True (once) when an order this process does not track ended or filled since the last call. */
  boolean takeRecoveryDue() {
    return recoveryDue.getAndSet(false);
  }

  /** The refs of the orders placed and not over yet. */
  Set<OrderRef> refs() {
    return Set.copyOf(working.keySet());
  }

  /** The orders placed and not over yet. */
  List<OrderIntent> intents() {
    return working.values().stream().map(w -> w.tracker.intent()).toList();
  }

  /** Tranche ids that have an order still working. */
  Set<Long> tranches() {
    Set<Long> out = new HashSet<>();
    working.values().forEach(w -> out.add(w.tracker.intent().trancheId()));
    return out;
  }

  /** Cancels every working order at {@code broker}; returns how many were asked. */
  int cancelAll(Broker broker) {
    List<OrderRef> refs = new ArrayList<>(working.keySet());
    for (OrderRef r : refs) {
      LOG.warn("cancelling working order {} (halt)", r);
      broker.cancel(r);
    }
    return refs.size();
  }

  /** How every walk that was sent ended, oldest first. */
  List<WalkEnd> walkEnds() {
    synchronized (walkEnds) {
      return List.copyOf(walkEnds);
    }
  }

  /**
   * Ends {@code ref} once its walk is over and it is terminal (when Filled: every leg has reported)
   * or every combo has filled.
   */
  synchronized void maybeFinish(OrderRef ref) {
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
    OrderDesk.Outcome o;
    if (filled >= t.intent().quantity()) {
      o = OrderDesk.Outcome.FILLED;
    } else if (filled > 0) {
      o = OrderDesk.Outcome.PARTIAL;
    } else if (t.status() == OrderStatus.INACTIVE) {
      o = OrderDesk.Outcome.REJECTED;
    } else {
      o = OrderDesk.Outcome.UNFILLED;
    }
    if (t.legsUneven()) {
      LOG.error("{}: legs executed unevenly ({} whole combos); the extra leg fills are in the fill table", ref, filled);
      orders.decision(clock.now(), "note", "legsUneven", ref + " legs executed unevenly", t.fills().toString());
    }
    orders.outcome(ref, o.name(), filled);
    OrderDesk.Result r = new OrderDesk.Result(t.intent(), o, filled, t.fills(), w.lastLimit, t.reason());
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
    outcomes.accept(o);
    if (o != OrderDesk.Outcome.FILLED) {
      LOG.info("{} ended {}: {} of {} combos at last limit {}{}", ref, o, filled, t.intent().quantity(), w.lastLimit,
          t.reason().isEmpty() ? "" : " (" + t.reason() + ")");
    }
    w.done.accept(r);
  }

  /** {@code paidSigned} (BAG convention) as a share of {@code pq}'s spread from its bid; null for a 0 spread. */
  static BigDecimal sharePaid(QuoteCheck.PackageQuote pq, BigDecimal paidSigned) {
    BigDecimal spread = pq.natural().signed().subtract(pq.mid().signed()).multiply(BigDecimal.valueOf(2));
    if (spread.signum() <= 0) {
      return null;
    }
    BigDecimal bid = pq.natural().signed().subtract(spread);
    return paidSigned.subtract(bid).divide(spread, 4, RoundingMode.HALF_EVEN);
  }
}
