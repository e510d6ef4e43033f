package dev.alvh.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.config.CondorConfig;
import dev.alvh.core.config.ExecutionConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.NetPrice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TickRuleTest {

  private static final TickRule SPX = TickRule.spx(CondorConfig.DEFAULTS);
  private static final TickRule VIX = TickRule.vix(ExecutionConfig.DEFAULTS);

  private static NetPrice p(String signed) {
    return new NetPrice(new BigDecimal(signed));
  }

  @Test
  void spxPackagesTickAFiveCentGridAtEveryLevel() {
    assertThat(SPX.tickAt(p("0.40"))).isEqualByComparingTo("0.05");
    assertThat(SPX.tickAt(p("-12.00"))).isEqualByComparingTo("0.05");
  }

  @ParameterizedTest
  @CsvSource({"2.95, 0.05", "2.9999, 0.05", "3.00, 0.10", "-3.00, 0.10", "-2.95, 0.05", "7.40, 0.10"})
  void vixTicksFiveCentsBelowThreeAndTenCentsFromThree(String price, String tick) {
    assertThat(VIX.tickAt(p(price))).isEqualByComparingTo(tick);
  }

  @ParameterizedTest
  @CsvSource({
      "2.37, 2.40, 2.35",    // SPX debit: toward natural pays more, toward better pays less
      "-2.37, -2.35, -2.40", // SPX credit: toward natural takes less, toward better takes more
      "2.35, 2.35, 2.35"     // on the grid: unchanged
  })
  void spxRoundingTowardNaturalAndTowardBetter(String price, String natural, String better) {
    assertThat(SPX.towardNatural(p(price)).signed()).isEqualByComparingTo(natural);
    assertThat(SPX.towardBetter(p(price)).signed()).isEqualByComparingTo(better);
  }

  @ParameterizedTest
  @CsvSource({
      "2.97, 3.00, 2.95",
      "3.04, 3.10, 3.00",
      "-3.04, -3.00, -3.10",
      "-2.97, -2.95, -3.00"
  })
  void vixRoundingUsesTheTickOfTheLevel(String price, String natural, String better) {
    assertThat(VIX.towardNatural(p(price)).signed()).isEqualByComparingTo(natural);
    assertThat(VIX.towardBetter(p(price)).signed()).isEqualByComparingTo(better);
  }

  @Test
  void vixStepsCrossTheBreakWithTheRightTick() {
    assertThat(VIX.stepTowardNatural(p("2.90"), 3).signed()).isEqualByComparingTo("3.10");
    assertThat(VIX.stepTowardNatural(p("-3.20"), 3).signed()).isEqualByComparingTo("-2.95");
  }

  @Test
  void isOnGridFollowsTheLevel() {
    assertThat(VIX.isOnGrid(p("2.95"))).isTrue();
    assertThat(VIX.isOnGrid(p("3.05"))).isFalse();
    assertThat(SPX.isOnGrid(p("-2.35"))).isTrue();
    assertThat(SPX.isOnGrid(p("-2.37"))).isFalse();
  }

  @Test
  void ordersOfVixLegsOnlyUseTheVixGridAndAnySpxLegTheSpxGrid() {
    LocalDate e = LocalDate.of(2024, 2, 14);
    ComboLeg vixCall = ComboLeg.of(Side.BUY, OptionContract.vix(e, new BigDecimal("20"), OptionRight.CALL));
    ComboLeg spxPut = ComboLeg.of(Side.SELL, OptionContract.spxw(e, new BigDecimal("4500"), OptionRight.PUT));
    assertThat(TickRule.of(List.of(vixCall), CondorConfig.DEFAULTS, ExecutionConfig.DEFAULTS)).isEqualTo(VIX);
    assertThat(TickRule.of(List.of(vixCall, spxPut), CondorConfig.DEFAULTS, ExecutionConfig.DEFAULTS))
        .isEqualTo(SPX);
  }
}
