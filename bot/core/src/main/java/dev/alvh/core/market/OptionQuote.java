package dev.alvh.core.market;

import dev.alvh.core.Check;
import dev.alvh.core.instrument.OptionContract;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A quote of one option series with the model values the source gives.
 *
 * <p>Prices are per unit of the underlying (points), as quoted: a bid of 2.35 on an SPXW option
 * is 235 USD per contract. Greeks are per unit of the option: {@code delta} in [-1, 1],
 * {@code vega} per 1.00 of volatility.
 *
 * @param contract the series
 * @param bid      best bid in points, 0 or more
 * @param ask      best ask in points, at least the bid
 * @param iv       implied volatility as a decimal (0.18 = 18%)
 * @param delta    option delta
 * @param gamma    option gamma
 * @param vega     option vega per 1.00 of volatility
 * @param theta    option theta per calendar day
 */
public record OptionQuote(
    OptionContract contract, BigDecimal bid, BigDecimal ask,
    double iv, double delta, double gamma, double vega, double theta) {

  /** Checks every field: bid >= 0, ask >= bid. */
  public OptionQuote {
    Check.notNull(contract, "contract");
    Check.notNegative(bid, "bid");
    Check.notNull(ask, "ask");
    if (ask.compareTo(bid) < 0) { // no message built on the hot path: every strike of every chain
      Check.isTrue(false, "ask", "must be at least the bid " + bid + ", but was " + ask);
    }
  }

  /** The mid price, (bid + ask) / 2, in points. */
  public BigDecimal mid() {
    return bid.add(ask).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_EVEN).stripTrailingZeros();
  }

  /** The spread, ask - bid, in points. */
  public BigDecimal spread() {
    return ask.subtract(bid);
  }
}
