package dev.alvh.core.signal;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Tells whether a date is a trading day of the exchange.
 *
 * <p>Core has no holiday calendar of its own (the application builds one from a real NYSE
 * calendar); it takes this predicate as an argument, so that it stays pure.
 */
@FunctionalInterface
public interface TradingDays {

  /** Monday to Friday, no holidays: for tests and synthetic scenarios. */
  TradingDays WEEKDAYS = date -> date.getDayOfWeek() != DayOfWeek.SATURDAY
      && date.getDayOfWeek() != DayOfWeek.SUNDAY;

  /** Whether the exchange trades on {@code date}. */
  boolean isTradingDay(LocalDate date);

  /**
   * The trading day {@code n} trading days after {@code date} (before it when {@code n} is
   * negative); {@code date} itself need not be a trading day. Zero returns {@code date}.
   */
  default LocalDate shift(LocalDate date, int n) {
    LocalDate d = date;
    int step = n >= 0 ? 1 : -1;
    for (int left = Math.abs(n); left > 0; ) {
      d = d.plusDays(step);
      if (isTradingDay(d)) {
        left--;
      }
    }
    return d;
  }
}
