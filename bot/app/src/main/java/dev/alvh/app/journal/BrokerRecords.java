package dev.alvh.app.journal;

import dev.alvh.core.account.Position;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.OrderUpdate;
import java.time.Instant;
import java.util.List;

/**
 * What the broker knows, as read after a (re)connect for the {@link Reconciler}: IB's open orders
 * ({@code reqAllOpenOrders}), orders completed today ({@code reqCompletedOrders}), executions
 * ({@code reqExecutions} with a time filter) and positions ({@code reqPositions}).
 *
 * <p>The runtime implements it over its broker adapter; tests script it.
 */
public interface BrokerRecords {

  /** Orders still working at the broker, with their last status. */
  List<OrderUpdate> openOrders();

  /** Orders that reached a final status (filled, cancelled, inactive) that the broker still reports. */
  List<OrderUpdate> completedOrders();

  /** Executions at or after {@code since} (the broker may return more; duplicates are ignored). */
  List<Fill> executionsSince(Instant since);

  /** Every option position in the account, including ones the bot did not open. */
  List<Position> positions();
}
