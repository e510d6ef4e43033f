package dev.alvh.core.pricing;

import dev.alvh.core.Check;

/**
 * The present value of one option and its first and second order sensitivities, per unit of underlying.
 *
 * <p>All values are for one unit of the underlying (multiply by the contract multiplier, 100
 * for SPX and VIX options, for dollars per contract) and for a long position.
 * <ul>
 *   <li>{@code price}: present value in price points.
 *   <li>{@code delta}, {@code gamma}: first and second derivative of the present value with
 *       respect to the forward (discounted: {@code DF * N(d1)} for a call).
 *   <li>{@code spotDelta}, {@code spotGamma}: the same with respect to the traded underlying
 *       (SPX spot; for an option on a future they equal {@code delta} and {@code gamma}),
 *       {@code exp(-q T) N(d1)} for an SPX call.
 *   <li>{@code vega}: derivative with respect to volatility per 1.00 (100 vol points); see
 *       {@link #vegaPerVolPoint()}.
 *   <li>{@code theta}: change of the present value per calendar day as time passes with the
 *       underlying, volatility and rate held fixed ({@code -dPV/dT / 365}); usually negative
 *       for a long option.
 * </ul>
 *
 * <p>Example: a 30-day VIX 25 call on a VX future at 22 with vol 90% and rate 3% has price
 * 1.197 VIX points (119.70 USD per contract), delta 0.356, gamma 0.0656, vega 2.35 (0.0235 per
 * vol point) and theta -0.0351 per day.
 *
 * @param price  the present value, in price points per unit
 * @param delta  dPrice/dForward
 * @param gamma  d2Price/dForward2, per price point of forward
 * @param spotDelta  dPrice/dUnderlying
 * @param spotGamma  d2Price/dUnderlying2
 * @param vega  dPrice/dVol, per 1.00 of volatility
 * @param theta  price change per calendar day
 */
public record OptionGreeks(
    double price, double delta, double gamma, double spotDelta, double spotGamma, double vega, double theta) {

  /** Checks that every value is a finite number. */
  public OptionGreeks {
    finite(price, "price");
    finite(delta, "delta");
    finite(gamma, "gamma");
    finite(spotDelta, "spotDelta");
    finite(spotGamma, "spotGamma");
    finite(vega, "vega");
    finite(theta, "theta");
  }

  /** Returns the vega per 1 volatility point (0.01), that is {@code vega / 100}. */
  public double vegaPerVolPoint() {
    return vega / 100d;
  }

  private static void finite(double value, String name) {
    if (!Double.isFinite(value)) { // no message built on the hot path: pricing runs millions of times a replay
      Check.isTrue(false, name, "must be finite, but was " + value);
    }
  }
}
