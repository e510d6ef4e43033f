package dev.alvh.ibkr.session;

/**
 * A request to TWS failed: not connected, trading paused, no answer within its time limit, refused
 * by the rate limiter or the circuit breaker, or answered with an error code.
 *
 * <p>Unchecked because the core ports ({@code Broker}, {@code MarketData}) declare none; the
 * message says which request failed and why, and {@link #code()} holds TWS's error code when TWS
 * sent one.
 */
public final class TwsRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** No TWS error code: the failure was found on this side. */
  public static final int NO_CODE = -1;

  /** Refused before anything was written to the socket: the request certainly did not go out. */
  public static final int NOT_SENT = -2;

  /**
   * The account TWS reports is not one this program may trade (a live account for a paper run, a
   * paper account or an unconfirmed one for a live run): the connection was closed at once and is
   * not tried again.
   */
  public static final int ACCOUNT_REFUSED = -3;

  /** TWS's errMsg code, or {@link #NO_CODE}. */
  private final int code;

  /** A failure found on this side. */
  public TwsRequestException(String message) {
    this(message, NO_CODE, null);
  }

  /** A refusal before anything was sent ({@link #NOT_SENT}). */
  public static TwsRequestException notSent(String message, Throwable cause) {
    return new TwsRequestException(message, NOT_SENT, cause);
  }

  /** A failure with a TWS code and/or a cause. */
  public TwsRequestException(String message, int code, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** TWS's errMsg code, or {@link #NO_CODE}. */
  public int code() {
    return code;
  }
}
