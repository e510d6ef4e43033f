package dev.alvh.app.replay;

import dev.alvh.app.store.HedgeStore;
import dev.alvh.app.store.ReplayQueries;
import dev.alvh.core.HedgeState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The measures of one book in the JSON summary ({@code books.alvh}, {@code books.unhedged},
 * {@code books.rigid}, {@code books.base}); see {@link Metrics} for the conventions.
 *
 * @param totalReturn        percent, first to last day
 * @param cagr               percent a year
 * @param maxDrawdownPct     largest fall of equity from its peak, percent of the peak
 * @param maxDrawdownRiskPct largest fall of equity in USD, percent of the condor risk capital
 * @param riskCapital        the condor risk capital: the peak over the run of the summed maximum
 *                           loss of the tranches open at a day's end, USD
 * @param sharpe             annualized daily Sharpe ratio, risk-free 0
 * @param sortino            annualized daily Sortino ratio, risk-free 0
 * @param worstMonth         the month with the lowest return (null for a run within one day)
 * @param hedgePremium       premium paid for hedge buys, USD
 * @param hedgePnl           realized and marked hedge P&amp;L, USD (see {@link BookRun})
 * @param layersPerCycle     for each volatility cycle, the most hedge layers its states held
 *                           (0 to 3; the state's level)
 * @param startEquity        net liquidation at the start, USD
 * @param finalEquity        net liquidation at the end, USD
 * @param tranchesOpened     tranches opened
 * @param ordersSent         orders sent
 * @param fills              leg fills
 * @param condorPnl          realized condor P&amp;L, USD
 * @param database           the book's H2 file
 * @param statesVisited      trading days in each hedge state (daily snapshots)
 * @param maxDrawdownUsd     largest fall of equity from its running peak, USD
 * @param cagrOverMaxDrawdown {@code cagr / maxDrawdownPct} (0 when the book never drew down)
 * @param condorCredit       credit received on the tranches opened, USD
 * @param hedgeNetCost       the hedge's net cost: premium and commissions paid minus what the
 *                           hedge returned (sales, settlements, the end mark), USD; the negated
 *                           {@code hedgePnl}
 * @param hedgeNetCostShareOfCreditPct {@code hedgeNetCost} as a percent of {@code condorCredit}
 * @param entriesBlockedByState entry opportunities refused by the hedge state
 *                           ({@code condor.entryStates}), per state
 * @param entriesBlockedInL2L3 of those, refused in L2 or L3
 * @param entriesOpenedInL2L3 tranches opened while the hedge was in L2 or L3
 * @param perYear            per calendar year: return, USD drawdown, days in CALM or WATCH,
 *                           adaptive-layer round trips
 * @param heldAtEnd          the hedge positions held at the end: why, cost, mark, P&amp;L
 * @param execution          walk steps to fill and the share of the spread paid ({@link ExecutionStats})
 */
public record BookMetrics(
    double totalReturn, double cagr, double maxDrawdownPct, double maxDrawdownRiskPct, BigDecimal riskCapital,
    double sharpe, double sortino, Metrics.MonthReturn worstMonth, BigDecimal hedgePremium, BigDecimal hedgePnl,
    List<Integer> layersPerCycle, BigDecimal startEquity, BigDecimal finalEquity, long tranchesOpened,
    long ordersSent, long fills, BigDecimal condorPnl, String database, Map<String, Long> statesVisited,
    BigDecimal maxDrawdownUsd, double cagrOverMaxDrawdown, BigDecimal condorCredit, BigDecimal hedgeNetCost,
    double hedgeNetCostShareOfCreditPct, Map<String, Long> entriesBlockedByState, long entriesBlockedInL2L3,
    long entriesOpenedInL2L3, Map<Integer, HedgeStudyMeasures.Year> perYear,
    List<dev.alvh.app.hedge.LayerReasons.HeldLayerView> heldAtEnd,
    ExecutionStats execution) {

  /** The measures of {@code run} over the given volatility cycles. */
  public static BookMetrics of(BookRun run, List<VolatilityCycles.VolatilityCycle> cycles, ZoneId zone) {
    NavigableMap<LocalDate, BigDecimal> equity = new TreeMap<>();
    run.snapshots().forEach(s -> equity.put(s.date(), s.equity()));
    BigDecimal risk = Metrics.peak(run.riskCapital().values());
    double cagr = Metrics.cagr(equity);
    double dd = Metrics.maxDrawdownPct(equity.values());
    BigDecimal credit = HedgeStudyMeasures.condorCredit(run);
    BigDecimal netCost = HedgeStudyMeasures.hedgeNetCost(run);
    return new BookMetrics(Metrics.totalReturn(equity), cagr, dd,
        Metrics.maxDrawdownRiskPct(equity.values(), risk), risk, Metrics.sharpe(equity), Metrics.sortino(equity),
        Metrics.worstMonth(equity).orElse(null), run.hedgePremium(), run.hedgePnl(),
        layersPerCycle(run, cycles, zone), run.startEquity(), run.finalEquity(), run.tranchesOpened(),
        run.ordersSent(), run.fills(), run.condorPnl(), run.database().toString(),
        run.statesVisited(), Metrics.maxDrawdown(equity.values()).setScale(2, java.math.RoundingMode.HALF_EVEN),
        ratio(cagr, dd), credit, netCost, HedgeStudyMeasures.shareOfCreditPct(netCost, credit),
        HedgeStudyMeasures.entriesBlockedByState(run), HedgeStudyMeasures.entriesBlockedInL2L3(run),
        HedgeStudyMeasures.entriesOpenedInL2L3(run), HedgeStudyMeasures.perYear(run), run.heldAtEnd(),
        run.execution());
  }

  /** {@code cagr / maxDrawdownPct}, rounded to 4 places; 0 when there was no drawdown. */
  public static double ratio(double cagr, double maxDrawdownPct) {
    return maxDrawdownPct <= 0 ? 0 : Math.round(cagr / maxDrawdownPct * 10000) / 10000.0;
  }

  /**
   * For each cycle, the highest layer level of the hedge states the book was in from the
   * cycle's start to its end (daily snapshots and transitions alike).
   */
  static List<Integer> layersPerCycle(BookRun run, List<VolatilityCycles.VolatilityCycle> cycles, ZoneId zone) {
    List<Integer> out = new ArrayList<>();
    for (VolatilityCycles.VolatilityCycle c : cycles) {
      int max = 0;
      for (ReplayQueries.DaySnapshot s : run.snapshots()) {
        if (c.contains(s.date())) {
          max = Math.max(max, s.hedgeState().level());
        }
      }
      for (HedgeStore.TransitionRow t : run.transitions()) {
        if (c.contains(t.at().atZone(zone).toLocalDate())) {
          max = Math.max(max, t.to().level());
        }
      }
      out.add(max);
    }
    return out;
  }
}
