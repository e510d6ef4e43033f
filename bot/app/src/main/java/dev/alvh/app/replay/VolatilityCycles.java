package dev.alvh.app.replay;

import dev.alvh.app.config.ReplayConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Finds complete volatility cycles in daily VIX closes: calm, a spike, mean reversion, calm
 * again (thresholds in {@link ReplayConfig}).
 *
 * <p>The detector first waits for {@code cycleCalmDays} calm closes in a row (below
 * {@code cycleCalmVix}); it is then armed. An armed detector notes the first close at or above
 * the calm level as the cycle's start (forgotten if VIX falls back to calm without spiking). A
 * close above {@code cycleSpikeVix} is the spike; the detector then follows the peak and counts
 * calm closes in a row; the cycle ends, and is counted, on the {@code cycleCalmDays}-th. A cycle
 * still open at the end of the data is not counted.
 */
public final class VolatilityCycles {

  private VolatilityCycles() {
  }

  /** The complete cycles in {@code vixCloses}, in order. */
  public static List<VolatilityCycle> detect(NavigableMap<LocalDate, Double> vixCloses, ReplayConfig config) {
    List<VolatilityCycle> out = new ArrayList<>();
    boolean armed = false;
    boolean spiked = false;
    int calmRun = 0;
    LocalDate start = null;
    LocalDate spike = null;
    LocalDate peak = null;
    double peakVix = 0;
    for (Map.Entry<LocalDate, Double> e : vixCloses.entrySet()) {
      double v = e.getValue();
      boolean calm = v < config.cycleCalmVix();
      calmRun = calm ? calmRun + 1 : 0;
      if (!armed) {
        armed = calmRun >= config.cycleCalmDays();
        continue;
      }
      if (!spiked) {
        if (calm) {
          start = null;
        } else if (start == null) {
          start = e.getKey();
        }
        if (v > config.cycleSpikeVix()) {
          spiked = true;
          spike = e.getKey();
          peak = e.getKey();
          peakVix = v;
        }
        continue;
      }
      if (v > peakVix) {
        peak = e.getKey();
        peakVix = v;
      }
      if (calmRun >= config.cycleCalmDays()) {
        out.add(new VolatilityCycle(start, spike, peak, Metrics.round(peakVix), e.getKey()));
        spiked = false;
        start = null;
      }
    }
    return out;
  }

  /**
   * One complete volatility cycle.
   *
   * @param start   the first close at or above the calm level before the spike
   * @param spike   the first close above the spike level
   * @param peak    the day of the highest close
   * @param peakVix the highest close
   * @param end     the day calm returned (the last of the calm closes in a row)
   */
  public record VolatilityCycle(LocalDate start, LocalDate spike, LocalDate peak, double peakVix, LocalDate end) {

    /** Whether {@code day} falls inside the cycle, start to end inclusive. */
    public boolean contains(LocalDate day) {
      return !day.isBefore(start) && !day.isAfter(end);
    }
  }
}
