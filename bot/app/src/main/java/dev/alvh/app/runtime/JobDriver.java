package dev.alvh.app.runtime;

import dev.alvh.app.schedule.JobKind;
import java.time.Instant;

/**
 * What fires the bot's jobs (pre-open, trading cycle, end of day) in live-time modes.
 *
 * <p>Two implementations: Quartz with its JDBC job store in the bot's database (real time, the
 * schedule survives restarts, misfire policies per job), and a scaled driver that walks the
 * same triggers on a clock running N times faster ({@code alvh paper --speed N}). Replay does
 * not use a driver: it asks the triggers for their fire times and runs the jobs itself.
 */
public interface JobDriver extends AutoCloseable {

  /**
   * Starts firing: {@code runner} is called for each due job, one at a time, in time order, on
   * the driver's one job thread.
   */
  void start(JobRunner runner);

  /** Stops firing; a job already running is allowed to finish. */
  @Override
  void close();

  /** Runs one job. */
  @FunctionalInterface
  interface JobRunner {
    /**
     * Runs {@code kind}, which was due at {@code scheduledAt} (market time may be later when the
     * job fired late).
     */
    void run(JobKind kind, Instant scheduledAt);
  }
}
