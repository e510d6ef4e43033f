package dev.alvh.core.instrument;

/**
 * The right of an option: call or put.
 *
 * <p>Carries its wire code ({@code "C"} / {@code "P"}, as IB spells it) and the sign of its
 * payoff slope, so callers never switch on booleans.
 */
public enum OptionRight {
  /** The right to receive {@code max(S - K, 0)} at expiry. */
  CALL("C", 1),
  /** The right to receive {@code max(K - S, 0)} at expiry. */
  PUT("P", -1);

  private final String code;
  private final int sign;

  OptionRight(String code, int sign) {
    this.code = code;
    this.sign = sign;
  }

  /** The one-letter code used by IB and in option symbols: {@code C} or {@code P}. */
  public String code() {
    return code;
  }

  /** +1 for a call, -1 for a put: the sign of the payoff's slope in the underlying. */
  public int sign() {
    return sign;
  }

  /** True for a call. */
  public boolean isCall() {
    return this == CALL;
  }

  /** The intrinsic value of one unit at underlying {@code s} and strike {@code k}. */
  public double intrinsic(double s, double k) {
    return Math.max(sign * (s - k), 0.0);
  }

  /** Parses {@code C}/{@code P}/{@code CALL}/{@code PUT} (any case). */
  public static OptionRight parse(String text) {
    switch (text.trim().toUpperCase(java.util.Locale.ROOT)) {
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
}
