package dev.alvh.core.hedge;

import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.signal.SignalSnapshot;

/**
 * The condition of one hedge rule, over the signals of a close, the machine's context (with the
 * counters already including that close) and the configuration.
 */
@FunctionalInterface
public interface HedgeCondition {

  /** Whether the condition holds. */
  boolean holds(SignalSnapshot s, HedgeContext ctx, HedgeConfig cfg);

  /** This condition and {@code other}. */
  default HedgeCondition and(HedgeCondition other) {
    return (s, ctx, cfg) -> holds(s, ctx, cfg) && other.holds(s, ctx, cfg);
  }
}
