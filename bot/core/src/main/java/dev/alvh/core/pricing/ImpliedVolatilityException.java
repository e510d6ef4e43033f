package dev.alvh.core.pricing;

import java.util.Locale;

/**
 * Thrown when no Black volatility reproduces an option price.
 *
 * <p>This is not a programming error: market quotes can be stale or crossed, so a caller that
 * reads a chain should catch it and skip the quote. It carries the price, the no-arbitrage
 * bounds that were applied (present values, in price points) and the {@link Reason}.
 */
public final class ImpliedVolatilityException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why no volatility was found. */
  public enum Reason {
    /** The price is below the discounted intrinsic value, the value at zero volatility. */
    BELOW_INTRINSIC,
    /**
     * The price is at or above the discounted forward (call) or strike (put), the value at
     * infinite volatility.
     */
    AT_OR_ABOVE_UPPER_BOUND,
    /** The option is at or past expiry, where the price does not depend on volatility. */
    EXPIRED,
    /** The price was inside the bounds but the root finder did not converge. */
    NOT_CONVERGED
  }

  /** Why no volatility was found. */
  private final Reason reason;
  /** The price given, a present value in price points. */
  private final double price;
  /** The discounted intrinsic value. */
  private final double lowerBound;
  /** The discounted forward (call) or strike (put). */
  private final double upperBound;

  ImpliedVolatilityException(Reason reason, double price, double lowerBound, double upperBound, BlackInputs inputs,
      Throwable cause) {
    super(String.format(Locale.ROOT,
        "no implied volatility for price %s (%s): bounds [%s, %s), %s strike %s forward %s years %s",
        price, reason, lowerBound, upperBound, inputs.right(), inputs.strike(), inputs.forward(),
        inputs.yearsToExpiry()), cause);
    this.reason = reason;
    this.price = price;
    this.lowerBound = lowerBound;
    this.upperBound = upperBound;
  }

  /** Returns why no volatility was found. */
  public Reason reason() {
    return reason;
  }

  /** Returns the price that was given, a present value in price points. */
  public double price() {
    return price;
  }

  /** Returns the lowest price with a volatility: the discounted intrinsic value. */
  public double lowerBound() {
    return lowerBound;
  }

  /** Returns the price no volatility reaches: the discounted forward (call) or strike (put). */
  public double upperBound() {
    return upperBound;
  }
}
