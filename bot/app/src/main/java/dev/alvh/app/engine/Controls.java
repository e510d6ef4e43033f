package dev.alvh.app.engine;

import dev.alvh.core.Check;
import dev.alvh.core.HedgeState;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's switches that the engine consults every cycle: paused, halted, a forced hedge
 * state (with an optional last day) and approval mode.
 *
 * <ul>
 *   <li><b>paused</b>: the cycle decides nothing and leaves working orders alone.</li>
 *   <li><b>halted</b> (kill switch): working orders were cancelled when it was set; the cycle
 *       sends no new risk (no entries), only closing orders.</li>
 *   <li><b>forced</b>: the hedge is held in a state whatever the signals say, up to and
 *       including {@code until} when given; the hedge desk reads {@link #forcedState} and its
 *       layers follow the forced state.</li>
 *   <li><b>approval</b>: each order waits for an operator's approve or reject before it is sent.</li>
 * </ul>
 *
 * <p>Thread-safety: written by command handlers and read by the job thread; every method is
 * synchronized, so a reader sees a consistent state.
 */
public final class Controls {

  private boolean paused;
  private boolean halted;
  private boolean approvalRequired;
  private HedgeState forced;
  private LocalDate forcedUntil;

  /** Whether automation is paused. */
  public synchronized boolean paused() {
    return paused;
  }

  /** Pauses or resumes automation. */
  public synchronized void paused(boolean value) {
    paused = value;
  }

  /** Whether the kill switch is on. */
  public synchronized boolean halted() {
    return halted;
  }

  /** Sets or releases the kill switch (cancelling working orders is the caller's job). */
  public synchronized void halted(boolean value) {
    halted = value;
  }

  /** Whether each order waits for an operator's approval. */
  public synchronized boolean approvalRequired() {
    return approvalRequired;
  }

  /** Turns approval mode on or off. */
  public synchronized void approvalRequired(boolean value) {
    approvalRequired = value;
  }

  /**
   * Holds the hedge in {@code state}, through {@code until} inclusive when present.
   *
   * @throws IllegalArgumentException when a null state is given
   */
  public synchronized void force(HedgeState state, Optional<LocalDate> until) {
    forced = Check.notNull(state, "state");
    forcedUntil = Check.notNull(until, "until").orElse(null);
  }

  /** Lets the hedge machine decide again. */
  public synchronized void unforce() {
    forced = null;
    forcedUntil = null;
  }

  /** The forced state on {@code today}: empty when none, or when its last day has passed. */
  public synchronized Optional<HedgeState> forcedState(LocalDate today) {
    if (forced == null || (forcedUntil != null && today.isAfter(forcedUntil))) {
      return Optional.empty();
    }
    return Optional.of(forced);
  }

  /** The last day of the forced state, when one was given. */
  public synchronized Optional<LocalDate> forcedUntil() {
    return forced == null ? Optional.empty() : Optional.ofNullable(forcedUntil);
  }

  /** The forced state as set, whether or not its last day has passed. */
  public synchronized Optional<HedgeState> forcedSetting() {
    return Optional.ofNullable(forced);
  }

  /** {@code machineState} unless a state is forced on {@code today}. */
  public HedgeState effectiveHedgeState(HedgeState machineState, LocalDate today) {
    return forcedState(today).orElse(machineState);
  }

  /** The switches as an ordered map, for status and the audit trail. */
  public synchronized Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("paused", paused);
    m.put("halted", halted);
    m.put("approval", approvalRequired);
    m.put("forced", forced == null ? null : forced.name());
    m.put("forcedUntil", forcedUntil == null ? null : forcedUntil.toString());
    return m;
  }
}
