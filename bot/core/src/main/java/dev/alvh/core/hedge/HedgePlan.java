package dev.alvh.core.hedge;

import dev.alvh.core.Check;
import java.util.List;

/**
 * What the hedge planner decided for one cycle: the orders, in the order they are to be sent,
 * and notes on what it could not do and why.
 *
 * @param actions the orders with their effect on the positions, in sending order
 * @param notes   sentences on layers not bought or not managed, for example "L1: no VIX expiry
 *                with 14 to 45 DTE listed"
 */
public record HedgePlan(List<HedgeAction> actions, List<String> notes) {

  /** Copies both lists. */
  public HedgePlan {
    actions = List.copyOf(Check.notNull(actions, "actions"));
    notes = List.copyOf(Check.notNull(notes, "notes"));
  }
}
