package dev.alvh.paper.chains;

import dev.alvh.core.instrument.OptionRight;
import java.math.BigDecimal;

/**
 * One real quote of an option chain file: a strike and right of one root and expiration on one
 * quote date (those are the keys of {@link ChainIndex}).
 *
 * @param strike     strike, index points
 * @param right      call or put
 * @param bid        bid, points, 0 or more
 * @param ask        ask, points, above 0 and at least the bid
 * @param underlying the SPX level the file gives for the moment of the quote (DataShop:
 *                   {@code active_underlying_price_1545}; OptionsDX: {@code UNDERLYING_LAST};
 *                   the 2019 sample: {@code underlying_snapshot})
 * @param vendorIv   the file's implied volatility as a fraction, or NaN when it has none; used
 *                   only when the quote's own mid cannot be inverted
 * @param file       the file's name
 * @param line       the 1-based line in the file (the header is line 1)
 */
public record ChainQuote(BigDecimal strike, OptionRight right, BigDecimal bid, BigDecimal ask, double underlying,
    double vendorIv, String file, int line) {

  /** The mid price, points. */
  public double mid() {
    return (bid.doubleValue() + ask.doubleValue()) / 2;
  }

  /** Where the quote was read: {@code file line N}. */
  public String where() {
    return file + " line " + line;
  }
}
