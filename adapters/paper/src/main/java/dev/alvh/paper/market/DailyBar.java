package dev.alvh.paper.market;

import dev.alvh.core.Check;
import java.time.LocalDate;

/**
 * One trading day of the indices the bot reads: open, high, low and close of SPX, VIX and VIX3M.
 * The simulated market walks each day through its high and low ({@link IntradayPath}).
 *
 * @param date       the trading day
 * @param spxOpen    SPX open, points
 * @param spxClose   SPX close, points
 * @param vixOpen    VIX open
 * @param vixClose   VIX close
 * @param vix3mOpen  VIX3M open
 * @param vix3mClose VIX3M close
 * @param spxHigh    SPX high of the day, at least the open and the close
 * @param spxLow     SPX low of the day, at most the open and the close
 * @param vixHigh    VIX high
 * @param vixLow     VIX low
 * @param vix3mHigh  VIX3M high
 * @param vix3mLow   VIX3M low
 */
public record DailyBar(
    LocalDate date, double spxOpen, double spxClose, double vixOpen, double vixClose, double vix3mOpen,
    double vix3mClose, double spxHigh, double spxLow, double vixHigh, double vixLow, double vix3mHigh,
    double vix3mLow) {

  /**
   * A bar without intraday extremes (synthetic history, sources with only open and close): the
   * high is the larger and the low the smaller of open and close, so the day's path goes straight
   * from the open to the close.
   */
  public DailyBar(LocalDate date, double spxOpen, double spxClose, double vixOpen, double vixClose, double vix3mOpen,
      double vix3mClose) {
    this(date, spxOpen, spxClose, vixOpen, vixClose, vix3mOpen, vix3mClose, Math.max(spxOpen, spxClose),
        Math.min(spxOpen, spxClose), Math.max(vixOpen, vixClose), Math.min(vixOpen, vixClose),
        Math.max(vix3mOpen, vix3mClose), Math.min(vix3mOpen, vix3mClose));
  }

  /**
   * Checks every level is positive. A high below the open or close (or a low above them), as
   * vendors' files sometimes have from rounding, is widened to them.
   */
  public DailyBar {
    Check.notNull(date, "date");
    Check.positive(spxOpen, "spxOpen");
    Check.positive(spxClose, "spxClose");
    Check.positive(vixOpen, "vixOpen");
    Check.positive(vixClose, "vixClose");
    Check.positive(vix3mOpen, "vix3mOpen");
    Check.positive(vix3mClose, "vix3mClose");
    Check.positive(spxLow, "spxLow");
    Check.positive(vixLow, "vixLow");
    Check.positive(vix3mLow, "vix3mLow");
    spxHigh = Math.max(spxHigh, Math.max(spxOpen, spxClose));
    spxLow = Math.min(spxLow, Math.min(spxOpen, spxClose));
    vixHigh = Math.max(vixHigh, Math.max(vixOpen, vixClose));
    vixLow = Math.min(vixLow, Math.min(vixOpen, vixClose));
    vix3mHigh = Math.max(vix3mHigh, Math.max(vix3mOpen, vix3mClose));
    vix3mLow = Math.min(vix3mLow, Math.min(vix3mOpen, vix3mClose));
  }
}
