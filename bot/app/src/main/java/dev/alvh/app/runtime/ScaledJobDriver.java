package dev.alvh.app.runtime;

import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.ScheduledFire;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.core.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the bot's jobs on a {@link ScaledClock}: walks {@link TradingSchedule}'s fire times (the
 * same Quartz triggers and calendars as real time) and sleeps the scaled interval to each.
 *
 * <p>On start it runs the pre-open job once (reconnect and reconcile before anything else),
 * then every fire after the clock's time, one at a time, on its one job thread
 * ({@code alvh-jobs}). A job that throws is logged and the next fire still runs. Fires that
 * passed while a long job ran are run late, in order, with their scheduled time.
 */
public final class ScaledJobDriver implements JobDriver {

  private static final Logger LOG = LoggerFactory.getLogger(ScaledJobDriver.class);
  /** The schedule is asked for one week of fires at a time. */
  private static final Duration WINDOW = Duration.ofDays(7);
  /** How long close() waits for a running job. */
  private static final Duration FINISH_WAIT = Duration.ofMinutes(2);
  /** The longest single wait, so that a stop is seen soon even without a wake-up. */
  private static final Duration MAX_NAP = Duration.ofSeconds(1);

  private final TradingSchedule schedule;
  private final ScaledClock clock;
  private final Object wake = new Object();
  private final Sleeper sleeper;
  private volatile boolean stopped;
  private Thread thread;

  /** Waits some wall time; tests pass one that moves a fake time source instead. */
  @FunctionalInterface
  interface Sleeper {
    /** Waits up to {@code d} (less when woken). */
    void sleep(Duration d) throws InterruptedException;
  }

  /** A driver of {@code schedule} on {@code clock}. */
  public ScaledJobDriver(TradingSchedule schedule, ScaledClock clock) {
    this.schedule = Check.notNull(schedule, "schedule");
    this.clock = Check.notNull(clock, "clock");
    this.sleeper = d -> {
      synchronized (wake) {
        if (!stopped) {
          wake.wait(Math.max(1, d.toMillis()));
        }
      }
    };
  }

  /** A driver whose waits go through {@code sleeper} (for tests). */
  ScaledJobDriver(TradingSchedule schedule, ScaledClock clock, Sleeper sleeper) {
    this.schedule = Check.notNull(schedule, "schedule");
    this.clock = Check.notNull(clock, "clock");
    this.sleeper = Check.notNull(sleeper, "sleeper");
  }

  @Override
  public synchronized void start(JobRunner runner) {
    Check.notNull(runner, "runner");
    Check.isTrue(thread == null, "driver", "must be started once, but start was called again");
    thread = new Thread(() -> loop(runner), "alvh-jobs");
    thread.start();
  }

  private void loop(JobRunner runner) {
    run(runner, JobKind.PRE_OPEN, clock.now());
    Instant from = clock.now();
    while (!stopped) {
      List<ScheduledFire> fires = schedule.firesBetween(from, from.plus(WINDOW));
      Instant next = from.plus(WINDOW);
      for (ScheduledFire f : fires) {
        if (!waitUntil(f.at())) {
          return;
        }
        run(runner, f.kind(), f.at());
        next = f.at().plusMillis(1);
      }
      if (fires.isEmpty() && !waitUntil(next)) {
        return;
      }
      from = next;
    }
  }

  private void run(JobRunner runner, JobKind kind, Instant at) {
    if (stopped) {
      return;
    }
    try {
      runner.run(kind, at);
    } catch (RuntimeException e) {
      LOG.error("{} job due at {} failed: {}", kind, at, e.toString(), e);
    }
  }

  /** Sleeps until the clock shows {@code t}; false when stopped first. */
  private boolean waitUntil(Instant t) {
    while (!stopped) {
      Duration d = clock.wallUntil(t);
      if (d.isZero()) {
        return true;
      }
      try {
        sleeper.sleep(d.compareTo(MAX_NAP) > 0 ? MAX_NAP : d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  @Override
  public void close() {
    stopped = true;
    synchronized (wake) {
      wake.notifyAll();
    }
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(FINISH_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
