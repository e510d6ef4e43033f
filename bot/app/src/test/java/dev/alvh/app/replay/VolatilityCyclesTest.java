package dev.alvh.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.config.ReplayConfig;
import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Cycle detection on hand-made VIX paths with the default thresholds (calm 20, spike 30, 5 days). */
class VolatilityCyclesTest {

  private static final LocalDate D0 = LocalDate.of(2020, 1, 1);

  private static NavigableMap<LocalDate, Double> vix(double... closes) {
    NavigableMap<LocalDate, Double> m = new TreeMap<>();
    for (int i = 0; i < closes.length; i++) {
      m.put(D0.plusDays(i), closes[i]);
    }
    return m;
  }

  @Test
  void calmSpikeReversionCalmIsOneCycleWithItsDates() {
    List<VolatilityCycles.VolatilityCycle> c = VolatilityCycles.detect(
        vix(15, 15, 15, 15, 15, 18, 22, 35, 40, 33, 25, 19, 18, 17, 16, 15, 15), ReplayConfig.DEFAULTS);
    assertThat(c).containsExactly(new VolatilityCycles.VolatilityCycle(D0.plusDays(6), D0.plusDays(7),
        D0.plusDays(8), 40, D0.plusDays(15)));
    assertThat(c.get(0).contains(D0.plusDays(10))).isTrue();
    assertThat(c.get(0).contains(D0.plusDays(16))).isFalse();
  }

  @Test
  void twoSpikesMakeTwoCyclesButAReboundBeforeCalmIsTheSameCycle() {
    double[] path = {15, 15, 15, 15, 15, 31, 25, 19, 18, 32, 22, 19, 19, 19, 19, 19, 15, 15, 15, 15, 15, 40, 19,
        19, 19, 19, 19};
    List<VolatilityCycles.VolatilityCycle> c = VolatilityCycles.detect(vix(path), ReplayConfig.DEFAULTS);
    assertThat(c).hasSize(2);
    assertThat(c.get(0).peakVix()).isEqualTo(32);
    assertThat(c.get(1).spike()).isEqualTo(D0.plusDays(21));
  }

  @Test
  void noCalmBeforeTheSpikeOrNoCalmAfterItIsNoCycle() {
    assertThat(VolatilityCycles.detect(vix(25, 35, 19, 19, 19, 19, 19), ReplayConfig.DEFAULTS)).isEmpty();
    assertThat(VolatilityCycles.detect(vix(15, 15, 15, 15, 15, 35, 25, 19, 19, 19), ReplayConfig.DEFAULTS))
        .isEmpty();
    assertThat(VolatilityCycles.detect(vix(15, 15, 15, 15, 15, 29.9, 15, 15, 15, 15, 15), ReplayConfig.DEFAULTS))
        .isEmpty();
  }

  @Test
  void thresholdsComeFromConfig() {
    ReplayConfig low = new ReplayConfig(14, 20, 2, false, 200, 63);
    assertThat(VolatilityCycles.detect(vix(13, 13, 21, 13, 13), low)).hasSize(1);
    assertThat(VolatilityCycles.detect(vix(13, 13, 21, 13, 13), ReplayConfig.DEFAULTS)).isEmpty();
  }
}
