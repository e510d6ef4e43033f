package dev.alvh.app.runtime;

import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.ScheduledFire;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.core.Check;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the bot's jobs in virtual time (the test launcher's {@code paper --step-clock FROM/TO}): the
 * pre-open job at {@code FROM}, then every fire of {@link TradingSchedule} after it up to
 * {@code TO}, each with the {@link SteppedClock} set to its scheduled time and standing still
 * while it runs, one after the other without waiting; then the clock is set to {@code TO} and the
 * driver idles until closed. So the bot's decisions do not depend on how fast the machine is, nor
 * on when a cycle started within the wall second.
 *
 * <p>{@code settle}: wall time waited after each step before its job runs, so that a fake TWS
 * following the clock ({@link SteppedClock#follow}) has pushed its streaming ticks of the new
 * instant (a few of its tick intervals); zero for the in-process paper broker.
 */
public final class SteppedJobDriver implements JobDriver {

  private static final Logger LOG = LoggerFactory.getLogger(SteppedJobDriver.class);

  private final TradingSchedule schedule;
  private final SteppedClock clock;
  private final Instant until;
  private final Duration settle;
  private final JobThread jobThread = new JobThread();

  /** A driver from the clock's time to {@code until}. */
  public SteppedJobDriver(TradingSchedule schedule, SteppedClock clock, Instant until, Duration settle) {
    this.schedule = Check.notNull(schedule, "schedule");
    this.clock = Check.notNull(clock, "clock");
    this.until = Check.notNull(until, "until");
    this.settle = Check.notNull(settle, "settle");
    Check.isTrue(until.isAfter(clock.now()), "until", "must be after the clock's time " + clock.now() + ", but was "
        + until);
    Check.isTrue(!settle.isNegative(), "settle", "must not be negative, but was " + settle);
  }

  @Override
  public void start(JobRunner runner) {
    jobThread.start(runner, this::loop);
  }

  private void loop(JobRunner runner) {
    jobThread.run(runner, JobKind.PRE_OPEN, clock.now());
    int jobs = 1;
    for (ScheduledFire f : schedule.firesBetween(clock.now().plusMillis(1), until)) {
      if (jobThread.stopped()) {
        return;
      }
      if (f.at().isAfter(until)) {
        break;
      }
      clock.set(f.at());
      if (!nap(settle)) {
        return;
      }
      jobThread.run(runner, f.kind(), f.at());
      jobs++;
    }
    if (!jobThread.stopped()) {
      clock.set(until);
      LOG.info("step clock: {} jobs run, the clock stands at {}; idle until stopped", jobs, until);
    }
  }

  private boolean nap(Duration d) {
    if (d.isZero()) {
      return !jobThread.stopped();
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return !jobThread.stopped();
  }

  @Override
  public void close() {
    jobThread.stop(() -> { });
  }
}
