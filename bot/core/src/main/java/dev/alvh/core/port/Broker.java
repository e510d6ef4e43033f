package dev.alvh.core.port;

import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.account.Position;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderUpdate;
import java.util.List;

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
}
