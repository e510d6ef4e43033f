package dev.alvh.core.order;

import dev.alvh.core.Check;
import java.time.Instant;

/**
 * A status change of an order, as the broker reports it.
 *
 * @param ref       the order ref
 * @param brokerId  the broker's order id
 * @param status    the new status
 * @param filled    combos filled so far
 * @param remaining combos still working
 * @param time      when the broker reported it
 * @param reason    why (for INACTIVE and cancels), may be empty
 */
public record OrderUpdate(
    OrderRef ref, long brokerId, OrderStatus status, int filled, int remaining, Instant time, String reason) {

  /** Checks every field. */
  public OrderUpdate {
    Check.notNull(ref, "ref");
    Check.notNull(status, "status");
    Check.notNegative(filled, "filled");
    Check.notNegative(remaining, "remaining");
    Check.notNull(time, "time");
    reason = reason == null ? "" : reason;
  }
}
