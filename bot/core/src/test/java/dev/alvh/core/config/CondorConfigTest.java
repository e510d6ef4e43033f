package dev.alvh.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.HedgeState;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CondorConfigTest {

  private static final CondorConfig D = CondorConfig.DEFAULTS;

  private static CondorConfig with(int dteMin, int dteMax, double shortDelta, int timeExitDte, Set<HedgeState> states) {
    return new CondorConfig(dteMin, dteMax, shortDelta, D.wingWidth(), D.minCreditPct(), D.trancheRiskPct(),
        D.entryIntervalDays(), D.maxOpenTranches(), states, D.skipEventDays(), D.profitTargetPct(),
        D.stopMultiple(), timeExitDte, D.rollAtTimeExit(), D.rollVixMin(), D.rollShortDelta(),
        D.maxRollsPerTranche(), D.rollMaxDebit(), D.priceTick());
  }

  @Test
  void defaultsAreTheNumbersOfSpecSectionTwo() {
    assertThat(D.dteMin()).isEqualTo(45);
    assertThat(D.dteMax()).isEqualTo(60);
    assertThat(D.shortDelta()).isEqualTo(0.16);
    assertThat(D.wingWidth()).isEqualByComparingTo("50");
    assertThat(D.minCreditPct()).isEqualByComparingTo("10");
    assertThat(D.trancheRiskPct()).isEqualByComparingTo("2.5");
    assertThat(D.entryIntervalDays()).isEqualTo(7);
    assertThat(D.maxOpenTranches()).isEqualTo(4);
    assertThat(D.entryStates()).containsExactlyInAnyOrder(HedgeState.CALM, HedgeState.WATCH, HedgeState.L1,
        HedgeState.PRESS, HedgeState.UNWIND);
    assertThat(D.skipEventDays()).isTrue();
    assertThat(D.profitTargetPct()).isEqualByComparingTo("50");
    assertThat(D.stopMultiple()).isEqualByComparingTo("2.0");
    assertThat(D.timeExitDte()).isEqualTo(21);
    assertThat(D.rollVixMin()).isEqualTo(16.0);
    assertThat(D.rollShortDelta()).isEqualTo(0.30);
    assertThat(D.maxRollsPerTranche()).isEqualTo(1);
    assertThat(D.priceTick()).isEqualByComparingTo("0.05");
  }

  @Test
  void dteMinOutOfRangeNamesKeyValueAndRange() {
    assertThatThrownBy(() -> with(0, 60, 0.16, 21, D.entryStates()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("condor.dteMin must be in [1, 365], but was 0");
  }

  @Test
  void dteMaxBelowDteMinIsRefusedNamingDteMax() {
    assertThatThrownBy(() -> with(45, 44, 0.16, 21, D.entryStates()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("condor.dteMax").hasMessageContaining("44").hasMessageContaining("45");
  }

  @Test
  void shortDeltaOutOfRangeNamesKeyValueAndRange() {
    assertThatThrownBy(() -> with(45, 60, 0.6, 21, D.entryStates()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("condor.shortDelta must be in [0.01, 0.5], but was 0.6");
  }

  @Test
  void timeExitAtOrAboveDteMinIsRefused() {
    assertThatThrownBy(() -> with(45, 60, 0.16, 45, D.entryStates()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("condor.timeExitDte").hasMessageContaining("45");
    assertThat(with(45, 60, 0.16, 44, D.entryStates()).timeExitDte()).isEqualTo(44);
  }

  @Test
  void missingHedgeStateIsRefusedNamingEntryStates() {
    Set<HedgeState> states = new HashSet<>();
    states.add(HedgeState.CALM);
    states.add(null);
    assertThatThrownBy(() -> with(45, 60, 0.16, 21, states))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("condor.entryStates must contain only [CALM, WATCH, L1, L2, L3, PRESS, UNWIND], but had 'null'");
  }

  @Test
  void entryStatesAreCopied() {
    Set<HedgeState> states = new HashSet<>(Set.of(HedgeState.CALM));
    CondorConfig c = with(45, 60, 0.16, 21, states);
    states.add(HedgeState.WATCH);
    assertThat(c.entryStates()).containsExactly(HedgeState.CALM);
  }

  @Test
  void wingWidthOutOfRangeNamesKeyValueAndRange() {
    assertThatThrownBy(() -> new CondorConfig(D.dteMin(), D.dteMax(), D.shortDelta(), new BigDecimal("4"),
        D.minCreditPct(), D.trancheRiskPct(), D.entryIntervalDays(), D.maxOpenTranches(), D.entryStates(),
        D.skipEventDays(), D.profitTargetPct(), D.stopMultiple(), D.timeExitDte(), D.rollAtTimeExit(),
        D.rollVixMin(), D.rollShortDelta(), D.maxRollsPerTranche(), D.rollMaxDebit(), D.priceTick()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("condor.wingWidth must be in [5, 500], but was 4");
  }
}
