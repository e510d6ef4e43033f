package dev.alvh.paper.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SyntheticHistoryTest {

  static final Predicate<LocalDate> WEEKDAYS =
      d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  static final LocalDate START = LocalDate.of(2016, 1, 2); // a Saturday: the first bar must skip to Monday
  static final int DAYS = 504;

  static List<DailyBar> history(long seed) {
    return SyntheticHistory.twoCycles(seed, START, DAYS, 3000, WEEKDAYS);
  }

  @Test
  void sameSeedGivesIdenticalBars() {
    assertThat(history(7)).isEqualTo(history(7));
  }

  @Test
  void differentSeedsGiveDifferentBars() {
    List<DailyBar> a = history(7);
    List<DailyBar> b = history(8);
    assertThat(a).isNotEqualTo(b);
    assertThat(a.get(DAYS - 1).spxClose()).isNotEqualTo(b.get(DAYS - 1).spxClose());
  }

  @Test
  void fewerThanSixtyDaysAreRefused() {
    assertThatThrownBy(() -> SyntheticHistory.twoCycles(1, START, 59, 3000, WEEKDAYS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("days");
  }

  @ParameterizedTest
  @ValueSource(longs = {20160104L, 1L, 42L, 987654321L})
  void barsAreOnTradingDaysOnlyAscendingAndStartAtTheGivenLevel(long seed) {
    Predicate<LocalDate> noHoliday = WEEKDAYS.and(d -> !d.equals(LocalDate.of(2016, 7, 4)));
    List<DailyBar> bars = SyntheticHistory.twoCycles(seed, START, DAYS, 3000, noHoliday);
    assertThat(bars).hasSize(DAYS);
    assertThat(bars).allSatisfy(b -> assertThat(noHoliday.test(b.date())).as(b.date().toString()).isTrue());
    assertThat(bars.get(0).date()).isEqualTo(LocalDate.of(2016, 1, 4));
    for (int i = 1; i < bars.size(); i++) {
      assertThat(bars.get(i).date()).isAfter(bars.get(i - 1).date());
    }
    // the first open is one 0.3-fraction step from 3000
    assertThat(bars.get(0).spxOpen()).isBetween(2900.0, 3100.0);
  }

  /** Episodes of VIX closes above 30, each separated from the next by at least {@code calmDays} closes below 20. */
  static List<int[]> spikeEpisodes(List<DailyBar> bars, int calmDays) {
    List<int[]> episodes = new ArrayList<>();
    int calmRun = 0;
    boolean calmSinceSpike = true;
    int[] current = null;
    for (int i = 0; i < bars.size(); i++) {
      double v = bars.get(i).vixClose();
      calmRun = v < 20 ? calmRun + 1 : 0;
      if (calmRun >= calmDays) {
        calmSinceSpike = true;
      }
      if (v > 30) {
        if (current == null || calmSinceSpike) {
          current = new int[] {i, i};
          episodes.add(current);
        } else {
          current[1] = i;
        }
        calmSinceSpike = false;
      }
    }
    return episodes;
  }

  @ParameterizedTest
  @ValueSource(longs = {20160104L, 1L, 42L, 987654321L})
  void twoSpikesAboveThirtySeparatedByACalmStretch(long seed) {
    List<DailyBar> bars = history(seed);
    List<int[]> episodes = spikeEpisodes(bars, 20);
    assertThat(episodes).as("VIX > 30 episodes separated by 20 closes below 20").hasSizeGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(longs = {20160104L, 1L, 42L, 987654321L})
  void termStructureIsInContangoWhenCalmAndInvertedAtSpikePeaks(long seed) {
    List<DailyBar> bars = history(seed);
    List<DailyBar> calm = bars.stream().filter(b -> b.vixClose() < 20).toList();
    long contango = calm.stream().filter(b -> b.vix3mClose() > b.vixClose()).count();
    assertThat(calm).isNotEmpty();
    assertThat((double) contango / calm.size()).isGreaterThan(0.9);

    for (int[] e : spikeEpisodes(bars, 20)) {
      DailyBar peak = bars.get(e[0]);
      for (int i = e[0]; i <= e[1]; i++) {
        if (bars.get(i).vixClose() > peak.vixClose()) {
          peak = bars.get(i);
        }
      }
      assertThat(peak.vix3mClose()).as("VIX3M at the peak " + peak.date()).isLessThan(peak.vixClose());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {20160104L, 1L, 42L, 987654321L})
  void spxDailyReturnsMoveAgainstVixChanges(long seed) {
    List<DailyBar> bars = history(seed);
    int n = bars.size() - 1;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 1; i < bars.size(); i++) {
      x[i - 1] = Math.log(bars.get(i).spxClose() / bars.get(i - 1).spxClose());
      y[i - 1] = bars.get(i).vixClose() - bars.get(i - 1).vixClose();
    }
    assertThat(correlation(x, y)).isLessThan(-0.3);
  }

  static double correlation(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= x.length;
    my /= y.length;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  @Test
  void everyBarHasPositiveLevels() {
    assertThat(history(3)).allSatisfy(b -> {
      assertThat(b.vixClose()).isGreaterThanOrEqualTo(9.0 - 1e-9);
      assertThat(b.spxClose()).isPositive();
      assertThat(b.vix3mClose()).isPositive();
    });
  }

  /** Fifty seeds: the stylized facts hold for every one, not just for the default. */
  static java.util.stream.LongStream manySeeds() {
    return java.util.stream.LongStream.concat(java.util.stream.LongStream.of(20160104L),
        java.util.stream.LongStream.rangeClosed(1, 49));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("manySeeds")
  void exactlyTwoCompleteVolatilityCyclesCalmAtStartAndEnd(long seed) {
    List<DailyBar> bars = history(seed);
    List<int[]> episodes = spikeEpisodes(bars, 20);
    assertThat(episodes).as("VIX > 30 episodes, seed " + seed).hasSize(2);
    for (int[] e : episodes) {
      double peak = 0;
      for (int i = e[0]; i <= e[1]; i++) {
        peak = Math.max(peak, bars.get(i).vixClose());
      }
      assertThat(peak).isGreaterThan(30);
    }
    // calm before the first spike and after the second: VIX below 20 on at least 60% of the first and last 40 closes
    assertThat(bars.subList(0, 40)).filteredOn(b -> b.vixClose() < 20).hasSizeGreaterThanOrEqualTo(24);
    assertThat(bars.subList(bars.size() - 40, bars.size())).filteredOn(b -> b.vixClose() < 20).hasSizeGreaterThanOrEqualTo(24);
    assertThat(bars.subList(0, 40)).allSatisfy(b -> assertThat(b.vixClose()).isLessThan(30));
    // mean reversion: each spike is back below 20 within 80 closes of its last close above 30
    for (int[] e : episodes) {
      int back = -1;
      for (int i = e[1]; i < Math.min(bars.size(), e[1] + 80); i++) {
        if (bars.get(i).vixClose() < 20) {
          back = i;
          break;
        }
      }
      assertThat(back).as("VIX back below 20 after the spike ending " + bars.get(e[1]).date()).isPositive();
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {20160104L, 1L, 42L, 987654321L})
  void logVixMeanRevertsAndItsDailyChangesHaveFatTails(long seed) {
    List<DailyBar> bars = history(seed);
    int n = bars.size() - 1;
    double[] level = new double[n];
    double[] change = new double[n];
    for (int i = 1; i < bars.size(); i++) {
      level[i - 1] = Math.log(bars.get(i - 1).vixClose());
      change[i - 1] = Math.log(bars.get(i).vixClose()) - level[i - 1];
    }
    // regression of the change on the level: a negative slope is mean reversion
    double mx = java.util.Arrays.stream(level).average().orElseThrow();
    double my = java.util.Arrays.stream(change).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (level[i] - mx) * (change[i] - my);
      sxx += (level[i] - mx) * (level[i] - mx);
    }
    assertThat(sxy / sxx).as("slope of daily log-VIX change on log-VIX").isLessThan(-0.01);
    // jumps: excess kurtosis of daily changes well above a normal's 0
    double m2 = 0;
    double m4 = 0;
    for (double c : change) {
      m2 += (c - my) * (c - my);
      m4 += Math.pow(c - my, 4);
    }
    m2 /= n;
    m4 /= n;
    assertThat(m4 / (m2 * m2) - 3).as("excess kurtosis").isGreaterThan(1.0);
  }

  @Test
  void historyHasNoVxDataSoTheMarketDerivesTheCurve() {
    MarketHistory h = SyntheticHistory.twoCyclesHistory(20160104L, START, DAYS, 3000, WEEKDAYS);
    assertThat(h.vxFutures()).isEmpty();
    assertThat(h.bars()).isEqualTo(history(20160104L));
    dev.alvh.core.time.VirtualClock clock = new dev.alvh.core.time.VirtualClock(
        h.bars().get(30).date().atTime(12, 0).atZone(dev.alvh.core.port.Clock.MARKET_ZONE).toInstant());
    SimulatedMarket m = new SimulatedMarket(h, clock, dev.alvh.core.config.MarketConfig.DEFAULTS, WEEKDAYS);
    LocalDate m1 = m.expirations(dev.alvh.core.instrument.OptionContract.VIX).get(0);
    assertThat(m.vxFuture(m1)).isPresent();
    assertThat(m.chain(dev.alvh.core.instrument.OptionContract.VIX, m1).quotes()).isNotEmpty();
  }
}
