package dev.alvh.core.pricing;

import dev.alvh.core.Check;
import dev.alvh.core.instrument.OptionRight;

/**
 * The inputs of one European option under Black-76: forward, strike, time, volatility, rates, right.
 *
 * <p>The option is priced on the forward of its underlying for the option's expiry and
 * discounted at the continuously compounded {@code rate}. {@code carry} is the cost of carry
 * (per year, continuously compounded) that links the traded underlying to that forward,
 * {@code forward = underlying * exp(carry * years)}:
 * <ul>
 *   <li>SPX options: the underlying is the index, {@code carry = rate - dividendYield}
 *       (see {@link #fromSpot}).
 *   <li>VIX options: the underlying is the VX future of the same expiry, which already is the
 *       forward, so {@code carry = 0} (see {@link #onFuture}). Spot VIX is not an input.
 * </ul>
 * The carry matters for two greeks only: the spot delta and gamma, and theta, which moves time
 * with the underlying held fixed (so the forward drifts at {@code carry}).
 *
 * <p>Example: a 45-day SPX 3800 put with SPX at 4000, rate 3%, dividend yield 1.5%, vol 20%:
 * {@code BlackInputs.fromSpot(4000, 0.03, 0.015, 45 / 365.0, 0.20, 3800, OptionRight.PUT)},
 * whose forward is 4000 * exp(0.015 * 0.1233) = 4007.40 index points and whose discount factor
 * is exp(-0.03 * 0.1233) = 0.99631.
 *
 * <p>At or after expiry ({@code yearsToExpiry <= 0}) the option is worth its intrinsic value;
 * the discount factor and the forward growth are then taken as 1, not grown backwards.
 *
 * @param forward  the forward (or futures) price of the underlying for the expiry, in price
 *     points; greater than 0
 * @param strike  the strike, in the same units; greater than 0
 * @param yearsToExpiry  the time to expiry in years (ACT/365 by the caller's convention); may be
 *     0 or negative for an option at or past expiry
 * @param vol  the lognormal (Black) volatility as a fraction, 0.20 for 20%; in [0, 10]
 * @param rate  the continuously compounded discount rate as a fraction per year; in [-1, 1]
 * @param carry  the cost of carry from the underlying to the forward, per year; in [-1, 1]
 * @param right  call or put
 */
public record BlackInputs(
    double forward,
    double strike,
    double yearsToExpiry,
    double vol,
    double rate,
    double carry,
    OptionRight right) {

  /** The largest accepted volatility, 10.00 (1000%); larger values are taken as a unit mistake. */
  public static final double MAX_VOL = 10d;
  /** The largest accepted time to expiry, in years, either side of zero. */
  public static final double MAX_YEARS = 100d;

  /** Checks every field; the message names the field and the bad value. */
  public BlackInputs {
    Check.positive(forward, "forward");
    if (!Double.isFinite(forward)) {
      Check.isTrue(false, "forward", "must be finite, but was " + forward);
    }
    Check.positive(strike, "strike");
    if (!Double.isFinite(strike)) {
      Check.isTrue(false, "strike", "must be finite, but was " + strike);
    }
    Check.inRange(yearsToExpiry, -MAX_YEARS, MAX_YEARS, "yearsToExpiry");
    Check.inRange(vol, 0d, MAX_VOL, "vol");
    Check.inRange(rate, -1d, 1d, "rate");
    Check.inRange(carry, -1d, 1d, "carry");
    Check.notNull(right, "right");
  }

  /**
   * Returns the inputs for an option on an index (SPX) priced from its spot level.
   *
   * <p>The forward is {@code spot * exp((rate - dividendYield) * years)}; the cost of carry is
   * {@code rate - dividendYield}.
   *
   * @param spot  the index level, greater than 0
   * @param rate  the continuously compounded rate, in [-1, 1]
   * @param dividendYield  the continuous dividend yield, in [-1, 1]
   * @param years  the time to expiry in years; 0 or less means expired
   * @param vol  the Black volatility as a fraction
   * @param strike  the strike in index points
   * @param right  call or put
   * @return the inputs
   */
  public static BlackInputs fromSpot(
      double spot, double rate, double dividendYield, double years, double vol, double strike, OptionRight right) {
    Check.positive(spot, "spot");
    Check.inRange(rate, -1d, 1d, "rate");
    Check.inRange(dividendYield, -1d, 1d, "dividendYield");
    Check.inRange(years, -MAX_YEARS, MAX_YEARS, "yearsToExpiry");
    double carry = rate - dividendYield;
    double forward = spot * Math.exp(carry * Math.max(years, 0d));
    return new BlackInputs(forward, strike, years, vol, rate, carry, right);
  }

  /**
   * Returns the inputs for an option on a futures contract (VIX options on the VX future).
   *
   * <p>The forward is the futures price of the same expiry and the cost of carry is 0; the
   * price is discounted at {@code rate}.
   *
   * @param futurePrice  the futures price, greater than 0
   * @param rate  the continuously compounded rate, in [-1, 1]
   * @param years  the time to expiry in years; 0 or less means expired
   * @param vol  the Black volatility as a fraction
   * @param strike  the strike in futures price points
   * @param right  call or put
   * @return the inputs
   */
  public static BlackInputs onFuture(
      double futurePrice, double rate, double years, double vol, double strike, OptionRight right) {
    Check.positive(futurePrice, "futurePrice");
    return new BlackInputs(futurePrice, strike, years, vol, rate, 0d, right);
  }

  /** Returns true if the option is at or past expiry ({@code yearsToExpiry <= 0}). */
  public boolean isExpired() {
    return yearsToExpiry <= 0d;
  }

  /** Returns {@code exp(-rate * yearsToExpiry)}, or 1 at or after expiry. */
  public double discountFactor() {
    return Math.exp(-rate * Math.max(yearsToExpiry, 0d));
  }

  /**
   * Returns {@code dForward/dUnderlying = exp(carry * yearsToExpiry)}, or 1 at or after expiry.
   *
   * <p>This is 1 for an option on a future.
   */
  public double forwardGrowth() {
    return Math.exp(carry * Math.max(yearsToExpiry, 0d));
  }

  /** Returns the traded underlying's level, {@code forward / forwardGrowth()}: spot for SPX, the future for VIX. */
  public double underlying() {
    return forward / forwardGrowth();
  }

  /** Returns a copy with another volatility. */
  public BlackInputs withVol(double newVol) {
    return new BlackInputs(forward, strike, yearsToExpiry, newVol, rate, carry, right);
  }

  /** Returns a copy with another right (the call for a put and so on). */
  public BlackInputs withRight(OptionRight newRight) {
    return new BlackInputs(forward, strike, yearsToExpiry, vol, rate, carry, newRight);
  }

  /** Returns a copy with another strike. */
  public BlackInputs withStrike(double newStrike) {
    return new BlackInputs(forward, newStrike, yearsToExpiry, vol, rate, carry, right);
  }

  /**
   * Returns a copy with another time to expiry, the underlying held fixed.
   *
   * <p>The forward moves with the carry, {@code underlying() * exp(carry * newYears)}, so this is
   * the option one day later (or earlier) with the market unchanged.
   */
  public BlackInputs withYearsToExpiry(double newYears) {
    double newForward = underlying() * Math.exp(carry * Math.max(newYears, 0d));
    return new BlackInputs(newForward, strike, newYears, vol, rate, carry, right);
  }
}
