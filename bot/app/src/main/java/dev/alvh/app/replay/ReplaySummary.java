package dev.alvh.app.replay;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a replay did and measured; written as the JSON summary.
 *
 * @param scenario       the market the replay ran on
 * @param from           first trading day
 * @param to             last trading day
 * @param tradingDays    trading days replayed
 * @param cycles         trading cycles run
 * @param cyclesPerSecond cycles run per second of wall time
 * @param tranchesOpened tranches opened
 * @param ordersSent     orders sent to the broker
 * @param fills          fills received (one per leg execution)
 * @param startEquity    net liquidation at the start, USD
 * @param finalEquity    net liquidation at the end, USD
 * @param maxDrawdownPct largest fall of daily equity from its running peak, percent of that peak
 * @param exitReasons    tranches closed for each exit reason
 * @param condorPnl      realized P&amp;L of closed tranches, USD
 * @param database       the H2 file holding the replay's records
 * @param elapsedMs      wall time, milliseconds
 * @param statesVisited  trading days spent in each hedge state (from the daily snapshots)
 */
public record ReplaySummary(
    String scenario, LocalDate from, LocalDate to, long tradingDays, long cycles, double cyclesPerSecond,
    long tranchesOpened, long ordersSent, long fills, BigDecimal startEquity, BigDecimal finalEquity,
    double maxDrawdownPct, Map<String, Long> exitReasons, BigDecimal condorPnl, String database, long elapsedMs,
    Map<String, Long> statesVisited) {

  /** The largest peak-to-trough fall of {@code equity}, percent of the peak (0 when it never falls). */
  public static double maxDrawdownPct(Iterable<BigDecimal> equity) {
    double peak = Double.NEGATIVE_INFINITY;
    double worst = 0;
    for (BigDecimal e : equity) {
      double v = e.doubleValue();
      peak = Math.max(peak, v);
      if (peak > 0) {
        worst = Math.max(worst, (peak - v) / peak * 100.0);
      }
    }
    return Math.round(worst * 1000.0) / 1000.0;
  }
}
