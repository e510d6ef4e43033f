package dev.alvh.core.hedge;

import dev.alvh.core.Check;
import dev.alvh.core.HedgeState;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The explicit list of legal moves between hedge states, one list per variant.
 *
 * <p>Any move not listed throws {@link IllegalHedgeTransitionException}. Staying in a state is
 * not a move: the machine reports it as {@link HedgeDecision.NoChange}.
 */
public final class LegalMoves {

  /**
   * The adaptive (ALVH) table of spec section 4. Escalation may skip states (CALM to L3); on the
   * way down, L1, L2, L3 and PRESS can only move to UNWIND.
   */
  public static final LegalMoves ADAPTIVE = new LegalMoves("adaptive")
      .allow(HedgeState.CALM, HedgeState.WATCH, HedgeState.L1, HedgeState.L2, HedgeState.L3)
      .allow(HedgeState.WATCH, HedgeState.CALM, HedgeState.L1, HedgeState.L2, HedgeState.L3)
      .allow(HedgeState.L1, HedgeState.L2, HedgeState.L3, HedgeState.UNWIND)
      .allow(HedgeState.L2, HedgeState.L3, HedgeState.UNWIND)
      .allow(HedgeState.L3, HedgeState.PRESS, HedgeState.UNWIND)
      .allow(HedgeState.PRESS, HedgeState.L3, HedgeState.UNWIND)
      .allow(HedgeState.UNWIND, HedgeState.CALM, HedgeState.L1, HedgeState.L2, HedgeState.L3);

  /**
   * The rigid baseline of spec section 4: CALM, L1, L2 and L3 only; up by any number of levels,
   * down one level at a time.
   */
  public static final LegalMoves RIGID = new LegalMoves("rigid")
      .allow(HedgeState.CALM, HedgeState.L1, HedgeState.L2, HedgeState.L3)
      .allow(HedgeState.L1, HedgeState.L2, HedgeState.L3, HedgeState.CALM)
      .allow(HedgeState.L2, HedgeState.L3, HedgeState.L1)
      .allow(HedgeState.L3, HedgeState.L2);

  private final String name;
  private final Map<HedgeState, Set<HedgeState>> moves = new EnumMap<>(HedgeState.class);

  private LegalMoves(String name) {
    this.name = name;
  }

  private LegalMoves allow(HedgeState from, HedgeState... to) {
    Set<HedgeState> set = EnumSet.noneOf(HedgeState.class);
    Collections.addAll(set, to);
    moves.put(from, Collections.unmodifiableSet(set));
    return this;
  }

  /** The name of the variant, "adaptive" or "rigid". */
  public String name() {
    return name;
  }

  /** Whether the move from {@code from} to {@code to} is listed. */
  public boolean isLegal(HedgeState from, HedgeState to) {
    return moves.getOrDefault(Check.notNull(from, "from"), Set.of()).contains(Check.notNull(to, "to"));
  }

  /** The states {@code from} may move to; empty for a state the variant does not use. */
  public Set<HedgeState> targets(HedgeState from) {
    return moves.getOrDefault(from, Set.of());
  }

  /** Throws {@link IllegalHedgeTransitionException} unless the move is listed. */
  public void requireLegal(HedgeState from, HedgeState to) {
    if (!isLegal(from, to)) {
      throw new IllegalHedgeTransitionException(from, to);
    }
  }
}
