package dev.alvh.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.config.CondorConfig;
import dev.alvh.core.config.ExecutionConfig;
import dev.alvh.core.order.NetPrice;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceWalkTest {

  private static final TickRule SPX = TickRule.spx(CondorConfig.DEFAULTS);
  private static final TickRule VIX = TickRule.vix(ExecutionConfig.DEFAULTS);

  private static NetPrice p(String signed) {
    return new NetPrice(new BigDecimal(signed));
  }

  private static List<String> plain(PriceWalk w) {
    return w.prices().stream().map(x -> x.signed().stripTrailingZeros().toPlainString()).toList();
  }

  @Test
  void creditWalksFromMidToNaturalInEvenSteps() {
    PriceWalk w = PriceWalk.plan(p("-2.37"), p("-1.90"), Optional.empty(), 4, SPX);
    // mid 2.37 -> 2.35 on the grid; 9 ticks to 1.90 spread over 4 steps: 3 ticks each, capped at natural
    assertThat(plain(w)).containsExactly("-2.35", "-2.2", "-2.05", "-1.9");
    assertThat(w.first().signed()).isEqualByComparingTo("-2.35");
    assertThat(w.last().signed()).isEqualByComparingTo("-1.90");
  }

  @Test
  void debitWalksUpAndTheLastStepIsTheNaturalPrice() {
    PriceWalk w = PriceWalk.plan(p("1.00"), p("1.20"), Optional.empty(), 4, SPX);
    assertThat(plain(w)).containsExactly("1", "1.05", "1.1", "1.15", "1.2");
    assertThat(w.steps()).isEqualTo(4);
  }

  @Test
  void neverPastNaturalWhenNaturalIsOffTheGrid() {
    PriceWalk w = PriceWalk.plan(p("1.00"), p("1.13"), Optional.empty(), 10, SPX);
    assertThat(w.last().signed()).isEqualByComparingTo("1.10");
    assertThat(w.prices()).allSatisfy(x -> assertThat(x.signed()).isLessThanOrEqualTo(new BigDecimal("1.13")));
  }

  @Test
  void worstPriceCapsTheWalkBeforeNatural() {
    // opening credit: mid 2.37, natural 1.90, but the minimum credit is 2.10
    PriceWalk w = PriceWalk.plan(p("-2.37"), p("-1.90"), Optional.of(NetPrice.credit(new BigDecimal("2.10"))), 4, SPX);
    assertThat(w.last().signed()).isEqualByComparingTo("-2.10");
    assertThat(w.prices()).allSatisfy(x -> assertThat(x.signed()).isLessThanOrEqualTo(new BigDecimal("-2.10")));
  }

  @Test
  void worstBeyondNaturalLeavesNaturalAsTheCap() {
    PriceWalk w = PriceWalk.plan(p("0.50"), p("0.70"), Optional.of(NetPrice.debit(new BigDecimal("1.00"))), 4, SPX);
    assertThat(w.last().signed()).isEqualByComparingTo("0.70");
  }

  @Test
  void zeroStepsSendsAtMidOnly() {
    PriceWalk w = PriceWalk.plan(p("-2.37"), p("-1.90"), Optional.empty(), 0, SPX);
    assertThat(plain(w)).containsExactly("-2.35");
  }

  @Test
  void midAndNaturalInsideOneTickGiveOnePriceNoWorseThanNatural() {
    PriceWalk w = PriceWalk.plan(p("2.37"), p("2.39"), Optional.empty(), 4, SPX);
    assertThat(plain(w)).containsExactly("2.35");
  }

  @Test
  void fewerTicksThanStepsWalksOneTickAtATime() {
    PriceWalk w = PriceWalk.plan(p("-2.40"), p("-2.30"), Optional.empty(), 4, SPX);
    assertThat(plain(w)).containsExactly("-2.4", "-2.35", "-2.3");
  }

  @Test
  void vixWalkAcrossThreeUsesBothTicks() {
    PriceWalk w = PriceWalk.plan(p("2.90"), p("3.30"), Optional.empty(), 5, VIX);
    assertThat(plain(w)).containsExactly("2.9", "2.95", "3", "3.1", "3.2", "3.3");
    assertThat(w.prices()).allSatisfy(x -> assertThat(VIX.isOnGrid(x)).isTrue());
  }
}
