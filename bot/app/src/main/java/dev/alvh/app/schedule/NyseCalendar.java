package dev.alvh.app.schedule;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import dev.alvh.core.Check;
import dev.alvh.core.config.ScheduleConfig;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NYSE trading calendar: which days the exchange is open and when it closes.
 *
 * <p>Full-day closures come from jollyday's NYSE calendar ({@link HolidayCalendar#NYSE}), which
 * applies the exchange's weekend rules (a Saturday holiday is observed on Friday, a Sunday
 * holiday on Monday, but New Year's Day on a Saturday is not moved to the Friday before), has
 * Good Friday, Juneteenth from 2022, and the one-off closures up to 2025-01-09. One-off closures
 * announced later are added through {@link ScheduleConfig#extraClosures()}.
 *
 * <p>Early closes (13:00 by default) follow the exchange's rule rather than a list: the day
 * after Thanksgiving, and July 3 and December 24 when they are trading days.
 *
 * <p>Thread-safe: the closures of each year are computed once and cached.
 */
public final class NyseCalendar {

  /** The regular close of the NYSE, 16:00 New York time. */
  public static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);

  private final HolidayManager holidays;
  private final Set<LocalDate> extraClosures;
  private final LocalTime earlyClose;
  /** Full-day weekday closures by year; filled on demand by any thread, values immutable. */
  private final Map<Integer, Set<LocalDate>> closuresByYear = new ConcurrentHashMap<>();

  /**
   * Creates the calendar.
   *
   * @param extraClosures  full-day closures in addition to jollyday's
   * @param earlyClose  the close on early-close days
   */
  public NyseCalendar(List<LocalDate> extraClosures, LocalTime earlyClose) {
    this.extraClosures = Set.copyOf(Check.notNull(extraClosures, "extraClosures"));
    this.earlyClose = Check.notNull(earlyClose, "earlyClose");
    this.holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NYSE));
  }

  /** Returns the calendar for the closures and early close of {@code config}. */
  public static NyseCalendar of(ScheduleConfig config) {
    return new NyseCalendar(config.extraClosures(), config.earlyClose());
  }

  /** Returns true if the exchange is open on {@code date}: a weekday that is not a closure. */
  public boolean isTradingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isClosure(date);
  }

  /** Returns true if {@code date} is a weekday on which the exchange is closed all day. */
  public boolean isClosure(LocalDate date) {
    return closuresByYear.computeIfAbsent(date.getYear(), this::closuresOf).contains(date);
  }

  /**
   * Returns true if {@code date} is a trading day that closes early: the day after Thanksgiving,
   * July 3 or December 24.
   */
  public boolean isEarlyClose(LocalDate date) {
    if (!isTradingDay(date)) {
      return false;
    }
    Month month = date.getMonth();
    int day = date.getDayOfMonth();
    if (month == Month.JULY && day == 3 || month == Month.DECEMBER && day == 24) {
      return true;
    }
    LocalDate thanksgiving = date.with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
    return month == Month.NOVEMBER && date.equals(thanksgiving.plusDays(1));
  }

  /**
   * Returns the time the exchange closes on a trading day: {@link #REGULAR_CLOSE}, or the early
   * close on an early-close day.
   *
   * @throws IllegalArgumentException if {@code date} is not a trading day
   */
  public LocalTime closeTime(LocalDate date) {
    Check.isTrue(isTradingDay(date), "date", "must be a trading day, but was " + date + " (" + date.getDayOfWeek() + ")");
    return isEarlyClose(date) ? earlyClose : REGULAR_CLOSE;
  }

  /** Returns the next trading day strictly after {@code date}. */
  public LocalDate nextTradingDay(LocalDate date) {
    LocalDate next = date.plusDays(1);
    while (!isTradingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  private Set<LocalDate> closuresOf(int year) {
    Set<LocalDate> dates = new HashSet<>();
    // An observed date can fall into the neighbouring year (a Saturday January 1 observed on
    // December 31 in other calendars), so both years are read and filtered on the observed date.
    for (int y = year; y <= year + 1; y++) {
      for (Holiday holiday : holidays.getHolidays(Year.of(y))) {
        if (holiday.getDate().getYear() == year) {
          dates.add(holiday.getDate());
        }
      }
    }
    for (LocalDate extra : extraClosures) {
      if (extra.getYear() == year) {
        dates.add(extra);
      }
    }
    return Set.copyOf(dates);
  }
}
