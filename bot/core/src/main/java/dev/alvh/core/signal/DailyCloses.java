package dev.alvh.core.signal;

import dev.alvh.core.Check;
import java.time.LocalDate;

/**
 * The daily closes of one trading day that the signals are computed from.
 *
 * <p>Example: 2018-02-05, SPX 2648.94, VIX 37.32, VIX3M 28.43, no VX quotes. VX front and second
 * month are optional (the history in the development data ends in May 2017); {@code NaN} means
 * "no quote". Both or neither must be present.
 *
 * @param date     the trading day
 * @param spx      SPX close, index points
 * @param vix      VIX close
 * @param vix3m    VIX3M close
 * @param vxFront  VX front-month close, or {@code NaN} when there is none
 * @param vxSecond VX second-month close, or {@code NaN} when there is none
 */
public record DailyCloses(LocalDate date, double spx, double vix, double vix3m, double vxFront, double vxSecond) {

  /** Checks that every present value is positive. */
  public DailyCloses {
    Check.notNull(date, "date");
    Check.positive(spx, "spx");
    Check.positive(vix, "vix");
    Check.positive(vix3m, "vix3m");
    Check.isTrue(Double.isNaN(vxFront) == Double.isNaN(vxSecond), "vxFront",
        "and vxSecond must both be present or both be missing, but were " + vxFront + " and " + vxSecond);
    if (!Double.isNaN(vxFront)) {
      Check.positive(vxFront, "vxFront");
      Check.positive(vxSecond, "vxSecond");
    }
  }

  /** Closes without VX quotes. */
  public static DailyCloses of(LocalDate date, double spx, double vix, double vix3m) {
    return new DailyCloses(date, spx, vix, vix3m, Double.NaN, Double.NaN);
  }

  /** These closes with VX front and second month quotes. */
  public DailyCloses withVx(double front, double second) {
    return new DailyCloses(date, spx, vix, vix3m, front, second);
  }

  /** Whether VX futures quotes are present. */
  public boolean hasVx() {
    return !Double.isNaN(vxFront);
  }
}
