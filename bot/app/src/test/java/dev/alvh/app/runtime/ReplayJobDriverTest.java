package dev.alvh.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.ScheduledFire;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.core.config.ScheduleConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * The replay's driver: every fire once, in order, with the clock standing at its scheduled time
 * while its job runs, the progress step after each; a failing job ends the walk.
 */
class ReplayJobDriverTest {

  static final Instant MONDAY = LocalDate.of(2024, 3, 11).atStartOfDay(Clock.MARKET_ZONE).toInstant();
  static final List<ScheduledFire> FIRES = new TradingSchedule(ScheduleConfig.DEFAULTS)
      .firesBetween(MONDAY, MONDAY.plusSeconds(2 * 86_400 - 1));

  @Test
  void runsEachFireOnceInOrderAtItsScheduledTimeWithTheProgressStepAfterEach() {
    VirtualClock clock = new VirtualClock(MONDAY);
    JobDriver.JobRunner runner = mock(JobDriver.JobRunner.class);
    Runnable step = mock(Runnable.class);
    List<Instant> clockDuringJob = new ArrayList<>();
    doAnswer(call -> clockDuringJob.add(clock.now())).when(runner).run(any(), any());

    new ReplayJobDriver(FIRES, clock, step).start(runner);

    assertThat(FIRES).extracting(ScheduledFire::kind).contains(JobKind.PRE_OPEN, JobKind.CYCLE, JobKind.END_OF_DAY);
    InOrder order = inOrder(runner, step);
    for (ScheduledFire f : FIRES) {
      order.verify(runner).run(f.kind(), f.at());
      order.verify(step).run();
    }
    verifyNoMoreInteractions(runner, step);
    assertThat(clockDuringJob).isEqualTo(FIRES.stream().map(ScheduledFire::at).toList());
  }

  @Test
  void aJobThatThrowsEndsTheWalkAndThrowsOn() {
    VirtualClock clock = new VirtualClock(MONDAY);
    JobDriver.JobRunner runner = mock(JobDriver.JobRunner.class);
    Runnable step = mock(Runnable.class);
    ScheduledFire third = FIRES.get(2);
    IllegalStateException boom = new IllegalStateException("cycle failed");
    doThrow(boom).when(runner).run(third.kind(), third.at());

    assertThatThrownBy(() -> new ReplayJobDriver(FIRES, clock, step).start(runner)).isSameAs(boom);
    verify(runner, times(3)).run(any(), any());
    verify(step, times(2)).run();
    assertThat(clock.now()).isEqualTo(third.at());
  }
}
