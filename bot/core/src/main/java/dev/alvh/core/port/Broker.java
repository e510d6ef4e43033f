package dev.alvh.core.port;

import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.account.Position;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderUpdate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The broker, as the strategy sees it: account, positions, working orders, and order entry.
 *
 * <p>Implemented by the in-process paper broker and by the IBKR adapter. Order events reach the
 * {@link BrokerListener} given to {@link #setListener}; an implementation may deliver them
 * during {@link #place} (the paper broker fills at once when it can).
 */
public interface Broker {

  /** Account values now. */
  AccountSummary account();

  /** All option positions in the account, including ones the bot did not open. */
  List<Position> positions();

  /** Orders still working, with their last status. */
  List<OrderUpdate> openOrders();

  /**
   * Sends an order. The intent must already be in the journal.
   *
   * @return the broker's order id
   */
  long place(OrderIntent intent);

  /**
   * Changes the limit of the working order {@code ref} (the price walk); IB does this by sending
   * placeOrder again with the same order id. A ref that is no longer working is ignored: the
   * order filled or was cancelled meanwhile, and its events say which.
   *
   * @throws UnsupportedOperationException when this broker cannot modify orders; the caller then
   *         leaves the order at its price
   */
  default void modify(OrderRef ref, NetPrice newLimit) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot modify orders");
  }

  /** Asks the broker to cancel the working order {@code ref}; unknown refs are ignored. */
  void cancel(OrderRef ref);

  /** Sets the one listener for order events. */
  void setListener(BrokerListener listener);

  /**
   * Delivers the listener's events through {@code executor} from now on, instead of a thread of
   * the broker's own, and after each order action's round trip (place, modify, cancel) runs
   * {@code afterRoundTrip} on the calling thread (e.g. a queue's drain). The executor must run
   * tasks in submission order.
   *
   * @return false, and nothing changes, for a broker that delivers its events on the calling
   *         thread during the action itself (the paper broker): it needs no executor
   */
  default boolean deliverEventsThrough(Executor executor, Runnable afterRoundTrip) {
    return false;
  }

  /** Waits until every event so far has reached the listener; nothing to wait for by default. */
  default void drainEvents() {
  }

  /**
   * Orders the broker completed without the bot seeing it (after a restart, those that were still
   * working, with what had filled), for the reconciliation; empty when the broker reports none.
   */
  default List<OrderUpdate> completedOrders() {
    return List.of();
  }

  /**
   * The executions of the bot's orders at or after {@code since}, oldest first, as the broker
   * still reports them, for the reconciliation; empty when the broker reports none.
   */
  default List<Fill> executionsSince(Instant since) {
    return List.of();
  }

  /**
   * A store transaction that held this broker's own writes was undone: the broker forgets what
   * it wrote since and reloads what is kept (the paper broker's account). Nothing by default.
   */
  default void transactionUndone() {
  }
}
