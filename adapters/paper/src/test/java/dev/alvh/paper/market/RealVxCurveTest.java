package dev.alvh.paper.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import dev.alvh.paper.SharedData;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The derived VX curve against the CFE closes of {@code shared/data} (2016-01-04 to 2017-05-11).
 * Skipped when the data are absent.
 */
class RealVxCurveTest {

  private static final LocalDate FROM = LocalDate.of(2016, 1, 4);
  private static final LocalDate TO = LocalDate.of(2017, 5, 11);
  /** The calendar only needs the trading days of the VIX expirations of this range: all weekdays. */
  private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
      && d.getDayOfWeek() != DayOfWeek.SUNDAY;

  private static MarketHistory history() {
    Optional<Path> dir = SharedData.dir();
    assumeTrue(dir.isPresent(), "shared/data with vx_m1_m8_close.csv is absent: real VX curve tests skipped");
    return SharedData.history(dir.get(), FROM, TO);
  }

  @Test
  void derivedCurveTracksTheRealVxClosesWithinAboutHalfAPoint() {
    MarketHistory h = history();
    VirtualClock clock = new VirtualClock(FROM.atStartOfDay(Clock.MARKET_ZONE).toInstant());
    SimulatedMarket derived = new SimulatedMarket(MarketHistory.of(h.bars()), clock, MarketConfig.DEFAULTS, WEEKDAYS);
    double[] absSum = new double[8];
    double[] sum = new double[8];
    int days = 0;
    for (DailyBar b : h.bars()) {
      List<Double> real = h.vxFutures().get(b.date());
      if (real == null) {
        continue;
      }
      clock.set(b.date().atTime(LocalTime.of(16, 0)).atZone(Clock.MARKET_ZONE).toInstant());
      List<LocalDate> expiries = derived.expirations(OptionContract.VIX);
      for (int i = 0; i < 8; i++) {
        double err = derived.vxFuture(expiries.get(i)).getAsDouble() - real.get(i);
        sum[i] += err;
        absSum[i] += Math.abs(err);
      }
      days++;
    }
    assertThat(days).isEqualTo(342);
    double total = 0;
    for (int i = 0; i < 8; i++) {
      assertThat(absSum[i] / days).as("mean absolute error of m" + (i + 1)).isLessThan(0.8);
      assertThat(Math.abs(sum[i] / days)).as("bias of m" + (i + 1)).isLessThan(0.5);
      total += absSum[i] / days;
    }
    assertThat(total / 8).as("mean absolute error over m1..m8").isLessThan(0.7);
  }

  @Test
  void withVxDataTheFuturesAreTheRealClosesAndTheDerivedFrontSitsBelowSpotWhenInvertedAndAboveInContango() {
    MarketHistory h = history();
    VirtualClock clock = new VirtualClock(FROM.atStartOfDay(Clock.MARKET_ZONE).toInstant());
    SimulatedMarket real = new SimulatedMarket(h, clock, MarketConfig.DEFAULTS, WEEKDAYS);
    SimulatedMarket derived = new SimulatedMarket(MarketHistory.of(h.bars()), clock, MarketConfig.DEFAULTS, WEEKDAYS);
    int inverted = 0;
    for (DailyBar b : h.bars()) {
      clock.set(b.date().atTime(LocalTime.of(16, 0)).atZone(Clock.MARKET_ZONE).toInstant());
      LocalDate m1 = real.expirations(OptionContract.VIX).get(0);
      assertThat(real.vxFuture(m1).getAsDouble()).isEqualTo(h.vxFutures().get(b.date()).get(0));
      if (b.vix3mClose() < b.vixClose() * 0.97) {
        inverted++;
        assertThat(derived.vxFuture(m1).getAsDouble()).as("derived m1 on " + b.date()).isLessThan(b.vixClose());
      } else if (b.vix3mClose() > b.vixClose() * 1.10) {
        assertThat(derived.vxFuture(m1).getAsDouble()).as("derived m1 on " + b.date()).isGreaterThan(b.vixClose());
      }
    }
    assertThat(inverted).as("inverted days in 2016-2017 (January-February 2016, Brexit)").isPositive();
  }
}
