package dev.alvh.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.testdata.Snapshots;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The signals on small series, each cross-checked against an independent computation (EMA by
 * its recursion, Wilder's RSI, MACD from two EMAs, the z-score by hand).
 */
class SignalEngineTest {

  private static final double TOLERANCE = 1e-9;
  private static final HedgeConfig.Signals CFG = HedgeConfig.Signals.DEFAULTS;
  private static final LocalDate MONDAY = LocalDate.of(2024, 1, 8);

  private final SignalEngine engine = new SignalEngine(CFG, TradingDays.WEEKDAYS);

  /** A seeded VIX path and SPX path with ups and downs. */
  static double[][] series(long seed, int n) {
    Random r = new Random(seed);
    double[] vix = new double[n];
    double[] spx = new double[n];
    double v = 15;
    double x = 4000;
    for (int i = 0; i < n; i++) {
      v = Math.max(9, v + r.nextGaussian());
      x = x * (1 + 0.01 * r.nextGaussian());
      vix[i] = Math.round(v * 100) / 100.0;
      spx[i] = Math.round(x * 100) / 100.0;
    }
    return new double[][] {vix, spx};
  }

  private List<SignalSnapshot> feed(double[] vix, double[] spx, double[] vix3m) {
    List<SignalSnapshot> out = new ArrayList<>();
    LocalDate d = MONDAY;
    for (int i = 0; i < vix.length; i++) {
      out.add(engine.append(DailyCloses.of(d, spx[i], vix[i], vix3m[i]), Double.POSITIVE_INFINITY, EventCalendar.NONE));
      d = TradingDays.WEEKDAYS.shift(d, 1);
    }
    return out;
  }

  static double[] ema(double[] x, int n) {
    double k = 2.0 / (n + 1);
    double[] e = new double[x.length];
    e[0] = x[0];
    for (int i = 1; i < x.length; i++) {
      e[i] = e[i - 1] + k * (x[i] - e[i - 1]);
    }
    return e;
  }

  /** Wilder's RSI with the smoothing started at the first close (gain and loss 0 there). */
  static double rsi(double[] x, int n, int at) {
    double gain = 0;
    double loss = 0;
    for (int i = 1; i <= at; i++) {
      double change = x[i] - x[i - 1];
      gain += (Math.max(change, 0) - gain) / n;
      loss += (Math.max(-change, 0) - loss) / n;
    }
    return loss == 0 ? 100 : 100 - 100 / (1 + gain / loss);
  }

  @Test
  void vixBase_isTheEma50OfVixAsOfThePreviousClose() {
    double[][] s = series(1, 120);
    double[] ratio = new double[120];
    java.util.Arrays.fill(ratio, 16);
    List<SignalSnapshot> out = feed(s[0], s[1], ratio);
    double[] ema = ema(s[0], 50);
    for (int i = 1; i < 120; i++) {
      assertThat(out.get(i).vixBase()).as("day " + i).isCloseTo(ema[i - 1], within(TOLERANCE));
      assertThat(out.get(i).vixRel()).isCloseTo(s[0][i] / ema[i - 1], within(TOLERANCE));
    }
    assertThat(out.get(0).vixBase()).isNaN();
  }

  @Test
  void rsis_matchWildersSmoothing() {
    double[][] s = series(2, 80);
    double[] vix3m = s[0].clone();
    List<SignalSnapshot> out = feed(s[0], s[1], vix3m);
    for (int i : new int[] {30, 55, 79}) {
      assertThat(out.get(i).rsiVix()).isCloseTo(rsi(s[0], 14, i), within(1e-6));
      assertThat(out.get(i).rsiVix21()).isCloseTo(rsi(s[0], 21, i), within(1e-6));
      assertThat(out.get(i).rsiSpx()).isCloseTo(rsi(s[1], 14, i), within(1e-6));
      assertThat(out.get(i).rsiVixSource()).isEqualTo(RsiSource.VIX);
    }
  }

  @Test
  void rsi_isHundredOnOnlyRisingClosesAndZeroOnOnlyFallingOnes() {
    int n = 30;
    double[] up = new double[n];
    double[] down = new double[n];
    for (int i = 0; i < n; i++) {
      up[i] = 10 + i;
      down[i] = 50 - i;
    }
    List<SignalSnapshot> out = feed(up, down, up);
    assertThat(out.get(n - 1).rsiVix()).isCloseTo(100, within(TOLERANCE));
    assertThat(out.get(n - 1).rsiSpx()).isCloseTo(0, within(TOLERANCE));
  }

  @Test
  void macdHistogram_isMacdMinusItsSignalLine_andTheTrendCountsRisingDays() {
    double[][] s = series(3, 100);
    List<SignalSnapshot> out = feed(s[0], s[1], s[0]);
    double[] fast = ema(s[0], 12);
    double[] slow = ema(s[0], 26);
    double[] macd = new double[100];
    for (int i = 0; i < 100; i++) {
      macd[i] = fast[i] - slow[i];
    }
    double[] signal = ema(macd, 9);
    for (int i = 3; i < 100; i++) {
      double h0 = macd[i] - signal[i];
      double h1 = macd[i - 1] - signal[i - 1];
      double h2 = macd[i - 2] - signal[i - 2];
      assertThat(out.get(i).macdVixHist()).isCloseTo(h0, within(TOLERANCE));
      int expected = h0 > h1 ? (h1 > h2 ? 2 : 1) : h0 < h1 ? (h1 < h2 ? -2 : -1) : 0;
      assertThat(out.get(i).macdVixHistTrend()).as("day " + i).isEqualTo(expected);
    }
  }

  @Test
  void contangoZ_isTheZScoreOfTermRatioOverThe30DaysEndingToday() {
    int n = 40;
    double[] vix = new double[n];
    double[] vix3m = new double[n];
    double[] spx = new double[n];
    for (int i = 0; i < n; i++) {
      vix[i] = 20;
      vix3m[i] = i % 2 == 0 ? 22 : 24; // termRatio 1.1 and 1.2 alternating
      spx[i] = 4000;
    }
    vix3m[n - 1] = 18; // today inverted: 0.9
    List<SignalSnapshot> out = feed(vix, spx, vix3m);
    double[] window = new double[30];
    for (int k = 0; k < 30; k++) {
      window[k] = vix3m[n - 30 + k] / vix[n - 30 + k];
    }
    double mean = java.util.Arrays.stream(window).average().orElseThrow();
    double var = java.util.Arrays.stream(window).map(x -> (x - mean) * (x - mean)).sum() / 30;
    SignalSnapshot today = out.get(n - 1);
    assertThat(today.termRatio()).isCloseTo(0.9, within(TOLERANCE));
    assertThat(today.contangoZ()).isCloseTo((0.9 - mean) / Math.sqrt(var), within(1e-9));
    assertThat(today.contangoZ()).isLessThan(-1.5);
  }

  @Test
  void contangoZ_isZeroOnAFlatWindow() {
    double[] flat = new double[35];
    java.util.Arrays.fill(flat, 20);
    double[] spx = flat.clone();
    assertThat(feed(flat, spx, flat.clone()).get(34).contangoZ()).isZero();
  }

  @Test
  void warmUp_refusesUntilTheLongestWindowIsFull() {
    double[][] s = series(4, 52);
    List<SignalSnapshot> out = feed(s[0], s[1], s[0]);
    assertThat(engine.warmUpCloses()).isEqualTo(51);
    assertThat(out.get(0).warm()).isFalse();
    assertThat(out.get(0).notWarmReason()).isEqualTo("not enough history: "
        + "vixBase (EMA 50 as of the previous close) needs 51 closes, has 1; "
        + "contangoZ (30-day z-score) needs 30 closes, has 1; "
        + "rsiSpx (RSI 14) needs 15 closes, has 1; "
        + "rsiVix21 (RSI 21) needs 22 closes, has 1; "
        + "macdVixHist (MACD 12/26/9, rising for 2 days) needs 36 closes, has 1");
    assertThat(out.get(49).notWarmReason())
        .isEqualTo("not enough history: vixBase (EMA 50 as of the previous close) needs 51 closes, has 50");
    assertThat(out.get(50).warm()).isTrue();
    assertThat(out.get(50).notWarmReason()).isEmpty();
  }

  @Test
  void vxQuotes_giveFuturesContango_andTheRsisMoveToTheFrontMonthOnceItsWindowIsFull() {
    LocalDate d = MONDAY;
    SignalSnapshot last = null;
    double[] vx = new double[30];
    for (int i = 0; i < 30; i++) {
      vx[i] = 16 + (i % 3) - 0.5 * (i % 2);
      last = engine.append(DailyCloses.of(d, 4000, 15 + i % 4, 17).withVx(vx[i], vx[i] * 1.05),
          Double.POSITIVE_INFINITY, EventCalendar.NONE);
      if (i == 20) {
        assertThat(last.rsiVixSource()).as("21 VX closes are not a full RSI-21 window").isEqualTo(RsiSource.VIX);
      }
      d = TradingDays.WEEKDAYS.shift(d, 1);
    }
    assertThat(last.rsiVixSource()).isEqualTo(RsiSource.VX_FRONT);
    assertThat(last.rsiVix21()).isCloseTo(rsi(vx, 21, 29), within(1e-6));
    assertThat(last.futuresContango()).isCloseTo(0.05, within(TOLERANCE));
    SignalSnapshot noVx = engine.append(DailyCloses.of(d, 4000, 15, 17), Double.POSITIVE_INFINITY, EventCalendar.NONE);
    assertThat(noVx.futuresContango()).isNaN();
    assertThat(noVx.rsiVixSource()).isEqualTo(RsiSource.VIX);
  }

  @Test
  void eventDay_isTheDayBeforeTheDayOfAndTheDayAfterAnEvent() {
    LocalDate wednesday = MONDAY.plusDays(2);
    EventCalendar events = EventCalendar.of(Set.of(wednesday));
    List<Boolean> flags = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      flags.add(engine.append(DailyCloses.of(MONDAY.plusDays(i), 4000, 15, 17), 3, events).eventDay());
    }
    assertThat(flags).containsExactly(false, true, true, true, false);
  }

  @Test
  void eventOnASaturday_makesFridayAndMondayEventDays() {
    EventCalendar events = EventCalendar.of(Set.of(LocalDate.of(2024, 1, 13)));
    assertThat(events.isEventDay(LocalDate.of(2024, 1, 11), 1, TradingDays.WEEKDAYS)).isFalse();
    assertThat(events.isEventDay(LocalDate.of(2024, 1, 12), 1, TradingDays.WEEKDAYS)).isTrue();
    assertThat(events.isEventDay(LocalDate.of(2024, 1, 15), 1, TradingDays.WEEKDAYS)).isTrue();
    assertThat(events.isEventDay(LocalDate.of(2024, 1, 16), 1, TradingDays.WEEKDAYS)).isFalse();
  }

  @Test
  void closesOutOfOrder_areRejected() {
    engine.append(DailyCloses.of(MONDAY, 4000, 15, 17), 3, EventCalendar.NONE);
    assertThatThrownBy(() -> engine.append(DailyCloses.of(MONDAY, 4000, 15, 17), 3, EventCalendar.NONE))
        .hasMessage("closes.date must be after the last appended date 2024-01-08, but was 2024-01-08");
  }

  @Test
  void dailyCloses_needBothVxMonthsOrNeither() {
    assertThatThrownBy(() -> new DailyCloses(MONDAY, 4000, 15, 17, 16, Double.NaN))
        .hasMessageStartingWith("vxFront and vxSecond must both be present or both be missing");
  }

  // --- score ------------------------------------------------------------------------------------

  private static final HedgeConfig.Score SCORE = HedgeConfig.Score.DEFAULTS;

  @Test
  void scorePoints_countExactlyAtTheirBoundaries() {
    assertThat(ScorePoint.CONTANGO_Z_LOW.counts(Snapshots.calm().contangoZ(-1.5).build(), SCORE)).isTrue();
    assertThat(ScorePoint.CONTANGO_Z_LOW.counts(Snapshots.calm().contangoZ(-1.49).build(), SCORE)).isFalse();
    assertThat(ScorePoint.TERM_INVERTED.counts(Snapshots.calm().termRatio(0.99).build(), SCORE)).isTrue();
    assertThat(ScorePoint.TERM_INVERTED.counts(Snapshots.calm().termRatio(1.0).build(), SCORE)).isFalse();
    assertThat(ScorePoint.SPX_WEAK.counts(Snapshots.calm().rsiSpx(39.99).build(), SCORE)).isTrue();
    assertThat(ScorePoint.SPX_WEAK.counts(Snapshots.calm().rsiSpx(40).build(), SCORE)).isFalse();
    assertThat(ScorePoint.VIX_MOMENTUM.counts(Snapshots.calm().macd(0.01, 2).build(), SCORE)).isTrue();
    assertThat(ScorePoint.VIX_MOMENTUM.counts(Snapshots.calm().macd(0.01, 1).build(), SCORE)).isFalse();
    assertThat(ScorePoint.VIX_MOMENTUM.counts(Snapshots.calm().macd(0, 2).build(), SCORE)).isFalse();
    assertThat(ScorePoint.BREAK_EVEN_NEAR.counts(Snapshots.calm().beSigma(1.49).build(), SCORE)).isTrue();
    assertThat(ScorePoint.BREAK_EVEN_NEAR.counts(Snapshots.calm().beSigma(1.5).build(), SCORE)).isFalse();
  }

  @Test
  void score_is2_3_4_asPointsAreAdded() {
    Snapshots s = Snapshots.calm().contangoZ(-1.5).termRatio(0.99);
    assertThat(s.build().withBeSigma(1.5, SCORE).score()).isEqualTo(2);
    s.rsiSpx(39.99);
    assertThat(s.build().withBeSigma(1.5, SCORE).score()).isEqualTo(3);
    assertThat(s.build().withBeSigma(1.49, SCORE).score()).isEqualTo(4);
    s.macd(0.5, 2);
    assertThat(s.build().withBeSigma(1.49, SCORE).score()).isEqualTo(5);
  }

  @Test
  void scorePoints_readAsSentences() {
    assertThat(List.of(ScorePoint.values())).extracting(p -> p.sentence(SCORE)).containsExactly(
        "contangoZ <= -1.5", "termRatio < 1.0", "rsiSpx < 40.0", "macdVixHist > 0 and rising for 2 days",
        "beSigma < 1.5");
  }
}
