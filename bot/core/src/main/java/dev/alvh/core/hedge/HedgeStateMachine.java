package dev.alvh.core.hedge;

import dev.alvh.core.Check;
import dev.alvh.core.HedgeState;
import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.signal.SignalSnapshot;
import java.util.List;

/**
 * The layered hedge state machine of spec section 4: a pure function from the context of the
 * last close and the signals of this close to a decision and the next context.
 *
 * <p>Two variants share this class and its output types: {@link #adaptive(HedgeConfig)} (ALVH,
 * {@link HedgeRules#adaptive}) and {@link #rigid(HedgeConfig)} (the replay's rigid baseline,
 * {@link HedgeRules#rigid}).
 *
 * <p>One evaluation per daily close, in this order:
 * <ol>
 *   <li>A snapshot that is not {@linkplain SignalSnapshot#warm() warm} changes nothing: the bot
 *       does not trade hedges on incomplete indicators.</li>
 *   <li>The close is counted: the consecutive-close counters of the context advance with it, and
 *       every escalation alternative whose condition fails on this close is marked as free to
 *       return ({@link HedgeContext#returned()}; the marks restart with each escalation).</li>
 *   <li>The rules are tried in list order; the first that applies in the current state and
 *       whose condition holds fires. Its move is checked against {@link LegalMoves}.</li>
 *   <li>On a move, the state counters restart; a move into L1, L2 or L3 from a lower level, from
 *       PRESS or from UNWIND is an escalation and starts the cool-down.</li>
 *   <li>{@code vixPeak} becomes the highest VIX since the hedge left CALM/WATCH (0 in CALM and
 *       WATCH). The rules see the peak through the previous close, so "a new high above 1.05 x
 *       vixPeak" compares today's VIX with the earlier peak.</li>
 * </ol>
 *
 * <p>Dates: a snapshot dated on the context's {@code asOf} is a repeat of a close already
 * counted (for example after a restart) and changes nothing; an earlier date is a programming
 * error. Intraday cycles should evaluate once per close, on the close.
 *
 * <p>Stateless and thread-safe; the state lives in {@link HedgeContext}.
 */
public final class HedgeStateMachine {

  private final HedgeConfig config;
  private final List<HedgeRule> rules;
  private final LegalMoves legalMoves;

  /**
   * A machine over {@code rules} whose moves must be in {@code legalMoves}.
   *
   * @throws IllegalHedgeTransitionException if a rule's move from one of its states is not legal
   */
  public HedgeStateMachine(HedgeConfig config, List<HedgeRule> rules, LegalMoves legalMoves) {
    this.config = Check.notNull(config, "config");
    this.rules = List.copyOf(Check.notNull(rules, "rules"));
    this.legalMoves = Check.notNull(legalMoves, "legalMoves");
    for (HedgeRule rule : this.rules) {
      rule.from().forEach(from -> legalMoves.requireLegal(from, rule.to()));
    }
  }

  /** The ALVH machine with {@code config}. */
  public static HedgeStateMachine adaptive(HedgeConfig config) {
    return new HedgeStateMachine(config, HedgeRules.adaptive(config), LegalMoves.ADAPTIVE);
  }

  /** The rigid baseline with the absolute levels of {@code config}. */
  public static HedgeStateMachine rigid(HedgeConfig config) {
    return new HedgeStateMachine(config, HedgeRules.rigid(config), LegalMoves.RIGID);
  }

  /** The rules, in the order they are tried. */
  public List<HedgeRule> rules() {
    return rules;
  }

  /** The legal moves of this variant. */
  public LegalMoves legalMoves() {
    return legalMoves;
  }

  /**
   * Evaluates the close of {@code s} in context {@code ctx}.
   *
   * @param ctx the context after the previous close, with {@code layersHeld} and
   *            {@code carryCapReached} set by the caller
   * @param s   the signals of this close
   * @return the transition that happened, or no change; either way with the next context
   */
  public HedgeDecision evaluate(HedgeContext ctx, SignalSnapshot s) {
    Check.notNull(ctx, "ctx");
    Check.notNull(s, "s");
    if (ctx.asOf() != null) {
      if (s.date().equals(ctx.asOf())) {
        return new HedgeDecision.NoChange(s.date(), ctx.state(), "close of " + s.date() + " already evaluated", ctx);
      }
      Check.isTrue(s.date().isAfter(ctx.asOf()), "s.date",
          "must not be before the last evaluated close " + ctx.asOf() + ", but was " + s.date());
    }
    if (!s.warm()) {
      return new HedgeDecision.NoChange(s.date(), ctx.state(), "signals not warm: " + s.notWarmReason(),
          ctx.withAsOf(s.date()));
    }
    HedgeContext counted = count(ctx, s);
    for (HedgeRule rule : rules) {
      if (rule.appliesIn(ctx.state()) && rule.when().holds(s, counted, config)) {
        HedgeState from = ctx.state();
        HedgeState to = rule.to();
        legalMoves.requireLegal(from, to);
        HedgeContext next = counted.enter(to, s.date(), isEscalation(from, to), rule.throughBeSigma());
        next = next.withPeak(peakAfter(to, ctx.vixPeak(), s.vix()));
        HedgeTransition t = new HedgeTransition(s.date(), from, to, rule.name(), s, ctx.vixPeak());
        return new HedgeDecision.Transitioned(t, next);
      }
    }
    return new HedgeDecision.NoChange(s.date(), ctx.state(), "no rule fired",
        counted.withPeak(peakAfter(ctx.state(), ctx.vixPeak(), s.vix())));
  }

  /** The counters of {@code ctx} with the close of {@code s} counted. */
  private HedgeContext count(HedgeContext ctx, SignalSnapshot s) {
    HedgeState state = ctx.state();
    int since = ctx.closesSinceEscalation() == Integer.MAX_VALUE ? Integer.MAX_VALUE : ctx.closesSinceEscalation() + 1;
    HedgeContext counted = ctx.withCounters(s.date(), since,
        next(ctx.l3TriggerCloses(), HedgeRules.l3TriggerClose(s, config)),
        next(ctx.calmCloses(), HedgeRules.calmClose(s, config)),
        next(ctx.exitCloses(), HedgeRules.exitClose(state, s, config)),
        next(ctx.contangoCloses(), HedgeRules.contangoClose(s, config)), ctx.returned());
    int sinceUnwind = ctx.closesSinceUnwind() == Integer.MAX_VALUE ? Integer.MAX_VALUE : ctx.closesSinceUnwind() + 1;
    return counted.withCounters(s.date(), since, counted.l3TriggerCloses(), counted.calmCloses(),
        counted.exitCloses(), counted.contangoCloses(),
        HedgeRules.Escalation.afterClose(ctx.returned(), s, counted, config)).withClosesSinceUnwind(sinceUnwind);
  }

  private static int next(int count, boolean holds) {
    return holds ? (count == Integer.MAX_VALUE ? count : count + 1) : 0;
  }

  /**
   * Whether moving from {@code from} to {@code to} is an escalation: into L1, L2 or L3 from a
   * lower level, or from PRESS or UNWIND.
   */
  static boolean isEscalation(HedgeState from, HedgeState to) {
    boolean toLayer = to == HedgeState.L1 || to == HedgeState.L2 || to == HedgeState.L3;
    return toLayer && (from.level() < to.level() || from == HedgeState.PRESS || from == HedgeState.UNWIND);
  }

  private static double peakAfter(HedgeState state, double peak, double vix) {
    return state == HedgeState.CALM || state == HedgeState.WATCH ? 0 : Math.max(peak, vix);
  }
}
