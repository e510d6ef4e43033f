package dev.alvh.core.config;

import dev.alvh.core.Check;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * When the bot runs its jobs: the pre-open job, the trading cycles and the end-of-day job, in exchange time.
 *
 * <p>All times are wall-clock times in {@link #zone()} (New York by default) on NYSE trading
 * days. Cycles run every {@code cycleMinutes} from {@code firstCycle} to {@code lastCycle}
 * inclusive; on an early-close day only those before {@code earlyClose} run. The full-day
 * closures come from the holiday library; {@code extraClosures} adds one-off closures it lacks.
 * Every time must be a whole minute (the schedule is expressed as cron expressions).
 *
 * <p>Example: the defaults run the pre-open job at 09:00, 25 cycles at 09:45, 10:00, ... 15:45
 * and the end-of-day job at 16:05 New York time; on the day after Thanksgiving the cycles stop
 * after 12:45.
 *
 * @param preOpen  time of the pre-open job (reconnect, reconcile); key {@code schedule.preOpen}
 * @param firstCycle  time of the first trading cycle; key {@code schedule.firstCycle}
 * @param lastCycle  latest time of a trading cycle; key {@code schedule.lastCycle}
 * @param cycleMinutes  minutes between cycles, in [1, 390]; key {@code schedule.cycleMinutes}
 * @param endOfDay  time of the end-of-day job (daily bars, report); key {@code schedule.endOfDay}
 * @param earlyClose  closing time on early-close days; key {@code schedule.earlyClose}
 * @param zone  the time zone id of all times; key {@code schedule.zone}
 * @param extraClosures  full-day closures in addition to the holiday library's; key
 *     {@code schedule.extraClosures}
 */
public record ScheduleConfig(
    LocalTime preOpen,
    LocalTime firstCycle,
    LocalTime lastCycle,
    int cycleMinutes,
    LocalTime endOfDay,
    LocalTime earlyClose,
    String zone,
    List<LocalDate> extraClosures) {

  /** Default pre-open job time, 09:00: half an hour before the 09:30 open, time to reconnect and reconcile. */
  public static final LocalTime DEFAULT_PRE_OPEN = LocalTime.of(9, 0);
  /** Default first cycle, 09:45: a quarter hour after the open, once opening quotes have settled. */
  public static final LocalTime DEFAULT_FIRST_CYCLE = LocalTime.of(9, 45);
  /** Default last cycle, 15:45: a quarter hour before the 16:00 close. */
  public static final LocalTime DEFAULT_LAST_CYCLE = LocalTime.of(15, 45);
  /** Default minutes between cycles, 15. */
  public static final int DEFAULT_CYCLE_MINUTES = 15;
  /** Default end-of-day job time, 16:05: after the close, when the daily bars are final. */
  public static final LocalTime DEFAULT_END_OF_DAY = LocalTime.of(16, 5);
  /** Default early close, 13:00: NYSE's close on the day before Independence Day, after Thanksgiving and on Christmas Eve. */
  public static final LocalTime DEFAULT_EARLY_CLOSE = LocalTime.of(13, 0);
  /** Default zone, America/New_York, the exchange's time zone. */
  public static final String DEFAULT_ZONE = "America/New_York";
  /**
   * Default extra closures: none.
   *
   * <p>Jollyday 2.19.0's NYSE calendar already has the one-off closures of recent years
   * (2001-09-11..14, 2004-06-11, 2007-01-02, 2012-10-29/30, 2018-12-05, 2025-01-09). A closure
   * announced after that release (for example a national day of mourning) goes here.
   */
  public static final List<LocalDate> DEFAULT_EXTRA_CLOSURES = List.of();

  /** The defaults; every field is the matching {@code DEFAULT_} constant. */
  public static final ScheduleConfig DEFAULTS = new ScheduleConfig(
      DEFAULT_PRE_OPEN, DEFAULT_FIRST_CYCLE, DEFAULT_LAST_CYCLE, DEFAULT_CYCLE_MINUTES, DEFAULT_END_OF_DAY,
      DEFAULT_EARLY_CLOSE, DEFAULT_ZONE, DEFAULT_EXTRA_CLOSURES);

  /**
   * Checks every field; messages name the full configuration key.
   *
   * <p>The times must be whole minutes and ordered: {@code preOpen < firstCycle < lastCycle <
   * endOfDay}, and {@code firstCycle < earlyClose}. The list is copied and cannot be modified.
   */
  public ScheduleConfig {
    wholeMinute(preOpen, "schedule.preOpen");
    wholeMinute(firstCycle, "schedule.firstCycle");
    wholeMinute(lastCycle, "schedule.lastCycle");
    Check.inRange(cycleMinutes, 1, 390, "schedule.cycleMinutes");
    wholeMinute(endOfDay, "schedule.endOfDay");
    wholeMinute(earlyClose, "schedule.earlyClose");
    Check.notBlank(zone, "schedule.zone");
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("schedule.zone must be a time zone id such as America/New_York, but was '"
          + zone + "'", e);
    }
    Check.notNull(extraClosures, "schedule.extraClosures");
    for (int i = 0; i < extraClosures.size(); i++) {
      Check.notNull(extraClosures.get(i), "schedule.extraClosures[" + i + "]");
    }
    extraClosures = List.copyOf(extraClosures);
    after(firstCycle, "schedule.firstCycle", preOpen, "schedule.preOpen");
    after(lastCycle, "schedule.lastCycle", firstCycle, "schedule.firstCycle");
    after(endOfDay, "schedule.endOfDay", lastCycle, "schedule.lastCycle");
    after(earlyClose, "schedule.earlyClose", firstCycle, "schedule.firstCycle");
  }

  /** Returns the time zone of all times, {@code ZoneId.of(zone)}. */
  public ZoneId zoneId() {
    return ZoneId.of(zone);
  }

  /**
   * Returns the cycle times of a full trading day, {@code firstCycle + i * cycleMinutes} up to
   * and including {@code lastCycle}, in order.
   */
  public List<LocalTime> cycleTimes() {
    int first = firstCycle.toSecondOfDay() / 60;
    int last = lastCycle.toSecondOfDay() / 60;
    int count = (last - first) / cycleMinutes + 1;
    LocalTime[] times = new LocalTime[count];
    for (int i = 0; i < count; i++) {
      times[i] = LocalTime.ofSecondOfDay((first + (long) i * cycleMinutes) * 60);
    }
    return List.of(times);
  }

  private static void wholeMinute(LocalTime time, String key) {
    Check.notNull(time, key);
    Check.isTrue(time.getSecond() == 0 && time.getNano() == 0, key, "must be a whole minute, but was " + time);
  }

  private static void after(LocalTime time, String key, LocalTime earlier, String earlierKey) {
    Check.isTrue(time.isAfter(earlier), key, "must be after " + earlierKey + " (" + earlier + "), but was " + time);
  }
}
