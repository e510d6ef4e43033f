package dev.alvh.core.instrument;

/**
 * Buy or sell: the direction of an order or a combo leg.
 *
 * <p>Knows its sign (+1 buys, -1 sells) and its opposite, so closing a position is
 * {@code side.opposite()} rather than a boolean flip.
 */
public enum Side {
  /** Buy: position quantity goes up, cash goes down. */
  BUY(1),
  /** Sell: position quantity goes down, cash goes up. */
  SELL(-1);

  private final int sign;

  Side(int sign) {
    this.sign = sign;
  }

  /** +1 for a buy, -1 for a sell. */
  public int sign() {
    return sign;
  }

  /** The side that undoes this one. */
  public Side opposite() {
    return this == BUY ? SELL : BUY;
  }

  /** The side that opens a position of signed quantity {@code q} (positive: long). */
  public static Side ofQuantity(long q) {
    return q >= 0 ? BUY : SELL;
  }
}
