package dev.alvh.core.hedge;

import dev.alvh.core.HedgeState;

/**
 * A move between two hedge states that the transition table does not list.
 *
 * <p>This is a programming or configuration error (a rule whose target is not a legal move from
 * one of its source states, or a stored state that cannot follow the previous one), not a
 * business refusal.
 */
public final class IllegalHedgeTransitionException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final HedgeState from;
  private final HedgeState to;

  /** An illegal move from {@code from} to {@code to}. */
  public IllegalHedgeTransitionException(HedgeState from, HedgeState to) {
    super("illegal hedge state transition from " + from + " to " + to);
    this.from = from;
    this.to = to;
  }

  /** The state the move started from. */
  public HedgeState from() {
    return from;
  }

  /** The state the move wanted to reach. */
  public HedgeState to() {
    return to;
  }
}
