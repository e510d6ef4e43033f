package dev.alvh.app.schedule;

import static dev.alvh.app.schedule.JobKind.CYCLE;
import static dev.alvh.app.schedule.JobKind.END_OF_DAY;
import static dev.alvh.app.schedule.JobKind.PRE_OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.config.ScheduleConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.StdSchedulerFactory;

class TradingScheduleTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final TradingSchedule SCHEDULE = new TradingSchedule(ScheduleConfig.DEFAULTS);

  private Scheduler scheduler;

  /** A job that is never run: the test scheduler is not started. */
  public static class NoOpJob implements Job {
    @Override
    public void execute(JobExecutionContext context) {
    }
  }

  private static final Map<JobKind, Class<? extends Job>> JOBS =
      Map.of(PRE_OPEN, NoOpJob.class, CYCLE, NoOpJob.class, END_OF_DAY, NoOpJob.class);

  @BeforeEach
  void createScheduler() throws SchedulerException {
    Properties props = new Properties();
    props.setProperty("org.quartz.scheduler.instanceName", "test-" + UUID.randomUUID());
    props.setProperty("org.quartz.threadPool.threadCount", "1");
    props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    scheduler = new StdSchedulerFactory(props).getScheduler();
  }

  @AfterEach
  void shutdownScheduler() throws SchedulerException {
    scheduler.shutdown();
  }

  //-------------------------------------------------------------------------
  private static Instant ny(LocalDate date, int hour, int minute) {
    return ZonedDateTime.of(date, LocalTime.of(hour, minute), NEW_YORK).toInstant();
  }

  private static List<ScheduledFire> firesOn(LocalDate date) {
    return SCHEDULE.firesBetween(date.atStartOfDay(NEW_YORK).toInstant(),
        date.plusDays(1).atStartOfDay(NEW_YORK).toInstant());
  }

  /** The fires a full trading day must have, worked out with java.time alone. */
  private static List<ScheduledFire> expectedFullDay(LocalDate date, int lastCycleHour, int lastCycleMinute) {
    List<ScheduledFire> fires = new ArrayList<>();
    fires.add(new ScheduledFire(ny(date, 9, 0), PRE_OPEN));
    LocalTime last = LocalTime.of(lastCycleHour, lastCycleMinute);
    for (LocalTime t = LocalTime.of(9, 45); !t.isAfter(last); t = t.plusMinutes(15)) {
      fires.add(new ScheduledFire(ny(date, t.getHour(), t.getMinute()), CYCLE));
    }
    fires.add(new ScheduledFire(ny(date, 16, 5), END_OF_DAY));
    return fires;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "2021-03-10", "2021-03-12", "2021-03-15", "2021-03-16", // around the spring DST change of 2021-03-14
      "2021-11-04", "2021-11-05", "2021-11-08", "2021-11-09"}) // around the autumn DST change of 2021-11-07
  void normalDayHasOnePreOpenTwentyFiveCyclesAndOneEndOfDayInNewYorkTime(LocalDate date) {
    List<ScheduledFire> fires = firesOn(date);
    assertThat(fires).isEqualTo(expectedFullDay(date, 15, 45));
    assertThat(fires.stream().filter(f -> f.kind() == CYCLE).count()).isEqualTo(25);
  }

  @Test
  void utcTimesMoveByAnHourAcrossDaylightSavingChanges() {
    assertThat(firesOn(LocalDate.of(2021, 3, 12)).get(0).at()).isEqualTo(Instant.parse("2021-03-12T14:00:00Z"));
    assertThat(firesOn(LocalDate.of(2021, 3, 15)).get(0).at()).isEqualTo(Instant.parse("2021-03-15T13:00:00Z"));
    assertThat(firesOn(LocalDate.of(2021, 11, 5)).get(0).at()).isEqualTo(Instant.parse("2021-11-05T13:00:00Z"));
    assertThat(firesOn(LocalDate.of(2021, 11, 8)).get(0).at()).isEqualTo(Instant.parse("2021-11-08T14:00:00Z"));
  }

  @Test
  void weekAcrossTheSpringDstChangeHasFiveFullDaysAndNothingAtTheWeekend() {
    Instant from = LocalDate.of(2021, 3, 13).atStartOfDay(NEW_YORK).toInstant();
    Instant to = LocalDate.of(2021, 3, 20).atStartOfDay(NEW_YORK).toInstant();
    List<ScheduledFire> expected = new ArrayList<>();
    for (int day = 15; day <= 19; day++) {
      expected.addAll(expectedFullDay(LocalDate.of(2021, 3, day), 15, 45));
    }
    assertThat(SCHEDULE.firesBetween(from, to)).isEqualTo(expected);
  }

  @Test
  void earlyCloseDayHasCyclesOnlyUpTo1245() {
    LocalDate dayAfterThanksgiving = LocalDate.of(2019, 11, 29);
    assertThat(firesOn(dayAfterThanksgiving)).isEqualTo(expectedFullDay(dayAfterThanksgiving, 12, 45));
    assertThat(firesOn(dayAfterThanksgiving).stream().filter(f -> f.kind() == CYCLE).count()).isEqualTo(13);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2019-11-28", "2021-12-24", "2018-12-05", "2022-06-20", "2021-03-13", "2021-03-14"})
  void holidayOrWeekendHasNoFires(LocalDate date) {
    assertThat(firesOn(date)).isEmpty();
  }

  @Test
  void intervalIsHalfOpen() {
    LocalDate day = LocalDate.of(2021, 3, 10);
    assertThat(SCHEDULE.firesBetween(ny(day, 9, 45), ny(day, 10, 0)))
        .containsExactly(new ScheduledFire(ny(day, 9, 45), CYCLE));
    assertThat(SCHEDULE.firesBetween(ny(day, 9, 46), ny(day, 9, 46))).isEmpty();
  }

  @Test
  void sixYearsOfFiresMatchTheTradingCalendarDayByDay() {
    NyseCalendar nyse = NyseCalendar.of(ScheduleConfig.DEFAULTS);
    LocalDate start = LocalDate.of(2016, 1, 1);
    LocalDate end = LocalDate.of(2022, 1, 1);
    List<ScheduledFire> fires = SCHEDULE.firesBetween(start.atStartOfDay(NEW_YORK).toInstant(),
        end.atStartOfDay(NEW_YORK).toInstant());

    Map<LocalDate, Long> perDay = fires.stream()
        .collect(Collectors.groupingBy(f -> f.at().atZone(NEW_YORK).toLocalDate(), Collectors.counting()));
    long expectedTotal = 0;
    for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1)) {
      long expected = !nyse.isTradingDay(d) ? 0 : nyse.isEarlyClose(d) ? 15 : 27;
      assertThat(perDay.getOrDefault(d, 0L)).as(d.toString()).isEqualTo(expected);
      expectedTotal += expected;
    }
    assertThat(fires).hasSize((int) expectedTotal).isSorted();
  }

  @Test
  void tiesAtTheSameInstantAreOrderedPreOpenCycleEndOfDay() {
    Instant t = Instant.parse("2021-03-10T14:45:00Z");
    List<ScheduledFire> fires = new ArrayList<>(List.of(
        new ScheduledFire(t, END_OF_DAY), new ScheduledFire(t, CYCLE), new ScheduledFire(t.minusSeconds(60), END_OF_DAY),
        new ScheduledFire(t, PRE_OPEN)));
    fires.sort(null);
    assertThat(fires).extracting(ScheduledFire::kind).containsExactly(END_OF_DAY, PRE_OPEN, CYCLE, END_OF_DAY);
  }

  @Test
  void defaultCyclesNeedTwoCronExpressions() {
    assertThat(SCHEDULE.triggers(CYCLE)).hasSize(2);
    assertThat(TradingSchedule.cycleCronExpressions(ScheduleConfig.DEFAULTS.cycleTimes()))
        .containsExactly("0 45 9 ? * MON-FRI", "0 0,15,30,45 10-15 ? * MON-FRI");
  }

  @Test
  void oddCycleLengthStillFiresAtEveryStepFromFirstToLastCycle() {
    ScheduleConfig d = ScheduleConfig.DEFAULTS;
    ScheduleConfig every25 = new ScheduleConfig(d.preOpen(), LocalTime.of(9, 40), LocalTime.of(11, 30), 25,
        d.endOfDay(), d.earlyClose(), d.zone(), d.extraClosures());
    LocalDate day = LocalDate.of(2021, 3, 10);
    List<LocalTime> cycles = new TradingSchedule(every25)
        .firesBetween(day.atStartOfDay(NEW_YORK).toInstant(), day.plusDays(1).atStartOfDay(NEW_YORK).toInstant())
        .stream().filter(f -> f.kind() == CYCLE).map(f -> f.at().atZone(NEW_YORK).toLocalTime())
        .collect(Collectors.toList());
    assertThat(cycles).containsExactly(LocalTime.of(9, 40), LocalTime.of(10, 5), LocalTime.of(10, 30),
        LocalTime.of(10, 55), LocalTime.of(11, 20));
  }

  @Test
  void backwardsIntervalIsRejected() {
    Instant t = Instant.parse("2021-03-10T14:45:00Z");
    assertThatThrownBy(() -> SCHEDULE.firesBetween(t, t.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("to must not be before from");
  }

  //-------------------------------------------------------------------------
  @Test
  void registerGivesTheSchedulerTheJobsTriggersAndCalendars() throws SchedulerException {
    Instant afterCloseBeforeChristmas = ny(LocalDate.of(2021, 12, 23), 17, 0);
    SCHEDULE.register(scheduler, JOBS, afterCloseBeforeChristmas);

    assertThat(scheduler.getCalendarNames())
        .containsExactlyInAnyOrder(TradingSchedule.TRADING_DAYS_CALENDAR, TradingSchedule.CYCLE_CALENDAR);
    for (JobKind kind : JobKind.values()) {
      assertThat(scheduler.checkExists(TradingSchedule.jobKey(kind))).isTrue();
      assertThat(scheduler.getTriggersOfJob(TradingSchedule.jobKey(kind))).hasSameSizeAs(SCHEDULE.triggers(kind));
    }
    // Friday 2021-12-24 is the Christmas holiday: everything next fires on Monday the 27th.
    LocalDate monday = LocalDate.of(2021, 12, 27);
    assertThat(nextFire(PRE_OPEN)).isEqualTo(ny(monday, 9, 0));
    assertThat(nextFire(CYCLE)).isEqualTo(ny(monday, 9, 45));
    assertThat(nextFire(END_OF_DAY)).isEqualTo(ny(monday, 16, 5));
  }

  @Test
  void registeringAgainKeepsStoredTriggersAndAChangedConfigReplacesThem() throws SchedulerException {
    Instant start = ny(LocalDate.of(2021, 3, 10), 10, 7);
    SCHEDULE.register(scheduler, JOBS, start);
    Trigger firstCycle = scheduler.getTriggersOfJob(TradingSchedule.jobKey(CYCLE)).get(0);

    SCHEDULE.register(scheduler, JOBS, start.plusSeconds(3600));
    assertThat(scheduler.getTrigger(firstCycle.getKey()).getStartTime()).isEqualTo(Date.from(start));

    ScheduleConfig d = ScheduleConfig.DEFAULTS;
    ScheduleConfig halfHourly = new ScheduleConfig(d.preOpen(), LocalTime.of(10, 0), d.lastCycle(), 30,
        d.endOfDay(), d.earlyClose(), d.zone(), d.extraClosures());
    new TradingSchedule(halfHourly).register(scheduler, JOBS, start.plusSeconds(3600));
    List<? extends Trigger> cycles = scheduler.getTriggersOfJob(TradingSchedule.jobKey(CYCLE));
    assertThat(cycles).hasSize(1);
    assertThat(((org.quartz.CronTrigger) cycles.get(0)).getCronExpression()).isEqualTo("0 0,30 10-15 ? * MON-FRI");
    assertThat(nextFire(CYCLE)).isEqualTo(ny(LocalDate.of(2021, 3, 10), 11, 30));
  }

  @Test
  void registerNeedsAJobClassForEveryKind() {
    assertThatThrownBy(() -> SCHEDULE.register(scheduler, Map.of(CYCLE, NoOpJob.class), Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jobs[PRE_OPEN] must be set, but was missing");
  }

  private Instant nextFire(JobKind kind) throws SchedulerException {
    return scheduler.getTriggersOfJob(TradingSchedule.jobKey(kind)).stream()
        .map(Trigger::getNextFireTime).min(Date::compareTo).orElseThrow().toInstant();
  }

  //-------------------------------------------------------------------------
  @Test
  void cycleCalendarExcludesTheAfternoonOfAnEarlyCloseDayAndSurvivesSerialization() throws Exception {
    TradingHoursCalendar cycleHours = SCHEDULE.calendars().get(TradingSchedule.CYCLE_CALENDAR);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(cycleHours);
    }
    TradingHoursCalendar copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (TradingHoursCalendar) in.readObject();
    }
    LocalDate early = LocalDate.of(2019, 11, 29);
    for (TradingHoursCalendar cal : List.of(cycleHours, copy)) {
      assertThat(cal.isTimeIncluded(ny(early, 12, 45).toEpochMilli())).isTrue();
      assertThat(cal.isTimeIncluded(ny(early, 13, 0).toEpochMilli())).isFalse();
      assertThat(cal.isTimeIncluded(ny(LocalDate.of(2019, 11, 28), 10, 0).toEpochMilli())).isFalse();
      assertThat(cal.getNextIncludedTime(ny(early, 13, 0).toEpochMilli()))
          .isEqualTo(LocalDate.of(2019, 12, 2).atStartOfDay(NEW_YORK).toInstant().toEpochMilli());
    }
    TradingHoursCalendar tradingDays = SCHEDULE.calendars().get(TradingSchedule.TRADING_DAYS_CALENDAR);
    assertThat(tradingDays.isTimeIncluded(ny(early, 16, 5).toEpochMilli())).isTrue();
    assertThat(LocalDateTime.ofInstant(Instant.ofEpochMilli(
        tradingDays.getNextIncludedTime(ny(LocalDate.of(2021, 12, 24), 9, 0).toEpochMilli())), NEW_YORK))
        .isEqualTo(LocalDateTime.of(2021, 12, 27, 0, 0));
  }
}
