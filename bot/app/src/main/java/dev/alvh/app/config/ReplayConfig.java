package dev.alvh.app.config;

import dev.alvh.core.Check;
import java.time.LocalDate;

/**
 * How a replay runs and what its report measures; YAML group {@code replay.*}.
 *
 * <p>A volatility cycle is: calm (VIX closes below {@code cycleCalmVix}), a spike (a VIX close
 * above {@code cycleSpikeVix}), mean reversion, and calm again ({@code cycleCalmDays}
 * consecutive closes below {@code cycleCalmVix}). The cycle is counted when calm returns.
 *
 * @param cycleCalmVix       VIX close below which the market is calm
 * @param cycleSpikeVix      VIX close above which a calm market has spiked
 * @param cycleCalmDays      consecutive calm closes that end a cycle (and arm the first one)
 * @param dailyAllCycles     on daily history, run every scheduled intraday cycle instead of only
 *                           the last one of each day (slower; daily bars carry no intraday path)
 * @param progressEveryMs    the terminal progress bar redraws at most this often, milliseconds
 * @param rollingSharpeDays  the report's rolling Sharpe ratio is measured over this many daily
 *                           returns (63: about a quarter of trading days)
 * @param sweep              the default windows of {@code alvh sweep}, {@code replay.sweep.*}
 */
public record ReplayConfig(
    double cycleCalmVix, double cycleSpikeVix, int cycleCalmDays, boolean dailyAllCycles, int progressEveryMs,
    int rollingSharpeDays, Sweep sweep) {

  /** Calm below VIX 20. */
  public static final double DEFAULT_CYCLE_CALM_VIX = 20.0;
  /** A spike is a close above VIX 30 (the "spike above 30"). */
  public static final double DEFAULT_CYCLE_SPIKE_VIX = 30.0;
  /** Five calm closes in a row end a cycle. */
  public static final int DEFAULT_CYCLE_CALM_DAYS = 5;
  /** Daily history runs only the last scheduled cycle of each day (plus pre-open and end of day). */
  public static final boolean DEFAULT_DAILY_ALL_CYCLES = false;
  /** The progress bar redraws at most five times a second. */
  public static final int DEFAULT_PROGRESS_EVERY_MS = 200;
  /** The rolling Sharpe ratio of the report: 63 trading days, a quarter. */
  public static final int DEFAULT_ROLLING_SHARPE_DAYS = 63;

  /** The defaults. */
  public static final ReplayConfig DEFAULTS = new ReplayConfig(DEFAULT_CYCLE_CALM_VIX, DEFAULT_CYCLE_SPIKE_VIX,
      DEFAULT_CYCLE_CALM_DAYS, DEFAULT_DAILY_ALL_CYCLES, DEFAULT_PROGRESS_EVERY_MS, DEFAULT_ROLLING_SHARPE_DAYS,
      Sweep.DEFAULTS);

  /** The measures of a replay with the default sweep windows. */
  public ReplayConfig(double cycleCalmVix, double cycleSpikeVix, int cycleCalmDays, boolean dailyAllCycles,
      int progressEveryMs, int rollingSharpeDays) {
    this(cycleCalmVix, cycleSpikeVix, cycleCalmDays, dailyAllCycles, progressEveryMs, rollingSharpeDays,
        Sweep.DEFAULTS);
  }

  /** Checks every field. */
  public ReplayConfig {
    Check.inRange(cycleCalmVix, 1, 200, "replay.cycleCalmVix");
    Check.inRange(cycleSpikeVix, 1, 200, "replay.cycleSpikeVix");
    Check.isTrue(cycleSpikeVix > cycleCalmVix, "replay.cycleSpikeVix",
        "must be above replay.cycleCalmVix (" + cycleCalmVix + "), but was " + cycleSpikeVix);
    Check.inRange(cycleCalmDays, 1, 250, "replay.cycleCalmDays");
    Check.inRange(progressEveryMs, 20, 10_000, "replay.progressEveryMs");
    Check.inRange(rollingSharpeDays, 5, 1_000, "replay.rollingSharpeDays");
    Check.notNull(sweep, "replay.sweep");
  }

  /**
   * The train and test windows {@code alvh sweep} replays each point over when the command line
   * does not give them (spec section 7: train 2016-01-04 to 2018-12-31, test 2019-01-02 to
   * 2021-12-31). They apply to {@code --data} history; the synthetic scenario is split in halves.
   *
   * @param trainFrom first day of the train window, {@code replay.sweep.trainFrom}
   * @param trainTo   last day of the train window, {@code replay.sweep.trainTo}
   * @param testFrom  first day of the test window, {@code replay.sweep.testFrom}
   * @param testTo    last day of the test window, {@code replay.sweep.testTo}
   */
  public record Sweep(LocalDate trainFrom, LocalDate trainTo, LocalDate testFrom, LocalDate testTo) {

    /** Spec section 7: the train years start on the first trading day of 2016. */
    public static final LocalDate DEFAULT_TRAIN_FROM = LocalDate.of(2016, 1, 4);
    /** Spec section 7: the train years end with 2018. */
    public static final LocalDate DEFAULT_TRAIN_TO = LocalDate.of(2018, 12, 31);
    /** Spec section 7: the test years start on the first trading day of 2019. */
    public static final LocalDate DEFAULT_TEST_FROM = LocalDate.of(2019, 1, 2);
    /** Spec section 7: the test years end with 2021. */
    public static final LocalDate DEFAULT_TEST_TO = LocalDate.of(2021, 12, 31);

    /** The windows of spec section 7. */
    public static final Sweep DEFAULTS = new Sweep(DEFAULT_TRAIN_FROM, DEFAULT_TRAIN_TO, DEFAULT_TEST_FROM,
        DEFAULT_TEST_TO);

    /** Checks every field. */
    public Sweep {
      Check.notNull(trainFrom, "replay.sweep.trainFrom");
      Check.notNull(trainTo, "replay.sweep.trainTo");
      Check.notNull(testFrom, "replay.sweep.testFrom");
      Check.notNull(testTo, "replay.sweep.testTo");
      Check.isTrue(!trainTo.isBefore(trainFrom), "replay.sweep.trainTo",
          "must not be before replay.sweep.trainFrom (" + trainFrom + "), but was " + trainTo);
      Check.isTrue(!testTo.isBefore(testFrom), "replay.sweep.testTo",
          "must not be before replay.sweep.testFrom (" + testFrom + "), but was " + testTo);
    }
  }
}
