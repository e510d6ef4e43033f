package dev.alvh.core.hedge;

import dev.alvh.core.Check;
import dev.alvh.core.order.OrderIntent;

/**
 * One hedge order the planner wants sent, and what it does to the book's positions when it fills.
 *
 * @param type     what the order does
 * @param layerId  the position it opens or changes ({@link HeldLayer#id()})
 * @param level    the layer level 1 to 3; 0 for the base layer (long) and for a PRESS spread
 * @param kind     what the position is made of
 * @param order    the order intent, with a deterministic ref and a reason that names both size limits
 */
public record HedgeAction(Type type, String layerId, int level, HedgeLayerKind kind, OrderIntent order) {

  /** What an action does to the positions. */
  public enum Type {
    /** Opens a new layer (or a top-up of L3 in PRESS, or a roll's new layer). */
    OPEN,
    /** Closes the whole position. */
    CLOSE,
    /** Sells part of a long layer at the profit multiple; the rest is kept. */
    PROFIT_TAKE,
    /** Sells part of L2 on entering PRESS; the rest is kept. */
    PRESS_TRIM,
    /** Sells a PRESS bear call spread for a credit. */
    OPEN_SPREAD
  }

  /** Checks every field. */
  public HedgeAction {
    Check.notNull(type, "type");
    Check.notBlank(layerId, "layerId");
    Check.inRange(level, 0, 3, "level");
    Check.notNull(kind, "kind");
    Check.notNull(order, "order");
  }

  /** Whether the action concerns the standing base layer. */
  public boolean isBase() {
    return level == 0 && kind.isLong();
  }

  /** Whether the action opens a position (spends premium or takes on spread risk). */
  public boolean opens() {
    return type == Type.OPEN || type == Type.OPEN_SPREAD;
  }
}
