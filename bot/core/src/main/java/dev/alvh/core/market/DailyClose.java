package dev.alvh.core.market;

import dev.alvh.core.Check;
import java.time.LocalDate;

/**
 * The close of one index on one trading day, from a market's daily history (e.g. IB's daily bars).
 *
 * <p>Example: 2026-03-16, SPX 5675.12.
 *
 * @param date  the trading day
 * @param close the closing level, index points
 */
public record DailyClose(LocalDate date, double close) {

  /** Checks the date is set and the close positive. */
  public DailyClose {
    Check.notNull(date, "date");
    Check.positive(close, "close");
  }
}
