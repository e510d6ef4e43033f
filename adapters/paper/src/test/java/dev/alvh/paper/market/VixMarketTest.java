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
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The VX curve, VIX option chains and AM-settled SPX monthlies of the simulated market. */
class VixMarketTest {

  private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
      && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  private static final LocalDate DAY = LocalDate.of(2018, 1, 29); // a Monday; next VIX expiry 2018-02-14
  private static final LocalDate FEB = LocalDate.of(2018, 2, 14);
  private static final LocalDate MAR = LocalDate.of(2018, 3, 21);
  private static final MarketConfig.VixOptions VIX_MODEL = MarketConfig.DEFAULTS.vix();

  private static Instant ny(LocalDate d, int h, int m) {
    return ZonedDateTime.of(d, LocalTime.of(h, m), Clock.MARKET_ZONE).toInstant();
  }

  private static SimulatedMarket market(VirtualClock clock, MarketHistory history) {
    return new SimulatedMarket(history, clock, MarketConfig.DEFAULTS, WEEKDAYS);
  }

  private static SimulatedMarket flat(VirtualClock clock, double vix, double vix3m) {
    return market(clock, MarketHistory.of(List.of(new DailyBar(DAY, 2800, 2800, vix, vix, vix3m, vix3m))));
  }

  // ---- VX curve --------------------------------------------------------------------------------

  @Test
  void derivedFrontFutureSitsAboveSpotInCalmAndBelowItInSpikes() {
    VirtualClock clock = new VirtualClock(ny(DAY, 12, 0));
    SimulatedMarket calm = flat(clock, 12, 14.5);
    SimulatedMarket spike = flat(clock, 40, 31);
    assertThat(calm.vxFuture(FEB).getAsDouble()).isGreaterThan(12.5).isLessThan(14.5);
    assertThat(spike.vxFuture(FEB).getAsDouble()).isLessThan(38).isGreaterThan(31);
  }

  @Test
  void derivedCurveRisesInContangoFallsInBackwardationAndReachesTowardTheLongRun() {
    VirtualClock clock = new VirtualClock(ny(DAY, 12, 0));
    List<Double> calm = List.copyOf(flat(clock, 12, 14.5).vxCurve().values());
    List<Double> spike = List.copyOf(flat(clock, 40, 31).vxCurve().values());
    assertThat(calm).hasSize(MarketConfig.VxCurve.DEFAULT_LISTED_EXPIRIES).isSorted();
    assertThat(spike).hasSize(MarketConfig.VxCurve.DEFAULT_LISTED_EXPIRIES);
    for (int i = 1; i < spike.size(); i++) {
      assertThat(spike.get(i)).as("m" + (i + 1)).isLessThan(spike.get(i - 1));
    }
    double longRun = MarketConfig.VxCurve.DEFAULT_LONG_RUN_VIX;
    assertThat(Math.abs(calm.get(7) - longRun)).isLessThan(Math.abs(calm.get(0) - longRun));
    assertThat(Math.abs(spike.get(7) - longRun)).isLessThan(Math.abs(spike.get(0) - longRun));
  }

  @Test
  void vxDataOfTheHistoryIsUsedForItsExpiriesAndInterpolatedThroughTheSession() {
    LocalDate prev = DAY.minusDays(3); // Friday
    NavigableMap<LocalDate, List<Double>> vx = new TreeMap<>();
    vx.put(prev, List.of(13.0, 14.0, 15.0));
    vx.put(DAY, List.of(16.0, 15.5, 15.75));
    MarketHistory h = new MarketHistory(List.of(new DailyBar(prev, 2800, 2800, 11, 11, 13, 13),
        new DailyBar(DAY, 2800, 2750, 11, 14, 13, 15)), vx);
    VirtualClock clock = new VirtualClock(ny(DAY, 9, 30));
    SimulatedMarket m = market(clock, h);
    assertThat(m.vxFuture(FEB).getAsDouble()).isCloseTo(13.0, within(1e-12));
    clock.set(ny(DAY, 12, 45));
    assertThat(m.vxFuture(FEB).getAsDouble()).isStrictlyBetween(13.0, 16.0);
    clock.set(ny(DAY, 16, 0));
    assertThat(m.vxFuture(FEB).getAsDouble()).isCloseTo(16.0, within(1e-12));
    assertThat(m.vxFuture(MAR).getAsDouble()).isCloseTo(15.5, within(1e-12));
    // m4 is not in the data: derived from VIX and VIX3M instead
    LocalDate m4 = m.expirations(OptionContract.VIX).get(3);
    assertThat(m.vxFuture(m4)).isPresent();
  }

  @Test
  void onItsExpirationDayTheFrontContractIsSkippedByTheDataAndSettlesAtTheVixOpen() {
    NavigableMap<LocalDate, List<Double>> vx = new TreeMap<>();
    vx.put(FEB, List.of(21.0, 20.0));
    MarketHistory h = new MarketHistory(List.of(new DailyBar(FEB, 2700, 2700, 24.5, 23, 22, 21)), vx);
    VirtualClock clock = new VirtualClock(ny(FEB, 11, 0));
    SimulatedMarket m = market(clock, h);
    assertThat(m.expirations(OptionContract.VIX)).first().isEqualTo(MAR);
    assertThat(m.vxFuture(MAR).getAsDouble()).isCloseTo(21.0, within(1e-9));
    assertThat(m.vxFuture(FEB).getAsDouble()).isEqualTo(24.5);
    assertThat(m.vxFuture(FEB.minusDays(7))).isEmpty();
    assertThat(m.settlementPrice(OptionContract.VIX, FEB)).contains(new BigDecimal("24.50"));
  }

  // ---- VIX chains --------------------------------------------------------------------------------

  private static OptionChain vixChain(double vix, double vix3m) {
    VirtualClock clock = new VirtualClock(ny(DAY, 11, 0));
    return flat(clock, vix, vix3m).chain(OptionContract.VIX, MAR);
  }

  @Test
  void vixChainIsPricedOnTheFutureNotOnSpot() {
    // spot VIX 30 but the March future at 18: the at-the-money strike is the future's
    NavigableMap<LocalDate, List<Double>> vx = new TreeMap<>();
    vx.put(DAY, List.of(19.0, 18.0));
    VirtualClock clock = new VirtualClock(ny(DAY, 16, 0));
    SimulatedMarket m = market(clock, new MarketHistory(List.of(new DailyBar(DAY, 2800, 2800, 30, 30, 25, 25)), vx));
    OptionChain c = m.chain(OptionContract.VIX, MAR);
    assertThat(c.underlying()).isEqualTo(18.0);
    OptionQuote call = c.find(new BigDecimal("18"), OptionRight.CALL).orElseThrow();
    OptionQuote put = c.find(new BigDecimal("18"), OptionRight.PUT).orElseThrow();
    assertThat(call.mid().subtract(put.mid()).abs()).isLessThanOrEqualTo(new BigDecimal("0.10"));
    assertThat(call.delta()).isCloseTo(0.5, within(0.1));
  }

  @Test
  void putCallParityHoldsOnTheFutureForEveryStrike() {
    VirtualClock clock = new VirtualClock(ny(DAY, 11, 0));
    SimulatedMarket m = flat(clock, 18, 19.5);
    OptionChain c = m.chain(OptionContract.VIX, MAR);
    double f = c.underlying();
    double years = java.time.Duration.between(clock.now(), ny(MAR, 9, 30)).toSeconds() / (365.0 * 86_400);
    double df = Math.exp(-MarketConfig.DEFAULTS.ratePct() / 100 * years);
    for (OptionQuote call : c.of(OptionRight.CALL)) {
      OptionQuote put = c.find(call.contract().strike(), OptionRight.PUT).orElseThrow();
      double lhs = call.mid().doubleValue() - put.mid().doubleValue();
      double rhs = df * (f - call.contract().strike().doubleValue());
      double tolerance = (call.spread().doubleValue() + put.spread().doubleValue()) / 2 + 0.10;
      assertThat(lhs).as("C - P at " + call.contract().strike()).isCloseTo(rhs, within(tolerance));
    }
  }

  @Test
  void pricesAreMonotoneInStrikeAndDeltasAreOnTheFuture() {
    OptionChain c = vixChain(16, 18);
    List<OptionQuote> calls = c.of(OptionRight.CALL);
    List<OptionQuote> puts = c.of(OptionRight.PUT);
    for (int i = 1; i < calls.size(); i++) {
      assertThat(calls.get(i).mid()).as("call " + calls.get(i).contract().strike())
          .isLessThanOrEqualTo(calls.get(i - 1).mid());
      assertThat(calls.get(i).delta()).isLessThan(calls.get(i - 1).delta());
      assertThat(puts.get(i).mid()).as("put " + puts.get(i).contract().strike())
          .isGreaterThanOrEqualTo(puts.get(i - 1).mid());
    }
    assertThat(calls).allSatisfy(q -> assertThat(q.delta()).isBetween(0.0, 1.0));
    assertThat(puts).allSatisfy(q -> assertThat(q.delta()).isBetween(-1.0, 0.0));
    assertThat(calls).allSatisfy(q -> assertThat(q.vega()).isPositive());
  }

  @Test
  void strikesAreOnePointInTheUsualRangeAndWiderAboveAndReachLayerThree() {
    OptionChain c = vixChain(15, 17);
    List<Double> strikes = c.of(OptionRight.CALL).stream().map(q -> q.contract().strike().doubleValue()).toList();
    double f = c.underlying();
    assertThat(strikes.get(0)).isLessThanOrEqualTo(f * 0.5 + 1e-9);
    assertThat(strikes).contains(10.0, 11.0, 39.0, 40.0, 45.0).doesNotContain(41.0, 44.0);
    assertThat(strikes.get(strikes.size() - 1)).isGreaterThanOrEqualTo(f + 10);
    assertThat(strikes).allSatisfy(k -> assertThat(k <= 40 ? k % 1 : k % 5).as("strike " + k).isZero());
  }

  @Test
  void vixStrikesInAHighVolWorldStartOnTheWideGrid() {
    SimulatedMarket m = flat(new VirtualClock(ny(DAY, 11, 0)), 80, 50);
    List<Double> strikes = m.vixStrikes(100).stream().map(BigDecimal::doubleValue).toList();
    assertThat(strikes.get(0)).isEqualTo(50.0);
    assertThat(strikes).contains(55.0, 300.0).doesNotContain(51.0);
  }

  @Test
  void ticksAreFiveCentsBelowThreeAndTenCentsFromThree() {
    OptionChain c = vixChain(25, 24);
    BigDecimal nickel = new BigDecimal("0.05");
    BigDecimal dime = new BigDecimal("0.10");
    assertThat(c.quotes()).allSatisfy(q -> {
      assertThat(q.ask()).isGreaterThan(q.bid());
      BigDecimal bidTick = q.bid().compareTo(new BigDecimal("3")) < 0 ? nickel : dime;
      BigDecimal askTick = q.ask().compareTo(new BigDecimal("3")) < 0 ? nickel : dime;
      assertThat(q.bid().remainder(bidTick).signum()).as("bid " + q.bid()).isZero();
      assertThat(q.ask().remainder(askTick).signum()).as("ask " + q.ask()).isZero();
    });
    assertThat(c.quotes()).anySatisfy(q -> assertThat(q.bid()).isGreaterThan(new BigDecimal("3")));
    assertThat(c.quotes()).anySatisfy(q -> assertThat(q.ask()).isLessThan(new BigDecimal("3")));
  }

  @Test
  void volOfVolRisesWithVixAndTheSkewSlopesUpward() {
    OptionQuote calmAtm = atm(vixChain(14, 16));
    OptionQuote stressAtm = atm(vixChain(32, 30));
    assertThat(stressAtm.iv()).isGreaterThan(calmAtm.iv() + 0.2);
    List<OptionQuote> calls = vixChain(16, 18).of(OptionRight.CALL);
    for (int i = 1; i < calls.size(); i++) {
      assertThat(calls.get(i).iv()).isGreaterThanOrEqualTo(calls.get(i - 1).iv());
    }
    assertThat(calls.get(calls.size() - 1).iv()).isGreaterThan(calls.get(0).iv());
  }

  @Test
  void longerExpiriesCarryLessVolOfVol() {
    VirtualClock clock = new VirtualClock(ny(DAY, 11, 0));
    SimulatedMarket m = flat(clock, 16, 18);
    List<LocalDate> e = m.expirations(OptionContract.VIX);
    assertThat(atm(m.chain(OptionContract.VIX, e.get(5))).iv()).isLessThan(atm(m.chain(OptionContract.VIX, e.get(0))).iv());
  }

  private static OptionQuote atm(OptionChain c) {
    return c.of(OptionRight.CALL).stream()
        .min((a, b) -> Double.compare(Math.abs(a.contract().strike().doubleValue() - c.underlying()),
            Math.abs(b.contract().strike().doubleValue() - c.underlying())))
        .orElseThrow();
  }

  @Test
  void quoteEqualsTheChainsQuoteAndSameHistoryGivesTheSameChain() {
    VirtualClock clock = new VirtualClock(ny(DAY, 11, 0));
    SimulatedMarket a = flat(clock, 19, 20);
    SimulatedMarket b = flat(clock, 19, 20);
    OptionChain ca = a.chain(OptionContract.VIX, MAR);
    assertThat(b.chain(OptionContract.VIX, MAR)).isEqualTo(ca);
    OptionQuote q = ca.of(OptionRight.CALL).get(7);
    assertThat(a.quote(OptionContract.vix(MAR, new BigDecimal(q.contract().strike().toPlainString()),
        OptionRight.CALL))).contains(q);
    assertThat(a.chain(OptionContract.VIX, MAR)).isSameAs(ca);
  }

  @Test
  void vixExpirationsAreTheNextEightAfterToday() {
    SimulatedMarket m = flat(new VirtualClock(ny(DAY, 11, 0)), 15, 17);
    assertThat(m.expirations(OptionContract.VIX)).hasSize(8).startsWith(FEB, MAR)
        .allSatisfy(d -> assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY));
  }

  // ---- SPX monthly AM ------------------------------------------------------------------------------

  @Test
  void spxMonthlyExpirationsAreThirdFridaysAndSettleAtTheOpen() {
    VirtualClock clock = new VirtualClock(ny(DAY, 11, 0));
    SimulatedMarket m = market(clock, MarketHistory.of(List.of(new DailyBar(DAY, 2800, 2810, 13, 13, 15, 15))));
    List<LocalDate> monthly = m.expirations(OptionContract.SPX_AM);
    assertThat(monthly).startsWith(LocalDate.of(2018, 2, 16), LocalDate.of(2018, 3, 16))
        .allSatisfy(d -> assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY));
    LocalDate mar = LocalDate.of(2018, 3, 16);
    OptionChain am = m.chain(OptionContract.SPX_AM, mar);
    OptionChain pm = m.chain(OptionContract.SPXW, mar);
    assertThat(am.tradingClass()).isEqualTo(OptionContract.SPX_AM);
    assertThat(am.quotes()).allSatisfy(q -> assertThat(q.contract().tradingClass()).isEqualTo("SPX"));
    BigDecimal k = new BigDecimal("2800");
    // the AM series settles six and a half hours earlier: a little less time value
    assertThat(am.find(k, OptionRight.PUT).orElseThrow().theta())
        .isNotEqualTo(pm.find(k, OptionRight.PUT).orElseThrow().theta());
    assertThat(m.settlementPrice(OptionContract.SPX_AM, DAY)).contains(new BigDecimal("2800.00"));
    assertThat(m.settlementPrice(OptionContract.SPXW, DAY)).contains(new BigDecimal("2810.00"));
    assertThat(m.settlementPrice(OptionContract.SPXW, DAY.plusDays(1))).isEmpty();
  }

  @Test
  void derivedVxMatchesSpotAtZeroDaysAndIsAPureFunctionOfTheTermStructure() {
    SimulatedMarket m = flat(new VirtualClock(ny(DAY, 11, 0)), 15, 17);
    assertThat(m.derivedVx(22, 20, 0)).isCloseTo(22, within(1e-9));
    assertThat(m.derivedVx(22, 20, 45)).isEqualTo(m.derivedVx(22, 20, 45));
    Map<Double, Double> byDays = new TreeMap<>();
    for (double d = 0; d <= 240; d += 30) {
      byDays.put(d, m.derivedVx(12, 15, d));
    }
    List<Double> curve = List.copyOf(byDays.values());
    // in contango the curve rises; the convexity term may shave a few cents where forward variance is flat
    for (int i = 1; i < curve.size(); i++) {
      assertThat(curve.get(i)).as("day " + i * 30).isGreaterThan(curve.get(i - 1) - 0.1);
    }
    assertThat(curve.get(curve.size() - 1)).isGreaterThan(curve.get(0) + 4);
  }
}
