package dev.alvh.app.runtime;

import dev.alvh.app.schedule.ScheduledFire;
import dev.alvh.core.Check;
import dev.alvh.core.time.VirtualClock;
import java.util.List;

/**
 * The replay's {@link JobDriver}: walks a replay's fire times (the schedule's, on the replayed
 * days, day by day in time order) on a {@link VirtualClock}, setting the clock to each fire's time
 * and running its job at once, without waiting; {@code afterEach} follows every job (the replay's
 * progress).
 *
 * <p>Unlike the live-time drivers it has no thread of its own: {@link #start} runs every fire on
 * the calling thread (a book's replay thread) and returns when the last one has run. A job that
 * throws ends the walk and throws on to the caller: a replay does not go on past a failure.
 */
public final class ReplayJobDriver implements JobDriver {

  private final List<ScheduledFire> fires;
  private final VirtualClock clock;
  private final Runnable afterEach;
  private volatile boolean stopped;

  /**
   * A driver of {@code fires} (in time order, none before the clock's time) on {@code clock}.
   *
   * @param afterEach run after each job
   */
  public ReplayJobDriver(List<ScheduledFire> fires, VirtualClock clock, Runnable afterEach) {
    this.fires = Check.notNull(fires, "fires");
    this.clock = Check.notNull(clock, "clock");
    this.afterEach = Check.notNull(afterEach, "afterEach");
  }

  /** Runs every fire through {@code runner}, in order, on this thread; returns after the last one. */
  @Override
  public void start(JobRunner runner) {
    Check.notNull(runner, "runner");
    for (int i = 0, n = fires.size(); i < n && !stopped; i++) {
      ScheduledFire f = fires.get(i);
      clock.set(f.at());
      runner.run(f.kind(), f.at());
      afterEach.run();
    }
  }

  /** Stops the walk before its next fire (when called from another thread while it runs). */
  @Override
  public void close() {
    stopped = true;
  }
}
