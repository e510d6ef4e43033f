package dev.alvh.ibkr.msg;

import java.util.Map;
import java.util.Set;

/**
 * What an errMsg code means for the bot (brief §5.5), with the reaction it calls for.
 *
 * <p>The classification is by code alone; whether the message's id is an order id is for the
 * caller to know. Codes not listed anywhere are {@link #REQUEST_FAILED}, following ib_async: an
 * unknown error about an order means the order is dead. Example: code 202 "order cancelled" is
 * {@link #ORDER_TERMINAL}, so {@code ErrorClass.of(202).endsOrder()} is true, while 399 "order
 * message error" is a {@link #WARNING} and the order may still be live.
 */
public enum ErrorClass {

  /** Purely informational (2100 account subscription replaced, 2107/2108 farm idle, 2119). */
  INFO(false, false, false, false),
  /** A warning; any order concerned is still live (ib_async's warning set and 2100–2199). */
  WARNING(false, false, false, false),
  /** The order was rejected or cancelled by IB (201, 202) or never accepted (103). */
  ORDER_TERMINAL(true, false, false, false),
  /** A modify or cancel was refused; the order itself is unchanged (104, 135, 10147, 10148). */
  ORDER_REQUEST_REFUSED(false, false, false, false),
  /** The request with this id failed; if the id is an order id, the order is dead. */
  REQUEST_FAILED(true, false, false, false),
  /** Message rate exceeded (100): back off; TWS may disconnect after repeats. */
  PACING(false, false, false, false),
  /** IB ↔ TWS connectivity lost (1100, 2110): pause trading logic until restored. */
  LINK_LOST(false, true, false, false),
  /** Connectivity restored but market data lost (1101): resubscribe market data. */
  LINK_RESTORED_DATA_LOST(false, false, true, false),
  /** Connectivity restored with data maintained (1102): resume, refresh account data. */
  LINK_RESTORED(false, false, false, false),
  /** A data farm is disconnected (2103, 2105, 2157): quotes may be stale. */
  FARM_DOWN(false, false, false, false),
  /** A data farm is connected (2104, 2106, 2158), expected right after connecting. */
  FARM_OK(false, false, false, false),
  /**
   * The API session is unusable (326 client id in use, 502 cannot connect, 503 TWS too old, 504
   * not connected, 507 bad length/EOF, 1300 port reset): drop the socket and reconnect (for 326
   * with another client id).
   */
  SESSION_FATAL(false, true, false, true);

  private static final Set<Integer> WARNINGS =
      Set.of(105, 110, 165, 321, 329, 399, 404, 434, 492, 10090, 10167);

  private static final Map<Integer, ErrorClass> EXPLICIT = Map.ofEntries(
      Map.entry(100, PACING),
      Map.entry(103, ORDER_TERMINAL),
      Map.entry(201, ORDER_TERMINAL),
      Map.entry(202, ORDER_TERMINAL),
      Map.entry(104, ORDER_REQUEST_REFUSED),
      Map.entry(135, ORDER_REQUEST_REFUSED),
      Map.entry(10147, ORDER_REQUEST_REFUSED),
      Map.entry(10148, ORDER_REQUEST_REFUSED),
      Map.entry(326, SESSION_FATAL),
      Map.entry(502, SESSION_FATAL),
      Map.entry(503, SESSION_FATAL),
      Map.entry(504, SESSION_FATAL),
      Map.entry(507, SESSION_FATAL),
      Map.entry(1300, SESSION_FATAL),
      Map.entry(1100, LINK_LOST),
      Map.entry(2110, LINK_LOST),
      Map.entry(1101, LINK_RESTORED_DATA_LOST),
      Map.entry(1102, LINK_RESTORED),
      Map.entry(2103, FARM_DOWN),
      Map.entry(2105, FARM_DOWN),
      Map.entry(2157, FARM_DOWN),
      Map.entry(2104, FARM_OK),
      Map.entry(2106, FARM_OK),
      Map.entry(2158, FARM_OK),
      Map.entry(2100, INFO),
      Map.entry(2107, INFO),
      Map.entry(2108, INFO),
      Map.entry(2119, INFO));

  private final boolean endsOrder;
  private final boolean pausesTrading;
  private final boolean needsResubscribe;
  private final boolean needsReconnect;

  ErrorClass(boolean endsOrder, boolean pausesTrading, boolean needsResubscribe,
      boolean needsReconnect) {
    this.endsOrder = endsOrder;
    this.pausesTrading = pausesTrading;
    this.needsResubscribe = needsResubscribe;
    this.needsReconnect = needsReconnect;
  }

  /** Classifies an errMsg code. */
  public static ErrorClass of(int code) {
    ErrorClass explicit = EXPLICIT.get(code);
    if (explicit != null) {
      return explicit;
    }
    if (WARNINGS.contains(code) || (code >= 2100 && code <= 2199)) {
      return WARNING;
    }
    return REQUEST_FAILED;
  }

  /** True if an order named by the message's id is finished (no longer working). */
  public boolean endsOrder() {
    return endsOrder;
  }

  /** True if no new orders should be sent until the condition clears. */
  public boolean pausesTrading() {
    return pausesTrading;
  }

  /** True if every market-data subscription must be made again. */
  public boolean needsResubscribe() {
    return needsResubscribe;
  }

  /** True if the socket must be dropped and the session opened again. */
  public boolean needsReconnect() {
    return needsReconnect;
  }

  /** True for codes about the connection (IB link, data farms, the API session). */
  public boolean isConnectivity() {
    return this == LINK_LOST || this == LINK_RESTORED_DATA_LOST || this == LINK_RESTORED
        || this == FARM_DOWN || this == FARM_OK || this == SESSION_FATAL;
  }
}
