package dev.alvh.core.market;

import dev.alvh.core.Check;
import java.time.Instant;

/**
 * The index levels the strategy reads, as of one instant.
 *
 * <p>Example: SPX 2648.94, VIX 37.32, VIX3M 28.89 at the close of 2018-02-05.
 *
 * @param asOf  when the levels were observed
 * @param spx   S&amp;P 500 index level, points
 * @param vix   Cboe VIX, volatility points
 * @param vix3m Cboe VIX3M, volatility points
 */
public record IndexLevels(Instant asOf, double spx, double vix, double vix3m) {

  /** Checks every level is positive. */
  public IndexLevels {
    Check.notNull(asOf, "asOf");
    Check.positive(spx, "spx");
    Check.positive(vix, "vix");
    Check.positive(vix3m, "vix3m");
  }
}
