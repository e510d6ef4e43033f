package dev.alvh.core.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.alvh.core.config.HedgeConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BetaWindowsTest {

  static final HedgeConfig C = HedgeConfig.DEFAULTS;
  static final LocalDate D0 = LocalDate.of(2024, 1, 2);
  /** 20, 45 and 90 days after D0: in the windows of L1 (14-45), of the base and L2 (30-60), of L3 (60-120). */
  static final List<LocalDate> EXPIRIES = List.of(D0.plusDays(20), D0.plusDays(45), D0.plusDays(90));

  static Map<LocalDate, Double> curve(double front, double mid, double back) {
    return Map.of(EXPIRIES.get(0), front, EXPIRIES.get(1), mid, EXPIRIES.get(2), back);
  }

  @Test
  void eachCloseAddsThePairOfEachLayerWindowQuotedTodayAndAtTheLastClose() {
    BetaWindows w = new BetaWindows(C);
    assertThat(w.close(D0, 15, EXPIRIES, curve(16, 17, 18))).as("no last close yet").isEmpty();

    List<BetaWindows.Pair> pairs = w.close(D0.plusDays(1), 17, EXPIRIES, curve(17.2, 17.8, 18.3));
    assertThat(pairs).extracting(BetaWindows.Pair::level).containsExactly(0, 1, 2, 3);
    assertThat(pairs.get(0).dVix()).isEqualTo(2);
    assertThat(pairs.get(1).dVx()).isCloseTo(1.2, within(1e-9)); // L1: the 20-day expiry
    assertThat(pairs.get(0).dVx()).isCloseTo(0.8, within(1e-9)); // base: the 45-day expiry
    assertThat(pairs.get(2).dVx()).isCloseTo(0.8, within(1e-9)); // L2: the same
    assertThat(pairs.get(3).dVx()).isCloseTo(0.3, within(1e-9)); // L3: the 90-day expiry
    assertThat(pairs).allMatch(p -> p.date().equals(D0.plusDays(1)));

    // a window's expiry without a VX today gives no pair for it; the others still get one
    Map<LocalDate, Double> noBack = new HashMap<>(curve(17, 17.5, 18));
    noBack.remove(EXPIRIES.get(2));
    assertThat(w.close(D0.plusDays(2), 16, EXPIRIES, noBack)).extracting(BetaWindows.Pair::level)
        .containsExactly(0, 1, 2);
    // and none the next day either: it had none at the last close
    assertThat(w.close(D0.plusDays(3), 16.5, EXPIRIES, curve(17, 17.5, 18))).extracting(BetaWindows.Pair::level)
        .containsExactly(0, 1, 2);
  }

  @Test
  void betasAreTheSlopesOfTheLastBetaDaysPairsAndTheFallbackBeforeEnoughDays() {
    BetaWindows w = new BetaWindows(C);
    assertThat(w.betas()).containsExactly(0.5, 0.5, 0.5, 0.5);
    // a listing every 30 days: each layer's window always holds one expiry, quoted every day
    List<LocalDate> listed = IntStream.range(0, 10).mapToObj(k -> D0.plusDays(15 + 30L * k)).toList();
    List<double[]> all = new ArrayList<>();
    double vix = 15;
    double vx = 16;
    w.restoreLast(vix, flat(listed, vx));
    for (int i = 0; i < 80; i++) {
      double dVix = i % 3 == 0 ? 1.0 : -0.5 + i * 0.01;
      // the first 20 days move the futures 1.4 x VIX, the last 60 0.6 x: only the last 60 count
      double dVx = (i < 20 ? 1.4 : 0.6) * dVix;
      vix += dVix;
      vx += dVx;
      assertThat(w.close(D0.plusDays(1 + i), vix, listed, flat(listed, vx))).hasSize(4);
      all.add(new double[] {dVix, dVx});
      if (i == 18) {
        assertThat(w.betas()).as("19 pairs: the fallback").containsExactly(0.5, 0.5, 0.5, 0.5);
      }
    }
    double[] x = all.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = all.stream().mapToDouble(p -> p[1]).toArray();
    for (double b : w.betas()) {
      assertThat(b).isCloseTo(HedgeBeta.of(x, y, 60, C.desk()), within(1e-9)).isCloseTo(0.6, within(1e-9));
    }
  }

  static Map<LocalDate, Double> flat(List<LocalDate> listed, double vx) {
    Map<LocalDate, Double> m = new HashMap<>();
    listed.forEach(e -> m.put(e, vx));
    return m;
  }

  @Test
  void restoredPairsCountAsIfTheyHadBeenAdded() {
    BetaWindows w = new BetaWindows(C);
    for (int i = 0; i < 30; i++) {
      double dVix = i % 2 == 0 ? 1 : -1;
      w.restore(2, dVix, 0.7 * dVix);
    }
    assertThat(w.betas().get(2)).isCloseTo(0.7, within(1e-9));
    assertThat(w.betas().get(1)).isEqualTo(0.5);
  }
}
