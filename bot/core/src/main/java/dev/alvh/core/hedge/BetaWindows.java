package dev.alvh.core.hedge;

import dev.alvh.core.Check;
import dev.alvh.core.config.HedgeConfig;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code beta} of the base layer and of L1 to L3 (spec section 4, "Vega sizing"): for each,
 * the daily (change of spot VIX, change of the VX future of the layer's expiry window) pairs of
 * the last {@code hedge.sizing.betaDays} closes, and their slope ({@link HedgeBeta}).
 *
 * <p>Each close brings today's VIX and VX curve ({@link #close}); a layer gets a pair when the
 * first listed expiry in its window has a VX future today and had one at the last close. The
 * caller stores the pairs it returns and restores them on start ({@link #restore}). Not
 * thread-safe.
 */
public final class BetaWindows {

  /** One day's pair of one layer: 0 the base layer, 1 to 3 the adaptive layers. */
  public record Pair(LocalDate date, int level, double dVix, double dVx) {
  }

  private final HedgeConfig config;
  private final List<Deque<double[]>> pairs = List.of(new ArrayDeque<>(), new ArrayDeque<>(), new ArrayDeque<>(),
      new ArrayDeque<>());
  private final Map<LocalDate, Double> lastVx = new HashMap<>();
  private double lastVix = Double.NaN;

  /** Empty windows for {@code config}. */
  public BetaWindows(HedgeConfig config) {
    this.config = Check.notNull(config, "config");
  }

  /** Appends a stored pair of layer {@code level} (oldest first), as on start. */
  public void restore(int level, double dVix, double dVx) {
    add(level, dVix, dVx);
  }

  /** Sets the closes the next pair is measured from: VIX and the VX curve of the last close. */
  public void restoreLast(double vix, Map<LocalDate, Double> vx) {
    lastVx.clear();
    lastVx.putAll(vx);
    lastVix = vix;
  }

  /**
   * Today's close: the pair of each layer whose window's expiry is quoted today and at the last
   * close, appended to its window (the oldest beyond {@code hedge.sizing.betaDays} dropped); then
   * today's closes become the last ones.
   *
   * @param expiries the listed VIX expiries, ascending
   * @param vxNow    today's VX future of each listed expiry that has one
   * @return the pairs added, base layer first
   */
  public List<Pair> close(LocalDate today, double vix, List<LocalDate> expiries, Map<LocalDate, Double> vxNow) {
    List<Pair> added = new ArrayList<>();
    for (int level = 0; level <= 3; level++) {
      HedgeConfig.Layer layer = level == 0 ? config.base().asLayer() : config.layer(level);
      Optional<LocalDate> e = expiries.stream().filter(d -> {
        long dte = ChronoUnit.DAYS.between(today, d);
        return dte >= layer.minDte() && dte <= layer.maxDte();
      }).findFirst();
      if (e.isPresent() && vxNow.containsKey(e.get()) && lastVx.containsKey(e.get()) && Double.isFinite(lastVix)) {
        double dVix = vix - lastVix;
        double dVx = vxNow.get(e.get()) - lastVx.get(e.get());
        add(level, dVix, dVx);
        added.add(new Pair(today, level, dVix, dVx));
      }
    }
    restoreLast(vix, vxNow);
    return added;
  }

  private void add(int level, double dVix, double dVx) {
    Deque<double[]> d = pairs.get(level);
    d.addLast(new double[] {dVix, dVx});
    while (d.size() > config.sizing().betaDays()) {
      d.removeFirst();
    }
  }

  /** The current {@code beta} of the base layer and of L1 to L3, in that order. */
  public List<Double> betas() {
    List<Double> out = new ArrayList<>();
    for (Deque<double[]> d : pairs) {
      double[] x = d.stream().mapToDouble(p -> p[0]).toArray();
      double[] y = d.stream().mapToDouble(p -> p[1]).toArray();
      out.add(HedgeBeta.of(x, y, config.sizing().betaDays(), config.desk()));
    }
    return out;
  }
}
