package dev.alvh.core.testdata;

import dev.alvh.core.signal.RsiSource;
import dev.alvh.core.signal.SignalSnapshot;
import java.time.LocalDate;

/**
 * A test-data builder of {@link SignalSnapshot}s whose defaults are a calm, warm market: VIX 14
 * at its baseline, contango 1.15, RSIs at 50, a flat MACD histogram at 0, no open
 * tranches, score 0. Each test changes only what its scenario is about.
 */
public final class Snapshots {

  /** The first date of the default sequence, a Monday. */
  public static final LocalDate START = LocalDate.of(2024, 1, 8);

  private LocalDate date = START;
  private double spx = 4700;
  private double vix = 14;
  private double vixRel = 1.0;
  private double termRatio = 1.15;
  private double contangoZ = 0;
  private double rsiSpx = 55;
  private double rsiVix = 50;
  private double rsiVix21 = 50;
  private double macdVixHist = 0;
  private int macdVixHistTrend = 0;
  private double beSigma = Double.POSITIVE_INFINITY;
  private boolean eventDay = false;
  private int score = 0;
  private String notWarmReason = "";

  /** A builder with the calm defaults. */
  public static Snapshots calm() {
    return new Snapshots();
  }

  public Snapshots date(LocalDate d) {
    date = d;
    return this;
  }

  public Snapshots vix(double v) {
    vix = v;
    return this;
  }

  public Snapshots vixRel(double v) {
    vixRel = v;
    return this;
  }

  public Snapshots termRatio(double v) {
    termRatio = v;
    return this;
  }

  public Snapshots contangoZ(double v) {
    contangoZ = v;
    return this;
  }

  public Snapshots rsiSpx(double v) {
    rsiSpx = v;
    return this;
  }

  public Snapshots rsiVix21(double v) {
    rsiVix21 = v;
    return this;
  }

  public Snapshots macd(double hist, int trend) {
    macdVixHist = hist;
    macdVixHistTrend = trend;
    return this;
  }

  public Snapshots beSigma(double v) {
    beSigma = v;
    return this;
  }

  public Snapshots score(int v) {
    score = v;
    return this;
  }

  public Snapshots notWarm(String reason) {
    notWarmReason = reason;
    return this;
  }

  /** The snapshot. */
  public SignalSnapshot build() {
    return new SignalSnapshot(date, spx, vix, vix * termRatio, Double.NaN, Double.NaN, vix / vixRel, vixRel,
        termRatio, Double.NaN, contangoZ, rsiSpx, rsiVix, rsiVix21, RsiSource.VIX, macdVixHist,
        macdVixHistTrend, beSigma, eventDay, score, notWarmReason.isEmpty(), notWarmReason);
  }
}
