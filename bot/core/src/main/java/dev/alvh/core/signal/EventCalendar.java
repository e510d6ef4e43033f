package dev.alvh.core.signal;

import dev.alvh.core.Check;
import java.time.LocalDate;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dates of market-moving releases (FOMC decisions, CPI and PPI releases) that make a day an
 * event day (spec section 3, {@code eventDay}).
 *
 * <p>The application reads the dates from a file the user can edit; this value only holds them.
 *
 * @param dates the event dates, any order, no duplicates kept
 */
public record EventCalendar(NavigableSet<LocalDate> dates) {

  /** A calendar without events. */
  public static final EventCalendar NONE = new EventCalendar(new TreeSet<>());

  /** Copies the dates into an unmodifiable sorted set. */
  public EventCalendar {
    Check.notNull(dates, "dates");
    dates = Collections.unmodifiableNavigableSet(new TreeSet<>(dates));
  }

  /** A calendar of {@code dates}. */
  public static EventCalendar of(Set<LocalDate> dates) {
    return new EventCalendar(new TreeSet<>(Check.notNull(dates, "dates")));
  }

  /**
   * Whether {@code date} is within {@code windowTradingDays} trading days of an event: an event
   * falls on a calendar date from the {@code windowTradingDays}-th trading day before
   * {@code date} to the {@code windowTradingDays}-th trading day after it, both inclusive. With
   * the default window of 1, the day before, the day of and the day after an event are event
   * days; an event on a weekend makes the Friday before and the Monday after event days.
   */
  public boolean isEventDay(LocalDate date, int windowTradingDays, TradingDays tradingDays) {
    Check.notNull(date, "date");
    Check.notNegative(windowTradingDays, "windowTradingDays");
    Check.notNull(tradingDays, "tradingDays");
    if (dates.isEmpty()) {
      return false;
    }
    LocalDate from = tradingDays.shift(date, -windowTradingDays);
    LocalDate to = tradingDays.shift(date, windowTradingDays);
    LocalDate next = dates.ceiling(from);
    return next != null && !next.isAfter(to);
  }
}
