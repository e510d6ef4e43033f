package dev.alvh.paper.market;

import dev.alvh.core.Check;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * A seeded synthetic daily history with the stylized facts the hedge reacts to.
 *
 * <p>Log-VIX mean-reverts (Ornstein-Uhlenbeck toward {@value #CALM_VIX}, half-life about 17
 * trading days) with rare upward jumps while calm; SPX daily returns move against VIX changes;
 * VIX3M sits above VIX in calm and below it in spikes. The {@code two-cycles} scenario forces
 * two volatility spikes, starting near one fifth and three fifths of the run (each moved by up
 * to {@value #SPIKE_JITTER_DAYS} days at random), rising over {@value #SPIKE_DAYS} days to a
 * random peak between {@value #SPIKE_PEAK_MIN} and {@value #SPIKE_PEAK_MAX}, then reverting:
 * every run has two complete cycles (calm, spike above 30, mean reversion, calm) and a calm
 * start and end. Same seed, same history. The numbers are documented in
 * {@code adapters/paper/README.md}.
 */
public final class SyntheticHistory {

  /** The built-in scenario names. */
  public static final String TWO_CYCLES = "two-cycles";

  /** The calm level log-VIX reverts to. */
  public static final double CALM_VIX = 13.0;
  /** Daily mean-reversion speed of log-VIX (half-life ln 2 / 0.04 = 17 trading days). */
  public static final double KAPPA = 0.04;
  /** Daily volatility of log-VIX. */
  public static final double VOL_OF_LOG_VIX = 0.04;
  /** Daily probability of an upward jump while VIX is below {@link #JUMP_BELOW_VIX}. */
  public static final double JUMP_PROB = 0.01;
  /** Mean jump of log-VIX (each jump draws uniformly from half to one and a half times it). */
  public static final double JUMP_SIZE = 0.15;
  /** Jumps happen only below this VIX level, so the calm never builds a third spike. */
  public static final double JUMP_BELOW_VIX = 20.0;
  /** Lowest VIX. */
  public static final double FLOOR_VIX = 9.0;
  /** SPX drift per day. */
  public static final double SPX_DRIFT = 0.0003;
  /** SPX log-return per unit of log-VIX change (negative correlation). */
  public static final double SPX_BETA_TO_LOG_VIX = 0.12;
  /** SPX idiosyncratic daily volatility. */
  public static final double SPX_IDIO_VOL = 0.004;
  /** VIX3M / VIX at the long-run level {@value #TERM_REF_VIX}. */
  public static final double TERM_AT_LONG_RUN = 1.06;
  /** The level of {@link #TERM_AT_LONG_RUN}. */
  public static final double TERM_REF_VIX = 15.0;
  /** VIX3M / VIX falls by exp(-0.2) per unit of log-VIX above the reference: inverted in spikes. */
  public static final double TERM_SLOPE = 0.20;
  /** Trading days a forced spike takes to reach its peak. */
  public static final int SPIKE_DAYS = 4;
  /** Lowest peak of a forced spike. */
  public static final double SPIKE_PEAK_MIN = 32.0;
  /** Highest peak of a forced spike. */
  public static final double SPIKE_PEAK_MAX = 48.0;
  /** A forced spike starts up to this many trading days before or after its nominal day. */
  public static final int SPIKE_JITTER_DAYS = 10;
  /** Share of a day's log-VIX and SPX move that happens overnight (the open). */
  public static final double OPEN_SHARE = 0.3;

  private SyntheticHistory() {
  }

  /**
   * The {@code two-cycles} scenario: {@code days} trading days from {@code start}.
   *
   * @param seed       the generator's seed
   * @param start      the first calendar day to consider
   * @param days       trading days to generate, at least 60
   * @param startSpx   SPX on the first day
   * @param tradingDay which calendar days are trading days
   */
  public static List<DailyBar> twoCycles(
      long seed, LocalDate start, int days, double startSpx, Predicate<LocalDate> tradingDay) {
    Check.inRange(days, 60, 20_000, "days");
    Check.positive(startSpx, "startSpx");
    Check.notNull(tradingDay, "tradingDay");
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] spikeStarts = {days / 5, (days * 3) / 5};
    double[] peaks = new double[spikeStarts.length];
    int jitter = Math.min(SPIKE_JITTER_DAYS, days / 20);
    for (int k = 0; k < spikeStarts.length; k++) {
      spikeStarts[k] += rnd.nextInt(-jitter, jitter + 1);
      peaks[k] = SPIKE_PEAK_MIN + (SPIKE_PEAK_MAX - SPIKE_PEAK_MIN) * rnd.nextDouble();
    }
    double theta = Math.log(CALM_VIX);
    double x = theta;
    double spikeFrom = x;
    double spx = startSpx;
    List<DailyBar> bars = new ArrayList<>(days);
    LocalDate d = start;
    for (int i = 0; i < days; i++) {
      while (!tradingDay.test(d)) {
        d = d.plusDays(1);
      }
      double prevX = x;
      double noise = VOL_OF_LOG_VIX * rnd.nextGaussian();
      double jumpDraw = rnd.nextDouble();
      double jump = JUMP_SIZE * (0.5 + rnd.nextDouble());
      double dx = KAPPA * (theta - x) + noise + (jumpDraw < JUMP_PROB && x < Math.log(JUMP_BELOW_VIX) ? jump : 0.0);
      for (int k = 0; k < spikeStarts.length; k++) {
        int s = spikeStarts[k];
        if (i == s) {
          spikeFrom = x;
        }
        if (i >= s && i < s + SPIKE_DAYS) {
          double target = spikeFrom + (Math.log(peaks[k]) - spikeFrom) * (i - s + 1) / SPIKE_DAYS;
          dx = target - x + Math.abs(noise) * 0.25;
        }
      }
      x = Math.max(Math.log(FLOOR_VIX), x + dx);
      double xOpen = prevX + OPEN_SHARE * (x - prevX);
      double ret = SPX_DRIFT - SPX_BETA_TO_LOG_VIX * (x - prevX) + SPX_IDIO_VOL * rnd.nextGaussian();
      double spxOpen = spx * Math.exp(OPEN_SHARE * ret);
      double spxClose = spx * Math.exp(ret);
      bars.add(new DailyBar(d, spxOpen, spxClose, Math.exp(xOpen), Math.exp(x),
          Math.exp(xOpen) * term(xOpen), Math.exp(x) * term(x)));
      spx = spxClose;
      d = d.plusDays(1);
    }
    return List.copyOf(bars);
  }

  /**
   * The {@code two-cycles} scenario as a {@link MarketHistory} without VX data: the simulated
   * market derives the VX curve from VIX and VIX3M. Same arguments as {@link #twoCycles}.
   */
  public static MarketHistory twoCyclesHistory(
      long seed, LocalDate start, int days, double startSpx, Predicate<LocalDate> tradingDay) {
    return MarketHistory.of(twoCycles(seed, start, days, startSpx, tradingDay));
  }

  /** VIX3M / VIX as a function of log-VIX: above 1 in calm, below 1 in spikes. */
  private static double term(double x) {
    return TERM_AT_LONG_RUN * Math.exp(-TERM_SLOPE * (x - Math.log(TERM_REF_VIX)));
  }
}
