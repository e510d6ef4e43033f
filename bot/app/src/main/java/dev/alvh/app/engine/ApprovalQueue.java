package dev.alvh.app.engine;

import dev.alvh.app.store.OrderStore;
import dev.alvh.app.store.Store;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.port.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approval mode's orders: journaled, waiting for an operator's approve (then sent like any order)
 * or reject, and dropped when not approved before the next cycle.
 */
final class ApprovalQueue {

  private static final Logger LOG = LoggerFactory.getLogger(ApprovalQueue.class);

  /** Sends an approved order: quote check, risk gate and price walk, its journal row reused. */
  interface Sender {
    OrderDesk.Result send(OrderIntent intent, Optional<NetPrice> worst, Consumer<OrderDesk.Result> done);
  }

  private record Held(OrderIntent intent, Optional<NetPrice> worst, Consumer<OrderDesk.Result> done) {
  }

  private final Clock clock;
  private final Store store;
  private final OrderStore orders;
  private final Map<OrderRef, Held> held = new LinkedHashMap<>();

  ApprovalQueue(Clock clock, Store store, OrderStore orders) {
    this.clock = clock;
    this.store = store;
    this.orders = orders;
  }

  /** Holds journaled order {@code intent} for an operator's approval. */
  synchronized void hold(OrderIntent intent, Optional<NetPrice> worst, Consumer<OrderDesk.Result> done) {
    held.put(intent.ref(), new Held(intent, worst, done));
  }

  /** The orders waiting for an operator's approval, oldest first. */
  synchronized List<OrderIntent> orders() {
    return held.values().stream().map(h -> h.intent).toList();
  }

  /**
   * Sends held order {@code ref} through {@code sender}.
   *
   * @throws IllegalArgumentException when no order with that ref waits for approval
   */
  OrderDesk.Result approve(OrderRef ref, Sender sender) {
    Held h;
    synchronized (this) {
      h = held.remove(ref);
    }
    if (h == null) {
      throw new IllegalArgumentException(notHeld(ref));
    }
    LOG.info("sending approved {} {}", h.intent.purpose(), ref);
    return sender.send(h.intent, h.worst, h.done);
  }

  /**
   * Drops held order {@code ref}: it is marked cancelled in the journal and never sent.
   *
   * @throws IllegalArgumentException when no order with that ref waits for approval
   */
  void reject(OrderRef ref) {
    Held h;
    synchronized (this) {
      h = held.remove(ref);
    }
    if (h == null) {
      throw new IllegalArgumentException(notHeld(ref));
    }
    drop(h, "rejected by an operator");
  }

  /** Drops every held order ("not approved before the next cycle"). */
  void expire() {
    List<Held> old;
    synchronized (this) {
      old = new ArrayList<>(held.values());
      held.clear();
    }
    old.forEach(h -> drop(h, "not approved before the next cycle"));
  }

  private void drop(Held h, String why) {
    store.orderStatus(h.intent.ref(), OrderStatus.CANCELLED, 0, 0, why, clock.now());
    orders.outcome(h.intent.ref(), OrderDesk.Outcome.NOT_APPROVED.name(), 0);
    LOG.info("{} {}: {}", h.intent.purpose(), h.intent.ref(), why);
    h.done.accept(new OrderDesk.Result(h.intent, OrderDesk.Outcome.NOT_APPROVED, 0, List.of(), h.intent.limit(), why));
  }

  private synchronized String notHeld(OrderRef ref) {
    return "no order '" + ref + "' is waiting for approval; waiting: "
        + (held.isEmpty() ? "none" : held.keySet().toString());
  }
}
