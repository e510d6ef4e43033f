package dev.alvh.core.time;

import dev.alvh.core.Check;
import dev.alvh.core.port.Clock;
import java.time.Instant;

/**
 * A clock that only moves when told to: the replay's and the tests' time.
 *
 * <p>Thread-safety: {@link #set} is called by the driver thread; readers on other threads see
 * the latest value through the volatile field. Time never moves backwards.
 */
public final class VirtualClock implements Clock {

  /** Written by the driver thread, read by any thread; volatile, no lock needed for one writer. */
  private volatile Instant now;

  /** A clock standing at {@code start}. */
  public VirtualClock(Instant start) {
    this.now = Check.notNull(start, "start");
  }

  @Override
  public Instant now() {
    return now;
  }

  /** Moves the clock to {@code t}; refuses to move it backwards. */
  public void set(Instant t) {
    Check.notNull(t, "t");
    if (t.isBefore(now)) {
      throw new IllegalArgumentException("virtual clock cannot move backwards from " + now + " to " + t);
    }
    now = t;
  }
}
