package dev.alvh.app.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The choice of a sweep point (spec section 7), as pure functions of the points' measures.
 *
 * <p>The efficient frontier: the points no other point beats on both axes, that is with no
 * other point of a smaller or equal max drawdown and a larger or equal CAGR, one of them
 * strictly. The chosen point: the largest CAGR / max drawdown (% of equity) among the points
 * whose hedge net cost stays under the carry cap.
 */
public final class Frontier {

  private Frontier() {
  }

  /**
   * One point's measures on the window the choice is made on.
   *
   * @param maxDrawdownPct largest fall of equity from its peak, percent of the peak
   * @param cagr           percent a year
   * @param withinCarryCap whether the hedge's net cost stayed under the carry cap
   */
  public record Measures(double maxDrawdownPct, double cagr, boolean withinCarryCap) {

    /** CAGR / max drawdown; positive infinity for a gain without drawdown, NaN for neither. */
    public double ratio() {
      return ratio(cagr, maxDrawdownPct);
    }

    /** {@code cagr / maxDrawdownPct}; positive infinity for a gain without drawdown, NaN for neither. */
    public static double ratio(double cagr, double maxDrawdownPct) {
      if (maxDrawdownPct > 0) {
        return cagr / maxDrawdownPct;
      }
      return cagr > 0 ? Double.POSITIVE_INFINITY : cagr < 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
    }

    boolean valid() {
      return !Double.isNaN(maxDrawdownPct) && !Double.isNaN(cagr);
    }
  }

  /**
   * The indexes (into {@code points}) of the points on the efficient frontier, by increasing max
   * drawdown. Of identical points only the first is listed; points with a NaN measure are left out.
   */
  public static List<Integer> efficient(List<Measures> points) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i).valid()) {
        order.add(i);
      }
    }
    order.sort(Comparator.<Integer>comparingDouble(i -> points.get(i).maxDrawdownPct())
        .thenComparing(Comparator.<Integer>comparingDouble(i -> points.get(i).cagr()).reversed())
        .thenComparingInt(i -> i));
    List<Integer> out = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    for (int i : order) {
      if (points.get(i).cagr() > best) {
        out.add(i);
        best = points.get(i).cagr();
      }
    }
    return out;
  }

  /**
   * The index of the point with the largest CAGR / max drawdown among those within the carry
   * cap; empty when none is. Ties go to the earlier point.
   */
  public static Optional<Integer> chosen(List<Measures> points) {
    Integer best = null;
    for (int i = 0; i < points.size(); i++) {
      Measures m = points.get(i);
      if (!m.withinCarryCap() || !m.valid() || Double.isNaN(m.ratio())) {
        continue;
      }
      if (best == null || m.ratio() > points.get(best).ratio()) {
        best = i;
      }
    }
    return Optional.ofNullable(best);
  }
}
