package dev.alvh.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExecutionConfigTest {

  private static final ExecutionConfig D = ExecutionConfig.DEFAULTS;

  @Test
  void defaultsWalkFourStepsTenSecondsApartOnCboesVixGrid() {
    assertThat(D.walkSteps()).isEqualTo(4);
    assertThat(D.walkIntervalSeconds()).isEqualTo(10);
    assertThat(D.vixTickLow()).isEqualByComparingTo("0.05");
    assertThat(D.vixTickHigh()).isEqualByComparingTo("0.10");
    assertThat(D.vixTickBreak()).isEqualByComparingTo("3.00");
  }

  @Test
  void negativeStepsAreRefusedNamingTheFullKey() {
    assertThatThrownBy(() -> new ExecutionConfig(-1, 10, D.maxSpreadFraction(), D.minSpreadBase(), D.vixTickLow(),
        D.vixTickHigh(), D.vixTickBreak())).hasMessage("execution.walkSteps must be in [0, 50], but was -1");
  }

  @Test
  void aWalkLongerThanTenMinutesIsRefused() {
    assertThatThrownBy(() -> new ExecutionConfig(20, 31, D.maxSpreadFraction(), D.minSpreadBase(), D.vixTickLow(),
        D.vixTickHigh(), D.vixTickBreak())).hasMessageContaining("execution.walkSteps")
        .hasMessageContaining("20 x 31");
    assertThat(new ExecutionConfig(20, 30, D.maxSpreadFraction(), D.minSpreadBase(), D.vixTickLow(), D.vixTickHigh(),
        D.vixTickBreak()).walkSteps()).isEqualTo(20);
  }

  @Test
  void zeroTickIsRefusedNamingTheKeyAndValue() {
    assertThatThrownBy(() -> new ExecutionConfig(4, 10, D.maxSpreadFraction(), D.minSpreadBase(), BigDecimal.ZERO,
        D.vixTickHigh(), D.vixTickBreak())).hasMessage("execution.vixTickLow must be in [0.01, 1], but was 0");
  }

  @Test
  void spreadFractionOutOfRangeIsRefused() {
    assertThatThrownBy(() -> new ExecutionConfig(4, 10, new BigDecimal("11"), D.minSpreadBase(), D.vixTickLow(),
        D.vixTickHigh(), D.vixTickBreak())).hasMessageContaining("execution.maxSpreadFraction")
        .hasMessageContaining("11");
  }
}
