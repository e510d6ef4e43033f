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
  CLOSE_HEDGE("unhedge");

  private final String action;

  OrderPurpose(String action) {
    this.action = action;
  }

  /** The short word used inside order refs, for example {@code open}. */
  public String action() {
    return action;
  }
}
