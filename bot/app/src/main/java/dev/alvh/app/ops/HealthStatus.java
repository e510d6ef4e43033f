package dev.alvh.app.ops;

import dev.alvh.core.Check;
import dev.alvh.core.HedgeState;
import java.time.Duration;
import java.util.Optional;

/**
 * The bot's health at one moment, as {@code /health} reports it.
 *
 * @param brokerConnected  whether the broker connection is up
 * @param heartbeatAge     time since the broker last answered, empty before the first answer
 * @param lastCycleAge     time since the last trading cycle ended, empty before the first
 * @param lastCycleOutcome {@code ok}, {@code skipped: why}, {@code failed: why} or {@code none}
 * @param hedgeState       the hedge state machine's state
 * @param halted           true while the risk gate is halted
 * @param haltReason       why, empty when not halted
 * @param killSwitch       true while the kill switch is engaged
 */
public record HealthStatus(boolean brokerConnected, Optional<Duration> heartbeatAge, Optional<Duration> lastCycleAge,
    String lastCycleOutcome, HedgeState hedgeState, boolean halted, String haltReason, boolean killSwitch) {

  /** Checks every field. */
  public HealthStatus {
    Check.notNull(heartbeatAge, "heartbeatAge");
    Check.notNull(lastCycleAge, "lastCycleAge");
    Check.notBlank(lastCycleOutcome, "lastCycleOutcome");
    Check.notNull(hedgeState, "hedgeState");
    Check.notNull(haltReason, "haltReason");
  }

  /** Healthy: the broker is connected, the bot is not halted and the kill switch is off. */
  public boolean ok() {
    return brokerConnected && !halted && !killSwitch;
  }
}
