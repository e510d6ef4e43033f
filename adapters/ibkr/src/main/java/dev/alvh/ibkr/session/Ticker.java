package dev.alvh.ibkr.session;

import dev.alvh.ibkr.msg.ServerMessage;
import java.util.OptionalDouble;

/**
 * The latest market data of one ticker id, as tick messages arrive (brief §5.6): bid, ask, last,
 * close, mark and the model option computation (tick 13, or 83 delayed). Prices of -1 mean "no
 * quote" and are kept out. Written by the session's dispatcher thread, read by any thread.
 */
public final class Ticker {

  /** Tick types (brief §5.6); delayed variants are 66.. and 80... */
  static final int BID = 1;
  static final int ASK = 2;
  static final int LAST = 4;
  static final int CLOSE = 9;
  static final int MARK = 37;
  static final int MODEL_OPTION = 13;
  static final int DELAYED_OFFSET = 65;
  static final int DELAYED_MODEL_OPTION = 83;

  private final int tickerId;
  private volatile double bid = Double.NaN;
  private volatile double ask = Double.NaN;
  private volatile double last = Double.NaN;
  private volatile double close = Double.NaN;
  private volatile double mark = Double.NaN;
  private volatile ServerMessage.TickOptionComputation model;
  private volatile int updates;

  Ticker(int tickerId) {
    this.tickerId = tickerId;
  }

  /** The ticker id the subscription uses. */
  public int tickerId() {
    return tickerId;
  }

  /** Applies one tick message of this ticker id (dispatcher thread only). */
  void apply(ServerMessage m) {
    if (m instanceof ServerMessage.TickPrice p) {
      int type = p.tickType() >= 66 && p.tickType() <= 76 ? p.tickType() - DELAYED_OFFSET : p.tickType();
      double v = p.price() >= 0 ? p.price() : Double.NaN;
      switch (type) {
        case BID -> bid = v;
        case ASK -> ask = v;
        case LAST -> last = v;
        case CLOSE -> close = v;
        case MARK -> mark = v;
        default -> {
          return;
        }
      }
      updates++;
    } else if (m instanceof ServerMessage.TickOptionComputation c
        && (c.tickType() == MODEL_OPTION || c.tickType() == DELAYED_MODEL_OPTION)) {
      model = c;
      updates++;
    }
  }

  /** Best bid, if quoted. */
  public OptionalDouble bid() {
    return of(bid);
  }

  /** Best ask, if quoted. */
  public OptionalDouble ask() {
    return of(ask);
  }

  /** Last trade (index level for an index), if any. */
  public OptionalDouble last() {
    return of(last);
  }

  /** Previous close, if any. */
  public OptionalDouble close() {
    return of(close);
  }

  /**
   * The best single price: last, else the bid/ask midpoint, else mark, else the previous close.
   * Indices have no bid/ask, so this is their level.
   */
  public OptionalDouble price() {
    if (!Double.isNaN(last)) {
      return OptionalDouble.of(last);
    }
    if (!Double.isNaN(bid) && !Double.isNaN(ask)) {
      return OptionalDouble.of((bid + ask) / 2);
    }
    if (!Double.isNaN(mark)) {
      return OptionalDouble.of(mark);
    }
    return of(close);
  }

  /** The model option computation (IV, greeks, underlying), if TWS sent one. */
  public java.util.Optional<ServerMessage.TickOptionComputation> model() {
    return java.util.Optional.ofNullable(model);
  }

  /** How many ticks have been applied; 0 = nothing arrived yet. */
  public int updates() {
    return updates;
  }

  private static OptionalDouble of(double v) {
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
