package dev.alvh.app.runtime;

import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.ScheduledFire;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.core.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

  /** The schedule is asked for one week of fires at a time. */
  private static final Duration WINDOW = Duration.ofDays(7);
  /** The longest single wait, so that a stop is seen soon even without a wake-up. */
  private static final Duration MAX_NAP = Duration.ofSeconds(1);

  private final TradingSchedule schedule;
  private final ScaledClock clock;
  private final Object wake = new Object();
  private final Sleeper sleeper;
  private final JobThread jobThread = new JobThread();

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
        if (!jobThread.stopped()) {
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
  public void start(JobRunner runner) {
    jobThread.start(runner, this::loop);
  }

  private void loop(JobRunner runner) {
    jobThread.run(runner, JobKind.PRE_OPEN, clock.now());
    Instant from = clock.now();
    while (!jobThread.stopped()) {
      List<ScheduledFire> fires = schedule.firesBetween(from, from.plus(WINDOW));
      Instant next = from.plus(WINDOW);
      for (ScheduledFire f : fires) {
        if (!waitUntil(f.at())) {
          return;
        }
        jobThread.run(runner, f.kind(), f.at());
        next = f.at().plusMillis(1);
      }
      if (fires.isEmpty() && !waitUntil(next)) {
        return;
      }
      from = next;
    }
  }

  /** Sleeps until the clock shows {@code t}; false when stopped first. */
  private boolean waitUntil(Instant t) {
    while (!jobThread.stopped()) {
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
    jobThread.stop(() -> {
      synchronized (wake) {
        wake.notifyAll();
      }
    });
  }
}
