package dev.alvh.app.replay;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The performance measures of one book, as pure functions of its daily equity (and, for the
 * risk-relative drawdown, its condor risk capital).
 *
 * <p>Conventions: returns and drawdowns are in percent; daily returns are close-to-close
 * changes of net liquidation; Sharpe and Sortino are daily, annualized by the square root of
 * {@value #TRADING_DAYS_PER_YEAR}, with a risk-free rate of 0; a measure whose denominator is 0
 * (a flat curve, no losing day) is 0. Results are rounded to 4 decimals so summaries compare
 * exactly across runs.
 */
public final class Metrics {

  /** Trading days in a year, for annualizing daily ratios. */
  public static final int TRADING_DAYS_PER_YEAR = 252;
  private static final double DAYS_PER_YEAR = 365.25;

  private Metrics() {
  }

  /** Percent change from the first to the last equity; 0 for fewer than two points. */
  public static double totalReturn(NavigableMap<LocalDate, BigDecimal> equity) {
    if (equity.size() < 2) {
      return 0;
    }
    return round(ratio(equity.lastEntry().getValue(), equity.firstEntry().getValue()) * 100 - 100);
  }

  /**
   * Compound annual growth rate in percent over the calendar days from the first to the last
   * date: {@code (last / first)^(365.25 / days) - 1}.
   */
  public static double cagr(NavigableMap<LocalDate, BigDecimal> equity) {
    if (equity.size() < 2) {
      return 0;
    }
    long days = ChronoUnit.DAYS.between(equity.firstKey(), equity.lastKey());
    double growth = ratio(equity.lastEntry().getValue(), equity.firstEntry().getValue());
    if (days <= 0 || growth <= 0) {
      return growth <= 0 ? -100 : 0;
    }
    return round((Math.pow(growth, DAYS_PER_YEAR / days) - 1) * 100);
  }

  /** The largest fall of equity from its running peak, percent of that peak. */
  public static double maxDrawdownPct(Iterable<BigDecimal> equity) {
    double peak = Double.NEGATIVE_INFINITY;
    double worst = 0;
    for (BigDecimal e : equity) {
      double v = e.doubleValue();
      peak = Math.max(peak, v);
      if (peak > 0) {
        worst = Math.max(worst, (peak - v) / peak * 100.0);
      }
    }
    return round(worst);
  }

  /** The largest fall of equity from its running peak, USD. */
  public static BigDecimal maxDrawdown(Iterable<BigDecimal> equity) {
    BigDecimal peak = null;
    BigDecimal worst = BigDecimal.ZERO;
    for (BigDecimal e : equity) {
      peak = peak == null || e.compareTo(peak) > 0 ? e : peak;
      worst = worst.max(peak.subtract(e));
    }
    return worst;
  }

  /**
   * The largest drawdown in USD as a percent of the condor risk capital: the peak, over the
   * run, of the summed maximum loss of the open tranches at a day's end
   * ({@code (width - credit) x 100 x quantity} each). 0 when no tranche was ever open.
   */
  public static double maxDrawdownRiskPct(Iterable<BigDecimal> equity, BigDecimal riskCapital) {
    if (riskCapital.signum() <= 0) {
      return 0;
    }
    return round(maxDrawdown(equity).doubleValue() / riskCapital.doubleValue() * 100);
  }

  /** Day-over-day returns, as fractions. */
  public static double[] dailyReturns(NavigableMap<LocalDate, BigDecimal> equity) {
    List<Double> out = new ArrayList<>();
    BigDecimal prev = null;
    for (BigDecimal e : equity.values()) {
      if (prev != null && prev.signum() > 0) {
        out.add(ratio(e, prev) - 1);
      }
      prev = e;
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Annualized Sharpe ratio of daily returns (sample standard deviation), risk-free 0. */
  public static double sharpe(NavigableMap<LocalDate, BigDecimal> equity) {
    double[] r = dailyReturns(equity);
    if (r.length < 2) {
      return 0;
    }
    double mean = mean(r);
    double var = 0;
    for (double x : r) {
      var += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(var / (r.length - 1));
    return sd == 0 ? 0 : round(mean / sd * Math.sqrt(TRADING_DAYS_PER_YEAR));
  }

  /**
   * Annualized Sortino ratio: mean daily return over the downside deviation
   * {@code sqrt(mean(min(r, 0)^2))} taken over all days, risk-free 0.
   */
  public static double sortino(NavigableMap<LocalDate, BigDecimal> equity) {
    double[] r = dailyReturns(equity);
    if (r.length < 2) {
      return 0;
    }
    double down = 0;
    for (double x : r) {
      down += Math.min(x, 0) * Math.min(x, 0);
    }
    double dd = Math.sqrt(down / r.length);
    return dd == 0 ? 0 : round(mean(r) / dd * Math.sqrt(TRADING_DAYS_PER_YEAR));
  }

  /**
   * The calendar month with the lowest return: the month's last equity against the previous
   * month's last (the first month against the first equity). Empty for fewer than two points.
   */
  public static Optional<MonthReturn> worstMonth(NavigableMap<LocalDate, BigDecimal> equity) {
    if (equity.size() < 2) {
      return Optional.empty();
    }
    MonthReturn worst = null;
    for (Map.Entry<YearMonth, Double> e : monthlyReturns(equity).entrySet()) {
      worst = lower(worst, new MonthReturn(e.getKey().toString(), e.getValue()));
    }
    return Optional.of(worst);
  }

  /**
   * The return of every calendar month in percent: the month's last equity against the previous
   * month's last (the first month against the first equity), as {@link #worstMonth} measures it.
   */
  public static NavigableMap<YearMonth, Double> monthlyReturns(NavigableMap<LocalDate, BigDecimal> equity) {
    NavigableMap<YearMonth, Double> out = new TreeMap<>();
    if (equity.size() < 2) {
      return out;
    }
    BigDecimal base = equity.firstEntry().getValue();
    YearMonth month = YearMonth.from(equity.firstKey());
    BigDecimal last = base;
    for (Map.Entry<LocalDate, BigDecimal> e : equity.entrySet()) {
      YearMonth m = YearMonth.from(e.getKey());
      if (!m.equals(month)) {
        out.put(month, round(ratio(last, base) * 100 - 100));
        base = last;
        month = m;
      }
      last = e.getValue();
    }
    out.put(month, round(ratio(last, base) * 100 - 100));
    return out;
  }

  /**
   * The return of each calendar year in percent, compounded from {@link #monthlyReturns} (the
   * first year from the first equity).
   */
  public static NavigableMap<Integer, Double> yearlyReturns(NavigableMap<LocalDate, BigDecimal> equity) {
    NavigableMap<Integer, Double> growth = new TreeMap<>();
    monthlyReturns(equity).forEach((m, r) -> growth.merge(m.getYear(), 1 + r / 100, (a, b) -> a * b));
    NavigableMap<Integer, Double> out = new TreeMap<>();
    growth.forEach((y, g) -> out.put(y, round(g * 100 - 100)));
    return out;
  }

  /**
   * The Sharpe ratio of the {@code window} daily returns ending on each day (annualized, risk-free
   * 0, as {@link #sharpe}), from the first day with a full window on; 0 where the window's returns
   * do not vary.
   */
  public static NavigableMap<LocalDate, Double> rollingSharpe(NavigableMap<LocalDate, BigDecimal> equity, int window) {
    if (window < 2) {
      throw new IllegalArgumentException("window must be at least 2 days, but was " + window);
    }
    NavigableMap<LocalDate, Double> out = new TreeMap<>();
    List<LocalDate> days = new ArrayList<>(equity.keySet());
    double[] r = dailyReturns(equity);
    if (r.length != days.size() - 1) {
      return out; // a non-positive equity: no returns to measure
    }
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < r.length; i++) {
      sum += r[i];
      sumSq += r[i] * r[i];
      if (i >= window) {
        sum -= r[i - window];
        sumSq -= r[i - window] * r[i - window];
      }
      if (i >= window - 1) {
        double mean = sum / window;
        double var = (sumSq - window * mean * mean) / (window - 1);
        double sd = var > 1e-18 ? Math.sqrt(var) : 0;
        out.put(days.get(i + 1), sd == 0 ? 0 : round(mean / sd * Math.sqrt(TRADING_DAYS_PER_YEAR)));
      }
    }
    return out;
  }

  /** The fall of equity from its running peak on each day, percent of the peak (0 or negative). */
  public static NavigableMap<LocalDate, Double> drawdowns(NavigableMap<LocalDate, BigDecimal> equity) {
    NavigableMap<LocalDate, Double> out = new TreeMap<>();
    double peak = Double.NEGATIVE_INFINITY;
    for (Map.Entry<LocalDate, BigDecimal> e : equity.entrySet()) {
      double v = e.getValue().doubleValue();
      peak = Math.max(peak, v);
      out.put(e.getKey(), peak > 0 ? round(-(peak - v) / peak * 100) : 0.0);
    }
    return out;
  }

  /** The peak of a day-by-day series of values (0 when empty). */
  public static BigDecimal peak(Iterable<BigDecimal> values) {
    BigDecimal p = BigDecimal.ZERO;
    for (BigDecimal v : values) {
      p = p.max(v);
    }
    return p;
  }

  private static MonthReturn lower(MonthReturn a, MonthReturn b) {
    return a == null || b.returnPct() < a.returnPct() ? b : a;
  }

  private static double ratio(BigDecimal a, BigDecimal b) {
    return a.doubleValue() / b.doubleValue();
  }

  private static double mean(double[] r) {
    double s = 0;
    for (double x : r) {
      s += x;
    }
    return s / r.length;
  }

  static double round(double v) {
    return Math.round(v * 10_000.0) / 10_000.0;
  }

  /**
   * One calendar month's return.
   *
   * @param month     {@code YYYY-MM}
   * @param returnPct percent
   */
  public record MonthReturn(String month, double returnPct) {
  }
}
