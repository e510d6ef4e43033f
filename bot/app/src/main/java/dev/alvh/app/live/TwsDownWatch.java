package dev.alvh.app.live;

import dev.alvh.app.ops.Alerter;
import dev.alvh.core.Check;
import dev.alvh.core.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not connected to TWS for longer than {@code broker.ibkr.alertAfterMinutes}, at start or later:
 * one {@link Alerter.Kind#TWS_DOWN} alert, then one every hour while it lasts (the Sunday logon that
 * waits for a person's second factor, a Gateway that did not come back after its restart).
 * {@link #check()} is called periodically (every few seconds) by the runtime.
 */
public final class TwsDownWatch {

  private static final Logger LOG = LoggerFactory.getLogger(TwsDownWatch.class);
  /** How often the runtime calls {@link #check()}, seconds. */
  public static final long CHECK_SECONDS = 15;
  /** Repeat interval while the connection stays down. */
  public static final Duration REPEAT = Duration.ofHours(1);

  private final Clock clock;
  private final Duration after;
  private final BooleanSupplier connected;
  private final String where;
  private volatile Alerter alerter;
  private Instant downSince;
  private Instant lastAlert;
  private int alerts;
  private String lastText = "";

  /**
   * @param where TWS's address, for the alert text
   */
  public TwsDownWatch(Clock clock, int alertAfterMinutes, BooleanSupplier connected, String where) {
    this.clock = Check.notNull(clock, "clock");
    this.after = Duration.ofMinutes(alertAfterMinutes);
    this.connected = Check.notNull(connected, "connected");
    this.where = Check.notBlank(where, "where");
  }

  /** Alerts go through {@code a} from now on. */
  public void alerter(Alerter a) {
    this.alerter = a;
  }

  /** Alerts raised so far. */
  public synchronized int alerts() {
    return alerts;
  }

  /** The text of the last alert, empty before the first. */
  public synchronized String lastText() {
    return lastText;
  }

  /** Looks at the connection now; alerts when due. */
  public synchronized void check() {
    Instant now = clock.now();
    if (connected.getAsBoolean()) {
      if (downSince != null && lastAlert != null) {
        LOG.info("Connected to TWS again after {} min", Duration.between(downSince, now).toMinutes());
      }
      downSince = null;
      lastAlert = null;
      return;
    }
    if (downSince == null) {
      downSince = now;
      return;
    }
    Duration down = Duration.between(downSince, now);
    if (down.compareTo(after) < 0 || (lastAlert != null && Duration.between(lastAlert, now).compareTo(REPEAT) < 0)) {
      return;
    }
    lastAlert = now;
    alerts++;
    String text = "not connected to TWS at " + where + " for " + down.toMinutes() + " min (since " + downSince
        + "; broker.ibkr.alertAfterMinutes " + after.toMinutes() + "): no orders meanwhile. Is TWS / IB Gateway up and"
        + " logged in (the weekly logon may wait for the second factor)? Repeated every hour while it lasts";
    lastText = text;
    Alerter.raise(alerter, Alerter.Kind.TWS_DOWN, text);
  }
}
