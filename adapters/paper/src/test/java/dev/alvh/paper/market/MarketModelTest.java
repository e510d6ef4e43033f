package dev.alvh.paper.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The SPX surface, its spreads and the VIX vol-of-vol of {@link SimulatedMarket} as
 * docs/market-model.md states them: the short end from VIX9D, the put skew, the smile dynamics
 * in a crash, spreads at VIX 15, 40 and 80, vol-of-vol against the VIX term structure.
 */
class MarketModelTest {

  private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
      && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  private static final LocalDate DAY = LocalDate.of(2024, 1, 8); // a Monday
  private static final MarketConfig.Surface SURFACE = MarketConfig.Surface.DEFAULTS;
  private static final MarketConfig.Spread SPREAD = MarketConfig.Spread.DEFAULTS;

  private static Instant close(LocalDate d) {
    return ZonedDateTime.of(d, LocalTime.of(16, 0), Clock.MARKET_ZONE).toInstant();
  }

  /** A market whose day closes at SPX {@code spx}, VIX, VIX3M and (if not NaN) VIX9D, read at the close. */
  private static SimulatedMarket market(double spx, double vix, double vix3m, double vix9d) {
    TreeMap<LocalDate, Double> nine = new TreeMap<>();
    if (!Double.isNaN(vix9d)) {
      nine.put(DAY, vix9d);
    }
    MarketHistory h = new MarketHistory(List.of(new DailyBar(DAY, spx, spx, vix, vix, vix3m, vix3m)),
        new TreeMap<>(), nine);
    return new SimulatedMarket(h, new VirtualClock(close(DAY)), MarketConfig.DEFAULTS, WEEKDAYS);
  }

  private static double atm(SimulatedMarket m, LocalDate expiry) {
    return m.spxVol(OptionContract.SPXW, expiry, m.spxForward(OptionContract.SPXW, expiry));
  }

  // ---- term structure ---------------------------------------------------------------------------

  @Test
  void aWeekOutTheAtmVolIsReadFromVix9dNotCollapsedOntoAFloor() {
    SimulatedMarket m = market(4700, 15, 17, 14);
    // 7 days: below the 9-day point the vol is flat at 0.91 x VIX9D.
    assertThat(atm(m, DAY.plusDays(7))).isCloseTo(SURFACE.vix9dRatio() * 0.14, within(1e-9));
    // 30 and 93 days: the VIX and VIX3M points.
    assertThat(atm(m, DAY.plusDays(30))).isCloseTo(SURFACE.vixRatio() * 0.15, within(1e-9));
    assertThat(atm(m, DAY.plusDays(93))).isCloseTo(SURFACE.vix3mRatio() * 0.17, within(1e-4)); // one hour short: DST
    // Between 9 and 30 days: total variance linear in days.
    double w9 = Math.pow(SURFACE.vix9dRatio() * 0.14, 2) * 9;
    double w30 = Math.pow(SURFACE.vixRatio() * 0.15, 2) * 30;
    assertThat(atm(m, DAY.plusDays(16))).isCloseTo(Math.sqrt((w9 + (w30 - w9) * 7 / 21) / 16), within(1e-9));
  }

  @Test
  void withoutVix9dTheShortEndHoldsTheThirtyDayPoint() {
    SimulatedMarket m = market(4700, 15, 17, Double.NaN);
    assertThat(atm(m, DAY.plusDays(3))).isCloseTo(SURFACE.vixRatio() * 0.15, within(1e-9));
    assertThat(atm(m, DAY.plusDays(10))).isCloseTo(SURFACE.vixRatio() * 0.15, within(1e-9));
  }

  @Test
  void aSpikeInvertsTheShortEndAndEveryForwardVarianceStaysPositive() {
    SimulatedMarket m = market(3000, 60, 40, 80);
    double prev = Double.MAX_VALUE;
    for (int d = 1; d <= 120; d++) {
      double v = atm(m, DAY.plusDays(d));
      assertThat(v).isPositive().isLessThanOrEqualTo(prev + 1e-12);
      prev = v;
    }
    assertThat(atm(m, DAY.plusDays(7))).isCloseTo(SURFACE.vix9dRatio() * 0.80, within(1e-9));
  }

  // ---- skew -------------------------------------------------------------------------------------

  @Test
  void thePutSkewIsAboutSevenPerUnitOfLogMoneynessAtAMonthAndTheCallsFallBelowAtm() {
    SimulatedMarket m = market(4700, 15, 17, 14);
    LocalDate e = DAY.plusDays(30);
    double f = m.spxForward(OptionContract.SPXW, e);
    double atm = atm(m, e);
    double put = m.spxVol(OptionContract.SPXW, e, f * Math.exp(-0.05));
    double slope = (put / atm - 1) / 0.05;
    assertThat(slope).isBetween(5.0, 8.0);
    assertThat(m.spxVol(OptionContract.SPXW, e, f * Math.exp(0.03))).isLessThan(atm);
  }

  @Test
  void deltasAndPricesStayMonotoneFarIntoBothWings() {
    SimulatedMarket m = market(4700, 15, 17, 14);
    for (int days : new int[] {1, 7, 45, 120}) {
      OptionChain c = m.chain(OptionContract.SPXW, DAY.plusDays(days));
      List<OptionQuote> calls = c.of(OptionRight.CALL);
      for (int i = 1; i < calls.size(); i++) {
        assertThat(calls.get(i).delta()).as(days + " d call at " + calls.get(i).contract().strike())
            .isLessThanOrEqualTo(calls.get(i - 1).delta());
      }
      List<OptionQuote> puts = c.of(OptionRight.PUT);
      for (int i = 1; i < puts.size(); i++) {
        assertThat(puts.get(i).delta()).as(days + " d put at " + puts.get(i).contract().strike())
            .isLessThanOrEqualTo(puts.get(i - 1).delta());
      }
    }
  }

  @Test
  void whenSpxFallsFivePercentAndVixDoublesTheSmileMovesWithTheForward() {
    SimulatedMarket calm = market(4700, 15, 17, 14);
    SimulatedMarket crash = market(4700 * 0.95, 30, 27, 34);
    LocalDate e = DAY.plusDays(30);
    double fCalm = calm.spxForward(OptionContract.SPXW, e);
    double fCrash = crash.spxForward(OptionContract.SPXW, e);
    double atmCalm = atm(calm, e);
    double atmCrash = atm(crash, e);
    // The ATM level comes from the VIX term structure ...
    assertThat(atmCrash).isCloseTo(SURFACE.vixRatio() * 0.30, within(1e-9));
    // ... the yesterday-ATM strike is now 5% above the money and priced on the new smile ...
    double oldAtmStrike = fCalm;
    assertThat(crash.spxVol(OptionContract.SPXW, e, oldAtmStrike)).isLessThan(atmCrash);
    // ... and per unit of ln(K/F) the put wing adds the same vol points as before (the skew in
    // standard deviations flattens as ATM vol doubles).
    double k = -0.05;
    double addCalm = calm.spxVol(OptionContract.SPXW, e, fCalm * Math.exp(k)) - atmCalm;
    double addCrash = crash.spxVol(OptionContract.SPXW, e, fCrash * Math.exp(k)) - atmCrash;
    assertThat(addCrash).isCloseTo(addCalm, within(1e-9));
    assertThat(addCrash / atmCrash).isLessThan(addCalm / atmCalm);
  }

  // ---- spreads ----------------------------------------------------------------------------------

  @Test
  void spreadsWidenWithVixAreBoundedAndStayInsideThePrice() {
    SimulatedMarket m = market(4700, 15, 17, 14);
    double[] prices = {0.10, 0.5, 2, 10, 50, 200, 1000};
    double[] vixes = {10, 15, 25, 40, 60, 80, 150};
    for (double p : prices) {
      double prev = 0;
      for (double v : vixes) {
        double w = m.spxSpread(p, 30, v, 0);
        assertThat(w).as("price " + p + " VIX " + v).isGreaterThanOrEqualTo(prev)
            .isGreaterThanOrEqualTo(SPREAD.minSpread()).isLessThanOrEqualTo(SPREAD.maxSpread())
            .isLessThanOrEqualTo(Math.max(SPREAD.minSpread(), SPREAD.maxPriceFraction() * p));
        prev = w;
      }
    }
    // The figures of docs/market-model.md: a 10.00 option a month out.
    assertThat(m.spxSpread(10, 30, 15, 0)).isCloseTo(0.289, within(0.001));
    assertThat(m.spxSpread(10, 30, 40, 0)).isCloseTo(0.289 * 1.954, within(0.002));
    assertThat(m.spxSpread(10, 30, 80, 0)).isCloseTo(0.289 * 3.136, within(0.003));
  }

  @Test
  void quotesAtVix15And40And80WidenOnTheTickGridAndKeepAPositiveBid() {
    LocalDate e = DAY.plusDays(30);
    BigDecimal prevWidth = BigDecimal.ZERO;
    for (double[] lv : new double[][] {{4700, 15, 17, 14}, {4000, 40, 33, 45}, {3000, 80, 55, 90}}) {
      SimulatedMarket m = market(lv[0], lv[1], lv[2], lv[3]);
      double f = m.spxForward(OptionContract.SPXW, e);
      BigDecimal strike = BigDecimal.valueOf(Math.round(f * 0.95 / 5) * 5L);
      OptionQuote q = m.quote(new OptionContract("SPX", OptionContract.SPXW, e, strike, OptionRight.PUT, 100))
          .orElseThrow();
      assertThat(q.bid()).isPositive();
      assertThat(q.spread().remainder(new BigDecimal("0.05")).signum()).isZero();
      assertThat(q.spread()).isGreaterThan(prevWidth);
      assertThat(q.spread().doubleValue()).isLessThan(0.2 * q.mid().doubleValue());
      prevWidth = q.spread();
    }
  }

  // ---- VIX options ------------------------------------------------------------------------------

  @Test
  void volOfVolRisesWithVixAndWithAnInvertedCurveAndStaysBounded() {
    SimulatedMarket m = market(4700, 15, 17, 14);
    MarketConfig.VixOptions v = MarketConfig.VixOptions.DEFAULTS;
    double prev = 0;
    for (double vix = 10; vix <= 100; vix += 5) {
      double vol = m.vixVol(vix, vix * 1.1, 30, 20, 20);
      assertThat(vol).isGreaterThanOrEqualTo(prev).isBetween(v.volOfVolMin(), v.volOfVolMax());
      prev = vol;
    }
    // VIX 40: an inverted curve (VIX3M 32) carries more vol-of-vol than a flat one (VIX3M 40).
    double flat = m.vixVol(40, 40, 30, 40, 40);
    double inverted = m.vixVol(40, 32, 30, 40, 40);
    assertThat(inverted).isCloseTo(flat * (1 + v.volOfVolInversion() * 0.25), within(1e-9));
    // Contango adds nothing.
    assertThat(m.vixVol(15, 18, 30, 15, 15)).isCloseTo(m.vixVol(15, 15, 30, 15, 15), within(1e-12));
    // VIX 80 in an inverted curve: capped.
    assertThat(m.vixVol(80, 55, 30, 80, 80)).isEqualTo(v.volOfVolMax());
  }
}
