package dev.alvh.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.HedgeState;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlsTest {

  private static final LocalDate MON = LocalDate.of(2024, 3, 4);

  @Test
  void startsWithEverySwitchOff() {
    Controls c = new Controls();
    assertThat(c.describe()).containsEntry("paused", false).containsEntry("halted", false)
        .containsEntry("approval", false).containsEntry("forced", null).containsEntry("forcedUntil", null);
    assertThat(c.effectiveHedgeState(HedgeState.WATCH, MON)).isEqualTo(HedgeState.WATCH);
  }

  @Test
  void aForcedStateHoldsThroughItsLastDayInclusiveThenTheMachineDecides() {
    Controls c = new Controls();
    c.force(HedgeState.L3, Optional.of(MON.plusDays(2)));
    assertThat(c.effectiveHedgeState(HedgeState.CALM, MON)).isEqualTo(HedgeState.L3);
    assertThat(c.effectiveHedgeState(HedgeState.CALM, MON.plusDays(2))).isEqualTo(HedgeState.L3);
    assertThat(c.effectiveHedgeState(HedgeState.CALM, MON.plusDays(3))).isEqualTo(HedgeState.CALM);
    assertThat(c.effectiveHedgeState(HedgeState.WATCH, MON.plusDays(3))).isEqualTo(HedgeState.WATCH);
    assertThat(c.forcedSetting()).contains(HedgeState.L3).as("the setting stays for status and history");
  }

  @Test
  void aForcedStateWithoutLastDayHoldsUntilUnforce() {
    Controls c = new Controls();
    c.force(HedgeState.PRESS, Optional.empty());
    assertThat(c.forcedState(MON.plusYears(5))).contains(HedgeState.PRESS);
    assertThat(c.forcedUntil()).isEmpty();
    c.unforce();
    assertThat(c.forcedState(MON)).isEmpty();
  }

  @Test
  void forceRefusesAMissingState() {
    assertThatThrownBy(() -> new Controls().force(null, Optional.empty())).hasMessage(
        "state must be set, but was missing");
  }
}
