package dev.alvh.core.condor;

import dev.alvh.core.EnumKeys;

/**
 * Why a tranche ended. A reason's {@link #key()}, its name in camel case (e.g. {@code profitTarget}),
 * is used in JSON and the store, and names it in the replay summary's {@code exitReasons}.
 */
public enum ExitReason implements EnumKeys.CamelCase {
  /** The debit to close fell to the profit target. */
  PROFIT_TARGET,
  /** The debit to close rose to the stop. */
  STOP,
  /** The tranche reached the time-exit DTE. */
  TIME_EXIT,
  /** The tranche was rolled. */
  ROLL,
  /** The tranche was held to expiry and settled in cash. */
  SETTLED,
  /** An operator closed it by hand ({@code flatten condors}). */
  MANUAL
}
