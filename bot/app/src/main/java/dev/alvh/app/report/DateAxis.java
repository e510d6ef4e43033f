package dev.alvh.app.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.knowm.xchart.XYChart;

/**
 * A date axis whose ticks fall on the first day of a month: charts plot dates as a number of
 * months (a month is one unit whatever its length; a day inside it is a fraction), so the
 * chart library's round-number ticks land on month starts, and each tick's label is the date at
 * its position. (XChart's own date axis spaces its ticks evenly in milliseconds from an
 * arbitrary origin and labels each with the month it falls in: ticks up to weeks off the dates
 * they name.)
 *
 * <p>Over a long range one unit is a quarter or a year, so the round-number steps are half-years
 * or years rather than, say, every fifth month; under six months one unit is a day (round-number
 * steps of days would otherwise fall inside a month at fractions of a day).
 */
public final class DateAxis {

  private static final YearMonth ORIGIN = YearMonth.of(1970, 1);
  private static final double EPS = 1e-6;

  private final int monthsPerUnit;
  private final long units;

  private DateAxis(int monthsPerUnit, long months) {
    this.monthsPerUnit = monthsPerUnit;
    this.units = monthsPerUnit == 0 ? months * 31 : months / monthsPerUnit;
  }

  /**
   * The axis for data from {@code from} to {@code to}: days under 6 months, months up to 30 months,
   * quarters up to 10 years, then years.
   */
  public static DateAxis forRange(LocalDate from, LocalDate to) {
    long months = from == null || to == null ? 0 : ChronoUnit.MONTHS.between(from, to);
    return new DateAxis(months < 6 ? 0 : months <= 30 ? 1 : months <= 120 ? 3 : 12, months);
  }

  /** Months in one unit of the axis (1, 3 or 12), or 0 when one unit is a day. */
  public int monthsPerUnit() {
    return monthsPerUnit;
  }

  /** The axis position of {@code day}. */
  public double x(LocalDate day) {
    if (monthsPerUnit == 0) {
      return day.toEpochDay();
    }
    long month = ChronoUnit.MONTHS.between(ORIGIN, YearMonth.from(day));
    double inMonth = (day.getDayOfMonth() - 1) / (double) day.lengthOfMonth();
    return (month + inMonth) / monthsPerUnit;
  }

  /** The date at axis position {@code x} (the day whose start is nearest). */
  public LocalDate date(double x) {
    if (monthsPerUnit == 0) {
      return LocalDate.ofEpochDay(Math.round(x));
    }
    double months = x * monthsPerUnit;
    long whole = (long) Math.floor(months + EPS);
    YearMonth m = ORIGIN.plusMonths(whole);
    double frac = Math.max(0, months - whole);
    return m.atDay(1).plusDays(Math.round(frac * m.lengthOfMonth()));
  }

  /**
   * The label of a tick at {@code x}: {@code YYYY} at a year start when one unit is a year,
   * {@code YYYY-MM} at any other month start when one unit is a month or more, else the full date
   * (the day nearest the position).
   */
  public String label(double x) {
    LocalDate d = date(x);
    if (monthsPerUnit == 0 || d.getDayOfMonth() != 1) {
      return d.toString();
    }
    if (monthsPerUnit == 12 && d.getMonthValue() == 1) {
      return Integer.toString(d.getYear());
    }
    return YearMonth.from(d).toString();
  }

  /**
   * Makes {@code chart}'s x axis this date axis (its series must be plotted with {@link #x}):
   * at most one tick per unit, so ticks stay on month starts, and at most 16.
   */
  public void applyTo(XYChart chart) {
    chart.getStyler().setxAxisTickLabelsFormattingFunction(this::label);
    chart.getStyler().setXAxisMaxLabelCount((int) Math.max(2, Math.min(16, units + 1)));
  }
}
