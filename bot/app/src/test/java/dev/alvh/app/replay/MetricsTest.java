package dev.alvh.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every measure on small hand-made equity curves, computed by hand. */
class MetricsTest {

  private static NavigableMap<LocalDate, BigDecimal> curve(LocalDate first, double... values) {
    NavigableMap<LocalDate, BigDecimal> m = new TreeMap<>();
    LocalDate d = first;
    for (double v : values) {
      m.put(d, BigDecimal.valueOf(v));
      d = d.plusDays(1);
    }
    return m;
  }

  private static NavigableMap<LocalDate, BigDecimal> dated(Object... dateValue) {
    NavigableMap<LocalDate, BigDecimal> m = new TreeMap<>();
    for (int i = 0; i < dateValue.length; i += 2) {
      m.put(LocalDate.parse((String) dateValue[i]), new BigDecimal((String) dateValue[i + 1]));
    }
    return m;
  }

  @Test
  void totalReturnIsFirstToLastInPercent() {
    assertThat(Metrics.totalReturn(curve(LocalDate.of(2020, 1, 1), 100, 130, 90, 110))).isEqualTo(10.0);
    assertThat(Metrics.totalReturn(curve(LocalDate.of(2020, 1, 1), 200, 150))).isEqualTo(-25.0);
    assertThat(Metrics.totalReturn(curve(LocalDate.of(2020, 1, 1), 200))).isZero();
  }

  @Test
  void cagrCompoundsOverCalendarDays() {
    // 100 -> 121 over two years (730.5 days): 10% a year.
    NavigableMap<LocalDate, BigDecimal> m = new TreeMap<>();
    m.put(LocalDate.of(2020, 1, 1), BigDecimal.valueOf(100));
    m.put(LocalDate.of(2020, 1, 1).plusDays(730), BigDecimal.valueOf(121));
    assertThat(Metrics.cagr(m)).isCloseTo(10.0, within(0.01));
    // One year exactly-ish: cagr close to total return.
    NavigableMap<LocalDate, BigDecimal> y = dated("2021-01-01", "1000", "2022-01-01", "950");
    assertThat(Metrics.cagr(y)).isCloseTo(-5.0, within(0.01));
  }

  @Test
  void drawdownIsPeakToTroughInPercentAndDollars() {
    List<BigDecimal> c = List.of(new BigDecimal("100"), new BigDecimal("120"), new BigDecimal("90"),
        new BigDecimal("130"), new BigDecimal("117"));
    assertThat(Metrics.maxDrawdownPct(c)).isEqualTo(25.0);
    assertThat(Metrics.maxDrawdown(c)).isEqualByComparingTo("30");
    assertThat(Metrics.maxDrawdownPct(List.of(BigDecimal.ONE, BigDecimal.TEN))).isZero();
  }

  @Test
  void drawdownAgainstRiskCapitalDividesDollarsByThePeakRisk() {
    List<BigDecimal> c = List.of(new BigDecimal("1000000"), new BigDecimal("1010000"), new BigDecimal("995000"));
    assertThat(Metrics.maxDrawdownRiskPct(c, new BigDecimal("60000"))).isEqualTo(25.0);
    assertThat(Metrics.maxDrawdownRiskPct(c, BigDecimal.ZERO)).isZero();
    assertThat(Metrics.peak(List.of(new BigDecimal("10"), new BigDecimal("60000"), new BigDecimal("5"))))
        .isEqualByComparingTo("60000");
  }

  @Test
  void sharpeIsMeanOverSampleDeviationAnnualized() {
    // Returns +10%, -10%... built from 100, 110, 99, 108.9: r = 0.1, -0.1, 0.1.
    NavigableMap<LocalDate, BigDecimal> m = curve(LocalDate.of(2020, 1, 1), 100, 110, 99, 108.9);
    double mean = 0.1 / 3;
    double sd = Math.sqrt((2 * Math.pow(0.1 - mean, 2) + Math.pow(-0.1 - mean, 2)) / 2);
    assertThat(Metrics.sharpe(m)).isCloseTo(mean / sd * Math.sqrt(252), within(0.0002));
    assertThat(Metrics.sharpe(curve(LocalDate.of(2020, 1, 1), 100, 100, 100))).isZero();
  }

  @Test
  void sortinoUsesOnlyTheLosingDaysInTheDeviation() {
    NavigableMap<LocalDate, BigDecimal> m = curve(LocalDate.of(2020, 1, 1), 100, 110, 99, 108.9);
    double mean = 0.1 / 3;
    double down = Math.sqrt(0.01 / 3);
    assertThat(Metrics.sortino(m)).isCloseTo(mean / down * Math.sqrt(252), within(0.0002));
    assertThat(Metrics.sortino(curve(LocalDate.of(2020, 1, 1), 100, 101, 102))).isZero();
    assertThat(Metrics.sortino(m)).isGreaterThan(Metrics.sharpe(m));
  }

  @Test
  void worstMonthComparesMonthEndsAndTheFirstMonthWithTheStart() {
    NavigableMap<LocalDate, BigDecimal> m = dated("2020-01-02", "100", "2020-01-31", "110", "2020-02-14", "90",
        "2020-02-28", "99", "2020-03-31", "104");
    Metrics.MonthReturn w = Metrics.worstMonth(m).orElseThrow();
    assertThat(w.month()).isEqualTo("2020-02");
    assertThat(w.returnPct()).isEqualTo(-10.0);
    NavigableMap<LocalDate, BigDecimal> first = dated("2020-01-02", "100", "2020-01-31", "80", "2020-02-28", "90");
    assertThat(Metrics.worstMonth(first).orElseThrow()).isEqualTo(new Metrics.MonthReturn("2020-01", -20.0));
    assertThat(Metrics.worstMonth(dated("2020-01-02", "100"))).isEmpty();
  }

  @Test
  void monthlyReturnsAreMonthEndToMonthEndAndYearsCompoundThem() {
    NavigableMap<LocalDate, BigDecimal> eq = dated("2020-11-02", "100", "2020-11-30", "110", "2020-12-15", "90",
        "2020-12-31", "99", "2021-01-29", "108.9");
    assertThat(Metrics.monthlyReturns(eq)).containsExactly(
        java.util.Map.entry(java.time.YearMonth.of(2020, 11), 10.0),
        java.util.Map.entry(java.time.YearMonth.of(2020, 12), -10.0),
        java.util.Map.entry(java.time.YearMonth.of(2021, 1), 10.0));
    // 2020: 1.10 x 0.90 = 0.99; 2021: 1.10
    assertThat(Metrics.yearlyReturns(eq)).containsExactly(java.util.Map.entry(2020, -1.0),
        java.util.Map.entry(2021, 10.0));
  }

  @Test
  void rollingSharpeUsesTheLastWindowOfReturns() {
    // returns: +10%, -10%, +10%, +10%
    NavigableMap<LocalDate, BigDecimal> eq = curve(LocalDate.of(2020, 1, 1), 100, 110, 99, 108.9, 119.79);
    NavigableMap<LocalDate, Double> r = Metrics.rollingSharpe(eq, 2);
    assertThat(r.keySet()).containsExactly(LocalDate.of(2020, 1, 3), LocalDate.of(2020, 1, 4),
        LocalDate.of(2020, 1, 5));
    // window {+0.1, -0.1}: mean 0 -> 0; window {-0.1, +0.1}: 0; window {+0.1, +0.1}: no spread -> 0
    assertThat(r.get(LocalDate.of(2020, 1, 3))).isZero();
    assertThat(r.get(LocalDate.of(2020, 1, 5))).isZero();
    NavigableMap<LocalDate, BigDecimal> up = curve(LocalDate.of(2020, 1, 1), 100, 101, 103);
    // returns 0.01, 0.0198...: mean / sample sd x sqrt(252)
    double r1 = 0.01;
    double r2 = 103.0 / 101 - 1;
    double mean = (r1 + r2) / 2;
    double sd = Math.sqrt(((r1 - mean) * (r1 - mean) + (r2 - mean) * (r2 - mean)) / 1);
    assertThat(Metrics.rollingSharpe(up, 2).get(LocalDate.of(2020, 1, 3))).isCloseTo(mean / sd * Math.sqrt(252),
        within(1e-3));
    assertThat(Metrics.rollingSharpe(up, 2).get(LocalDate.of(2020, 1, 3))).isEqualTo(Metrics.sharpe(up));
  }

  @Test
  void drawdownsFollowTheRunningPeak() {
    assertThat(Metrics.drawdowns(curve(LocalDate.of(2020, 1, 1), 100, 120, 90, 130)).values())
        .containsExactly(0.0, 0.0, -25.0, 0.0);
  }
}
