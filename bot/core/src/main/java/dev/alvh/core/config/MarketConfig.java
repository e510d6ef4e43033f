package dev.alvh.core.config;

import dev.alvh.core.Check;

/**
 * The simulated market's model parameters, all in one place; YAML group {@code market.*}.
 *
 * <p>Used by replay and by paper trading on the built-in market; ignored when the market data
 * come from a broker.
 *
 * @param seed             seed of the synthetic generator (same seed, same market)
 * @param ratePct          risk-free rate, percent a year
 * @param dividendYieldPct SPX dividend yield, percent a year
 * @param putSkew          implied vol rises by this factor per unit of -ln(K/F) below the money
 * @param callSkew         implied vol falls by this factor per unit of ln(K/F) above the money
 * @param strikeStep       SPX strike spacing, points
 * @param spreadPct        bid/ask spread, percent of the model price
 * @param minSpread        narrowest bid/ask spread, points
 * @param maxSpread        widest bid/ask spread, points
 * @param atmVixRatio      SPX at-the-money implied vol as a fraction of the VIX term structure
 *                         (VIX prices the whole skew, so ATM vol sits below it)
 * @param startSpx         SPX level on the first day of a synthetic scenario
 */
public record MarketConfig(
    long seed, double ratePct, double dividendYieldPct, double putSkew, double callSkew, double strikeStep,
    double spreadPct, double minSpread, double maxSpread, double atmVixRatio, double startSpx) {

  /** Seed 20160104. */
  public static final long DEFAULT_SEED = 20160104L;
  /** 3% a year. */
  public static final double DEFAULT_RATE_PCT = 3.0;
  /** 1.5% a year. */
  public static final double DEFAULT_DIVIDEND_YIELD_PCT = 1.5;
  /** Put skew 1.5: a 10% OTM put trades about 16% above ATM vol. */
  public static final double DEFAULT_PUT_SKEW = 1.5;
  /** Call skew 1.0: a 5% OTM call trades about 5% below ATM vol. */
  public static final double DEFAULT_CALL_SKEW = 1.0;
  /** 5-point SPX strikes. */
  public static final double DEFAULT_STRIKE_STEP = 5.0;
  /** Spread 4% of the model price. */
  public static final double DEFAULT_SPREAD_PCT = 4.0;
  /** At least 0.10 wide. */
  public static final double DEFAULT_MIN_SPREAD = 0.10;
  /** At most 2.00 wide. */
  public static final double DEFAULT_MAX_SPREAD = 2.00;

  /** ATM vol at 85% of the VIX term structure. */
  public static final double DEFAULT_ATM_VIX_RATIO = 0.85;
  /** Synthetic scenarios start with SPX at 3000. */
  public static final double DEFAULT_START_SPX = 3000.0;

  /** The defaults. */
  public static final MarketConfig DEFAULTS = new MarketConfig(
      DEFAULT_SEED, DEFAULT_RATE_PCT, DEFAULT_DIVIDEND_YIELD_PCT, DEFAULT_PUT_SKEW, DEFAULT_CALL_SKEW,
      DEFAULT_STRIKE_STEP, DEFAULT_SPREAD_PCT, DEFAULT_MIN_SPREAD, DEFAULT_MAX_SPREAD, DEFAULT_ATM_VIX_RATIO,
      DEFAULT_START_SPX);

  /** Checks every field. */
  public MarketConfig {
    Check.inRange(ratePct, -5, 25, "market.ratePct");
    Check.inRange(dividendYieldPct, 0, 20, "market.dividendYieldPct");
    Check.inRange(putSkew, 0, 10, "market.putSkew");
    Check.inRange(callSkew, 0, 10, "market.callSkew");
    Check.inRange(strikeStep, 0.5, 100, "market.strikeStep");
    Check.inRange(spreadPct, 0, 50, "market.spreadPct");
    Check.inRange(minSpread, 0.01, 10, "market.minSpread");
    Check.inRange(maxSpread, minSpread, 50, "market.maxSpread");
    Check.inRange(atmVixRatio, 0.3, 1.5, "market.atmVixRatio");
    Check.inRange(startSpx, 10, 1_000_000, "market.startSpx");
  }
}
