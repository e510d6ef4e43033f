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
 * <p>Log-VIX mean-reverts (Ornstein-Uhlenbeck, half-life about 17 trading days) with rare
 * upward jumps; SPX daily returns move against VIX changes; VIX3M sits above VIX in calm and
 * below it in spikes. The {@code two-cycles} scenario forces two volatility spikes above 30, at
 * about one fifth and three fifths of the run, so every run has two complete cycles: calm,
 * spike, mean reversion, calm. Same seed, same history.
 */
public final class SyntheticHistory {

  /** The built-in scenario names. */
  public static final String TWO_CYCLES = "two-cycles";

  private static final double LONG_RUN_VIX = 15.0;
  private static final double KAPPA = 0.04;
  private static final double VOL_OF_LOG_VIX = 0.06;
  private static final double JUMP_PROB = 0.01;
  private static final double JUMP_SIZE = 0.15;
  private static final double SPX_DRIFT = 0.0003;
  private static final double SPX_BETA_TO_LOG_VIX = 0.12;
  private static final double SPX_IDIO_VOL = 0.004;
  private static final double TERM_AT_LONG_RUN = 1.06;
  private static final double TERM_SLOPE = 0.20;
  private static final double SPIKE_LOG_JUMP = 0.30;
  private static final int SPIKE_DAYS = 3;

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
    SplittableRandom rnd = new SplittableRandom(seed);
    double theta = Math.log(LONG_RUN_VIX);
    double x = theta;
    double spx = startSpx;
    int[] spikeStarts = {days / 5, (days * 3) / 5};
    List<DailyBar> bars = new ArrayList<>(days);
    LocalDate d = start;
    for (int i = 0; i < days; i++) {
      while (!tradingDay.test(d)) {
        d = d.plusDays(1);
      }
      double prevX = x;
      double dx = KAPPA * (theta - x) + VOL_OF_LOG_VIX * rnd.nextGaussian()
          + (rnd.nextDouble() < JUMP_PROB ? JUMP_SIZE : 0.0);
      for (int s : spikeStarts) {
        if (i >= s && i < s + SPIKE_DAYS) {
          dx = Math.abs(dx) + SPIKE_LOG_JUMP;
        }
      }
      x = Math.max(Math.log(9.0), x + dx);
      double openGap = 0.3 * (x - prevX);
      double xOpen = prevX + openGap;
      double ret = SPX_DRIFT - SPX_BETA_TO_LOG_VIX * (x - prevX) + SPX_IDIO_VOL * rnd.nextGaussian();
      double spxOpen = spx * Math.exp(0.3 * ret);
      double spxClose = spx * Math.exp(ret);
      bars.add(new DailyBar(d, spxOpen, spxClose, Math.exp(xOpen), Math.exp(x),
          Math.exp(xOpen) * term(xOpen, theta), Math.exp(x) * term(x, theta)));
      spx = spxClose;
      d = d.plusDays(1);
    }
    return List.copyOf(bars);
  }

  /** VIX3M / VIX as a function of log-VIX: above 1 in calm, below 1 in spikes. */
  private static double term(double x, double theta) {
    return TERM_AT_LONG_RUN * Math.exp(-TERM_SLOPE * (x - theta));
  }
}
