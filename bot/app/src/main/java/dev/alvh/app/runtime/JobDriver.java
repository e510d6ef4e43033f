package dev.alvh.app.runtime;

import dev.alvh.app.schedule.JobKind;
import java.time.Instant;

/**
 * What fires the bot's jobs (pre-open, trading cycle, end of day); what each job does is stated
 * once, in {@link Jobs}, which every driver's runner ends in.
 *
 * <p>Four implementations, all on the fire times of {@link dev.alvh.app.schedule.TradingSchedule}:
 * Quartz with its JDBC job store in the bot's database (real time, the schedule survives
 * restarts, misfire policies per job); a scaled driver that walks the same triggers on a clock
 * running N times faster ({@code alvh paper --speed N}); a stepped driver in virtual time that
 * stands still during a job (the test launcher's {@code paper --step-clock}); and the replay's driver, which
 * walks a replay's fire times on a virtual clock at once, on the caller's thread
 * ({@link ReplayJobDriver}).
 */
public interface JobDriver extends AutoCloseable {

  /**
   * Starts firing: {@code runner} is called for each due job, one at a time, in time order, on
   * the driver's one job thread (the replay's driver: on the calling thread, returning when done).
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
