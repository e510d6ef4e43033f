package dev.alvh.core.config;

import dev.alvh.core.Check;
import java.math.BigDecimal;

/**
 * Risk limits enforced outside the strategy; YAML group {@code risk.*}.
 *
 * @param maxContractsPerOrder combos (or contracts) per order at most
 * @param maxOpenTranches      open tranches at most, whatever the strategy asks
 * @param maxDailyLossPct      a loss of this percent of start-of-day net liquidation halts the bot
 * @param maxMarginUsePct      margin use at most this percent of net liquidation
 * @param priceBandPct         an order's limit may differ from the model price by at most this percent
 * @param maxQuoteAgeSeconds   live quotes older than this skip the cycle
 * @param priceBandMinPoints   the price band is never narrower than this many points (cheap combos)
 * @param killSwitchFile       a file of this name in the data directory stops all orders while it exists
 */
public record RiskConfig(
    int maxContractsPerOrder, int maxOpenTranches, BigDecimal maxDailyLossPct, BigDecimal maxMarginUsePct,
    BigDecimal priceBandPct, int maxQuoteAgeSeconds, BigDecimal priceBandMinPoints, String killSwitchFile) {

  /** At most 50 contracts in one order. */
  public static final int DEFAULT_MAX_CONTRACTS_PER_ORDER = 50;
  /** At most 6 open tranches (above the strategy's 4, as a backstop). */
  public static final int DEFAULT_MAX_OPEN_TRANCHES = 6;
  /** Halt after a 5% loss in one day. */
  public static final BigDecimal DEFAULT_MAX_DAILY_LOSS_PCT = new BigDecimal("5");
  /** Margin use at most 50% of net liquidation. */
  public static final BigDecimal DEFAULT_MAX_MARGIN_USE_PCT = new BigDecimal("50");
  /** Limit prices within 25% of the model price. */
  public static final BigDecimal DEFAULT_PRICE_BAND_PCT = new BigDecimal("25");
  /** Quotes older than 60 seconds are stale. */
  public static final int DEFAULT_MAX_QUOTE_AGE_SECONDS = 60;
  /** The price band is at least 0.10 points wide, so a 0.05 close of a nearly worthless combo passes. */
  public static final BigDecimal DEFAULT_PRICE_BAND_MIN_POINTS = new BigDecimal("0.10");
  /** {@code data/KILL}: create it to stop every order, delete it to resume. */
  public static final String DEFAULT_KILL_SWITCH_FILE = "KILL";

  /** The default limits. */
  public static final RiskConfig DEFAULTS = new RiskConfig(
      DEFAULT_MAX_CONTRACTS_PER_ORDER, DEFAULT_MAX_OPEN_TRANCHES, DEFAULT_MAX_DAILY_LOSS_PCT,
      DEFAULT_MAX_MARGIN_USE_PCT, DEFAULT_PRICE_BAND_PCT, DEFAULT_MAX_QUOTE_AGE_SECONDS,
      DEFAULT_PRICE_BAND_MIN_POINTS, DEFAULT_KILL_SWITCH_FILE);

  /** Checks every field; messages name the full key. */
  public RiskConfig {
    Check.inRange(maxContractsPerOrder, 1, 10_000, "risk.maxContractsPerOrder");
    Check.inRange(maxOpenTranches, 0, 100, "risk.maxOpenTranches");
    Check.inRange(maxDailyLossPct, new BigDecimal("0.1"), new BigDecimal("100"), "risk.maxDailyLossPct");
    Check.inRange(maxMarginUsePct, BigDecimal.ONE, new BigDecimal("100"), "risk.maxMarginUsePct");
    Check.inRange(priceBandPct, BigDecimal.ONE, new BigDecimal("100"), "risk.priceBandPct");
    Check.inRange(maxQuoteAgeSeconds, 1, 3600, "risk.maxQuoteAgeSeconds");
    Check.inRange(priceBandMinPoints, BigDecimal.ZERO, new BigDecimal("10"), "risk.priceBandMinPoints");
    Check.notBlank(killSwitchFile, "risk.killSwitchFile");
    Check.isTrue(killSwitchFile.matches("[A-Za-z0-9._-]+") && !killSwitchFile.startsWith("."), "risk.killSwitchFile",
        "must be a plain file name of [A-Za-z0-9._-] not starting with '.', but was '" + killSwitchFile + "'");
  }

  /** The first six limits with the defaults for the rest (kept for callers written before them). */
  public RiskConfig(int maxContractsPerOrder, int maxOpenTranches, BigDecimal maxDailyLossPct,
      BigDecimal maxMarginUsePct, BigDecimal priceBandPct, int maxQuoteAgeSeconds) {
    this(maxContractsPerOrder, maxOpenTranches, maxDailyLossPct, maxMarginUsePct, priceBandPct, maxQuoteAgeSeconds,
        DEFAULT_PRICE_BAND_MIN_POINTS, DEFAULT_KILL_SWITCH_FILE);
  }
}
