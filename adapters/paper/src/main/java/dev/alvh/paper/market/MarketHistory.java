package dev.alvh.paper.market;

import dev.alvh.core.Check;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The daily history a simulated market is built from: one bar per trading day and, where the
 * source has them, the VX futures settlements and the VIX9D close of each day.
 *
 * @param bars      one per trading day, ascending
 * @param vxFutures VX futures closes per day, front month first ({@code m1..m8}); days without
 *                  VX data are absent, and then the curve is derived from VIX and VIX3M
 * @param vix9d     VIX9D closes per day; days without one are absent, and then the SPX surface
 *                  holds the 30-day at-the-money vol below 30 days
 */
public record MarketHistory(List<DailyBar> bars, NavigableMap<LocalDate, List<Double>> vxFutures,
    NavigableMap<LocalDate, Double> vix9d) {

  /** Checks the bars are present and copies the maps. */
  public MarketHistory {
    Check.notNull(bars, "bars");
    Check.notNull(vxFutures, "vxFutures");
    Check.notNull(vix9d, "vix9d");
    if (bars.isEmpty()) {
      throw new IllegalArgumentException("bars must not be empty");
    }
    bars = List.copyOf(bars);
    vxFutures = Collections.unmodifiableNavigableMap(new TreeMap<>(vxFutures));
    vix9d = Collections.unmodifiableNavigableMap(new TreeMap<>(vix9d));
  }

  /** History with VX futures and without VIX9D. */
  public MarketHistory(List<DailyBar> bars, NavigableMap<LocalDate, List<Double>> vxFutures) {
    this(bars, vxFutures, new TreeMap<>());
  }

  /** History without VX futures. */
  public static MarketHistory of(List<DailyBar> bars) {
    return new MarketHistory(bars, new TreeMap<>());
  }
}
