package dev.alvh.paper.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.alvh.core.config.MarketConfig;
import dev.alvh.paper.config.PaperConfig;
import dev.alvh.core.config.ScheduleConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The path through a day of daily history: its high and low, in order, on the cycle grid. */
class IntradayPathTest {

  private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
      && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  private static final IntradayPath PATH = IntradayPath.DEFAULTS;
  private static final LocalDate PREV = LocalDate.of(2020, 3, 13);
  /** 2020-03-16 as Cboe printed it: SPX 2508.59 open, 2562.98 high, 2380.94 low, 2386.13 close;
   * VIX 75.53 / 83.56 / 74.02 / 82.69; VIX3M 59.64 / 64.96 / 58.34 / 64.79 (rounded). */
  private static final DailyBar CRASH = new DailyBar(LocalDate.of(2020, 3, 16), 2508.59, 2386.13, 75.53, 82.69,
      59.64, 64.79, 2562.98, 2380.94, 83.56, 74.02, 64.96, 58.34);
  private static final DailyBar BEFORE = new DailyBar(PREV, 2569.99, 2711.02, 55.3, 57.83, 50.1, 48.2);

  /** Every scheduled cycle of a day, 09:45 to 15:45. */
  private static List<LocalTime> cycles() {
    List<LocalTime> out = new ArrayList<>();
    for (LocalTime t = LocalTime.of(9, 45); !t.isAfter(LocalTime.of(15, 45)); t = t.plusMinutes(15)) {
      out.add(t);
    }
    return out;
  }

  private static double at(LocalTime t) {
    return IntradayPath.sessionFraction(t);
  }

  @Test
  void aDownDayGoesOpenHighLowCloseAndItsExtremesFallOnCycles() {
    IntradayPath.Turns turns = PATH.turns(CRASH);
    LocalTime[] times = PATH.turnTimes(CRASH);
    assertThat(cycles()).contains(times[0], times[1]);
    assertThat(times[0]).isBefore(times[1]);
    // SPX closed below its open: high first, then low
    assertThat(PATH.spx(CRASH, turns, at(times[0]))).isCloseTo(2562.98, within(1e-6));
    assertThat(PATH.spx(CRASH, turns, at(times[1]))).isCloseTo(2380.94, within(1e-6));
    // VIX closed above its open: low first, then high, at the same turning points as SPX
    assertThat(PATH.vix(CRASH, turns, at(times[0]))).isCloseTo(74.02, within(1e-6));
    assertThat(PATH.vix(CRASH, turns, at(times[1]))).isCloseTo(83.56, within(1e-6));
    assertThat(PATH.vix3m(CRASH, turns, at(times[1]))).isCloseTo(64.96, within(1e-6));
    // open and close are the bar's, and no cycle sees beyond the high or the low
    assertThat(PATH.spx(CRASH, turns, 0)).isEqualTo(2508.59);
    assertThat(PATH.spx(CRASH, turns, 1)).isEqualTo(2386.13);
    for (LocalTime t : cycles()) {
      assertThat(PATH.spx(CRASH, turns, at(t))).isBetween(2380.94 - 1e-9, 2562.98 + 1e-9);
      assertThat(PATH.vix(CRASH, turns, at(t))).isBetween(74.02 - 1e-9, 83.56 + 1e-9);
    }
  }

  @Test
  void anUpDayGoesOpenLowHighClose() {
    DailyBar up = new DailyBar(LocalDate.of(2020, 3, 17), 2425.66, 2529.19, 80.0, 75.91, 62.0, 60.0, 2553.93,
        2367.04, 84.0, 72.0, 65.0, 59.0);
    IntradayPath.Turns t = PATH.turns(up);
    assertThat(PATH.spx(up, t, t.first())).isCloseTo(2367.04, within(1e-6));
    assertThat(PATH.spx(up, t, t.second())).isCloseTo(2553.93, within(1e-6));
    assertThat(PATH.vix(up, t, t.first())).isCloseTo(84.0, within(1e-6));
    assertThat(PATH.vix(up, t, t.second())).isCloseTo(72.0, within(1e-6));
  }

  @Test
  void aBarWithoutExtremesKeepsTheStraightPathFromOpenToClose() {
    DailyBar plain = new DailyBar(LocalDate.of(2020, 3, 18), 100, 110, 20, 18, 21, 20);
    assertThat(IntradayPath.hasExtremes(plain)).isFalse();
    assertThat(IntradayPath.hasExtremes(CRASH)).isTrue();
    IntradayPath.Turns t = PATH.turns(plain);
    assertThat(PATH.spx(plain, t, 0.5)).isCloseTo(100 * Math.sqrt(1.1), within(1e-9));
    assertThat(PATH.vix(plain, t, 0.25)).isCloseTo(20 * Math.pow(0.9, 0.25), within(1e-9));
  }

  @Test
  void turningPointsFollowSpxPathAtConstantSpeedOnTheGrid() {
    // SPX 100 -> 90 (low) -> 110 (high) -> 109: log legs of 0.105, 0.201 and 0.009: the low a third of the
    // way (130 minutes after the open: the 11:45 cycle), the high near the end (379 minutes: the 15:45 cycle)
    DailyBar bar = new DailyBar(LocalDate.of(2021, 1, 5), 100, 109, 20, 19, 21, 20, 110, 90, 21, 18, 22, 19);
    LocalTime[] times = PATH.turnTimes(bar);
    double d1 = Math.log(100 / 90.0);
    double d2 = Math.log(110 / 90.0);
    double d3 = Math.log(110 / 109.0);
    double minutes1 = 390 * d1 / (d1 + d2 + d3);
    double minutes2 = 390 * (d1 + d2) / (d1 + d2 + d3);
    assertThat(Math.abs(java.time.Duration.between(LocalTime.of(9, 30), times[0]).toMinutes() - minutes1))
        .isLessThanOrEqualTo(7.5);
    assertThat(Math.abs(java.time.Duration.between(LocalTime.of(9, 30), times[1]).toMinutes() - minutes2))
        .isLessThanOrEqualTo(7.5);
  }

  @Test
  void vxBetaFallsWithDaysToExpiryAndIsAtMostOne() {
    assertThat(PATH.beta(30)).isCloseTo(0.43, within(1e-9));
    assertThat(PATH.beta(1)).isEqualTo(1.0);
    assertThat(PATH.beta(7)).isGreaterThan(PATH.beta(30));
    assertThat(PATH.beta(180)).isLessThan(PATH.beta(30)).isGreaterThan(0.1);
  }

  @Test
  void theSimulatedMarketSeesTheDaysHighAndLowAtItsCyclesAndVxFuturesFollowVix() {
    NavigableMap<LocalDate, List<Double>> vx = new TreeMap<>();
    vx.put(PREV, List.of(40.0, 33.0, 31.0, 30.0, 29.0, 28.0, 27.0, 26.0));
    vx.put(CRASH.date(), List.of(48.0, 38.0, 33.0, 31.0, 30.0, 29.0, 28.0, 27.0));
    MarketHistory h = new MarketHistory(List.of(BEFORE, CRASH), vx);
    LocalTime[] times = PATH.turnTimes(CRASH);
    VirtualClock clock = new VirtualClock(CRASH.date().atTime(times[1]).atZone(Clock.MARKET_ZONE).toInstant());
    SimulatedMarket withPath = new SimulatedMarket(h, clock, MarketConfig.DEFAULTS, WEEKDAYS);
    SimulatedMarket straight = new SimulatedMarket(h, clock, MarketConfig.DEFAULTS, WEEKDAYS, (IntradayPath) null);

    assertThat(withPath.indices().spx()).isCloseTo(2380.94, within(1e-6));
    assertThat(withPath.indices().vix()).isCloseTo(83.56, within(1e-6));
    assertThat(straight.indices().vix()).isLessThan(83.0);
    // VIX is above its straight path at its high: the future two days from expiry follows it fully
    // (beta capped at 1), the one a month out by less (beta about 0.43)
    LocalDate front = withPath.expirations(OptionContract.VIX).get(0);
    LocalDate second = withPath.expirations(OptionContract.VIX).get(1);
    double vixLift = withPath.indices().vix() / straight.indices().vix();
    assertThat(withPath.vxFuture(front).getAsDouble() / straight.vxFuture(front).getAsDouble())
        .isCloseTo(vixLift, within(1e-9));
    double lift = withPath.vxFuture(second).getAsDouble() / straight.vxFuture(second).getAsDouble();
    assertThat(lift).isGreaterThan(1.0).isLessThan(vixLift);
    // the options see it: a put on SPX and a call on VIX are worth more at the extreme
    OptionContract put = OptionContract.spxw(withPath.expirations(OptionContract.SPXW).get(5), new BigDecimal("2300"),
        OptionRight.PUT);
    assertThat(withPath.quote(put).map(OptionQuote::mid).orElseThrow())
        .isGreaterThan(straight.quote(put).map(OptionQuote::mid).orElseThrow());

    // at the close both are the bar's close
    clock.set(CRASH.date().atTime(16, 0).atZone(Clock.MARKET_ZONE).toInstant());
    assertThat(withPath.indices().spx()).isEqualTo(straight.indices().spx());
    assertThat(withPath.vxFuture(front).getAsDouble()).isEqualTo(straight.vxFuture(front).getAsDouble());
  }

  @Test
  void turnedOffInConfigurationThereIsNoPath() {
    assertThat(IntradayPath.of(new PaperConfig.Intraday(false, 0.43, 0.4), ScheduleConfig.DEFAULTS)).isNull();
    assertThat(IntradayPath.of(PaperConfig.Intraday.DEFAULTS, ScheduleConfig.DEFAULTS)).isEqualTo(PATH);
  }
}
