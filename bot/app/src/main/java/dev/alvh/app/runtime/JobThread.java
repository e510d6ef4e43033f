package dev.alvh.app.runtime;

import dev.alvh.app.schedule.JobKind;
import dev.alvh.core.Check;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one job thread ({@code alvh-jobs}) of a driver that walks the schedule itself (the scaled and
 * the stepped clock): started once, runs each fire through the runner, logs a job that throws and
 * goes on with the next; {@link #stop} makes the walk end and waits for a running job to finish.
 */
final class JobThread {

  private static final Logger LOG = LoggerFactory.getLogger(JobThread.class);
  /** How long {@link #stop} waits for a running job. */
  static final Duration FINISH_WAIT = Duration.ofMinutes(2);

  private volatile boolean stopped;
  private Thread thread;

  /** A walk of the schedule, on the job thread. */
  @FunctionalInterface
  interface Walk {
    /** Walks the schedule, running each fire through {@code runner}. */
    void run(JobDriver.JobRunner runner);
  }

  /** Starts {@code walk} with {@code runner} on the job thread; once only. */
  synchronized void start(JobDriver.JobRunner runner, Walk walk) {
    Check.notNull(runner, "runner");
    Check.isTrue(thread == null, "driver", "must be started once, but start was called again");
    thread = new Thread(() -> walk.run(runner), "alvh-jobs");
    thread.start();
  }

  /** Whether {@link #stop} was called. */
  boolean stopped() {
    return stopped;
  }

  /** Runs job {@code kind} due at {@code at} unless stopped; a job that throws is logged. */
  void run(JobDriver.JobRunner runner, JobKind kind, Instant at) {
    if (stopped) {
      return;
    }
    try {
      runner.run(kind, at);
    } catch (RuntimeException e) {
      LOG.error("{} job due at {} failed: {}", kind, at, e.toString(), e);
    }
  }

  /**
   * Stops the walk: no job starts after this; {@code wake} (run before waiting) wakes a walk that
   * waits; then waits up to {@link #FINISH_WAIT} for a running job (not when called on the job thread).
   */
  void stop(Runnable wake) {
    stopped = true;
    wake.run();
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
