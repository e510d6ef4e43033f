package dev.alvh.paper.market;

import dev.alvh.core.Check;
import java.time.LocalDate;

/**
 * One trading day of the indices the bot reads: open and close of SPX, VIX and VIX3M.
 *
 * @param date       the trading day
 * @param spxOpen    SPX open, points
 * @param spxClose   SPX close, points
 * @param vixOpen    VIX open
 * @param vixClose   VIX close
 * @param vix3mOpen  VIX3M open
 * @param vix3mClose VIX3M close
 */
public record DailyBar(
    LocalDate date, double spxOpen, double spxClose, double vixOpen, double vixClose, double vix3mOpen,
    double vix3mClose) {

  /** Checks every level is positive. */
  public DailyBar {
    Check.notNull(date, "date");
    Check.positive(spxOpen, "spxOpen");
    Check.positive(spxClose, "spxClose");
    Check.positive(vixOpen, "vixOpen");
    Check.positive(vixClose, "vixClose");
    Check.positive(vix3mOpen, "vix3mOpen");
    Check.positive(vix3mClose, "vix3mClose");
  }
}
