package dev.alvh.paper.market;

import dev.alvh.core.Check;
import java.time.Duration;
import java.time.LocalTime;

/**
 * The path an index takes through one day of daily history: from the open through the day's two
 * extremes to the close, so that whatever runs during the session (stops, profit targets, hedge
 * cash-ins) sees the day's high and low and not only a smooth line from open to close.
 *
 * <p>Order of the extremes: on a day that closes at or above its open the path goes
 * open, low, high, close; on a day that closes below its open, open, high, low, close. Of the two
 * orders this is the one with the least total movement (the shorter path through the four
 * points), the usual convention of backtesters that replay OHLC bars. SPX, VIX and VIX3M each
 * follow their own bar by this rule, so on a typical sell-off (SPX down, VIX up) SPX's low and
 * VIX's high come together.
 *
 * <p>Timing: the two turning points are shared by every index of the day and placed from SPX's
 * path at constant speed in log price: the first extreme after the share of the session that the
 * first leg is of SPX's whole path, the second likewise. Both are put on the trading cycles' grid
 * (the nearest {@code stepMinutes} mark from {@code first}, the first extreme no later than one
 * step before {@code last}, the second after the first and no later than {@code last}), so a
 * trading cycle runs exactly at each extreme. Between the open, the turning points and the close
 * each index moves geometrically in time. A bar whose extremes are its open and close (synthetic
 * history) keeps the straight geometric path from open to close.
 *
 * <p>VX futures have closes only. On a day with VX closes a future moves from its previous close
 * to its close geometrically, times VIX's departure from its own straight open-to-close path
 * raised to the future's beta, {@code min(1, vxBeta30 x (30 / days)^vxBetaDecay)} with
 * {@code days} to its expiry: the front month follows an intraday VIX spike by more than the
 * back months do. Where the VX curve is derived from VIX and VIX3M, it follows their paths.
 *
 * @param first       the first trading cycle of the day
 * @param last        the last trading cycle
 * @param stepMinutes minutes between two cycles
 * @param vxBeta30    beta of a VX future 30 days from expiry to VIX's intraday moves
 * @param vxBetaDecay how the beta falls with days to expiry: {@code (30 / days)^vxBetaDecay}
 */
public record IntradayPath(LocalTime first, LocalTime last, int stepMinutes, double vxBeta30, double vxBetaDecay) {

  /** The regular session's open. */
  public static final LocalTime OPEN = LocalTime.of(9, 30);
  /** The regular session's close. */
  public static final LocalTime CLOSE = LocalTime.of(16, 0);
  private static final double SESSION_SECONDS = Duration.between(OPEN, CLOSE).toSeconds();

  /** The default schedule's grid (09:45 to 15:45 every 15 minutes) and the default VX betas. */
  public static final IntradayPath DEFAULTS = of(dev.alvh.paper.config.PaperConfig.Intraday.DEFAULTS,
      dev.alvh.core.config.ScheduleConfig.DEFAULTS);

  /** The path of {@code intraday} on {@code schedule}'s cycle grid; null when {@code intraday.extremes()} is off. */
  public static IntradayPath of(dev.alvh.paper.config.PaperConfig.Intraday intraday,
      dev.alvh.core.config.ScheduleConfig schedule) {
    if (!intraday.extremes()) {
      return null;
    }
    return new IntradayPath(schedule.firstCycle(), schedule.lastCycle(), schedule.cycleMinutes(), intraday.vxBeta30(),
        intraday.vxBetaDecay());
  }

  /** Checks the grid lies inside the session and the betas are sane. */
  public IntradayPath {
    Check.notNull(first, "first");
    Check.notNull(last, "last");
    Check.isTrue(first.isAfter(OPEN) && last.isBefore(CLOSE) && first.isBefore(last), "first",
        "the cycle grid must lie inside the session 09:30-16:00 with first before last, but was " + first + "-"
            + last);
    Check.inRange(stepMinutes, 1, 120, "stepMinutes");
    Check.isTrue(!first.plusMinutes(stepMinutes).isAfter(last), "stepMinutes",
        "must leave room for two cycles between " + first + " and " + last + ", but was " + stepMinutes);
    Check.inRange(vxBeta30, 0.0, 2.0, "vxBeta30");
    Check.inRange(vxBetaDecay, 0.0, 3.0, "vxBetaDecay");
  }

  /**
   * When a day's path reaches its first and its second extreme, as fractions of the session
   * (0 = 09:30, 1 = 16:00).
   *
   * @param first  the first turning point
   * @param second the second, after the first
   */
  public record Turns(double first, double second) {
  }

  /** The turning points of {@code bar}'s day, from SPX's path, on the cycle grid. */
  public Turns turns(DailyBar bar) {
    double o = bar.spxOpen();
    double c = bar.spxClose();
    double x1 = c >= o ? bar.spxLow() : bar.spxHigh();
    double x2 = c >= o ? bar.spxHigh() : bar.spxLow();
    double d1 = Math.abs(Math.log(x1 / o));
    double d2 = Math.abs(Math.log(x2 / x1));
    double d3 = Math.abs(Math.log(c / x2));
    double total = d1 + d2 + d3;
    double f1 = total > 0 ? d1 / total : 1.0 / 3;
    double f2 = total > 0 ? (d1 + d2) / total : 2.0 / 3;
    int firstMark = minutesAfterOpen(first);
    int lastMark = minutesAfterOpen(last);
    int m1 = clamp(snap(f1 * SESSION_SECONDS / 60, firstMark), firstMark, lastMark - stepMinutes);
    int m2 = clamp(snap(f2 * SESSION_SECONDS / 60, firstMark), m1 + stepMinutes, lastMark);
    return new Turns(m1 * 60 / SESSION_SECONDS, m2 * 60 / SESSION_SECONDS);
  }

  /**
   * Whether {@code bar} has extremes beyond its open and close for SPX, VIX or VIX3M (a bar of
   * synthetic history has none: its path is the straight line and has no turning points to visit).
   */
  public static boolean hasExtremes(DailyBar bar) {
    return bar.spxHigh() > Math.max(bar.spxOpen(), bar.spxClose()) || bar.spxLow() < Math.min(bar.spxOpen(),
        bar.spxClose()) || bar.vixHigh() > Math.max(bar.vixOpen(), bar.vixClose())
        || bar.vixLow() < Math.min(bar.vixOpen(), bar.vixClose())
        || bar.vix3mHigh() > Math.max(bar.vix3mOpen(), bar.vix3mClose())
        || bar.vix3mLow() < Math.min(bar.vix3mOpen(), bar.vix3mClose());
  }

  /** The times of day of {@link #turns(DailyBar)}, New York. */
  public LocalTime[] turnTimes(DailyBar bar) {
    Turns t = turns(bar);
    return new LocalTime[] {at(t.first()), at(t.second())};
  }

  /** SPX at session fraction {@code f} of {@code bar}'s day. */
  public double spx(DailyBar bar, Turns t, double f) {
    return level(bar.spxOpen(), bar.spxHigh(), bar.spxLow(), bar.spxClose(), t, f);
  }

  /** VIX at session fraction {@code f} of {@code bar}'s day. */
  public double vix(DailyBar bar, Turns t, double f) {
    return level(bar.vixOpen(), bar.vixHigh(), bar.vixLow(), bar.vixClose(), t, f);
  }

  /** VIX3M at session fraction {@code f} of {@code bar}'s day. */
  public double vix3m(DailyBar bar, Turns t, double f) {
    return level(bar.vix3mOpen(), bar.vix3mHigh(), bar.vix3mLow(), bar.vix3mClose(), t, f);
  }

  /**
   * The factor a VX future {@code days} from expiry moves by at session fraction {@code f}, beyond
   * its straight path from the previous close: VIX's path over VIX's straight open-to-close path,
   * raised to the future's beta.
   */
  public double vxFactor(DailyBar bar, Turns t, double f, double days) {
    double straight = straight(bar.vixOpen(), bar.vixClose(), f);
    double ratio = vix(bar, t, f) / straight;
    return ratio == 1.0 ? 1.0 : Math.pow(ratio, beta(days));
  }

  /** The beta of a VX future {@code days} from expiry to VIX's intraday moves. */
  public double beta(double days) {
    return Math.min(1.0, vxBeta30 * Math.pow(30.0 / Math.max(days, 1.0), vxBetaDecay));
  }

  /**
   * The level at fraction {@code f} of a day with these open, high, low and close, turning at
   * {@code t}: open, then the extreme the rule puts first, then the other, then the close.
   */
  static double level(double open, double high, double low, double close, Turns t, double f) {
    if (f <= 0) {
      return open;
    }
    if (f >= 1) {
      return close;
    }
    if (high <= Math.max(open, close) && low >= Math.min(open, close)) {
      return straight(open, close, f);
    }
    double x1 = close >= open ? low : high;
    double x2 = close >= open ? high : low;
    if (f <= t.first()) {
      return straight(open, x1, f / t.first());
    }
    if (f <= t.second()) {
      return straight(x1, x2, (f - t.first()) / (t.second() - t.first()));
    }
    return straight(x2, close, (f - t.second()) / (1 - t.second()));
  }

  /** Geometric interpolation from {@code a} ({@code f = 0}) to {@code b} ({@code f = 1}). */
  static double straight(double a, double b, double f) {
    if (f <= 0) {
      return a;
    }
    if (f >= 1) {
      return b;
    }
    return a * Math.pow(b / a, f);
  }

  /** The fraction of the session at {@code t} (0 before the open, 1 after the close). */
  public static double sessionFraction(LocalTime t) {
    if (!t.isAfter(OPEN)) {
      return 0.0;
    }
    if (!t.isBefore(CLOSE)) {
      return 1.0;
    }
    return Duration.between(OPEN, t).toSeconds() / SESSION_SECONDS;
  }

  private static LocalTime at(double f) {
    return OPEN.plusSeconds(Math.round(f * SESSION_SECONDS));
  }

  private static int minutesAfterOpen(LocalTime t) {
    return (int) Duration.between(OPEN, t).toMinutes();
  }

  private int snap(double minutes, int firstMark) {
    return firstMark + (int) Math.round((minutes - firstMark) / stepMinutes) * stepMinutes;
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
