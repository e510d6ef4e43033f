package dev.alvh.core.hedge;

import static dev.alvh.core.HedgeState.CALM;
import static dev.alvh.core.HedgeState.L1;
import static dev.alvh.core.HedgeState.L2;
import static dev.alvh.core.HedgeState.L3;
import static dev.alvh.core.HedgeState.PRESS;
import static dev.alvh.core.HedgeState.UNWIND;
import static dev.alvh.core.HedgeState.WATCH;

import dev.alvh.core.Check;
import dev.alvh.core.HedgeState;
import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.signal.SignalSnapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The transition tables of spec section 4 as data: the adaptive (ALVH) rules and the rigid
 * baseline, each a list of {@link HedgeRule}s named as sentences.
 *
 * <p><b>Order.</b> The machine tries the rules in list order and fires the first that applies in
 * the current state and whose condition holds. The lists put escalations first, highest target
 * first, so that escalation may skip states: from CALM, when the L3 condition holds the machine
 * goes straight to L3 (the layer manager then buys L1, L2 and L3 in that order); when only the
 * L2 condition holds it goes to L2. Escalation beats de-escalation on the same close (a close
 * that both confirms a spike and shows a low 21-day RSI keeps the hedge), and in L3 and PRESS the
 * PRESS rules come before UNWIND.
 *
 * <p><b>Alternatives.</b> Where the spec joins conditions with "or", each alternative is its own
 * rule, so the stored transition says which one fired.
 *
 * <p><b>Cool-down and return.</b> From UNWIND every escalation also needs
 * {@code hedge.unwind.coolDownTradingDays} closes since the last escalation, and its condition
 * must <em>return</em> (spec: "escalation conditions return, after a cool-down"): it must have
 * failed on at least one close since the last escalation ({@link HedgeContext#returned()}). Without
 * this, a condition that simply never stopped holding (a condor's {@code beSigma} below 1.0 while
 * VIX sits at 12) re-bought the layers every cool-down and UNWIND sold them again three closes
 * later: 119 round trips in the 2017-2021 replay.
 *
 * <p><b>No sale and re-purchase within the cool-down.</b> Every escalation (from any state) also
 * needs {@code hedge.unwind.coolDownTradingDays} closes since the machine last entered UNWIND or
 * PRESS, the states that sell layers; PRESS back to L3 too. Without it UNWIND went to CALM once
 * the layers were sold and CALM bought L1 again the next close.
 *
 * <p><b>Hysteresis (revision 2).</b> A state entered through a {@code beSigma} rule (L1 or L2, from
 * below or from UNWIND) does not leave through the VIX exit level while {@code beSigma} stays
 * below that rule's trigger plus {@code hedge.unwind.beSigmaMargin}: the condors that wanted the
 * layer are still as close to their break-evens, whatever VIX does. The other exits (rsiVix21,
 * restored contango) still apply.
 *
 * <p><b>Carry cap.</b> While the carry cap is reached, the L1 rules also need
 * {@code score >= hedge.carryCap.l1ScoreAtLeast}. Jumps past L1 (to L2 or L3) are driven by the
 * stronger L2 and L3 conditions and are not capped.
 */
public final class HedgeRules {

  private HedgeRules() {
  }

  /**
   * The escalation alternatives of the adaptive table, each a bit of {@link HedgeContext#returned()}.
   * The condition is the bare one, without cool-down or carry cap.
   */
  public enum Escalation {
    /** L3: the L3 VIX condition on the configured consecutive closes. */
    L3_SUSTAINED(HedgeRules::l3Sustained),
    /** L3: term structure inverted. */
    L3_INVERTED(HedgeRules::l3Inverted),
    /** L2: VIX, vixRel and MACD. */
    L2_VIX(HedgeRules::l2VixSpike),
    /** L2: break-even distance. */
    L2_BREAK_EVEN(HedgeRules::l2BreakEven),
    /** L2: confluence score. */
    L2_SCORE(HedgeRules::l2Score),
    /** L1: VIX and vixRel. */
    L1_VIX(HedgeRules::l1VixSpike),
    /** L1: confluence score. */
    L1_SCORE(HedgeRules::l1Score),
    /** L1: break-even distance. */
    L1_BREAK_EVEN(HedgeRules::l1BreakEven);

    private final HedgeCondition condition;

    Escalation(HedgeCondition condition) {
      this.condition = condition;
    }

    /** This alternative's bit in {@link HedgeContext#returned()}. */
    public int bit() {
      return 1 << ordinal();
    }

    /** The bare condition. */
    public HedgeCondition condition() {
      return condition;
    }

    /**
     * {@code returned} with the bits added of every alternative whose condition fails on this
     * close.
     */
    static int afterClose(int returned, SignalSnapshot s, HedgeContext counted, HedgeConfig cfg) {
      int bits = returned;
      for (Escalation e : values()) {
        if (!e.condition.holds(s, counted, cfg)) {
          bits |= e.bit();
        }
      }
      return bits;
    }
  }

  // --- the conditions, one named method per business rule -------------------------------------

  /** L1, VIX alternative: {@code vix >= hedge.l1.vixTrigger} and {@code vixRel >= hedge.l1.vixRel}. */
  static boolean l1VixSpike(SignalSnapshot s, HedgeContext c, HedgeConfig cfg) {
    return s.vix() >= cfg.l1().vixTrigger() && s.vixRel() >= cfg.l1().vixRel();
  }

  /** L1, score alternative: {@code score >= hedge.l1.scoreAtLeast}. */
  static boolean l1Score(SignalSnapshot s, HedgeContext c, HedgeConfig cfg) {
    return s.score() >= cfg.l1().scoreAtLeast();
  }

  /** L1, break-even alternative: {@code beSigma < hedge.l1.beSigmaBelow}. */
  static boolean l1BreakEven(SignalSnapshot s, HedgeContext c, HedgeConfig cfg) {
    return s.beSigma() < cfg.l1().beSigmaBelow();
  }

  /** Carry cap: not reached, or {@code score >= hedge.carryCap.l1ScoreAtLeast}. */
  static boolean carryCapAllowsL1(SignalSnapshot s, HedgeContext c, HedgeConfig cfg) {
    return !c.carryCapReached() || s.score() >= cfg.carryCap().l1ScoreAtLeast();
  }

  /** L2, VIX alternative: VIX and vixRel above the L2 levels and {@code macdVixHist > 0}. */
  static boolean l2VixSpike(SignalSnapshot s, HedgeContext c, HedgeConfig cfg) {
    return s.vix() >= cfg.l2().vixTrigger() && s.vixRel() >= cfg.l2().vixRel() && s.macdVixHist() > 0;
  }

  /** L2, break-even alternative: {@code beSigma < hedge.l2.beSigmaBelow}. */
  static boolean l2BreakEven(SignalSnapshot s, HedgeContext c, HedgeConfig cfg) {
    return s.beSigma() < cfg.l2().beSigmaBelow();
  }

  /** L2, score alternative: {@code score >= hedge.l2.scoreAtLeast}. */
  static boolean l2Score(SignalSnapshot s, HedgeContext c, HedgeConfig cfg) {
    return s.score() >= cfg.l2().scoreAtLeast();
  }

  /** L3, sustained alternative: the L3 VIX condition on the configured consecutive closes. */
  static boolean l3Sustained(SignalSnapshot s, HedgeContext c, HedgeConfig cfg) {
    return c.l3TriggerCloses() >= cfg.l3().consecutiveCloses();
  }

  /** L3, inversion alternative: {@code termRatio <= hedge.l3.termRatioAtMost}. */
  static boolean l3Inverted(SignalSnapshot s, HedgeContext c, HedgeConfig cfg) {
    return s.termRatio() <= cfg.l3().termRatioAtMost();
  }

  /** The close counts towards the L3 sustained alternative. */
  static boolean l3TriggerClose(SignalSnapshot s, HedgeConfig cfg) {
    return s.vix() >= cfg.l3().vixTrigger() && s.vixRel() >= cfg.l3().vixRel();
  }

  /**
   * The cool-down is over: {@code hedge.unwind.coolDownTradingDays} closes since the last
   * escalation and since the machine last entered UNWIND or PRESS (which sell layers).
   */
  static boolean coolDownOver(SignalSnapshot s, HedgeContext c, HedgeConfig cfg) {
    return c.closesSinceEscalation() >= cfg.unwind().coolDownTradingDays() && sinceSaleOver(s, c, cfg);
  }

  /**
   * {@code hedge.unwind.coolDownTradingDays} closes since the machine last entered UNWIND or
   * PRESS: no layer is sold and bought again within the cool-down, whichever way back it takes
   * (UNWIND to CALM to L1 included).
   */
  static boolean sinceSaleOver(SignalSnapshot s, HedgeContext c, HedgeConfig cfg) {
    return c.closesSinceUnwind() >= cfg.unwind().coolDownTradingDays();
  }

  /** Some L1, L2 or L3 escalation condition holds (cool-down and carry cap aside). */
  static boolean anyEscalation(SignalSnapshot s, HedgeContext c, HedgeConfig cfg) {
    return l3Sustained(s, c, cfg) || l3Inverted(s, c, cfg)
        || l2VixSpike(s, c, cfg) || l2BreakEven(s, c, cfg) || l2Score(s, c, cfg)
        || l1VixSpike(s, c, cfg) || l1Score(s, c, cfg) || l1BreakEven(s, c, cfg);
  }

  /**
   * Hysteresis of revision 2: the state was entered through a {@code beSigma} rule and
   * {@code beSigma} is still below that rule's trigger ({@code hedge.l1/l2.beSigmaBelow} by the
   * state) plus {@code hedge.unwind.beSigmaMargin}; the VIX exit level does not unwind it then.
   */
  static boolean beSigmaHolds(SignalSnapshot s, HedgeContext c, HedgeConfig cfg) {
    if (!c.beSigmaEntry()) {
      return false;
    }
    double trigger = c.state() == L1 ? cfg.l1().beSigmaBelow() : cfg.l2().beSigmaBelow();
    return s.beSigma() < trigger + cfg.unwind().beSigmaMargin();
  }

  /** The close counts towards WATCH to CALM. */
  static boolean calmClose(SignalSnapshot s, HedgeConfig cfg) {
    return s.score() <= cfg.watch().calmScoreAtMost();
  }

  /** The close counts towards restored contango. */
  static boolean contangoClose(SignalSnapshot s, HedgeConfig cfg) {
    return s.termRatio() >= cfg.unwind().contangoTermRatioAtLeast() && s.macdVixHist() < 0;
  }

  /** The close is below the exit level of {@code state}; false in states without one. */
  static boolean exitClose(HedgeState state, SignalSnapshot s, HedgeConfig cfg) {
    int level = state == PRESS ? 3 : state.level();
    return state != UNWIND && level > 0 && s.vix() < cfg.unwind().exitVix(level);
  }

  // --- the tables ------------------------------------------------------------------------------

  /**
   * The adaptive (ALVH) rules of spec section 4 with the numbers of {@code cfg}, in the order
   * the machine tries them.
   */
  public static List<HedgeRule> adaptive(HedgeConfig cfg) {
    Check.notNull(cfg, "cfg");
    HedgeConfig.Trigger l1 = cfg.l1();
    HedgeConfig.Trigger l2 = cfg.l2();
    HedgeConfig.L3 l3 = cfg.l3();
    HedgeConfig.Unwind u = cfg.unwind();
    HedgeConfig.Press p = cfg.press();
    List<HedgeRule> rules = new ArrayList<>();

    String l3Sustained = "VIX >= " + fmt(l3.vixTrigger()) + " and vixRel >= " + fmt(l3.vixRel())
        + " on " + l3.consecutiveCloses() + " consecutive closes";
    String l3Inverted = "termRatio <= " + fmt(l3.termRatioAtMost());
    escalation(rules, cfg, EnumSet.of(CALM, WATCH, L1, L2), L3, l3Sustained, Escalation.L3_SUSTAINED,
        HedgeRules::l3Sustained);
    escalation(rules, cfg, EnumSet.of(CALM, WATCH, L1, L2), L3, l3Inverted, Escalation.L3_INVERTED,
        HedgeRules::l3Inverted);

    escalation(rules, cfg, EnumSet.of(CALM, WATCH, L1), L2, "VIX >= " + fmt(l2.vixTrigger())
        + " and vixRel >= " + fmt(l2.vixRel()) + " and macdVixHist > 0", Escalation.L2_VIX, HedgeRules::l2VixSpike);
    escalation(rules, cfg, EnumSet.of(CALM, WATCH, L1), L2, "beSigma < " + fmt(l2.beSigmaBelow()),
        Escalation.L2_BREAK_EVEN, HedgeRules::l2BreakEven);
    escalation(rules, cfg, EnumSet.of(CALM, WATCH, L1), L2, "score >= " + l2.scoreAtLeast(),
        Escalation.L2_SCORE, HedgeRules::l2Score);

    String capped = "; while the carry cap is reached, also score >= " + cfg.carryCap().l1ScoreAtLeast();
    HedgeCondition cap = HedgeRules::carryCapAllowsL1;
    escalation(rules, cfg, EnumSet.of(CALM, WATCH), L1, "VIX >= " + fmt(l1.vixTrigger())
        + " and vixRel >= " + fmt(l1.vixRel()) + capped, Escalation.L1_VIX,
        ((HedgeCondition) HedgeRules::l1VixSpike).and(cap));
    escalation(rules, cfg, EnumSet.of(CALM, WATCH), L1, "score >= " + l1.scoreAtLeast() + capped,
        Escalation.L1_SCORE, ((HedgeCondition) HedgeRules::l1Score).and(cap));
    escalation(rules, cfg, EnumSet.of(CALM, WATCH), L1, "beSigma < " + fmt(l1.beSigmaBelow()) + capped,
        Escalation.L1_BREAK_EVEN, ((HedgeCondition) HedgeRules::l1BreakEven).and(cap));

    rules.add(new HedgeRule("PRESS to L3: VIX makes a new high above " + fmt(p.newHighAbove())
        + " x vixPeak", EnumSet.of(PRESS), L3,
        (s, c, k) -> s.vix() > k.press().newHighAbove() * c.vixPeak() && coolDownOver(s, c, k)));
    rules.add(new HedgeRule("L3 to PRESS: vixPeak >= " + fmt(p.peakAtLeast()) + " and VIX <= "
        + fmt(p.retraceTo()) + " x vixPeak and macdVixHist falling", EnumSet.of(L3), PRESS,
        (s, c, k) -> c.vixPeak() >= k.press().peakAtLeast()
            && s.vix() <= k.press().retraceTo() * c.vixPeak() && s.macdVixHistFalling()));

    rules.add(new HedgeRule("CALM to WATCH: score >= " + cfg.watch().scoreAtLeast(), EnumSet.of(CALM),
        WATCH, (s, c, k) -> s.score() >= k.watch().scoreAtLeast()));

    EnumSet<HedgeState> hedged = EnumSet.of(L1, L2, L3, PRESS);
    rules.add(new HedgeRule("L1, L2, L3 or PRESS to UNWIND: rsiVix21 < " + fmt(u.rsiVixLongBelow()),
        hedged, UNWIND, (s, c, k) -> s.rsiVix21() < k.unwind().rsiVixLongBelow()));
    rules.add(new HedgeRule("L1, L2, L3 or PRESS to UNWIND: VIX below the state's exit level (L1 "
        + fmt(u.l1ExitVix()) + ", L2 " + fmt(u.l2ExitVix()) + ", L3 and PRESS " + fmt(u.l3ExitVix())
        + ") on " + u.exitCloses() + " consecutive closes", hedged, UNWIND,
        (s, c, k) -> c.exitCloses() >= k.unwind().exitCloses() && !beSigmaHolds(s, c, k)));
    rules.add(new HedgeRule("L1, L2, L3 or PRESS to UNWIND: contango restored, termRatio >= "
        + fmt(u.contangoTermRatioAtLeast()) + " and macdVixHist < 0 on " + u.contangoCloses()
        + " consecutive closes", hedged, UNWIND,
        (s, c, k) -> c.contangoCloses() >= k.unwind().contangoCloses()));

    rules.add(new HedgeRule("WATCH to CALM: score " + (cfg.watch().calmScoreAtMost() == 0 ? "== 0"
        : "<= " + cfg.watch().calmScoreAtMost()) + " on " + cfg.watch().calmCloses() + " consecutive closes",
        EnumSet.of(WATCH), CALM, (s, c, k) -> c.calmCloses() >= k.watch().calmCloses()));
    rules.add(new HedgeRule("UNWIND to CALM: all hedge layers closed and no escalation condition holds",
        EnumSet.of(UNWIND), CALM, (s, c, k) -> !c.layersHeld() && !anyEscalation(s, c, k)));
    return List.copyOf(rules);
  }

  /**
   * Adds the rule from {@code from} and its twin from UNWIND, which waits for the cool-down and
   * for {@code alternative} to return.
   */
  private static void escalation(List<HedgeRule> rules, HedgeConfig cfg, EnumSet<HedgeState> from,
      HedgeState to, String condition, Escalation alternative, HedgeCondition when) {
    boolean throughBeSigma = alternative == Escalation.L1_BREAK_EVEN || alternative == Escalation.L2_BREAK_EVEN;
    rules.add(new HedgeRule(names(from) + " to " + to + ": " + condition, from, to,
        when.and(HedgeRules::sinceSaleOver), throughBeSigma));
    rules.add(new HedgeRule("UNWIND to " + to + " after the " + cfg.unwind().coolDownTradingDays()
        + "-trading-day cool-down since the last escalation, the condition having returned: " + condition,
        EnumSet.of(UNWIND), to,
        when.and(HedgeRules::coolDownOver).and((s, c, k) -> c.hasReturned(alternative)), throughBeSigma));
  }

  /**
   * The rigid baseline of spec section 4 with the numbers of {@code cfg}: level 3 while
   * {@code vix >= hedge.l3.vixTrigger}, 2 while {@code >= hedge.l2.vixTrigger}, 1 while
   * {@code >= hedge.l1.vixTrigger}; a level is dropped only after VIX closed below its exit level
   * ({@code hedge.unwind.lNExitVix}) on {@code hedge.unwind.exitCloses} consecutive closes in that
   * state, one level at a time. No vixRel, no confluence, no term structure, no PRESS, no UNWIND.
   */
  public static List<HedgeRule> rigid(HedgeConfig cfg) {
    Check.notNull(cfg, "cfg");
    HedgeConfig.Unwind u = cfg.unwind();
    return List.of(
        new HedgeRule("CALM, L1 or L2 to L3: VIX >= " + fmt(cfg.l3().vixTrigger()), EnumSet.of(CALM, L1, L2),
            L3, (s, c, k) -> s.vix() >= k.l3().vixTrigger()),
        new HedgeRule("CALM or L1 to L2: VIX >= " + fmt(cfg.l2().vixTrigger()), EnumSet.of(CALM, L1), L2,
            (s, c, k) -> s.vix() >= k.l2().vixTrigger()),
        new HedgeRule("CALM to L1: VIX >= " + fmt(cfg.l1().vixTrigger()), EnumSet.of(CALM), L1,
            (s, c, k) -> s.vix() >= k.l1().vixTrigger()),
        new HedgeRule("L3 to L2: VIX below " + fmt(u.l3ExitVix()) + " on " + u.exitCloses()
            + " consecutive closes", EnumSet.of(L3), L2, (s, c, k) -> c.exitCloses() >= k.unwind().exitCloses()),
        new HedgeRule("L2 to L1: VIX below " + fmt(u.l2ExitVix()) + " on " + u.exitCloses()
            + " consecutive closes", EnumSet.of(L2), L1, (s, c, k) -> c.exitCloses() >= k.unwind().exitCloses()),
        new HedgeRule("L1 to CALM: VIX below " + fmt(u.l1ExitVix()) + " on " + u.exitCloses()
            + " consecutive closes", EnumSet.of(L1), CALM, (s, c, k) -> c.exitCloses() >= k.unwind().exitCloses()));
  }

  private static String names(EnumSet<HedgeState> states) {
    List<String> names = new ArrayList<>();
    states.forEach(st -> names.add(st.name()));
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  /** 16.0 as "16", 1.10 as "1.1". */
  static String fmt(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
