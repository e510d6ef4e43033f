package dev.alvh.core.instrument;

/**
 * The right an option gives its holder: to buy (call) or to sell (put) the underlying at the strike.
 *
 * <p>The right knows its sign in payoff formulas, {@code +1} for a call and {@code -1} for a
 * put, so code reads {@code right.sign() * (forward - strike)} instead of branching on a boolean.
 */
public enum OptionRight {

  /** The right to buy the underlying at the strike; pays {@code max(S - K, 0)} at expiry. */
  CALL(1, "C"),
  /** The right to sell the underlying at the strike; pays {@code max(K - S, 0)} at expiry. */
  PUT(-1, "P");

  private final int sign;
  private final String code;

  OptionRight(int sign, String code) {
    this.sign = sign;
    this.code = code;
  }

  /** The one-letter code used by IB and in contract keys: {@code C} or {@code P}. */
  public String code() {
    return code;
  }

  /** Parses {@code C}, {@code P}, {@code CALL} or {@code PUT}, in any case. */
  public static OptionRight parse(String text) {
    switch (text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT)) {
      case "C":
      case "CALL":
        return CALL;
      case "P":
      case "PUT":
        return PUT;
      default:
        throw new IllegalArgumentException("option right must be C or P, but was '" + text + "'");
    }
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
