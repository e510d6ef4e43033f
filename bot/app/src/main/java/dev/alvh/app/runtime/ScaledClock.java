package dev.alvh.app.runtime;

import dev.alvh.core.Check;
import dev.alvh.core.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * A clock that follows the wall clock {@code speed} times faster, from a starting instant: the
 * market time of {@code alvh paper --speed N}. At speed 1 it is the wall clock.
 *
 * <p>Market time = {@code start + (wall elapsed) x speed}, with the wall time read from a
 * monotonic source ({@link System#nanoTime} by default), so it never moves backwards.
 * Thread-safe: immutable apart from the source it reads.
 */
public final class ScaledClock implements Clock {

  /** The fastest speed accepted. */
  public static final long MAX_SPEED = 100_000;

  private final Instant start;
  private final long speed;
  private final LongSupplier nanos;
  private final long startNanos;

  /** A clock at {@code start} now, running {@code speed} times faster than the wall clock. */
  public ScaledClock(Instant start, long speed) {
    this(start, speed, System::nanoTime);
  }

  /** As above, reading elapsed wall time from {@code nanos} (for tests). */
  public ScaledClock(Instant start, long speed, LongSupplier nanos) {
    this.start = Check.notNull(start, "start");
    Check.isTrue(speed >= 1 && speed <= MAX_SPEED, "speed",
        "must be in [1, " + MAX_SPEED + "], but was " + speed);
    this.speed = speed;
    this.nanos = Check.notNull(nanos, "nanos");
    this.startNanos = nanos.getAsLong();
  }

  /** How many times faster than the wall clock. */
  public long speed() {
    return speed;
  }

  @Override
  public Instant now() {
    long elapsed = nanos.getAsLong() - startNanos;
    return start.plusNanos(Math.multiplyExact(elapsed, speed));
  }

  /** The wall time until this clock shows {@code t}; zero when it already has. */
  public Duration wallUntil(Instant t) {
    Duration market = Duration.between(now(), t);
    if (market.isNegative() || market.isZero()) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.max(1, market.toNanos() / speed));
  }
}
