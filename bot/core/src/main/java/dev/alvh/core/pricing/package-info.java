/**
 * Option math: Black-76 prices, greeks and implied volatility for SPX and VIX options.
 *
 * <p>The Black formulas themselves come from OpenGamma Strata's {@code BlackFormulaRepository};
 * this package adds the discounting, the spot/forward chain rule and the conventions the bot
 * uses (vega per 1.00 of volatility, theta per calendar day).
 */
package dev.alvh.core.pricing;
