package dev.alvh.app.store;

import dev.alvh.core.hedge.HedgeAction;

/**
 * What a stored hedge trade did: the {@code action} column of {@code hedge_trade}, stored by name.
 * The first five are the planner's {@link HedgeAction.Type}s, same names; {@link #SETTLE} is a
 * position that expired and settled in cash, which no plan orders.
 */
public enum HedgeTradeAction {
  /** A layer opened (or a top-up of L3 in PRESS, or a roll's new layer). */
  OPEN,
  /** A whole position closed. */
  CLOSE,
  /** Part of a long layer sold at the profit multiple. */
  PROFIT_TAKE,
  /** Part of L2 sold on entering PRESS. */
  PRESS_TRIM,
  /** A PRESS bear call spread sold for a credit. */
  OPEN_SPREAD,
  /** A position settled in cash at expiry. */
  SETTLE;

  /** The trade of a planned action of type {@code type}. */
  public static HedgeTradeAction of(HedgeAction.Type type) {
    return switch (type) {
      case OPEN -> OPEN;
      case CLOSE -> CLOSE;
      case PROFIT_TAKE -> PROFIT_TAKE;
      case PRESS_TRIM -> PRESS_TRIM;
      case OPEN_SPREAD -> OPEN_SPREAD;
    };
  }
}
