package dev.alvh.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OptionRightTest {

  @Test
  void callAndPutKnowTheirSignAndOpposite() {
    assertThat(OptionRight.CALL.sign()).isEqualTo(1);
    assertThat(OptionRight.PUT.sign()).isEqualTo(-1);
    assertThat(OptionRight.CALL.opposite()).isEqualTo(OptionRight.PUT);
    assertThat(OptionRight.PUT.opposite()).isEqualTo(OptionRight.CALL);
    assertThat(OptionRight.CALL.isCall()).isTrue();
    assertThat(OptionRight.PUT.isPut()).isTrue();
    assertThat(OptionRight.PUT.isCall()).isFalse();
  }

  @Test
  void payoffIsNeverNegativeAndZeroAtTheMoney() {
    assertThat(OptionRight.PUT.payoff(3950, 4000)).isEqualTo(50d);
    assertThat(OptionRight.CALL.payoff(3950, 4000)).isZero();
    assertThat(OptionRight.CALL.payoff(30, 25)).isEqualTo(5d);
    assertThat(OptionRight.PUT.payoff(30, 25)).isZero();
    assertThat(OptionRight.CALL.payoff(25, 25)).isZero();
  }
}
