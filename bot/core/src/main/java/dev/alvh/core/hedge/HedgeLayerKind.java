package dev.alvh.core.hedge;

/** What a held hedge position is made of (spec section 4, "Layers" and "PRESS actions"). */
public enum HedgeLayerKind {
  /** Long VIX calls: the default instrument of every layer. */
  VIX_CALL,
  /** Long SPX put debit spread: the L2 alternative (seed 000). */
  SPX_PUT_SPREAD,
  /** Short VIX bear call spread sold in PRESS: short call with its long call above, one combo. */
  PRESS_SPREAD;

  /** Whether the position was bought (a layer) rather than sold for a credit (a press spread). */
  public boolean isLong() {
    return this != PRESS_SPREAD;
  }
}
