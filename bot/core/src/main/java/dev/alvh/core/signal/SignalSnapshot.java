package dev.alvh.core.signal;

import dev.alvh.core.Check;
import dev.alvh.core.config.HedgeConfig;
import java.time.LocalDate;

/**
 * Every signal of spec section 3 as of one daily close, immutable.
 *
 * <p>Example, 2018-02-05: {@code vix} 37.32 against a {@code vixBase} of about 12, so
 * {@code vixRel} about 3; {@code termRatio} 0.76 (inverted); {@code score} 3 or more.
 *
 * <p>A value that cannot be computed (no VX quotes, or not enough history yet) is {@code NaN}.
 * {@code beSigma} is {@code +Infinity} when there is no open tranche. {@code vixPeak} is not
 * here: it belongs to the hedge state machine's context.
 *
 * @param date             the trading day of the closes
 * @param spx              SPX close
 * @param vix              VIX close
 * @param vix3m            VIX3M close
 * @param vxFront          VX front-month close, or {@code NaN}
 * @param vxSecond         VX second-month close, or {@code NaN}
 * @param vixBase          EMA of VIX closes as of the previous close (regime baseline)
 * @param vixRel           {@code vix / vixBase}
 * @param termRatio        {@code vix3m / vix}; above 1 is contango, below 1 inverted
 * @param futuresContango  {@code vxSecond / vxFront - 1}, or {@code NaN} without VX quotes
 * @param contangoZ        z-score of {@code termRatio} against its trailing mean and population
 *                         standard deviation (window including today); 0 when the window is flat
 * @param rsiSpx           RSI of SPX closes, 0 to 100
 * @param rsiVix           short RSI of VIX (or VX front) closes, 0 to 100
 * @param rsiVix21         long RSI of VIX (or VX front) closes, 0 to 100
 * @param rsiVixSource     which closes the two VIX RSIs come from
 * @param macdVixHist      MACD histogram of VIX closes (MACD minus its signal line)
 * @param macdVixHistTrend {@code +n} when the histogram rose on each of the last n days,
 *                         {@code -n} when it fell on each of the last n days, 0 when flat;
 *                         n is at most {@code max(2, hedge.signals.score.macdRisingDays)}
 * @param beSigma          minimum break-even distance over open tranches, in sigma
 * @param eventDay         within the event window of an FOMC, CPI or PPI date
 * @param score            the confluence score, 0 to 5 ({@link ScorePoint})
 * @param warm             whether every indicator has enough history; the bot does not trade
 *                         hedges on a snapshot that is not warm
 * @param notWarmReason    what history is missing, empty when warm
 */
public record SignalSnapshot(
    LocalDate date,
    double spx,
    double vix,
    double vix3m,
    double vxFront,
    double vxSecond,
    double vixBase,
    double vixRel,
    double termRatio,
    double futuresContango,
    double contangoZ,
    double rsiSpx,
    double rsiVix,
    double rsiVix21,
    RsiSource rsiVixSource,
    double macdVixHist,
    int macdVixHistTrend,
    double beSigma,
    boolean eventDay,
    int score,
    boolean warm,
    String notWarmReason) {

  /** Checks the fields that are never missing. */
  public SignalSnapshot {
    Check.notNull(date, "date");
    Check.notNull(rsiVixSource, "rsiVixSource");
    Check.notNull(notWarmReason, "notWarmReason");
    Check.inRange(score, 0, ScorePoint.values().length, "score");
    Check.isTrue(!Double.isNaN(beSigma) && beSigma >= 0, "beSigma",
        "must be 0 or more (+Infinity without open tranches), but was " + beSigma);
    Check.isTrue(warm == notWarmReason.isEmpty(), "notWarmReason",
        "must be empty exactly when warm, but was '" + notWarmReason + "' with warm=" + warm);
  }

  /**
   * This snapshot with another {@code beSigma} and the score recomputed: tranches move during
   * the day while the daily indicators do not.
   */
  public SignalSnapshot withBeSigma(double newBeSigma, HedgeConfig.Score config) {
    int newScore = ScorePoint.score(new ScorePoint.Values(contangoZ, termRatio, rsiSpx, macdVixHist,
        macdVixHistTrend, newBeSigma), config);
    return new SignalSnapshot(date, spx, vix, vix3m, vxFront, vxSecond, vixBase, vixRel, termRatio,
        futuresContango, contangoZ, rsiSpx, rsiVix, rsiVix21, rsiVixSource, macdVixHist,
        macdVixHistTrend, newBeSigma, eventDay, newScore, warm, notWarmReason);
  }

  /** Whether the histogram fell on the last day ({@code macdVixHistTrend < 0}). */
  public boolean macdVixHistFalling() {
    return macdVixHistTrend < 0;
  }
}
