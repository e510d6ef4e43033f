package dev.alvh.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.app.store.Store;
import dev.alvh.core.config.ScheduleConfig;
import dev.alvh.core.port.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quartz's JDBC job store in the bot's H2 file: fires, survives restarts, misfire policy, one bot per database. */
class QuartzJobDriverTest {

  private static final Clock WALL = Instant::now;

  @TempDir
  Path dir;

  private record Run(JobKind kind, Instant scheduledAt) {
  }

  private static TradingSchedule schedule() {
    return new TradingSchedule(ScheduleConfig.DEFAULTS);
  }

  @Test
  void preOpenFiresOnceOnStartAndTheScheduleSurvivesARestart() {
    List<Run> runs = new CopyOnWriteArrayList<>();
    Map<String, Instant> before;
    try (Store store = Store.open(dir, "alvh"); QuartzJobDriver driver = new QuartzJobDriver(store, schedule(), WALL)) {
      driver.start((k, at) -> runs.add(new Run(k, at)));
      await().atMost(Duration.ofSeconds(30)).until(() -> !runs.isEmpty());
      assertThat(runs.get(0).kind()).isEqualTo(JobKind.PRE_OPEN);
      before = driver.nextFireTimes();
      assertThat(before).containsKeys("PRE_OPEN-1", "CYCLE-1", "CYCLE-2", "END_OF_DAY-1");
      assertThat(before).doesNotContainKey(QuartzJobDriver.STARTUP_PRE_OPEN);
      assertThat(store.jdbc().queryOne("SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS", rs -> rs.getInt(1))).contains(4);
    }
    try (Store store = Store.open(dir, "alvh"); QuartzJobDriver driver = new QuartzJobDriver(store, schedule(), WALL)) {
      // read back from the database before anything is registered again
      assertThat(driver.nextFireTimes()).isEqualTo(before);
      List<Run> again = new CopyOnWriteArrayList<>();
      driver.start((k, at) -> again.add(new Run(k, at)));
      await().atMost(Duration.ofSeconds(30)).until(() -> !again.isEmpty());
      assertThat(again.get(0).kind()).isEqualTo(JobKind.PRE_OPEN);
      assertThat(driver.nextFireTimes()).isEqualTo(before);
    }
  }

  @Test
  void aCycleMissedWhileDownIsNotReplayedTheEndOfDayRunsOnceAndPreOpenOnlyOnce() {
    try (Store store = Store.open(dir, "alvh"); QuartzJobDriver driver = new QuartzJobDriver(store, schedule(), WALL)) {
      driver.start((k, at) -> { });
      await().atMost(Duration.ofSeconds(30)).until(() -> driver.nextFireTimes().size() == 4);
    }
    long tenMinutesAgo = Instant.now().minusSeconds(600).toEpochMilli();
    long yesterday = Instant.now().minusSeconds(86_400).toEpochMilli();
    try (Store store = Store.open(dir, "alvh")) {
      // the bot was down while these were due
      store.jdbc().update("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME=? WHERE TRIGGER_NAME IN ('CYCLE-1','CYCLE-2')",
          tenMinutesAgo);
      store.jdbc().update("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME=? WHERE TRIGGER_NAME='PRE_OPEN-1'", yesterday);
      store.jdbc().update("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME=? WHERE TRIGGER_NAME='END_OF_DAY-1'", yesterday);
    }
    List<Run> runs = new CopyOnWriteArrayList<>();
    try (Store store = Store.open(dir, "alvh"); QuartzJobDriver driver = new QuartzJobDriver(store, schedule(), WALL)) {
      driver.start((k, at) -> runs.add(new Run(k, at)));
      await().atMost(Duration.ofSeconds(30)).until(() -> runs.stream().anyMatch(r -> r.kind() == JobKind.END_OF_DAY));
      assertThat(runs.get(0).kind()).isEqualTo(JobKind.PRE_OPEN);
      assertThat(runs.stream().filter(r -> r.kind() == JobKind.PRE_OPEN)).hasSize(1);
      assertThat(runs.stream().filter(r -> r.kind() == JobKind.END_OF_DAY))
          .containsExactly(new Run(JobKind.END_OF_DAY, Instant.ofEpochMilli(yesterday)));
      assertThat(runs.stream().filter(r -> r.kind() == JobKind.CYCLE)).isEmpty();
      Instant now = Instant.now();
      assertThat(driver.nextFireTimes().get("CYCLE-1")).isAfter(now);
      assertThat(driver.nextFireTimes().get("CYCLE-2")).isAfter(now);
      assertThat(driver.nextFireTimes().get("END_OF_DAY-1")).isAfter(now);
      assertThat(driver.nextFireTimes()).doesNotContainKey(QuartzJobDriver.CATCH_UP_END_OF_DAY);
    }
  }

  @Test
  void aSecondBotOnTheSameDatabaseRefusesToStartWithAClearMessage() {
    try (Store first = Store.open(dir, "alvh"); Store second = Store.open(dir, "alvh");
        QuartzJobDriver driver = new QuartzJobDriver(first, schedule(), WALL)) {
      assertThatThrownBy(() -> new QuartzJobDriver(second, schedule(), WALL))
          .isInstanceOf(BotLock.AlreadyRunningException.class)
          .hasMessageStartingWith("another ALVH bot is already running on " + dir.toAbsolutePath().resolve("alvh.mv.db"))
          .hasMessageContaining("alvh.lock held by pid " + ProcessHandle.current().pid());
      assertThat(driver.nextFireTimes()).isEmpty();
    }
    // released on close: the next bot starts
    try (Store store = Store.open(dir, "alvh"); QuartzJobDriver driver = new QuartzJobDriver(store, schedule(), WALL)) {
      assertThat(driver).isNotNull();
    }
  }

  @Test
  void aJobThatThrowsDoesNotStopTheSchedule() throws Exception {
    List<Run> runs = new CopyOnWriteArrayList<>();
    try (Store store = Store.open(dir, "alvh"); QuartzJobDriver driver = new QuartzJobDriver(store, schedule(), WALL)) {
      driver.start((k, at) -> {
        runs.add(new Run(k, at));
        throw new IllegalStateException("broker down");
      });
      await().atMost(Duration.ofSeconds(30)).until(() -> !runs.isEmpty());
      assertThat(driver.scheduler().isStarted()).isTrue();
      assertThat(driver.nextFireTimes()).hasSize(4);
    }
  }

  @Test
  void aSecondDriverOnAnotherDatabaseInTheSameJvmIsRefusedNotMixedUp(@TempDir Path other) {
    try (Store a = Store.open(dir, "alvh"); Store b = Store.open(other, "alvh");
        QuartzJobDriver first = new QuartzJobDriver(a, schedule(), WALL)) {
      assertThatThrownBy(() -> new QuartzJobDriver(b, schedule(), WALL))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("one per process");
      assertThat(first.nextFireTimes()).isEmpty();
    }
    // the refused driver released its database lock
    try (Store b = Store.open(other, "alvh"); QuartzJobDriver d = new QuartzJobDriver(b, schedule(), WALL)) {
      assertThat(d.nextFireTimes()).isEmpty();
    }
  }
}
