package dev.alvh.app.replay;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a replay did and measured; written as the JSON summary. The top-level counts describe
 * the ALVH book; {@code books} has the measures of all four.
 *
 * @param scenario         the market the replay ran on ({@code two-cycles} or the data folder)
 * @param from             first trading day
 * @param to               last trading day
 * @param tradingDays      trading days replayed
 * @param cycles           trading cycles run (ALVH book)
 * @param cyclesPerSecond  trading cycles of all books run per second of wall time
 * @param tranchesOpened   tranches opened (ALVH book)
 * @param ordersSent       orders sent to the broker (ALVH book)
 * @param fills            fills received, one per leg execution (ALVH book)
 * @param startEquity      net liquidation at the start, USD
 * @param finalEquity      net liquidation at the end, USD (ALVH book)
 * @param maxDrawdownPct   largest fall of daily equity from its running peak, percent of that peak
 * @param exitReasons      tranches closed for each exit reason (ALVH book)
 * @param condorPnl        realized P&amp;L of closed tranches, USD (ALVH book)
 * @param database         the H2 file holding the ALVH book's records
 * @param elapsedMs        wall time, milliseconds
 * @param cyclesPerDay     {@code all} (every scheduled cycle), {@code extremes+last} (daily history:
 *                         the cycles at which the day's path reaches its high and low and the last
 *                         scheduled cycle, plus pre-open and end of day) or {@code last} (the last
 *                         cycle only, when {@code paper.intraday.extremes} is off)
 * @param books            measures per book: {@code alvh}, {@code unhedged}, {@code rigid}, {@code base}
 * @param volatilityCycles the complete volatility cycles of the replayed VIX closes
 * @param dataProblems     history rows left out, or filled in and kept (a VX day with one contract
 *                         missing), with file and line
 * @param statesVisited    trading days the ALVH book spent in each hedge state (from its daily snapshots)
 * @param quotes           where the SPX and SPXW option quotes of all books came from: real chains
 *                         ({@code replay --options}) or the model
 * @param alvhVsBase       whether the adaptive machine beats the standing base layer alone on
 *                         CAGR / max drawdown (spec section 4, revision 2)
 * @param fillModel        the paper broker's fill model every book ran with ({@code paper.fill.*})
 */
public record ReplaySummary(
    String scenario, LocalDate from, LocalDate to, long tradingDays, long cycles, double cyclesPerSecond,
    long tranchesOpened, long ordersSent, long fills, BigDecimal startEquity, BigDecimal finalEquity,
    double maxDrawdownPct, Map<String, Long> exitReasons, BigDecimal condorPnl, String database, long elapsedMs,
    String cyclesPerDay, Map<String, BookMetrics> books, CycleCount volatilityCycles, List<String> dataProblems,
    Map<String, Long> statesVisited, OptionQuotes quotes, AlvhVsBase alvhVsBase,
    FillModel fillModel) {

  /**
   * ALVH against the {@code base} book on CAGR / max drawdown (% of equity).
   *
   * @param alvhBeatsBase      ALVH's ratio is above base's
   * @param alvhCagrOverMaxDd  ALVH's CAGR / max drawdown
   * @param baseCagrOverMaxDd  base's CAGR / max drawdown
   * @param verdict            the sentence the report shows
   */
  public record AlvhVsBase(boolean alvhBeatsBase, double alvhCagrOverMaxDd, double baseCagrOverMaxDd,
      String verdict) {

    /** The comparison of {@code alvh} and {@code base}; null when either book is missing. */
    public static AlvhVsBase of(BookMetrics alvh, BookMetrics base) {
      if (alvh == null || base == null) {
        return null;
      }
      boolean beats = alvh.cagrOverMaxDrawdown() > base.cagrOverMaxDrawdown();
      return new AlvhVsBase(beats, alvh.cagrOverMaxDrawdown(), base.cagrOverMaxDrawdown(), beats
          ? "ALVH beats the standing base layer alone on CAGR / max drawdown"
          : "ALVH does not beat the standing base layer alone on CAGR / max drawdown: the adaptive layers add nothing"
              + " over this range");
    }
  }

  /** The largest peak-to-trough fall of {@code equity}, percent of the peak (0 when it never falls). */
  public static double maxDrawdownPct(Iterable<BigDecimal> equity) {
    return Metrics.maxDrawdownPct(equity);
  }

  /**
   * The fill model of a replay ({@code paper.fill.*}).
   *
   * @param model         {@code SHARE_OF_SPREAD} or {@code MID}
   * @param shareOneLeg   share of the spread a single-leg order paid from the bid (0.5 under MID)
   * @param shareTwoLegs  the same for two legs
   * @param shareFourLegs the same for four or more legs (three legs: halfway between two and four)
   * @param description   one line for the report
   */
  public record FillModel(String model, BigDecimal shareOneLeg, BigDecimal shareTwoLegs, BigDecimal shareFourLegs,
      String description) {

    /** The summary's view of {@code fill}: the shares that applied (all 0.5 under MID). */
    public static FillModel of(dev.alvh.paper.config.PaperConfig.Fill fill) {
      return new FillModel(fill.model().name(), fill.share(1), fill.share(2), fill.share(4), fill.describe());
    }
  }

  /**
   * The volatility cycles found.
   *
   * @param count  how many
   * @param cycles each with its dates and peak
   */
  public record CycleCount(int count, List<VolatilityCycles.VolatilityCycle> cycles) {
  }

  /**
   * Where the SPX and SPXW option quotes came from, summed over the books (each single quote and
   * each strike of a chain the market built counts once).
   *
   * @param realChain        quoted from a real chain file
   * @param model            priced by the model
   * @param modelOnChainDays of {@code model}: while a chain file was served, for contracts it lacks
   * @param chainDays        replayed days with real chain quotes
   * @param chainQuotesLoaded quotes read from the chain files (0 without {@code --options})
   * @param chainLoadMs      wall time of reading the chain files, milliseconds
   * @param books            the same counts per book
   */
  public record OptionQuotes(long realChain, long model, long modelOnChainDays, long chainDays,
      long chainQuotesLoaded, long chainLoadMs,
      Map<String, dev.alvh.paper.chains.ChainOverlay.Counts> books) {
  }
}
