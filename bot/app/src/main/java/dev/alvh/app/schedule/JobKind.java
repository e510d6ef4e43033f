package dev.alvh.app.schedule;

/**
 * The kinds of scheduled job; the declaration order is the order of jobs due at the same instant.
 */
public enum JobKind {
  /** Reconnect and reconcile before the open. */
  PRE_OPEN,
  /** One trading cycle during regular hours. */
  CYCLE,
  /** After the close: daily signal bars and the report. */
  END_OF_DAY
}
