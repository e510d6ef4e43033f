package dev.alvh.core.hedge;

import dev.alvh.core.Check;
import dev.alvh.core.HedgeState;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One row of a hedge transition table: from these states to that state when the condition holds.
 *
 * <p>The name reads as a sentence with the configured numbers, for example "L2 to L3: VIX >= 26
 * and vixRel >= 1.5 on 2 consecutive closes"; it is stored with every transition it fires.
 *
 * @param name the rule as a sentence
 * @param from the states the rule applies in
 * @param to   the state it moves to
 * @param when the condition
 * @param throughBeSigma whether the rule is a {@code beSigma} alternative (the state it enters
 *                       keeps the revision-2 hysteresis of {@code hedge.unwind.beSigmaMargin})
 */
public record HedgeRule(String name, Set<HedgeState> from, HedgeState to, HedgeCondition when,
    boolean throughBeSigma) {

  /** A rule that is not a {@code beSigma} alternative. */
  public HedgeRule(String name, Set<HedgeState> from, HedgeState to, HedgeCondition when) {
    this(name, from, to, when, false);
  }

  /** Checks every value and copies {@code from}. */
  public HedgeRule {
    Check.notBlank(name, "name");
    Check.notNull(from, "from");
    Check.isTrue(!from.isEmpty(), "from", "must name at least one state, but was empty");
    Check.notNull(to, "to");
    Check.notNull(when, "when");
    from = Collections.unmodifiableSet(EnumSet.copyOf(from));
  }

  /** Whether this rule applies in {@code state}. */
  public boolean appliesIn(HedgeState state) {
    return from.contains(state);
  }
}
