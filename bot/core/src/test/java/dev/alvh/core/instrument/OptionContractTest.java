package dev.alvh.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.testdata.FakeVixMarket;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The contract's own rules: its value at expiry and the index it settles on. */
class OptionContractTest {

  private static final LocalDate EXP = LocalDate.of(2020, 3, 18);

  @Test
  void intrinsicIsTheInTheMoneyAmountNeverNegative() {
    OptionContract call = OptionContract.vix(EXP, new BigDecimal("20"), OptionRight.CALL);
    OptionContract put = OptionContract.spxw(EXP, new BigDecimal("3000"), OptionRight.PUT);
    assertThat(call.intrinsic(new BigDecimal("25.37"))).isEqualByComparingTo("5.37");
    assertThat(call.intrinsic(new BigDecimal("19"))).isEqualByComparingTo("0");
    assertThat(put.intrinsic(new BigDecimal("2950.5"))).isEqualByComparingTo("49.5");
    assertThat(put.intrinsic(new BigDecimal("3100"))).isEqualByComparingTo("0");
  }

  @Test
  void vixOptionsSettleOnTheVxFutureOfTheirExpiry_spxOptionsOnSpx() {
    FakeVixMarket m = new FakeVixMarket(EXP.minusDays(30));
    m.vix = 30;
    m.spx = 2500;
    OptionContract call = OptionContract.vix(EXP, new BigDecimal("20"), OptionRight.CALL);
    OptionContract put = OptionContract.spxw(EXP, new BigDecimal("3000"), OptionRight.PUT);
    assertThat(call.settlesOnVix()).isTrue();
    assertThat(put.settlesOnVix()).isFalse();
    assertThat(m.settlementUnderlyingNow(call)).isEqualTo(m.vx(EXP)).isEqualTo(31.0);
    assertThat(m.settlementUnderlyingNow(put)).isEqualTo(2500.0);
  }

  @Test
  void contractsAreEqualOnlyWhenEveryComponentIs() {
    OptionContract c = new OptionContract("SPX", "SPXW", EXP, new BigDecimal("3000"), OptionRight.PUT, 100);
    assertThat(c).isEqualTo(new OptionContract("SPX", "SPXW", EXP, new BigDecimal("3000.00"), OptionRight.PUT, 100))
        .hasSameHashCodeAs(new OptionContract("SPX", "SPXW", EXP, new BigDecimal("3000.0"), OptionRight.PUT, 100));
    assertThat(java.util.List.of(
        new OptionContract("XSP", "SPXW", EXP, new BigDecimal("3000"), OptionRight.PUT, 100),
        new OptionContract("SPX", "SPX", EXP, new BigDecimal("3000"), OptionRight.PUT, 100),
        new OptionContract("SPX", "SPXW", EXP.plusDays(1), new BigDecimal("3000"), OptionRight.PUT, 100),
        new OptionContract("SPX", "SPXW", EXP, new BigDecimal("3005"), OptionRight.PUT, 100),
        new OptionContract("SPX", "SPXW", EXP, new BigDecimal("3000"), OptionRight.CALL, 100),
        new OptionContract("SPX", "SPXW", EXP, new BigDecimal("3000"), OptionRight.PUT, 10)))
        .allSatisfy(other -> assertThat(other).isNotEqualTo(c));
    assertThat(c).isNotEqualTo(null).isNotEqualTo(c.key());
  }

  @Test
  void hashIsTheRecordsComponentHashCombined() {
    OptionContract c = OptionContract.spxw(EXP, new BigDecimal("3000"), OptionRight.CALL);
    int h = 0;
    for (Object part : new Object[] {c.symbol(), c.tradingClass(), c.expiry(), c.strike(), c.right(), c.multiplier()}) {
      h = 31 * h + part.hashCode();
    }
    assertThat(c.hashCode()).isEqualTo(h);
  }
}
