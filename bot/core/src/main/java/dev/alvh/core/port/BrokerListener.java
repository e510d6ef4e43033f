package dev.alvh.core.port;

import dev.alvh.core.order.Fill;
import dev.alvh.core.order.OrderUpdate;

/** Receives order events from a {@link Broker}; methods are named for what happened. */
public interface BrokerListener {

  /** An order's status changed. Duplicates may arrive and must be tolerated. */
  void orderUpdated(OrderUpdate update);

  /** A leg executed. Each execution id arrives at most once per listener registration. */
  void filled(Fill fill);
}
