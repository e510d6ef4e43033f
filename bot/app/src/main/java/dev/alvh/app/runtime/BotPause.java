package dev.alvh.app.runtime;

import dev.alvh.core.Check;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.Pause;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The pause between two steps of a price walk in a live mode ({@code alvh paper}, with the
 * built-in broker or {@code --broker ibkr}), on the bot's clock.
 *
 * <ul>
 *   <li>{@link ScaledClock} (speed 1 is the wall clock): waits until the clock shows the pause's
 *       end, {@code d / speed} of wall time, on the pausing (job) thread, which keeps the bot's
 *       lock. Meanwhile it runs the broker's events as they arrive ({@link BrokerEvents}), so a
 *       fill during the pause reaches the order desk on this thread and the walk ends there.
 *       It ends early when the order is over, a halt is requested or the kill-switch file
 *       appears (polled every {@link #POLL} of wall time).</li>
 *   <li>Any other clock (the stepped clock of {@code --step-clock}, a test's virtual clock):
 *       the clock stands still during a job, so no time passes: the queued events run and the
 *       pause returns, as {@link Pause#NONE} does. Both runs of a step-clock comparison therefore
 *       walk at one instant, identically.</li>
 * </ul>
 */
public final class BotPause implements Pause {

  /** How often, in wall time, a pause looks at the halt request and the kill-switch file. */
  public static final Duration POLL = Duration.ofMillis(50);

  private final Clock clock;
  private final BrokerEvents events;
  private final BooleanSupplier stop;

  /**
   * A pause on {@code clock} that runs {@code events} while it waits and ends early when
   * {@code stop} says so.
   */
  public BotPause(Clock clock, BrokerEvents events, BooleanSupplier stop) {
    this.clock = Check.notNull(clock, "clock");
    this.events = Check.notNull(events, "events");
    this.stop = Check.notNull(stop, "stop");
  }

  /** Whether this pause lets time pass (a scaled or wall clock) rather than returning at once. */
  public boolean waits() {
    return clock instanceof ScaledClock;
  }

  @Override
  public void pause(Duration d) {
    pause(d, () -> false);
  }

  @Override
  public void pause(Duration d, BooleanSupplier over) {
    events.drainHere();
    if (!(clock instanceof ScaledClock scaled) || over.getAsBoolean() || stop.getAsBoolean()) {
      return;
    }
    Instant end = scaled.now().plus(d);
    while (true) {
      Duration wall = scaled.wallUntil(end);
      if (wall.isZero()) {
        break;
      }
      try {
        events.await(wall.compareTo(POLL) < 0 ? wall : POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      events.drainHere();
      if (over.getAsBoolean() || stop.getAsBoolean()) {
        break;
      }
    }
    events.drainHere();
  }
}
