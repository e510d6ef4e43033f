package dev.alvh.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetPriceTest {

  private static final BigDecimal TICK = new BigDecimal("0.05");

  private static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  @Test
  void creditIsANegativeBagLimitAndIsCredit() {
    NetPrice p = NetPrice.credit(bd("2.35"));
    assertThat(p.bagLimit()).isEqualByComparingTo("-2.35");
    assertThat(p.isCredit()).isTrue();
    assertThat(p.amount()).isEqualByComparingTo("2.35");
    assertThat(p.toString()).isEqualTo("credit 2.35");
  }

  @Test
  void debitIsAPositiveBagLimitAndNotACredit() {
    NetPrice p = NetPrice.debit(bd("1.10"));
    assertThat(p.bagLimit()).isEqualByComparingTo("1.10");
    assertThat(p.isCredit()).isFalse();
    assertThat(p.amount()).isEqualByComparingTo("1.10");
    assertThat(p.toString()).isEqualTo("debit 1.10");
  }

  @Test
  void negativeAmountsAreRefusedForCreditAndDebit() {
    assertThatThrownBy(() -> NetPrice.credit(bd("-0.05"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("credit").hasMessageContaining("-0.05");
    assertThatThrownBy(() -> NetPrice.debit(bd("-1"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("debit");
  }

  @Test
  void creditOfThreeCondorsBringsCashIn() {
    assertThat(NetPrice.credit(bd("2.35")).cashFlow(3, 100)).isEqualByComparingTo("705.00");
  }

  @Test
  void debitOfTwoCondorsTakesCashOut() {
    assertThat(NetPrice.debit(bd("1.10")).cashFlow(2, 100)).isEqualByComparingTo("-220.00");
  }

  @ParameterizedTest(name = "signed {0} floors to {1} and ceils to {2}")
  @CsvSource({
      // debits
      "2.37, 2.35, 2.40",
      "2.35, 2.35, 2.35",
      "0.01, 0, 0.05",
      "0, 0, 0",
      // credits (negative signed values)
      "-2.37, -2.40, -2.35",
      "-2.35, -2.35, -2.35",
      "-0.03, -0.05, 0",
      "-10.00, -10, -10",
      "-4.975, -5.00, -4.95",
  })
  void floorAndCeilOnTheNickelGrid(String signed, String floor, String ceil) {
    NetPrice p = new NetPrice(bd(signed));
    assertThat(p.floorToTick(TICK).signed()).isEqualByComparingTo(floor);
    assertThat(p.ceilToTick(TICK).signed()).isEqualByComparingTo(ceil);
  }

  @Test
  void floorMakesACreditLargerAndCeilMakesItSmaller() {
    NetPrice credit = NetPrice.credit(bd("2.37"));
    assertThat(credit.floorToTick(TICK)).satisfies(p -> {
      assertThat(p.isCredit()).isTrue();
      assertThat(p.amount()).isEqualByComparingTo("2.40");
    });
    assertThat(credit.ceilToTick(TICK).amount()).isEqualByComparingTo("2.35");
  }

  @Test
  void floorMakesADebitSmallerAndCeilMakesItLarger() {
    NetPrice debit = NetPrice.debit(bd("2.37"));
    assertThat(debit.floorToTick(TICK).amount()).isEqualByComparingTo("2.35");
    assertThat(debit.ceilToTick(TICK).amount()).isEqualByComparingTo("2.40");
  }

  @ParameterizedTest
  @CsvSource({"0", "-0.05"})
  void nonPositiveTickIsRefusedNamingTick(String tick) {
    NetPrice p = NetPrice.debit(bd("1.00"));
    assertThatThrownBy(() -> p.floorToTick(bd(tick))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tick").hasMessageContaining(tick);
    assertThatThrownBy(() -> p.ceilToTick(bd(tick))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tick");
  }
}
