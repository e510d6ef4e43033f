package dev.alvh.core.order;

/** Why an order is sent; stored with every intent so a person can read the journal. */
public enum OrderPurpose {
  /** Opens a new iron condor tranche. */
  OPEN_CONDOR("open"),
  /** Closes a whole tranche (profit target, stop, time exit). */
  CLOSE_CONDOR("close"),
  /** Rolls the tested side of a tranche. */
  ROLL_CONDOR("roll"),
  /** Buys a hedge layer. */
  OPEN_HEDGE("hedge"),
  /** Sells a hedge layer, in whole or in part. */
  CLOSE_HEDGE("unhedge"),
  /** Sells a VIX bear call spread in PRESS (short call and its long call, one combo). */
  OPEN_PRESS("press"),
  /** Buys back a PRESS spread (stop, UNWIND), both legs in one combo. */
  CLOSE_PRESS("unpress");

  private final String action;

  OrderPurpose(String action) {
    this.action = action;
  }

  /** The short word used inside order refs, for example {@code open}. */
  public String action() {
    return action;
  }
}
