package dev.alvh.core.hedge;

import static dev.alvh.core.HedgeState.CALM;
import static dev.alvh.core.HedgeState.L1;
import static dev.alvh.core.HedgeState.L2;
import static dev.alvh.core.HedgeState.L3;
import static dev.alvh.core.HedgeState.PRESS;
import static dev.alvh.core.HedgeState.UNWIND;
import static dev.alvh.core.HedgeState.WATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.HedgeState;
import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.signal.SignalSnapshot;
import dev.alvh.core.signal.TradingDays;
import dev.alvh.core.testdata.Snapshots;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** One test per row of the adaptive transition table, at its boundary values. */
class HedgeStateMachineTest {

  private static final HedgeStateMachine MACHINE = HedgeStateMachine.adaptive(HedgeConfig.DEFAULTS);

  /** Every escalation alternative returned, as after calm closes. */
  static final int ALL_RETURNED = (1 << HedgeRules.Escalation.values().length) - 1;

  /**
   * A context in {@code state} as if it had been there a while, with a VIX peak of 30 once hedged
   * and every escalation condition having failed on some close since the last escalation.
   */
  static HedgeContext in(HedgeState state) {
    double peak = state.level() > 0 || state == UNWIND ? 30 : 0;
    return new HedgeContext(state, null, peak, null, Integer.MAX_VALUE, 0, 0, 0, 0, false, false, ALL_RETURNED);
  }

  /** Feeds one snapshot per trading day from {@link Snapshots#START}; returns the final state. */
  @SafeVarargs
  static HedgeState run(HedgeContext ctx, UnaryOperator<Snapshots>... days) {
    return runAll(ctx, days).get(days.length - 1).state();
  }

  @SafeVarargs
  static List<HedgeDecision> runAll(HedgeContext ctx, UnaryOperator<Snapshots>... days) {
    List<HedgeDecision> out = new ArrayList<>();
    LocalDate date = Snapshots.START;
    for (UnaryOperator<Snapshots> day : days) {
      HedgeDecision d = MACHINE.evaluate(ctx, day.apply(Snapshots.calm().date(date)).build());
      out.add(d);
      ctx = d.context();
      date = TradingDays.WEEKDAYS.shift(date, 1);
    }
    return out;
  }

  // --- CALM -> WATCH ---------------------------------------------------------------------------

  @Test
  void calmToWatch_atScore2() {
    assertThat(run(in(CALM), s -> s.score(2))).isEqualTo(WATCH);
  }

  @Test
  void calmStays_atScore1() {
    assertThat(run(in(CALM), s -> s.score(1))).isEqualTo(CALM);
  }

  // --- CALM, WATCH -> L1 -----------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(names = {"CALM", "WATCH"})
  void toL1_atVix16AndVixRel110(HedgeState from) {
    assertThat(run(in(from), s -> s.vix(16.00).vixRel(1.10))).isEqualTo(L1);
  }

  @ParameterizedTest
  @EnumSource(names = {"CALM", "WATCH"})
  void noL1_atVix1599(HedgeState from) {
    assertThat(run(in(from), s -> s.vix(15.99).vixRel(1.10))).isEqualTo(from);
  }

  @ParameterizedTest
  @EnumSource(names = {"CALM", "WATCH"})
  void noL1_atVixRel109(HedgeState from) {
    assertThat(run(in(from), s -> s.vix(16.00).vixRel(1.09))).isEqualTo(from);
  }

  @Test
  void toL1_atScore3_butOnlyWatchAtScore2() {
    assertThat(run(in(CALM), s -> s.score(3))).isEqualTo(L1);
    assertThat(run(in(CALM), s -> s.score(2))).isEqualTo(WATCH);
    assertThat(run(in(WATCH), s -> s.score(2))).isEqualTo(WATCH);
  }

  @Test
  void toL1_atBeSigmaJustBelow15_notAt15() {
    assertThat(run(in(CALM), s -> s.beSigma(1.49))).isEqualTo(L1);
    assertThat(run(in(CALM), s -> s.beSigma(1.50))).isEqualTo(CALM);
  }

  @Test
  void carryCapReached_l1NeedsScore3AsWell() {
    HedgeContext capped = in(CALM).withCarryCapReached(true);
    assertThat(run(capped, s -> s.vix(16).vixRel(1.1).score(2))).isEqualTo(WATCH);
    assertThat(run(capped, s -> s.beSigma(1.2).score(1))).isEqualTo(CALM);
    assertThat(run(capped, s -> s.vix(16).vixRel(1.1).score(3))).isEqualTo(L1);
  }

  // --- L1 -> L2 --------------------------------------------------------------------------------

  @Test
  void l1ToL2_atVix20VixRel125AndPositiveMacd() {
    assertThat(run(in(L1), s -> s.vix(20).vixRel(1.25).macd(0.01, 0))).isEqualTo(L2);
    assertThat(run(in(L1), s -> s.vix(19.99).vixRel(1.25).macd(0.01, 0))).isEqualTo(L1);
    assertThat(run(in(L1), s -> s.vix(20).vixRel(1.249).macd(0.01, 0))).isEqualTo(L1);
    assertThat(run(in(L1), s -> s.vix(20).vixRel(1.25).macd(0, 0))).isEqualTo(L1);
  }

  @Test
  void l1ToL2_atBeSigmaJustBelow1_notAt1() {
    assertThat(run(in(L1), s -> s.beSigma(0.99))).isEqualTo(L2);
    assertThat(run(in(L1), s -> s.beSigma(1.0))).isEqualTo(L1);
  }

  @Test
  void l1ToL2_atScore4_notAt3() {
    assertThat(run(in(L1), s -> s.score(4))).isEqualTo(L2);
    assertThat(run(in(L1), s -> s.score(3))).isEqualTo(L1);
  }

  // --- L2 -> L3 --------------------------------------------------------------------------------

  @Test
  void l2ToL3_onTheSecondConsecutiveCloseAt26AndVixRel15() {
    List<HedgeDecision> d = runAll(in(L2), s -> s.vix(26).vixRel(1.5), s -> s.vix(26).vixRel(1.5));
    assertThat(d.get(0).state()).isEqualTo(L2);
    assertThat(d.get(1).state()).isEqualTo(L3);
  }

  @Test
  void l2StaysOnOneCloseAt26_followedByOneJustBelow() {
    assertThat(run(in(L2), s -> s.vix(26).vixRel(1.5), s -> s.vix(25.99).vixRel(1.5))).isEqualTo(L2);
    assertThat(run(in(L2), s -> s.vix(26).vixRel(1.5), s -> s.vix(26).vixRel(1.49))).isEqualTo(L2);
  }

  @Test
  void l2ToL3_atTermRatio090_notAt091() {
    assertThat(run(in(L2), s -> s.termRatio(0.90))).isEqualTo(L3);
    assertThat(run(in(L2), s -> s.termRatio(0.91))).isEqualTo(L2);
  }

  // --- escalation skips states -----------------------------------------------------------------

  @Test
  void calmGapsStraightToL3_whenTheL3ConditionHolds() {
    assertThat(run(in(CALM), s -> s.vix(30).vixRel(2.1).termRatio(0.85))).isEqualTo(L3);
  }

  @Test
  void calmGapsToL2_whenOnlyTheL2ConditionHolds_thenL3OnTheSecondClose() {
    List<HedgeDecision> d = runAll(in(CALM), s -> s.vix(30).vixRel(2.1).macd(1, 1), s -> s.vix(31).vixRel(2.1));
    assertThat(d).extracting(HedgeDecision::state).containsExactly(L2, L3);
  }

  @Test
  void l1SkipsToL3() {
    assertThat(run(in(L1), s -> s.termRatio(0.9))).isEqualTo(L3);
  }

  // --- L3 <-> PRESS ----------------------------------------------------------------------------

  @Test
  void l3ToPress_atExactly085OfThePeakWithFallingMacd() {
    assertThat(run(in(L3), s -> s.vix(25.5).macd(1, -1))).isEqualTo(PRESS);
    assertThat(run(in(L3), s -> s.vix(25.51).macd(1, -1))).isEqualTo(L3);
    assertThat(run(in(L3), s -> s.vix(25.5).macd(1, 0))).isEqualTo(L3);
  }

  @Test
  void l3ToPress_needsAPeakOfAtLeast26() {
    HedgeContext lowPeak = in(L3).withPeak(25.99);
    assertThat(run(lowPeak, s -> s.vix(20.5).macd(1, -1))).isEqualTo(L3);
    HedgeContext peak26 = in(L3).withPeak(26);
    assertThat(run(peak26, s -> s.vix(22).macd(1, -1))).isEqualTo(PRESS);
  }

  @Test
  void pressToL3_onANewHighAbove105OfThePeak() {
    assertThat(run(in(PRESS), s -> s.vix(31.51))).isEqualTo(L3);
    assertThat(run(in(PRESS), s -> s.vix(31.50))).isEqualTo(PRESS);
  }

  @Test
  void vixPeak_tracksTheHighestVixSinceLeavingCalm_andResetsInCalm() {
    List<HedgeDecision> d = runAll(in(CALM), s -> s.vix(30).vixRel(2).termRatio(0.8), s -> s.vix(40),
        s -> s.vix(35));
    assertThat(d).extracting(x -> x.context().vixPeak()).containsExactly(30.0, 40.0, 40.0);
    assertThat(runAll(in(WATCH), s -> s.score(1)).get(0).context().vixPeak()).isZero();
  }

  // --- L1, L2, L3, PRESS -> UNWIND -------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(names = {"L1", "L2", "L3", "PRESS"})
  void toUnwind_atRsiVix21JustBelow30_notAt30(HedgeState from) {
    assertThat(run(in(from), s -> s.vix(22).rsiVix21(29.99))).isEqualTo(UNWIND);
    assertThat(run(in(from), s -> s.vix(22).rsiVix21(30))).isEqualTo(from);
  }

  static Stream<Arguments> exitLevels() {
    return Stream.of(Arguments.of(L1, 14.5), Arguments.of(L2, 18.0), Arguments.of(L3, 20.0), Arguments.of(PRESS, 20.0));
  }

  @ParameterizedTest
  @MethodSource("exitLevels")
  void toUnwind_onTheThirdCloseBelowTheExitLevel(HedgeState from, double exit) {
    double below = exit - 0.01;
    List<HedgeDecision> d = runAll(in(from), s -> s.vix(below), s -> s.vix(below), s -> s.vix(below));
    assertThat(d).extracting(HedgeDecision::state).containsExactly(from, from, UNWIND);
  }

  @ParameterizedTest
  @MethodSource("exitLevels")
  void noUnwind_afterTwoClosesBelowAndOneAtTheExitLevel(HedgeState from, double exit) {
    double below = exit - 0.01;
    assertThat(run(in(from), s -> s.vix(below), s -> s.vix(below), s -> s.vix(exit))).isEqualTo(from);
  }

  @ParameterizedTest
  @EnumSource(names = {"L1", "L2", "L3", "PRESS"})
  void toUnwind_onTheThirdCloseOfRestoredContango(HedgeState from) {
    UnaryOperator<Snapshots> contango = s -> s.vix(26).termRatio(1.05).macd(-0.01, -1);
    List<HedgeDecision> d = runAll(in(from), contango, contango, contango);
    assertThat(d).extracting(HedgeDecision::state).containsExactly(from, from, UNWIND);
    assertThat(run(in(from), contango, contango, s -> s.vix(26).termRatio(1.049).macd(-0.01, -1))).isEqualTo(from);
  }

  // --- WATCH -> CALM ---------------------------------------------------------------------------

  @Test
  void watchToCalm_onTheThirdCloseAtScore0() {
    List<HedgeDecision> d = runAll(in(WATCH), s -> s.score(0), s -> s.score(0), s -> s.score(0));
    assertThat(d).extracting(HedgeDecision::state).containsExactly(WATCH, WATCH, CALM);
    assertThat(run(in(WATCH), s -> s.score(0), s -> s.score(0), s -> s.score(1))).isEqualTo(WATCH);
  }

  // --- UNWIND -> CALM --------------------------------------------------------------------------

  @Test
  void unwindToCalm_whenNoLayerIsHeldAndNoEscalationHolds() {
    assertThat(run(in(UNWIND), s -> s)).isEqualTo(CALM);
    assertThat(run(in(UNWIND).withLayersHeld(true), s -> s)).isEqualTo(UNWIND);
    assertThat(run(in(UNWIND).withCounters(null, 0, 0, 0, 0, 0), s -> s.beSigma(1.4))).isEqualTo(UNWIND);
  }

  // --- UNWIND -> L1/L2/L3 after the cool-down --------------------------------------------------

  @Test
  void unwindEscalatesOnTheFifthTradingDayAfterTheLastEscalation_notTheFourth() {
    // Day 0 the escalation, so 4 closes have passed before the day under test.
    HedgeContext fourClosesAgo = in(UNWIND).withLayersHeld(true).withCounters(null, 3, 0, 0, 0, 0);
    assertThat(run(fourClosesAgo, s -> s.vix(16).vixRel(1.1))).isEqualTo(UNWIND);
    HedgeContext fiveClosesAgo = in(UNWIND).withLayersHeld(true).withCounters(null, 4, 0, 0, 0, 0);
    assertThat(run(fiveClosesAgo, s -> s.vix(16).vixRel(1.1))).isEqualTo(L1);
    assertThat(run(fiveClosesAgo, s -> s.beSigma(0.5))).isEqualTo(L2);
    assertThat(run(fiveClosesAgo, s -> s.termRatio(0.8))).isEqualTo(L3);
  }

  // --- UNWIND: escalation conditions must return ---------------------------------------------

  @Test
  void aLevelReachedThroughBeSigma_isNotLeftThroughTheVixExitWhileBeSigmaStaysBelowTriggerPlusMargin() {
    HedgeContext calm = new HedgeContext(CALM, null, 0, null, Integer.MAX_VALUE, 0, 0, 0, 0, false, false);
    List<HedgeDecision> d = runAll(calm,
        s -> s.vix(12).beSigma(0.9),                  // 0 CALM -> L2: beSigma < 1
        s -> s.vix(12).beSigma(0.9),                  // 1
        s -> s.vix(12).beSigma(1.2),                  // 2
        s -> s.vix(12).beSigma(1.49),                 // 3 VIX below 18 on 3 closes, but beSigma < 1.0 + 0.5: held
        s -> s.vix(12).beSigma(1.5));                 // 4 beSigma back at the trigger + margin: L2 -> UNWIND
    assertThat(d).extracting(HedgeDecision::state).containsExactly(L2, L2, L2, L2, UNWIND);
    assertThat(d.get(0).context().beSigmaEntry()).isTrue();
    assertThat(d.get(4).moved().orElseThrow().rule()).startsWith("L1, L2, L3 or PRESS to UNWIND: VIX below");
    assertThat(d.get(4).context().beSigmaEntry()).isFalse();
  }

  @Test
  void aLevelReachedThroughVix_leavesThroughTheVixExitWhateverBeSigma() {
    HedgeContext calm = new HedgeContext(CALM, null, 0, null, Integer.MAX_VALUE, 0, 0, 0, 0, false, false);
    List<HedgeDecision> d = runAll(calm,
        s -> s.vix(16.5).vixRel(1.2).beSigma(1.2),    // 0 CALM -> L1: VIX >= 16 and vixRel >= 1.10
        s -> s.vix(14).vixRel(1.0).beSigma(1.6),
        s -> s.vix(14).vixRel(1.0).beSigma(1.6),
        s -> s.vix(14).vixRel(1.0).beSigma(1.6));     // 3 L1 -> UNWIND: below 14.5 on 3 closes
    assertThat(d).extracting(HedgeDecision::state).containsExactly(L1, L1, L1, UNWIND);
    assertThat(d.get(0).context().beSigmaEntry()).isFalse();
  }

  @Test
  void unwind_doesNotBuyAgainOnABreakEvenThatNeverStoppedHolding_butDoesOnceItReturns() {
    HedgeContext calm = new HedgeContext(CALM, null, 0, null, Integer.MAX_VALUE, 0, 0, 0, 0, false, false);
    List<HedgeDecision> d = runAll(calm,
        s -> s.vix(12).beSigma(0.9),                  // 0 CALM -> L2: beSigma < 1 (escalation)
        s -> s.vix(12).beSigma(0.9),                  // 1
        s -> s.vix(12).beSigma(0.9),                  // 2
        s -> s.vix(12).beSigma(0.9).rsiVix21(29),     // 3 L2 -> UNWIND: rsiVix21 < 30 (the VIX exit waits, hysteresis)
        s -> s.vix(12).beSigma(0.9),                  // 4
        s -> s.vix(12).beSigma(0.9),                  // 5 cool-down over (5 closes since 0) ...
        s -> s.vix(12).beSigma(0.9),                  // 6 ... but beSigma < 1 never went away
        s -> s.vix(12).beSigma(0.99),                 // 7
        s -> s.vix(12).beSigma(1.0),                  // 8 beSigma < 1 fails: L2's break-even returns
        s -> s.vix(12).beSigma(0.99));                // 9 UNWIND -> L2
    assertThat(d).extracting(HedgeDecision::state)
        .containsExactly(L2, L2, L2, UNWIND, UNWIND, UNWIND, UNWIND, UNWIND, UNWIND, L2);
    HedgeTransition back = d.get(9).moved().orElseThrow();
    assertThat(back.rule()).isEqualTo("UNWIND to L2 after the 5-trading-day cool-down since the last escalation,"
        + " the condition having returned: beSigma < 1");
    assertThat(d.get(8).context().hasReturned(HedgeRules.Escalation.L2_BREAK_EVEN)).isTrue();
    assertThat(d.get(8).context().hasReturned(HedgeRules.Escalation.L1_BREAK_EVEN)).as("beSigma < 1.5 held throughout")
        .isFalse();
    assertThat(d.get(9).context().returned()).as("an escalation restarts the marks").isZero();
  }

  @Test
  void unwind_aVixSpikeAfterCalmClosesStillEscalates_whileTheBreakEvenKeepsHolding() {
    HedgeContext unwinding = new HedgeContext(UNWIND, null, 30, null, 10, 0, 0, 0, 0, true, false);
    List<HedgeDecision> d = runAll(unwinding,
        s -> s.vix(12).beSigma(0.9),                  // VIX condition fails: it may return
        s -> s.vix(17).vixRel(1.2).beSigma(0.9));     // UNWIND -> L1 on VIX, not on the break-even
    assertThat(d).extracting(HedgeDecision::state).containsExactly(UNWIND, L1);
    assertThat(d.get(1).moved().orElseThrow().rule()).contains("VIX >= 16 and vixRel >= 1.1");
  }

  @Test
  void returnedMarks_surviveInTheContext_acrossEvaluations() {
    HedgeContext unwinding = new HedgeContext(UNWIND, null, 30, null, 10, 0, 0, 0, 0, true, false);
    HedgeDecision first = MACHINE.evaluate(unwinding, Snapshots.calm().date(Snapshots.START).vix(12).beSigma(1.2).build());
    int marks = first.context().returned();
    assertThat(first.context().hasReturned(HedgeRules.Escalation.L2_BREAK_EVEN)).isTrue();
    assertThat(first.context().hasReturned(HedgeRules.Escalation.L1_BREAK_EVEN)).isFalse();
    HedgeDecision second = MACHINE.evaluate(first.context(),
        Snapshots.calm().date(TradingDays.WEEKDAYS.shift(Snapshots.START, 1)).vix(12).beSigma(1.6).build());
    assertThat(second.context().returned()).isEqualTo(marks | HedgeRules.Escalation.L1_BREAK_EVEN.bit());
  }

  // --- refusals --------------------------------------------------------------------------------

  @Test
  void signalsNotWarm_changeNothing() {
    HedgeDecision d = MACHINE.evaluate(in(CALM), Snapshots.calm().termRatio(0.5).score(5)
        .notWarm("not enough history: vixBase needs 51 closes, has 3").build());
    assertThat(d).isInstanceOf(HedgeDecision.NoChange.class);
    assertThat(((HedgeDecision.NoChange) d).reason()).startsWith("signals not warm: not enough history");
    assertThat(d.state()).isEqualTo(CALM);
  }

  @Test
  void theSameCloseTwice_isCountedOnce() {
    SignalSnapshot s = Snapshots.calm().score(0).build();
    HedgeDecision first = MACHINE.evaluate(in(WATCH), s);
    HedgeDecision again = MACHINE.evaluate(first.context(), s);
    assertThat(again.context()).isEqualTo(first.context());
    assertThat(((HedgeDecision.NoChange) again).reason()).contains("already evaluated");
  }

  @Test
  void anEarlierClose_isAProgrammingError() {
    HedgeContext ctx = MACHINE.evaluate(in(CALM), Snapshots.calm().build()).context();
    assertThatThrownBy(() -> MACHINE.evaluate(ctx, Snapshots.calm().date(Snapshots.START.minusDays(1)).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("s.date must not be before the last evaluated close 2024-01-08, but was 2024-01-07");
  }

  @Test
  void eachTransitionCarriesItsRuleAndSignals() {
    SignalSnapshot s = Snapshots.calm().vix(16).vixRel(1.1).build();
    HedgeTransition t = MACHINE.evaluate(in(CALM), s).moved().orElseThrow();
    assertThat(t).isEqualTo(new HedgeTransition(Snapshots.START, CALM, L1,
        "CALM or WATCH to L1: VIX >= 16 and vixRel >= 1.1; while the carry cap is reached, also score >= 3", s, 0));
  }
}
