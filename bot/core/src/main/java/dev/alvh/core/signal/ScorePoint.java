package dev.alvh.core.signal;

import dev.alvh.core.config.HedgeConfig;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The five points of the confluence score (spec section 3, {@code score}), one per signal.
 *
 * <p>A missing value ({@code NaN}, for example before the indicators are warm) never earns a
 * point.
 */
public enum ScorePoint {

  /** Contango collapsed: {@code contangoZ <= -1.5}. */
  CONTANGO_Z_LOW((v, c) -> v.contangoZ() <= c.contangoZAtMost(), c -> "contangoZ <= " + c.contangoZAtMost()),
  /** Term structure inverted: {@code termRatio < 1.0}. */
  TERM_INVERTED((v, c) -> v.termRatio() < c.termRatioBelow(), c -> "termRatio < " + c.termRatioBelow()),
  /** SPX weak: {@code rsiSpx < 40}. */
  SPX_WEAK((v, c) -> v.rsiSpx() < c.rsiSpxBelow(), c -> "rsiSpx < " + c.rsiSpxBelow()),
  /** VIX momentum accelerating: {@code macdVixHist > 0} and rising for 2 days. */
  VIX_MOMENTUM((v, c) -> v.macdVixHist() > 0 && v.macdVixHistTrend() >= c.macdRisingDays(),
      c -> "macdVixHist > 0 and rising for " + c.macdRisingDays() + " days"),
  /** Condors close to their break-evens: {@code beSigma < 1.5}. */
  BREAK_EVEN_NEAR((v, c) -> v.beSigma() < c.beSigmaBelow(), c -> "beSigma < " + c.beSigmaBelow());

  private final BiPredicate<Values, HedgeConfig.Score> rule;
  private final Function<HedgeConfig.Score, String> sentence;

  ScorePoint(BiPredicate<Values, HedgeConfig.Score> rule, Function<HedgeConfig.Score, String> sentence) {
    this.rule = rule;
    this.sentence = sentence;
  }

  /** Whether this point counts for the given signal values. */
  boolean counts(Values v, HedgeConfig.Score c) {
    return rule.test(v, c);
  }

  /** The rule of this point as a sentence, with the configured threshold. */
  public String sentence(HedgeConfig.Score c) {
    return sentence.apply(c);
  }

  /** Whether this point counts for the values of {@code s}. */
  public boolean counts(SignalSnapshot s, HedgeConfig.Score c) {
    return counts(new Values(s.contangoZ(), s.termRatio(), s.rsiSpx(), s.macdVixHist(),
        s.macdVixHistTrend(), s.beSigma()), c);
  }

  /** The score: how many of the five points count. */
  static int score(Values v, HedgeConfig.Score c) {
    int score = 0;
    for (ScorePoint p : values()) {
      if (p.counts(v, c)) {
        score++;
      }
    }
    return score;
  }

  /** The signal values the points read. */
  record Values(double contangoZ, double termRatio, double rsiSpx, double macdVixHist,
      int macdVixHistTrend, double beSigma) {
  }
}
