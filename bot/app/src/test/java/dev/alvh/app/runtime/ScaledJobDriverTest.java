package dev.alvh.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.ScheduledFire;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.core.config.ScheduleConfig;
import dev.alvh.core.port.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The scaled driver walks the schedule's fire times in order on its clock. The clock reads a fake
 * time source that the driver's sleeper moves forward, so the test never waits for real time.
 */
class ScaledJobDriverTest {

  private static final Instant FRIDAY_EVENING = LocalDateTime.of(2024, 3, 8, 17, 0).atZone(Clock.MARKET_ZONE)
      .toInstant();

  @Test
  void runsPreOpenOnStartThenEveryFireInOrderOnOneThread() throws Exception {
    AtomicLong nanos = new AtomicLong();
    ScaledClock clock = new ScaledClock(FRIDAY_EVENING, 600, nanos::get);
    TradingSchedule schedule = new TradingSchedule(ScheduleConfig.DEFAULTS);
    List<ScheduledFire> ran = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    CountDownLatch enough = new CountDownLatch(30);
    try (ScaledJobDriver driver = new ScaledJobDriver(schedule, clock, d -> nanos.addAndGet(d.toNanos()))) {
      driver.start((kind, at) -> {
        ran.add(new ScheduledFire(at, kind));
        threads.add(Thread.currentThread().getName());
        enough.countDown();
      });
      assertThat(enough.await(60, TimeUnit.SECONDS)).as("30 jobs ran").isTrue();
    }
    assertThat(ran.get(0).kind()).isEqualTo(JobKind.PRE_OPEN);
    List<ScheduledFire> expected = schedule.firesBetween(ran.get(1).at(), ran.get(29).at().plusMillis(1));
    assertThat(ran.subList(1, 30)).isEqualTo(expected);
    assertThat(ran.get(1)).isEqualTo(new ScheduledFire(LocalDateTime.of(2024, 3, 11, 9, 0)
        .atZone(Clock.MARKET_ZONE).toInstant(), JobKind.PRE_OPEN)).as("Monday's pre-open follows the weekend");
    assertThat(threads).containsOnly("alvh-jobs");
  }

  @Test
  void aFailingJobIsLoggedAndTheNextStillRuns() throws Exception {
    AtomicLong nanos = new AtomicLong();
    ScaledClock clock = new ScaledClock(FRIDAY_EVENING, 600, nanos::get);
    CountDownLatch three = new CountDownLatch(3);
    try (ScaledJobDriver driver = new ScaledJobDriver(new TradingSchedule(ScheduleConfig.DEFAULTS), clock,
        d -> nanos.addAndGet(d.toNanos()))) {
      driver.start((kind, at) -> {
        three.countDown();
        throw new IllegalStateException("boom");
      });
      assertThat(three.await(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void closeStopsADriverThatIsWaiting() {
    ScaledClock clock = new ScaledClock(FRIDAY_EVENING, 1);
    List<JobKind> ran = new CopyOnWriteArrayList<>();
    ScaledJobDriver driver = new ScaledJobDriver(new TradingSchedule(ScheduleConfig.DEFAULTS), clock);
    CountDownLatch started = new CountDownLatch(1);
    driver.start((kind, at) -> {
      ran.add(kind);
      started.countDown();
    });
    try {
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    driver.close();
    assertThat(ran).containsExactly(JobKind.PRE_OPEN).as("the weekend's first fire is days away");
  }
}
