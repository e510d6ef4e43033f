package dev.alvh.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which points are on the efficient frontier, and which one the spec section 7 rule chooses. */
class FrontierTest {

  private static Frontier.Measures m(double dd, double cagr) {
    return new Frontier.Measures(dd, cagr, true);
  }

  @Test
  void frontierKeepsThePointsNoOtherBeatsOnBothAxesByIncreasingDrawdown() {
    List<Frontier.Measures> points = List.of(
        m(10, 8),   // 0: on it (the largest CAGR)
        m(4, 5),    // 1: on it (the smallest drawdown)
        m(6, 5),    // 2: beaten by 1 (same CAGR, more drawdown)
        m(7, 7),    // 3: on it
        m(8, 6.5),  // 4: beaten by 3
        m(12, 8),   // 5: beaten by 0 (same CAGR, more drawdown)
        m(Double.NaN, 9)); // 6: not measured
    assertThat(Frontier.efficient(points)).containsExactly(1, 3, 0);
  }

  @Test
  void identicalPointsAppearOnceAndASinglePointIsItsOwnFrontier() {
    assertThat(Frontier.efficient(List.of(m(5, 5), m(5, 5), m(6, 4)))).containsExactly(0);
    assertThat(Frontier.efficient(List.of(m(3, -1)))).containsExactly(0);
    assertThat(Frontier.efficient(List.of())).isEmpty();
  }

  @Test
  void chosenPointHasTheBestCagrOverDrawdownWithinTheCarryCap() {
    List<Frontier.Measures> points = List.of(
        new Frontier.Measures(4, 6, true),    // 1.5
        new Frontier.Measures(2, 5, false),   // 2.5 but over the carry cap
        new Frontier.Measures(3, 6, true),    // 2.0
        new Frontier.Measures(5, 10, true));  // 2.0, a tie: the earlier point wins
    assertThat(Frontier.chosen(points)).contains(2);
    assertThat(Frontier.chosen(List.of(new Frontier.Measures(2, 5, false)))).isEmpty();
  }

  @Test
  void ratioOfAGainWithoutDrawdownIsInfinite() {
    assertThat(Frontier.Measures.ratio(5, 0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Frontier.Measures.ratio(0, 0)).isNaN();
    assertThat(Frontier.Measures.ratio(-4, 2)).isEqualTo(-2.0);
  }
}
