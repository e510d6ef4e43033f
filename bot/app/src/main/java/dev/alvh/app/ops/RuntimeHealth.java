package dev.alvh.app.ops;

import dev.alvh.core.Check;
import dev.alvh.core.port.Clock;
import dev.alvh.core.risk.RiskGate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@link HealthSource} of a running bot: the runtime tells it what happens (broker up or
 * down, heartbeats, cycles ending, hedge state), it keeps the latest of each in volatile fields
 * for the health server's thread, keeps {@link BotMetrics}' connection and halt gauges in step,
 * and tells the {@link Alerter} about connection changes.
 */
public final class RuntimeHealth implements HealthSource {

  private final Clock clock;
  private final BotMetrics metrics;
  private final Alerter alerter;
  private volatile boolean connected;
  private boolean everConnected;
  private volatile Instant heartbeat;
  private volatile Instant lastCycleEnd;
  private volatile String lastCycleOutcome = "none";
  private volatile String hedgeState = "CALM";
  private volatile boolean halted;
  private volatile String haltReason = "";
  private volatile boolean killSwitch;

  /** Health over {@code clock}; {@code alerter} may be null (no alerts). */
  public RuntimeHealth(Clock clock, BotMetrics metrics, Alerter alerter) {
    this.clock = Check.notNull(clock, "clock");
    this.metrics = Check.notNull(metrics, "metrics");
    this.alerter = alerter;
  }

  /** The broker connection went up or down; a reconnect is counted. */
  public synchronized void connection(boolean up) {
    boolean was = connected;
    connected = up;
    if (up) {
      heartbeat = clock.now();
      if (!was && everConnected) {
        metrics.reconnected();
      }
      everConnected = true;
    }
    if (alerter != null) {
      alerter.connectionChanged(up);
    }
    metrics.state(connected, halted);
  }

  /** The broker answered (any message, or a heartbeat reply). */
  public void heartbeat() {
    heartbeat = clock.now();
  }

  /**
   * A trading cycle ended.
   *
   * @param outcome ok, skipped or failed
   * @param why     the reason for skipped or failed, empty for ok
   * @param took    how long it ran
   */
  public void cycleEnded(String outcome, String why, Duration took) {
    metrics.cycle(outcome, took);
    lastCycleEnd = clock.now();
    lastCycleOutcome = "ok".equals(outcome) || why == null || why.isBlank() ? outcome : outcome + ": " + why;
  }

  /** The hedge state now. */
  public void hedgeState(String state) {
    hedgeState = Check.notBlank(state, "state");
  }

  /** The risk gate's halt and kill switch now. */
  public void risk(RiskGate gate) {
    halted = gate.halted();
    haltReason = gate.haltState().reason();
    killSwitch = gate.killSwitchEngaged();
    metrics.state(connected, halted);
  }

  @Override
  public HealthStatus health() {
    Instant now = clock.now();
    Instant hb = heartbeat;
    Instant cycle = lastCycleEnd;
    return new HealthStatus(connected, Optional.ofNullable(hb).map(t -> Duration.between(t, now)),
        Optional.ofNullable(cycle).map(t -> Duration.between(t, now)), lastCycleOutcome, hedgeState, halted,
        haltReason, killSwitch);
  }
}
