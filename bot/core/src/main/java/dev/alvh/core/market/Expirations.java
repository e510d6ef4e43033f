package dev.alvh.core.market;

import dev.alvh.core.Check;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.signal.TradingDays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The expiration calendars of the option classes the bot trades, from the exchange's rules and
 * a trading-day predicate (core has no holiday calendar of its own; the application passes the
 * NYSE calendar, tests a small one).
 *
 * <ul>
 *   <li><b>SPXW</b> (PM-settled): Mondays, Wednesdays and Fridays before 2022, every weekday
 *       from 2022-01-01; trading days only. A Friday that is a holiday moves to the trading day
 *       before it (as Cboe does for the weekly and end-of-week series); a Monday or Wednesday
 *       holiday has no expiration.
 *   <li><b>SPX</b> (AM-settled monthly): the third Friday of the month; the trading day before
 *       it when that Friday is a holiday (Good Friday 2022: Thursday 2022-04-14).
 *   <li><b>VIX</b>: the Wednesday 30 days before the third Friday of the following month. When
 *       that Friday is a holiday, 30 days before the trading day before it (Good Friday
 *       2022-04-15 gives Tuesday 2022-03-15); when the Wednesday itself is not a trading day,
 *       the trading day before it (Juneteenth 2024-06-19 gives Tuesday 2024-06-18).
 * </ul>
 *
 * <p>The VIX expiration "of month M" is the one derived from month M+1's third Friday; it
 * normally falls in month M (February 2018: 2018-02-14, from Friday 2018-03-16).
 */
public final class Expirations {

  /** From this date SPXW lists every weekday; before it Mondays, Wednesdays and Fridays. */
  public static final LocalDate DAILY_SPXW_FROM = LocalDate.of(2022, 1, 1);
  /** VIX expires this many calendar days before the next month's SPX monthly expiration. */
  public static final int VIX_DAYS_BEFORE_SPX = 30;

  private final TradingDays tradingDays;

  /** A calendar over {@code tradingDays}. */
  public Expirations(TradingDays tradingDays) {
    this.tradingDays = Check.notNull(tradingDays, "tradingDays");
  }

  /** True when an SPXW series expires on {@code date}. */
  public boolean isSpxw(LocalDate date) {
    if (!tradingDays.isTradingDay(date)) {
      return false;
    }
    DayOfWeek w = date.getDayOfWeek();
    if (!date.isBefore(DAILY_SPXW_FROM)) {
      return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }
    if (w == DayOfWeek.MONDAY || w == DayOfWeek.WEDNESDAY || w == DayOfWeek.FRIDAY) {
      return true;
    }
    // the Friday series moves to the trading day before a Friday holiday
    LocalDate friday = date.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    return !friday.equals(date) && !tradingDays.isTradingDay(friday) && previousTradingDay(friday).equals(date);
  }

  /** SPXW expirations in {@code [from, to]}, ascending. */
  public List<LocalDate> spxw(LocalDate from, LocalDate to) {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (isSpxw(d)) {
        out.add(d);
      }
    }
    return out;
  }

  /** The AM-settled SPX monthly expiration of {@code month}: third Friday, or the trading day before. */
  public LocalDate spxMonthly(YearMonth month) {
    Check.notNull(month, "month");
    LocalDate third = month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
    return tradingDays.isTradingDay(third) ? third : previousTradingDay(third);
  }

  /** SPX monthly expirations in {@code [from, to]}, ascending. */
  public List<LocalDate> spxMonthly(LocalDate from, LocalDate to) {
    return monthly(from, to, this::spxMonthly);
  }

  /** The VIX expiration of {@code month}: 30 days before the next month's SPX monthly expiration. */
  public LocalDate vix(YearMonth month) {
    Check.notNull(month, "month");
    LocalDate d = spxMonthly(month.plusMonths(1)).minusDays(VIX_DAYS_BEFORE_SPX);
    return tradingDays.isTradingDay(d) ? d : previousTradingDay(d);
  }

  /** VIX expirations in {@code [from, to]}, ascending. */
  public List<LocalDate> vix(LocalDate from, LocalDate to) {
    return monthly(from, to, this::vix);
  }

  /**
   * The monthly expirations {@code ofMonth} gives in {@code [from, to]}, ascending, asking every
   * month from the one before {@code from}'s (so none in range is missed) to {@code to}'s.
   */
  private static List<LocalDate> monthly(LocalDate from, LocalDate to, Function<YearMonth, LocalDate> ofMonth) {
    List<LocalDate> out = new ArrayList<>();
    for (YearMonth m = YearMonth.from(from).minusMonths(1); !m.atDay(1).isAfter(to); m = m.plusMonths(1)) {
      LocalDate d = ofMonth.apply(m);
      if (!d.isBefore(from) && !d.isAfter(to)) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * The next {@code count} VIX expirations strictly after {@code date}: the VX contracts
   * {@code m1..m<count>} as quoted on {@code date} (on an expiration day the expiring contract
   * has settled at the open, so m1 is the next one).
   */
  public List<LocalDate> vixAfter(LocalDate date, int count) {
    Check.positive(count, "count");
    List<LocalDate> out = new ArrayList<>(count);
    for (YearMonth m = YearMonth.from(date).minusMonths(1); out.size() < count; m = m.plusMonths(1)) {
      LocalDate d = vix(m);
      if (d.isAfter(date)) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * Expirations of {@code tradingClass} ({@code SPXW}, {@code SPX} or {@code VIX}) in
   * {@code [from, to]}, ascending.
   */
  public List<LocalDate> of(String tradingClass, LocalDate from, LocalDate to) {
    Check.notNull(tradingClass, "tradingClass");
    switch (tradingClass) {
      case OptionContract.SPXW:
        return spxw(from, to);
      case OptionContract.SPX_AM:
        return spxMonthly(from, to);
      case OptionContract.VIX:
        return vix(from, to);
      default:
        throw new IllegalArgumentException("tradingClass must be one of [SPXW, SPX, VIX], but was '"
            + tradingClass + "'");
    }
  }

  private LocalDate previousTradingDay(LocalDate date) {
    return tradingDays.shift(date, -1);
  }
}
