package dev.alvh.app.live;

import dev.alvh.core.Check;
import dev.alvh.core.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TWS / IB Gateway's daily restart ({@code broker.ibkr.restartTime}, New York time): no new order
 * from {@code restartQuietMinutes} before it until the session has connected again after it (and so
 * reconciled: the session runs the reconciliation before it reports ready). If the connection stays
 * up through the restart (the Gateway did not restart then), orders resume once
 * {@code restartQuietMinutes} have passed after it, and the log says so once.
 */
public final class RestartWindow {

  private static final Logger LOG = LoggerFactory.getLogger(RestartWindow.class);

  private final Clock clock;
  private final LocalTime restart;
  private final Duration quiet;
  private volatile Instant lastReadyAt = Instant.MIN;
  private volatile Instant saidNoRestart = Instant.MIN;

  /** A window before {@code restart} of {@code quietMinutes}, on {@code clock}. */
  public RestartWindow(Clock clock, LocalTime restart, int quietMinutes) {
    this.clock = Check.notNull(clock, "clock");
    this.restart = Check.notNull(restart, "restart");
    this.quiet = Duration.ofMinutes(quietMinutes);
  }

  /** The session became ready (connected and reconciled) now. */
  public void ready() {
    lastReadyAt = clock.now();
  }

  /** Why no new order may be sent now, or empty. */
  public Optional<String> refusal() {
    if (quiet.isZero()) {
      return Optional.empty();
    }
    ZonedDateTime now = clock.marketTime();
    // The restart nearest ahead of or just behind now: today's, or tomorrow's when its quiet window has begun.
    ZonedDateTime r = now.toLocalDate().atTime(restart).atZone(Clock.MARKET_ZONE);
    if (!now.isBefore(r.plusDays(1).minus(quiet))) {
      r = r.plusDays(1);
    } else if (now.isBefore(r.minus(quiet))) {
      r = r.minusDays(1);
    }
    Instant start = r.minus(quiet).toInstant();
    Instant at = r.toInstant();
    Instant t = now.toInstant();
    if (t.isBefore(start)) {
      return Optional.empty();
    }
    if (t.isBefore(at)) {
      return Optional.of("TWS restarts at " + restart + " New York (broker.ibkr.restartTime): no new orders from "
          + quiet.toMinutes() + " minutes before (broker.ibkr.restartQuietMinutes) until reconnected");
    }
    if (!lastReadyAt.isBefore(start)) {
      return Optional.empty(); // reconnected and reconciled since the window began
    }
    if (!t.isBefore(at.plus(quiet))) {
      if (!saidNoRestart.equals(at)) {
        saidNoRestart = at;
        LOG.info("The connection to TWS stayed up through its restart time {} New York; orders resume", restart);
      }
      return Optional.empty();
    }
    return Optional.of("TWS restart at " + restart + " New York: waiting for the reconnect and reconciliation"
        + " before new orders");
  }
}
