package dev.alvh.app.store;

/**
 * Whether a stored tranche or hedge position is still held: the {@code status} column of the
 * {@code tranche} and {@code hedge_layer} tables, stored by name ({@code OPEN}, {@code CLOSED}) and
 * bound as this enum in every statement that writes or filters it.
 */
public enum PositionStatus {
  /** Held: its legs are at the broker. */
  OPEN,
  /** Closed, settled or rolled away; kept for the reports. */
  CLOSED
}
