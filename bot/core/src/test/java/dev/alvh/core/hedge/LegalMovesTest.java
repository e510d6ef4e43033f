package dev.alvh.core.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.HedgeState;
import dev.alvh.core.config.CondorConfig;
import dev.alvh.core.config.HedgeConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The explicit lists of legal moves, every illegal move, and the stable state codes. */
class LegalMovesTest {

  private static final Map<HedgeState, Set<HedgeState>> ADAPTIVE = Map.of(
      HedgeState.CALM, EnumSet.of(HedgeState.WATCH, HedgeState.L1, HedgeState.L2, HedgeState.L3),
      HedgeState.WATCH, EnumSet.of(HedgeState.CALM, HedgeState.L1, HedgeState.L2, HedgeState.L3),
      HedgeState.L1, EnumSet.of(HedgeState.L2, HedgeState.L3, HedgeState.UNWIND),
      HedgeState.L2, EnumSet.of(HedgeState.L3, HedgeState.UNWIND),
      HedgeState.L3, EnumSet.of(HedgeState.PRESS, HedgeState.UNWIND),
      HedgeState.PRESS, EnumSet.of(HedgeState.L3, HedgeState.UNWIND),
      HedgeState.UNWIND, EnumSet.of(HedgeState.CALM, HedgeState.L1, HedgeState.L2, HedgeState.L3));

  private static final Map<HedgeState, Set<HedgeState>> RIGID = Map.of(
      HedgeState.CALM, EnumSet.of(HedgeState.L1, HedgeState.L2, HedgeState.L3),
      HedgeState.L1, EnumSet.of(HedgeState.CALM, HedgeState.L2, HedgeState.L3),
      HedgeState.L2, EnumSet.of(HedgeState.L1, HedgeState.L3),
      HedgeState.L3, EnumSet.of(HedgeState.L2));

  static Stream<Arguments> illegal(Map<HedgeState, Set<HedgeState>> legal) {
    List<Arguments> out = new ArrayList<>();
    for (HedgeState from : HedgeState.values()) {
      for (HedgeState to : HedgeState.values()) {
        if (!legal.getOrDefault(from, Set.of()).contains(to)) {
          out.add(Arguments.of(from, to));
        }
      }
    }
    return out.stream();
  }

  static Stream<Arguments> illegalAdaptiveMoves() {
    return illegal(ADAPTIVE);
  }

  static Stream<Arguments> illegalRigidMoves() {
    return illegal(RIGID);
  }

  @Test
  void adaptiveTable_listsExactlyTheSpecMoves() {
    for (HedgeState from : HedgeState.values()) {
      assertThat(LegalMoves.ADAPTIVE.targets(from)).as("from " + from).isEqualTo(ADAPTIVE.get(from));
    }
    assertThat(illegalAdaptiveMoves()).hasSize(49 - 21);
  }

  @ParameterizedTest(name = "illegal adaptive move from {0} to {1}")
  @MethodSource("illegalAdaptiveMoves")
  void illegalAdaptiveMove_throwsWithBothStates(HedgeState from, HedgeState to) {
    assertThatThrownBy(() -> LegalMoves.ADAPTIVE.requireLegal(from, to))
        .isInstanceOfSatisfying(IllegalHedgeTransitionException.class, e -> {
          assertThat(e.from()).isEqualTo(from);
          assertThat(e.to()).isEqualTo(to);
          assertThat(e).hasMessage("illegal hedge state transition from " + from + " to " + to);
        });
  }

  @ParameterizedTest(name = "illegal rigid move from {0} to {1}")
  @MethodSource("illegalRigidMoves")
  void illegalRigidMove_throwsWithBothStates(HedgeState from, HedgeState to) {
    assertThatThrownBy(() -> LegalMoves.RIGID.requireLegal(from, to))
        .isInstanceOfSatisfying(IllegalHedgeTransitionException.class, e -> {
          assertThat(e.from()).isEqualTo(from);
          assertThat(e.to()).isEqualTo(to);
        });
  }

  @Test
  void aRuleWithAnIllegalMove_isRejectedWhenTheMachineIsBuilt() {
    HedgeRule bad = new HedgeRule("L3 to CALM: always", EnumSet.of(HedgeState.L3), HedgeState.CALM, (s, c, k) -> true);
    assertThatThrownBy(() -> new HedgeStateMachine(HedgeConfig.DEFAULTS, List.of(bad), LegalMoves.ADAPTIVE))
        .isInstanceOfSatisfying(IllegalHedgeTransitionException.class, e -> {
          assertThat(e.from()).isEqualTo(HedgeState.L3);
          assertThat(e.to()).isEqualTo(HedgeState.CALM);
        });
  }

  @Test
  void everyAdaptiveRule_movesOnlyAlongTheTable() {
    for (HedgeRule rule : HedgeRules.adaptive(HedgeConfig.DEFAULTS)) {
      rule.from().forEach(from -> assertThat(LegalMoves.ADAPTIVE.isLegal(from, rule.to())).as(rule.name()).isTrue());
    }
  }

  @Test
  void stateCodesAndLevels_areFixed() {
    assertThat(Stream.of(HedgeState.values()).map(s -> s.name() + "=" + s.code() + "/" + s.level()))
        .containsExactly("CALM=0/0", "WATCH=1/0", "L1=2/1", "L2=3/2", "L3=4/3", "PRESS=5/3", "UNWIND=6/0");
  }

  @ParameterizedTest
  @EnumSource
  void fromCode_readsBackEveryState(HedgeState s) {
    assertThat(HedgeState.fromCode(s.code())).isEqualTo(s);
  }

  @Test
  void fromCode_rejectsAnUnknownCode() {
    assertThatThrownBy(() -> HedgeState.fromCode(7)).hasMessage("code must be a hedge state code in [0, 6], but was 7");
  }

  @Test
  void condorEntries_areBlockedOnlyInL2AndL3ByDefault() {
    // The rule is configuration (condor.entryStates); its default blocks L2 and L3 (spec section 2).
    assertThat(Stream.of(HedgeState.values()).filter(s -> !CondorConfig.DEFAULT_ENTRY_STATES.contains(s)))
        .containsExactly(HedgeState.L2, HedgeState.L3);
  }
}
