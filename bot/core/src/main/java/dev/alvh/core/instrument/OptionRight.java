package dev.alvh.core.instrument;

/**
 * The right an option gives its holder: to buy (call) or to sell (put) the underlying at the strike.
 *
 * <p>The right knows its sign in payoff formulas, {@code +1} for a call and {@code -1} for a
 * put, so code reads {@code right.sign() * (forward - strike)} instead of branching on a boolean.
 */
public enum OptionRight {

  /** The right to buy the underlying at the strike; pays {@code max(S - K, 0)} at expiry. */
  CALL(1),
  /** The right to sell the underlying at the strike; pays {@code max(K - S, 0)} at expiry. */
  PUT(-1);

  private final int sign;

  OptionRight(int sign) {
    this.sign = sign;
  }

  /** Returns true for {@link #CALL}. */
  public boolean isCall() {
    return this == CALL;
  }

  /** Returns true for {@link #PUT}. */
  public boolean isPut() {
    return this == PUT;
  }

  /** Returns {@code +1} for a call and {@code -1} for a put. */
  public int sign() {
    return sign;
  }

  /** Returns the other right: {@link #PUT} for a call, {@link #CALL} for a put. */
  public OptionRight opposite() {
    return this == CALL ? PUT : CALL;
  }

  /**
   * Returns the payoff at expiry per unit of underlying, {@code max(sign * (underlying - strike), 0)}.
   *
   * <p>Example: a 4000 SPX put with SPX at 3950 pays 50 index points (5,000 USD per contract at
   * multiplier 100). The result is never negative; equal underlying and strike pay 0.
   *
   * @param underlying  the settlement value of the underlying, in price points
   * @param strike  the strike, in the same units
   * @return the payoff in the same units, 0 or more
   */
  public double payoff(double underlying, double strike) {
    return Math.max(sign * (underlying - strike), 0d);
  }
}
