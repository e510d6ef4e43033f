package dev.alvh.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.control.ControlService;
import dev.alvh.app.control.Reply;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pacing of price walks in a live mode with the built-in paper broker: the steps of a walk are
 * {@code execution.walkIntervalSeconds} of bot time apart on a scaled clock, at one instant on a
 * clock that stands still (virtual, stepped), and a halt or the kill-switch file ends a walk at
 * its pause.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PacingTest {

  /** Tuesday 2024-03-05, 10:00 New York: a cycle there opens a condor. */
  private static final Instant START = LocalDateTime.of(2024, 3, 5, 10, 0).atZone(Clock.MARKET_ZONE).toInstant();
  /** Orders at mid rest at the paper broker (it fills at the natural price): every walk takes all its steps. */
  private static final BotConfig RESTING = ConfigLoader.withOverrides(BotConfig.DEFAULTS,
      Map.of("paper.fill.shareOneLeg", "1", "paper.fill.shareTwoLegs", "1", "paper.fill.shareFourLegs", "1"), "test");

  @TempDir
  Path dir;

  private final ExecutorService cycleThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-cycle"));

  @AfterEach
  void stop() {
    cycleThread.shutdownNow();
  }

  private record Step(String ref, int step, Instant at) {
  }

  private static List<Step> steps(Bot bot) {
    return bot.locked(() -> bot.store().jdbc().query("SELECT ref, step, occurred_at FROM order_step ORDER BY ref, step",
        rs -> new Step(rs.getString(1), rs.getInt(2), rs.getObject(3, java.time.OffsetDateTime.class).toInstant())));
  }

  private static String status(Bot bot, String ref) {
    return bot.locked(() -> bot.store().jdbc().queryOne("SELECT status FROM orders WHERE ref=?",
        rs -> rs.getString(1), ref).orElseThrow());
  }

  @Test
  void onAScaledClockTheStepsOfAWalkAreWalkIntervalSecondsOfBotTimeApart() {
    long speed = 20;
    ScaledClock clock = new ScaledClock(START, speed);
    try (Bot bot = Bot.paper(RESTING, dir, clock, speed, 80)) {
      bot.runJob(JobKind.CYCLE, clock.now());
      List<Step> steps = steps(bot);
      int walkSteps = RESTING.execution().walkSteps();
      Duration interval = Duration.ofSeconds(RESTING.execution().walkIntervalSeconds());
      // the condor's entry (the base layer's single VIX call is walked in the same cycle)
      String ref = steps.stream().map(Step::ref).filter(r -> r.contains("-open-")).findFirst().orElseThrow();
      List<Step> first = steps.stream().filter(s -> s.ref().equals(ref)).toList();
      assertThat(first).as("the condor walks all its steps: mid, then %d toward natural", walkSteps)
          .hasSize(walkSteps + 1);
      for (int k = 1; k < first.size(); k++) {
        assertThat(Duration.between(first.get(k - 1).at(), first.get(k).at()))
            .as("bot time between step %d and %d", k - 1, k).isGreaterThanOrEqualTo(interval);
      }
      assertThat(Duration.between(first.get(0).at(), first.get(first.size() - 1).at()))
          .isGreaterThanOrEqualTo(interval.multipliedBy(walkSteps));
    }
  }

  @Test
  void onAVirtualClockThatStandsStillTheWalkTakesNoTime() {
    VirtualClock clock = new VirtualClock(START);
    try (Bot bot = Bot.paper(RESTING, dir, clock, 1, 80)) {
      bot.runJob(JobKind.CYCLE, clock.now());
      List<Step> steps = steps(bot);
      assertThat(steps).hasSizeGreaterThan(1);
      assertThat(steps).extracting(Step::at).containsOnly(START);
    }
  }

  /** Runs a cycle on another thread; returns once an order of it is working at the broker. */
  private Future<?> cycleUntilAnOrderWorks(Bot bot, Clock clock) {
    Future<?> job = cycleThread.submit(() -> bot.runJob(JobKind.CYCLE, clock.now()));
    await().atMost(Duration.ofSeconds(30)).until(() -> !bot.engine().desk().workingOrders().isEmpty() || job.isDone());
    assertThat(job).as("the cycle is walking an order").isNotDone();
    return job;
  }

  @Test
  void aHaltDuringAWalkEndsItsPauseAndCancelsTheOrderInsteadOfWaitingForTheWalk() throws Exception {
    // Wall-clock speed: without the halt request the walk would send a step every 10 s.
    ScaledClock clock = new ScaledClock(START, 1);
    try (Bot bot = Bot.paper(RESTING, dir, clock, 1, 80)) {
      Future<?> job = cycleUntilAnOrderWorks(bot, clock);
      String ref = bot.engine().desk().workingOrders().get(0).ref().value();
      // the console's halt: it waits for the lock, which the walking cycle holds
      Reply halt = new ControlService(bot).execute(List.of("halt"), "test");
      job.get(30, TimeUnit.SECONDS);
      assertThat(halt.ok()).isTrue();
      assertThat(halt.data()).containsEntry("halted", true);
      assertThat(bot.controls().halted()).isTrue();
      assertThat(steps(bot)).as("no step of any walk after the halt request").allMatch(s -> s.step() == 0)
          .anyMatch(s -> s.ref().equals(ref));
      assertThat(status(bot, ref)).isEqualTo("CANCELLED");
      assertThat(bot.engine().desk().workingOrders()).isEmpty();
      assertThat(bot.store().openTranches()).as("the cancelled order opened nothing").isEmpty();
    }
  }

  @Test
  void theKillSwitchFileDuringAWalkEndsItAtItsPause() throws Exception {
    ScaledClock clock = new ScaledClock(START, 1);
    try (Bot bot = Bot.paper(RESTING, dir, clock, 1, 80)) {
      Future<?> job = cycleUntilAnOrderWorks(bot, clock);
      String ref = bot.engine().desk().workingOrders().get(0).ref().value();
      Files.createFile(dir.resolve(RESTING.risk().killSwitchFile()));
      job.get(30, TimeUnit.SECONDS);
      List<Step> mine = steps(bot).stream().filter(s -> s.ref().equals(ref)).toList();
      assertThat(mine).extracting(Step::step).containsExactly(0);
      assertThat(status(bot, ref)).isEqualTo("CANCELLED");
    }
  }

  @Test
  void aHaltRequestIsOverOnceTheHaltCommandRan() {
    VirtualClock clock = new VirtualClock(START);
    try (Bot bot = Bot.paper(RESTING, dir, clock, 1, 80)) {
      new ControlService(bot).execute(List.of("halt"), "test");
      new ControlService(bot).execute(List.of("release"), "test");
      bot.runJob(JobKind.CYCLE, clock.now());
      List<Integer> stepsOfFirst = new ArrayList<>();
      List<Step> all = steps(bot);
      String condor = all.stream().map(Step::ref).filter(r -> r.contains("-open-")).findFirst().orElseThrow();
      all.stream().filter(s -> s.ref().equals(condor)).forEach(s -> stepsOfFirst.add(s.step()));
      assertThat(stepsOfFirst).as("after halt and release the next walk takes all its steps")
          .hasSize(RESTING.execution().walkSteps() + 1);
    }
  }
}
