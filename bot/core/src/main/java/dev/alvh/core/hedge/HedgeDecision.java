package dev.alvh.core.hedge;

import dev.alvh.core.Check;
import dev.alvh.core.HedgeState;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What one evaluation of the hedge state machine decided: a {@link Transitioned transition} or
 * {@link NoChange no change}, and in both cases the context to keep for the next close.
 */
public sealed interface HedgeDecision {

  /** The context after this evaluation; store it and pass it to the next one. */
  HedgeContext context();

  /** The transition, if one happened. */
  default Optional<HedgeTransition> moved() {
    return this instanceof Transitioned t ? Optional.of(t.transition()) : Optional.empty();
  }

  /** The state after this evaluation. */
  default HedgeState state() {
    return context().state();
  }

  /**
   * A rule fired and the state changed.
   *
   * @param transition the move, with its rule and signals
   * @param context    the context after the move
   */
  record Transitioned(HedgeTransition transition, HedgeContext context) implements HedgeDecision {

    /** Checks every value. */
    public Transitioned {
      Check.notNull(transition, "transition");
      Check.notNull(context, "context");
    }
  }

  /**
   * No rule fired, or the snapshot could not be used.
   *
   * @param date    the date of the snapshot
   * @param state   the unchanged state
   * @param reason  why nothing changed, for example "no rule fired" or "signals not warm: ..."
   * @param context the context after this close (counters advanced)
   */
  record NoChange(LocalDate date, HedgeState state, String reason, HedgeContext context) implements HedgeDecision {

    /** Checks every value. */
    public NoChange {
      Check.notNull(date, "date");
      Check.notNull(state, "state");
      Check.notBlank(reason, "reason");
      Check.notNull(context, "context");
    }
  }
}
