package dev.alvh.core.condor;

/** Why a tranche ended; the names are the keys of the replay summary's {@code exitReasons}. */
public enum ExitReason {
  /** The debit to close fell to the profit target. */
  PROFIT_TARGET("profitTarget"),
  /** The debit to close rose to the stop. */
  STOP("stop"),
  /** The tranche reached the time-exit DTE. */
  TIME_EXIT("timeExit"),
  /** The tranche was rolled. */
  ROLL("roll"),
  /** The tranche was held to expiry and settled in cash. */
  SETTLED("settled"),
  /** An operator closed it by hand ({@code flatten condors}). */
  MANUAL("manual");

  private final String key;

  ExitReason(String key) {
    this.key = key;
  }

  /** The camel-case key used in JSON and the store. */
  public String key() {
    return key;
  }
}
