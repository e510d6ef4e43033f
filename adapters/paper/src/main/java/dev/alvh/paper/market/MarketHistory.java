package dev.alvh.paper.market;

import dev.alvh.core.Check;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The daily history a simulated market is built from: one bar per trading day and, where the
 * source has them, the VX futures settlements of each day.
 *
 * @param bars      one per trading day, ascending
 * @param vxFutures VX futures closes per day, front month first ({@code m1..m8}); days without
 *                  VX data are absent, and then the curve is derived from VIX and VIX3M
 */
public record MarketHistory(List<DailyBar> bars, NavigableMap<LocalDate, List<Double>> vxFutures) {

  /** Checks the bars are present and copies both. */
  public MarketHistory {
    Check.notNull(bars, "bars");
    Check.notNull(vxFutures, "vxFutures");
    if (bars.isEmpty()) {
      throw new IllegalArgumentException("bars must not be empty");
    }
    bars = List.copyOf(bars);
    vxFutures = Collections.unmodifiableNavigableMap(new TreeMap<>(vxFutures));
  }

  /** History without VX futures. */
  public static MarketHistory of(List<DailyBar> bars) {
    return new MarketHistory(bars, new TreeMap<>());
  }
}
