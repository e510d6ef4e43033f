package dev.alvh.paper.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.time.VirtualClock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@link SimulatedMarket#atmVol} prices only the strikes near the forward; its answer must be the
 * one the whole chain gives ({@code nearestDelta(PUT, 0.5)}), which the hedge's {@code beSigma} was
 * measured with: across a synthetic volatility cycle (VIX calm to above 60), for every listed SPXW
 * and SPX expiry up to four months out.
 */
class AtmVolTest {

  private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
      && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  private static final LocalDate START = LocalDate.of(2018, 1, 2);

  @Test
  void theBandedAnswerIsTheWholeChainsAnswerThroughAVolatilityCycle() {
    List<DailyBar> bars = SyntheticHistory.twoCycles(7, START, 260, 3000, WEEKDAYS);
    VirtualClock clock = new VirtualClock(ZonedDateTime.of(START, LocalTime.of(9, 30), Clock.MARKET_ZONE).toInstant());
    SimulatedMarket banded = new SimulatedMarket(bars, clock, MarketConfig.DEFAULTS, WEEKDAYS);
    SimulatedMarket whole = new SimulatedMarket(bars, clock, MarketConfig.DEFAULTS, WEEKDAYS);
    int compared = 0;
    double maxVix = 0;
    for (int i = 0; i < bars.size(); i += 3) {
      LocalDate day = bars.get(i).date();
      for (LocalTime t : List.of(LocalTime.of(9, 45), LocalTime.of(15, 45))) {
        clock.set(ZonedDateTime.of(day, t, Clock.MARKET_ZONE).toInstant());
        maxVix = Math.max(maxVix, banded.indices().vix());
        for (String cls : List.of(OptionContract.SPXW, "SPX")) {
          for (LocalDate expiry : banded.expirations(cls)) {
            if (expiry.isAfter(day.plusMonths(4))) {
              break;
            }
            OptionalDouble fast = banded.atmVol(cls, expiry);
            Optional<OptionQuote> atm = whole.chain(cls, expiry).nearestDelta(OptionRight.PUT, 0.5);
            assertThat(fast).as("%s %s on %s %s", cls, expiry, day, t)
                .isEqualTo(atm.filter(q -> q.iv() > 0).map(q -> OptionalDouble.of(q.iv())).orElse(OptionalDouble.empty()));
            compared++;
          }
        }
      }
    }
    assertThat(maxVix).as("the cycle reaches a high VIX").isGreaterThan(40);
    assertThat(compared).isGreaterThan(1000);
  }

  @Test
  void theDefaultReadsTheChainsPutNearestFiftyDelta() {
    List<DailyBar> bars = SyntheticHistory.twoCycles(3, START, 80, 3000, WEEKDAYS);
    VirtualClock clock = new VirtualClock(ZonedDateTime.of(START.plusDays(1), LocalTime.of(11, 0), Clock.MARKET_ZONE).toInstant());
    SimulatedMarket m = new SimulatedMarket(bars, clock, MarketConfig.DEFAULTS, WEEKDAYS);
    LocalDate expiry = m.expirations(OptionContract.SPXW).get(10);
    MarketData viaPort = new MarketData() {
      @Override
      public dev.alvh.core.market.IndexLevels indices() {
        return m.indices();
      }

      @Override
      public List<LocalDate> expirations(String tradingClass) {
        return m.expirations(tradingClass);
      }

      @Override
      public dev.alvh.core.market.OptionChain chain(String tradingClass, LocalDate e) {
        return m.chain(tradingClass, e);
      }

      @Override
      public Optional<OptionQuote> quote(OptionContract contract) {
        return m.quote(contract);
      }
    };
    OptionQuote atm = m.chain(OptionContract.SPXW, expiry).nearestDelta(OptionRight.PUT, 0.5).orElseThrow();
    assertThat(Math.abs(atm.delta())).isBetween(0.4, 0.6);
    assertThat(viaPort.atmVol(OptionContract.SPXW, expiry)).hasValue(atm.iv());
    assertThat(m.atmVol(OptionContract.SPXW, expiry)).hasValue(atm.iv());
  }
}
