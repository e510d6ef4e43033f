package dev.alvh.core.signal;

import dev.alvh.core.config.HedgeConfig;

/**
 * The five points of the confluence score (spec section 3, {@code score}), one per signal.
 *
 * <p>A missing value ({@code NaN}, for example before the indicators are warm) never earns a
 * point.
 */
public enum ScorePoint {

  /** Contango collapsed: {@code contangoZ <= -1.5}. */
  CONTANGO_Z_LOW {
    @Override
    boolean counts(Values v, HedgeConfig.Score c) {
      return v.contangoZ() <= c.contangoZAtMost();
    }

    @Override
    public String sentence(HedgeConfig.Score c) {
      return "contangoZ <= " + c.contangoZAtMost();
    }
  },
  /** Term structure inverted: {@code termRatio < 1.0}. */
  TERM_INVERTED {
    @Override
    boolean counts(Values v, HedgeConfig.Score c) {
      return v.termRatio() < c.termRatioBelow();
    }

    @Override
    public String sentence(HedgeConfig.Score c) {
      return "termRatio < " + c.termRatioBelow();
    }
  },
  /** SPX weak: {@code rsiSpx < 40}. */
  SPX_WEAK {
    @Override
    boolean counts(Values v, HedgeConfig.Score c) {
      return v.rsiSpx() < c.rsiSpxBelow();
    }

    @Override
    public String sentence(HedgeConfig.Score c) {
      return "rsiSpx < " + c.rsiSpxBelow();
    }
  },
  /** VIX momentum accelerating: {@code macdVixHist > 0} and rising for 2 days. */
  VIX_MOMENTUM {
    @Override
    boolean counts(Values v, HedgeConfig.Score c) {
      return v.macdVixHist() > 0 && v.macdVixHistTrend() >= c.macdRisingDays();
    }

    @Override
    public String sentence(HedgeConfig.Score c) {
      return "macdVixHist > 0 and rising for " + c.macdRisingDays() + " days";
    }
  },
  /** Condors close to their break-evens: {@code beSigma < 1.5}. */
  BREAK_EVEN_NEAR {
    @Override
    boolean counts(Values v, HedgeConfig.Score c) {
      return v.beSigma() < c.beSigmaBelow();
    }

    @Override
    public String sentence(HedgeConfig.Score c) {
      return "beSigma < " + c.beSigmaBelow();
    }
  };

  /** Whether this point counts for the given signal values. */
  abstract boolean counts(Values v, HedgeConfig.Score c);

  /** The rule of this point as a sentence, with the configured threshold. */
  public abstract String sentence(HedgeConfig.Score c);

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
