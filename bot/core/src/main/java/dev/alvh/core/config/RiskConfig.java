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
 */
public record RiskConfig(
    int maxContractsPerOrder, int maxOpenTranches, BigDecimal maxDailyLossPct, BigDecimal maxMarginUsePct,
    BigDecimal priceBandPct, int maxQuoteAgeSeconds) {

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

  /** The default limits. */
  public static final RiskConfig DEFAULTS = new RiskConfig(
      DEFAULT_MAX_CONTRACTS_PER_ORDER, DEFAULT_MAX_OPEN_TRANCHES, DEFAULT_MAX_DAILY_LOSS_PCT,
      DEFAULT_MAX_MARGIN_USE_PCT, DEFAULT_PRICE_BAND_PCT, DEFAULT_MAX_QUOTE_AGE_SECONDS);

  /** Checks every field; messages name the full key. */
  public RiskConfig {
    Check.inRange(maxContractsPerOrder, 1, 10_000, "risk.maxContractsPerOrder");
    Check.inRange(maxOpenTranches, 0, 100, "risk.maxOpenTranches");
    Check.inRange(maxDailyLossPct, new BigDecimal("0.1"), new BigDecimal("100"), "risk.maxDailyLossPct");
    Check.inRange(maxMarginUsePct, BigDecimal.ONE, new BigDecimal("100"), "risk.maxMarginUsePct");
    Check.inRange(priceBandPct, BigDecimal.ONE, new BigDecimal("100"), "risk.priceBandPct");
    Check.inRange(maxQuoteAgeSeconds, 1, 3600, "risk.maxQuoteAgeSeconds");
  }
}
