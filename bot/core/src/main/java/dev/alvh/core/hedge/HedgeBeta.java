package dev.alvh.core.hedge;

import dev.alvh.core.Check;
import dev.alvh.core.config.HedgeConfig;

/**
 * {@code beta} of spec section 4 ("Vega sizing"): the least-squares slope of daily changes of the
 * hedge's VX future on daily changes of spot VIX over the last {@code hedge.sizing.betaDays}
 * days. Front futures move less than spot, so beta is usually below 1.
 *
 * <p>With fewer than {@code hedge.desk.betaMinDays} pairs, or when spot VIX did not move at all,
 * the configured fallback is used; the result is kept within {@code [betaMin, betaMax]}.
 */
public final class HedgeBeta {

  private HedgeBeta() {
  }

  /**
   * The slope of {@code dVx} on {@code dVix} over their last {@code days} pairs, bounded by the
   * desk configuration.
   *
   * @param dVix daily changes of spot VIX, oldest first
   * @param dVx  daily changes of the VX future on the same days, oldest first
   */
  public static double of(double[] dVix, double[] dVx, int days, HedgeConfig.Desk desk) {
    Check.notNull(dVix, "dVix");
    Check.notNull(dVx, "dVx");
    Check.isTrue(dVix.length == dVx.length, "dVx", "must have as many changes as dVix (" + dVix.length
        + "), but had " + dVx.length);
    int n = Math.min(days, dVix.length);
    if (n < desk.betaMinDays()) {
      return desk.betaFallback();
    }
    int from = dVix.length - n;
    double mx = 0;
    double my = 0;
    for (int i = from; i < dVix.length; i++) {
      mx += dVix[i];
      my += dVx[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    for (int i = from; i < dVix.length; i++) {
      sxy += (dVix[i] - mx) * (dVx[i] - my);
      sxx += (dVix[i] - mx) * (dVix[i] - mx);
    }
    if (sxx <= 0 || !Double.isFinite(sxy / sxx)) {
      return desk.betaFallback();
    }
    return Math.max(desk.betaMin(), Math.min(desk.betaMax(), sxy / sxx));
  }
}
