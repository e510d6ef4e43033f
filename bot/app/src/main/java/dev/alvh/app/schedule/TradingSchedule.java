package dev.alvh.app.schedule;

import dev.alvh.core.Check;
import dev.alvh.core.config.ScheduleConfig;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.quartz.Calendar;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.TriggerUtils;
import org.quartz.spi.OperableTrigger;

/**
 * The bot's Quartz schedule: jobs, triggers and trading calendars for one {@link ScheduleConfig}.
 *
 * <p>The same trigger and calendar objects serve two callers: {@link #register} hands them to a
 * live Quartz {@link Scheduler}, and {@link #firesBetween} asks them for their fire times so the
 * replay driver runs exactly the schedule that live would run.
 *
 * <p>Triggers are cron triggers in the configured zone, so wall-clock times hold across daylight
 * saving changes. Quartz's DailyTimeIntervalTrigger would express "every N minutes from 09:45 to
 * 15:45" directly, but it has no time zone (it uses the JVM default); cron has one, so the cycle
 * times are grouped by hour into as few cron expressions as the config allows (two for the
 * defaults: {@code 0 45 9 ? * MON-FRI} and {@code 0 0,15,30,45 10-15 ? * MON-FRI}). Holidays and
 * early closes are not in the cron expressions but in the calendars:
 * <ul>
 *   <li>PRE_OPEN and END_OF_DAY use {@value #TRADING_DAYS_CALENDAR} (NYSE trading days);
 *   <li>CYCLE uses {@value #CYCLE_CALENDAR}, which also excludes times at or after the early close.
 * </ul>
 *
 * <p>Misfire policy (a fire missed while the bot was down): CYCLE does nothing and waits for the
 * next cycle, since a late cycle could run after the close and the next one comes within
 * minutes; PRE_OPEN and END_OF_DAY fire once as soon as possible, since reconciliation and the
 * daily bars must not be skipped.
 */
public final class TradingSchedule {

  /** The Quartz group of every job and trigger of the bot. */
  public static final String GROUP = "alvh";
  /** The name of the calendar of NYSE trading days. */
  public static final String TRADING_DAYS_CALENDAR = "alvh-nyse-trading-days";
  /** The name of the calendar of NYSE trading days before the early close. */
  public static final String CYCLE_CALENDAR = "alvh-nyse-cycle-hours";

  private static final String WEEKDAYS = "MON-FRI";

  private final ScheduleConfig config;
  private final Map<String, TradingHoursCalendar> calendars;
  private final Map<JobKind, List<Trigger>> triggers;

  /**
   * Builds the calendars and triggers for {@code config}.
   *
   * <p>The triggers start at the epoch; {@link #register} re-bases them at its start instant,
   * {@link #firesBetween} at its {@code from}.
   */
  public TradingSchedule(ScheduleConfig config) {
    this.config = Check.notNull(config, "config");
    Map<String, TradingHoursCalendar> cals = new LinkedHashMap<>();
    cals.put(TRADING_DAYS_CALENDAR,
        new TradingHoursCalendar(config.zone(), config.earlyClose(), config.extraClosures(), false));
    cals.put(CYCLE_CALENDAR,
        new TradingHoursCalendar(config.zone(), config.earlyClose(), config.extraClosures(), true));
    this.calendars = Collections.unmodifiableMap(cals);

    TimeZone zone = TimeZone.getTimeZone(config.zoneId());
    Map<JobKind, List<Trigger>> map = new EnumMap<>(JobKind.class);
    map.put(JobKind.PRE_OPEN, List.of(cron(JobKind.PRE_OPEN, 0, atMinute(config.preOpen()), zone,
        TRADING_DAYS_CALENDAR)));
    List<Trigger> cycles = new ArrayList<>();
    List<String> cycleCrons = cycleCronExpressions(config.cycleTimes());
    for (int i = 0; i < cycleCrons.size(); i++) {
      cycles.add(cron(JobKind.CYCLE, i, cycleCrons.get(i), zone, CYCLE_CALENDAR));
    }
    map.put(JobKind.CYCLE, List.copyOf(cycles));
    map.put(JobKind.END_OF_DAY, List.of(cron(JobKind.END_OF_DAY, 0, atMinute(config.endOfDay()), zone,
        TRADING_DAYS_CALENDAR)));
    this.triggers = Collections.unmodifiableMap(map);
  }

  /** Returns the configuration the schedule was built from. */
  public ScheduleConfig config() {
    return config;
  }

  /** Returns the key of the job of {@code kind}, for example {@code alvh.CYCLE}. */
  public static JobKey jobKey(JobKind kind) {
    return JobKey.jobKey(kind.name(), GROUP);
  }

  /** Returns the Quartz calendars by name. */
  public Map<String, TradingHoursCalendar> calendars() {
    return calendars;
  }

  /** Returns the triggers of the job of {@code kind}; CYCLE may have several. */
  public List<Trigger> triggers(JobKind kind) {
    return triggers.get(kind);
  }

  /**
   * Returns every fire in {@code [from, to)} of every job, sorted by time and then by
   * {@link JobKind} order.
   *
   * <p>Computed by Quartz itself ({@link TriggerUtils#computeFireTimesBetween}) from the same
   * triggers and calendars that {@link #register} schedules. Six years take well under a second.
   */
  public List<ScheduledFire> firesBetween(Instant from, Instant to) {
    Check.notNull(from, "from");
    Check.notNull(to, "to");
    Check.isTrue(!to.isBefore(from), "to", "must not be before from (" + from + "), but was " + to);
    List<ScheduledFire> fires = new ArrayList<>();
    Date fromDate = Date.from(from);
    Date toDate = Date.from(to);
    for (Map.Entry<JobKind, List<Trigger>> entry : triggers.entrySet()) {
      for (Trigger trigger : entry.getValue()) {
        OperableTrigger fresh = (OperableTrigger) ((OperableTrigger) trigger).clone();
        fresh.setNextFireTime(null);
        Calendar calendar = calendars.get(trigger.getCalendarName());
        for (Date at : TriggerUtils.computeFireTimesBetween(fresh, calendar, fromDate, toDate)) {
          if (at.before(toDate)) {
            fires.add(new ScheduledFire(at.toInstant(), entry.getKey()));
          }
        }
      }
    }
    Collections.sort(fires);
    return fires;
  }

  /**
   * Adds the calendars, jobs and triggers to {@code scheduler}, keeping what is already there and
   * unchanged.
   *
   * <p>Calendars are always replaced (their content may change with the config). A stored
   * trigger with the same key, cron expression, zone, calendar and misfire instruction is kept,
   * so that a persistent job store keeps its next fire time and its misfire handling across
   * restarts; any other trigger of the bot's jobs is replaced or removed. New triggers start at
   * {@code startAt}.
   *
   * @param scheduler  the scheduler, started or not
   * @param jobs  the job class of every {@link JobKind}
   * @param startAt  the instant from which new triggers may fire (the clock's now)
   * @throws SchedulerException if the scheduler rejects a call
   */
  public void register(Scheduler scheduler, Map<JobKind, Class<? extends Job>> jobs, Instant startAt)
      throws SchedulerException {
    Check.notNull(scheduler, "scheduler");
    Check.notNull(jobs, "jobs");
    Check.notNull(startAt, "startAt");
    for (JobKind kind : JobKind.values()) {
      Check.notNull(jobs.get(kind), "jobs[" + kind + "]");
    }
    for (Map.Entry<String, TradingHoursCalendar> entry : calendars.entrySet()) {
      scheduler.addCalendar(entry.getKey(), entry.getValue(), true, true);
    }
    for (JobKind kind : JobKind.values()) {
      JobDetail job = JobBuilder.newJob(jobs.get(kind)).withIdentity(jobKey(kind)).storeDurably()
          .withDescription(kind + " job of the ALVH bot").build();
      scheduler.addJob(job, true, true);
      List<Trigger> wanted = triggers(kind);
      for (Trigger stored : scheduler.getTriggersOfJob(job.getKey())) {
        if (wanted.stream().noneMatch(w -> sameSchedule(w, stored))) {
          scheduler.unscheduleJob(stored.getKey());
        }
      }
      for (Trigger trigger : wanted) {
        if (!scheduler.checkExists(trigger.getKey())) {
          scheduler.scheduleJob(trigger.getTriggerBuilder().startAt(Date.from(startAt)).build());
        }
      }
    }
  }

  //-------------------------------------------------------------------------
  private static boolean sameSchedule(Trigger wanted, Trigger stored) {
    if (!(stored instanceof CronTrigger) || !wanted.getKey().equals(stored.getKey())) {
      return false;
    }
    CronTrigger a = (CronTrigger) wanted;
    CronTrigger b = (CronTrigger) stored;
    return a.getCronExpression().equals(b.getCronExpression())
        && a.getTimeZone().getID().equals(b.getTimeZone().getID())
        && Objects.equals(a.getCalendarName(), b.getCalendarName())
        && a.getMisfireInstruction() == b.getMisfireInstruction();
  }

  private static Trigger cron(JobKind kind, int index, String expression, TimeZone zone, String calendarName) {
    CronScheduleBuilder schedule = CronScheduleBuilder.cronSchedule(expression).inTimeZone(zone);
    schedule = kind == JobKind.CYCLE
        ? schedule.withMisfireHandlingInstructionDoNothing()
        : schedule.withMisfireHandlingInstructionFireAndProceed();
    return TriggerBuilder.newTrigger()
        .withIdentity(TriggerKey.triggerKey(kind.name() + "-" + (index + 1), GROUP))
        .forJob(jobKey(kind))
        .withSchedule(schedule)
        .modifiedByCalendar(calendarName)
        .startAt(Date.from(Instant.EPOCH))
        .withDescription(kind + ": " + expression + " " + zone.getID() + ", calendar " + calendarName)
        .build();
  }

  private static String atMinute(LocalTime time) {
    return "0 " + time.getMinute() + " " + time.getHour() + " ? * " + WEEKDAYS;
  }

  /** Groups the cycle times by hour, and hours with the same minutes into one cron expression. */
  static List<String> cycleCronExpressions(List<LocalTime> times) {
    Map<Integer, TreeSet<Integer>> minutesByHour = new TreeMap<>();
    for (LocalTime time : times) {
      minutesByHour.computeIfAbsent(time.getHour(), h -> new TreeSet<>()).add(time.getMinute());
    }
    Map<String, List<Integer>> hoursByMinutes = new LinkedHashMap<>();
    minutesByHour.forEach((hour, minutes) -> hoursByMinutes.computeIfAbsent(join(minutes), m -> new ArrayList<>())
        .add(hour));
    List<String> expressions = new ArrayList<>();
    hoursByMinutes.forEach((minutes, hours) -> expressions.add("0 " + minutes + " " + hourField(hours) + " ? * "
        + WEEKDAYS));
    return List.copyOf(expressions);
  }

  private static String join(Iterable<Integer> values) {
    List<String> parts = new ArrayList<>();
    values.forEach(v -> parts.add(Integer.toString(v)));
    return String.join(",", parts);
  }

  /** Writes consecutive hours as a range, {@code 10-15}, and others as a list, {@code 9,11}. */
  private static String hourField(List<Integer> hours) {
    boolean consecutive = hours.get(hours.size() - 1) - hours.get(0) == hours.size() - 1;
    if (consecutive && hours.size() > 1) {
      return hours.get(0) + "-" + hours.get(hours.size() - 1);
    }
    return hours.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
