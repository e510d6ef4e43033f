package dev.alvh.core.signal;

/**
 * Which closes the VIX RSIs ({@code rsiVix}, {@code rsiVix21}) were computed from.
 *
 * <p>The spec asks for the VX front month where available: spot VIX cannot be traded and mean
 * reverts faster than the futures the hedge holds.
 */
public enum RsiSource {
  /** Spot VIX closes. */
  VIX,
  /** VX front-month closes (a continuous front-month series: it jumps at each roll). */
  VX_FRONT
}
