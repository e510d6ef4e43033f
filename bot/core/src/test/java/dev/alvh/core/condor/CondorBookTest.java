package dev.alvh.core.condor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CondorBookTest {

  private static final LocalDate TODAY = LocalDate.of(2024, 1, 8);

  private static Tranche t(long id, int shortPut, int shortCall, int q, String credit) {
    return new Tranche(id, TODAY.minusDays(5), TODAY.plusDays(73), BigDecimal.valueOf(shortPut - 50L),
        BigDecimal.valueOf(shortPut), BigDecimal.valueOf(shortCall), BigDecimal.valueOf(shortCall + 50L), q,
        new BigDecimal(credit));
  }

  @Test
  void minBeSigmaIsTheNearestBreakEvenOverAllTranches() {
    // 73 days: sqrt(73/365) = 0.4472; sigma = 5000 x 0.20 x 0.4472 = 447.2 points
    CondorBook b = new CondorBook(List.of(t(1, 4500, 5500, 1, "2.00"), t(2, 4800, 5600, 1, "2.00")));
    // tranche 2: lower break-even 4798, 202 points away: 0.4517 sigma
    assertThat(b.minBeSigma(5000, 0.20, TODAY)).isCloseTo(202 / 447.2136, within(1e-4));
  }

  @Test
  void noOpenTrancheHasNoBreakEvenToDefend() {
    assertThat(new CondorBook(List.of()).minBeSigma(5000, 0.2, TODAY)).isInfinite();
    assertThat(new CondorBook(List.of()).riskCapital()).isEqualByComparingTo("0");
  }

  @Test
  void riskCapitalAndCreditSumTheTranches() {
    CondorBook b = new CondorBook(List.of(t(1, 4500, 5500, 2, "2.50"), t(2, 4800, 5600, 1, "1.00")));
    // (50 - 2.50) x 100 x 2 + (50 - 1.00) x 100 x 1 = 9500 + 4900
    assertThat(b.riskCapital()).isEqualByComparingTo("14400");
    assertThat(b.creditReceived()).isEqualByComparingTo("600");
  }
}
