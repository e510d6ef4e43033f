package dev.alvh.core.config;

import dev.alvh.core.Check;
import java.math.BigDecimal;

/**
 * The {@code hedge.*} section of the bot configuration: every number of sections 3 and 4 of
 * {@code docs/strategy.md} (signals, the layered hedge state machine, the layers, PRESS and UNWIND),
 * each with a named default.
 *
 * <p>The tree of keys, one nested record per group:
 * <pre>
 * hedge:
 *   signals:   vixBaseEmaDays, contangoZDays, rsiSpxDays, rsiVixDays, rsiVixLongDays,
 *              macdFastDays, macdSlowDays, macdSignalDays, rsiVixOnVxFront,
 *              eventWindowTradingDays, beSigmaHorizonDays,
 *              score: contangoZAtMost, termRatioBelow, rsiSpxBelow, macdRisingDays, beSigmaBelow
 *   watch:     scoreAtLeast, calmScoreAtMost, calmCloses
 *   l1:        vixTrigger, vixRel, scoreAtLeast, beSigmaBelow, layer
 *   l2:        vixTrigger, vixRel, scoreAtLeast, beSigmaBelow, layer
 *   l3:        vixTrigger, vixRel, consecutiveCloses, termRatioAtMost, layer
 *              (layer: instrument, minDte, maxDte, strikeOffset, budgetShare, vegaTarget)
 *   press:     peakAtLeast, retraceTo, newHighAbove, closeL1Share, closeL2Share, gainToL3Share,
 *              spread: vixAtLeast, shortStrikeOverVxFront, width, minDte, maxDte,
 *                      maxLossShareOfCondorRisk, stopMultipleOfCredit
 *   unwind:    rsiVixLongBelow, l1ExitVix, l2ExitVix, l3ExitVix, exitCloses,
 *              contangoTermRatioAtLeast, contangoCloses, coolDownTradingDays, beSigmaMargin
 *   base:      enabled, minDte, maxDte, strikeOffset, budgetShareOfCondorRisk, vegaTarget, rollAtDte
 *   sizing:    budgetShareOfCondorRisk, betaDays, eventDaySizeFactor, rollAtDte,
 *              profitTakeMultiple, profitTakeSellShare
 *   carryCap:  months, maxShareOfCredit, l1ScoreAtLeast
 *   desk:      eventsFile, betaMinDays, betaFallback, betaMin, betaMax, priceTick,
 *              putSpreadLongDelta, putSpreadWidth, manageEveryCycles
 * </pre>
 *
 * <p>Every record checks itself when it is built; a bad value stops the program at startup with
 * a message that names the full key, for example
 * {@code "hedge.l1.vixTrigger must be in [0, 200], but was -3"}. The records are plain (no
 * annotations) so that the application can bind them from YAML by constructor parameter name.
 * Ratios and VIX levels are doubles; shares that multiply money are {@link BigDecimal}.
 *
 * <p>The rigid baseline of the replay uses the same absolute levels: entries at
 * {@code hedge.l1/l2/l3.vixTrigger}, exits at {@code hedge.unwind.l1/l2/l3ExitVix} after
 * {@code hedge.unwind.exitCloses} closes. It has no key of its own.
 *
 * @param signals  signal windows and the confluence score, {@code hedge.signals}
 * @param watch    CALM and WATCH rules, {@code hedge.watch}
 * @param l1       L1 entry rule and layer, {@code hedge.l1}
 * @param l2       L2 entry rule and layer, {@code hedge.l2}
 * @param l3       L3 entry rule and layer, {@code hedge.l3}
 * @param press    PRESS rules and actions, {@code hedge.press}
 * @param unwind   UNWIND rules, {@code hedge.unwind}
 * @param sizing   hedge budget and layer sizing, {@code hedge.sizing}
 * @param carryCap the carry cap, {@code hedge.carryCap}
 * @param desk     what the spec leaves open when layers become orders, {@code hedge.desk}
 * @param base     the standing base layer of revision 2, {@code hedge.base}
 */
public record HedgeConfig(
    Signals signals,
    Watch watch,
    Trigger l1,
    Trigger l2,
    L3 l3,
    Press press,
    Unwind unwind,
    Sizing sizing,
    CarryCap carryCap,
    Desk desk,
    Base base) {

  /** Highest VIX level any trigger may be set to; VIX closed at 82.69 on 2020-03-16. */
  public static final double MAX_VIX = 200;

  /** Longest days to expiry any hedge position's expiry window may reach (minDte and maxDte of every window). */
  public static final int MAX_WINDOW_DTE = 400;

  /** The defaults of {@code docs/strategy.md}, one instance. */
  public static final HedgeConfig DEFAULTS = new HedgeConfig(
      Signals.DEFAULTS, Watch.DEFAULTS, Trigger.L1_DEFAULTS, Trigger.L2_DEFAULTS, L3.DEFAULTS,
      Press.DEFAULTS, Unwind.DEFAULTS, Sizing.DEFAULTS, CarryCap.DEFAULTS, Desk.DEFAULTS, Base.DEFAULTS);

  /** Checks every group and the rules that span groups. */
  public HedgeConfig {
    Check.notNull(signals, "hedge.signals");
    Check.notNull(watch, "hedge.watch");
    Check.notNull(l1, "hedge.l1");
    l1.check("hedge.l1");
    Check.notNull(l2, "hedge.l2");
    l2.check("hedge.l2");
    Check.notNull(l3, "hedge.l3");
    Check.notNull(press, "hedge.press");
    Check.notNull(unwind, "hedge.unwind");
    Check.notNull(sizing, "hedge.sizing");
    Check.notNull(carryCap, "hedge.carryCap");
    Check.notNull(desk, "hedge.desk");
    Check.notNull(base, "hedge.base");
    Check.isTrue(l1.vixTrigger() < l2.vixTrigger() && l2.vixTrigger() < l3.vixTrigger(),
        "hedge.l1/l2/l3.vixTrigger", "must rise from L1 to L3, but were "
            + l1.vixTrigger() + ", " + l2.vixTrigger() + ", " + l3.vixTrigger());
    checkExitBelowTrigger(unwind.l1ExitVix(), l1.vixTrigger(), "hedge.unwind.l1ExitVix", "hedge.l1.vixTrigger");
    checkExitBelowTrigger(unwind.l2ExitVix(), l2.vixTrigger(), "hedge.unwind.l2ExitVix", "hedge.l2.vixTrigger");
    checkExitBelowTrigger(unwind.l3ExitVix(), l3.vixTrigger(), "hedge.unwind.l3ExitVix", "hedge.l3.vixTrigger");
    BigDecimal shares = l1.layer().budgetShare().add(l2.layer().budgetShare()).add(l3.layer().budgetShare());
    Check.isTrue(shares.compareTo(BigDecimal.ONE) <= 0, "hedge.l1/l2/l3.layer.budgetShare",
        "must add up to at most 1, but add up to " + shares.toPlainString());
    Check.isTrue(l1.layer().vegaTarget() <= l2.layer().vegaTarget()
            && l2.layer().vegaTarget() <= l3.layer().vegaTarget(),
        "hedge.l1/l2/l3.layer.vegaTarget", "is cumulative and must not fall from L1 to L3, but was "
            + l1.layer().vegaTarget() + ", " + l2.layer().vegaTarget() + ", " + l3.layer().vegaTarget());
  }

  private static void checkExitBelowTrigger(double exit, double trigger, String exitKey, String triggerKey) {
    Check.isTrue(exit < trigger, exitKey,
        "must be below " + triggerKey + " (" + trigger + "), but was " + exit);
  }

  /** The layer configuration of {@code level} 1, 2 or 3. */
  public Layer layer(int level) {
    return switch (level) {
      case 1 -> l1.layer();
      case 2 -> l2.layer();
      case 3 -> l3.layer();
      default -> throw new IllegalArgumentException("level must be in [1, 3], but was " + level);
    };
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Signal windows and the confluence score ({@code hedge.signals}, spec section 3).
   *
   * @param vixBaseEmaDays        EMA length of {@code vixBase}, in VIX daily closes
   * @param contangoZDays         trailing window of the {@code termRatio} z-score, in trading days
   * @param rsiSpxDays            RSI length on SPX closes
   * @param rsiVixDays            short RSI length on VIX closes ({@code rsiVix})
   * @param rsiVixLongDays        long RSI length on VIX closes ({@code rsiVix21})
   * @param macdFastDays          MACD fast EMA length on VIX closes
   * @param macdSlowDays          MACD slow EMA length on VIX closes
   * @param macdSignalDays        MACD signal line length; the histogram is MACD minus signal
   * @param rsiVixOnVxFront       compute the VIX RSIs on VX front-month closes where available
   * @param eventWindowTradingDays an event this many trading days before or after today makes
   *                              today an event day
   * @param beSigmaHorizonDays    {@code beSigma} measures the break-even distance in sigmas of a
   *                              move over this many trading days (revision 2):
   *                              distance / (SPX x ATM IV x sqrt(h / 252))
   * @param score                 the confluence score thresholds
   */
  public record Signals(
      int vixBaseEmaDays,
      int contangoZDays,
      int rsiSpxDays,
      int rsiVixDays,
      int rsiVixLongDays,
      int macdFastDays,
      int macdSlowDays,
      int macdSignalDays,
      boolean rsiVixOnVxFront,
      int eventWindowTradingDays,
      int beSigmaHorizonDays,
      Score score) {

    /** Spec 3, {@code vixBase}: EMA of 50 VIX daily closes (seed 002). */
    public static final int VIX_BASE_EMA_DAYS = 50;
    /** Spec 3, {@code contangoZ}: 30 trading days (seed 002 "the 30-day mean"). */
    public static final int CONTANGO_Z_DAYS = 30;
    /** Spec 3, {@code rsiSpx}: RSI 14. */
    public static final int RSI_SPX_DAYS = 14;
    /** Spec 3, {@code rsiVix}: RSI 14. */
    public static final int RSI_VIX_DAYS = 14;
    /** Spec 3, {@code rsiVix21}: RSI 21 (seed 001 "21-day RSI below 30"). */
    public static final int RSI_VIX_LONG_DAYS = 21;
    /** Spec 3, {@code macdVixHist}: MACD 12, 26, 9 (fast). */
    public static final int MACD_FAST_DAYS = 12;
    /** Spec 3, {@code macdVixHist}: MACD 12, 26, 9 (slow). */
    public static final int MACD_SLOW_DAYS = 26;
    /** Spec 3, {@code macdVixHist}: MACD 12, 26, 9 (signal). */
    public static final int MACD_SIGNAL_DAYS = 9;
    /** Spec 3, {@code rsiVix}: "RSI of VIX daily closes (VX front month where available)". */
    public static final boolean RSI_VIX_ON_VX_FRONT = true;
    /** Spec 3, {@code eventDay}: within one trading day of an FOMC, CPI or PPI date. */
    public static final int EVENT_WINDOW_TRADING_DAYS = 1;
    /** Spec 3 (revision 2), {@code beSigma}: in sigmas of a 5-trading-day move (a week). */
    public static final int BE_SIGMA_HORIZON_DAYS = 5;

    /** The defaults of spec section 3. */
    public static final Signals DEFAULTS = new Signals(VIX_BASE_EMA_DAYS, CONTANGO_Z_DAYS,
        RSI_SPX_DAYS, RSI_VIX_DAYS, RSI_VIX_LONG_DAYS, MACD_FAST_DAYS, MACD_SLOW_DAYS,
        MACD_SIGNAL_DAYS, RSI_VIX_ON_VX_FRONT, EVENT_WINDOW_TRADING_DAYS, BE_SIGMA_HORIZON_DAYS, Score.DEFAULTS);

    /** Checks every window. */
    public Signals {
      Check.inRange(vixBaseEmaDays, 2, 500, "hedge.signals.vixBaseEmaDays");
      Check.inRange(contangoZDays, 2, 500, "hedge.signals.contangoZDays");
      Check.inRange(rsiSpxDays, 2, 500, "hedge.signals.rsiSpxDays");
      Check.inRange(rsiVixDays, 2, 500, "hedge.signals.rsiVixDays");
      Check.inRange(rsiVixLongDays, 2, 500, "hedge.signals.rsiVixLongDays");
      Check.inRange(macdFastDays, 2, 500, "hedge.signals.macdFastDays");
      Check.inRange(macdSlowDays, 2, 500, "hedge.signals.macdSlowDays");
      Check.inRange(macdSignalDays, 2, 500, "hedge.signals.macdSignalDays");
      Check.isTrue(macdFastDays < macdSlowDays, "hedge.signals.macdFastDays",
          "must be below hedge.signals.macdSlowDays (" + macdSlowDays + "), but was " + macdFastDays);
      Check.inRange(eventWindowTradingDays, 0, 10, "hedge.signals.eventWindowTradingDays");
      Check.inRange(beSigmaHorizonDays, 1, 252, "hedge.signals.beSigmaHorizonDays");
      Check.notNull(score, "hedge.signals.score");
    }
  }

  /**
   * The five-point confluence score ({@code hedge.signals.score}, spec section 3): one point
   * each for {@code contangoZ <= contangoZAtMost}, {@code termRatio < termRatioBelow},
   * {@code rsiSpx < rsiSpxBelow}, {@code macdVixHist > 0} and rising on each of the last
   * {@code macdRisingDays} days, and {@code beSigma < beSigmaBelow}.
   *
   * @param contangoZAtMost z-score of {@code termRatio} at or below which a point counts
   * @param termRatioBelow  VIX3M / VIX below which a point counts (inverted term structure)
   * @param rsiSpxBelow     SPX RSI below which a point counts
   * @param macdRisingDays  days the positive VIX MACD histogram must have risen in a row
   * @param beSigmaBelow    break-even distance in sigma below which a point counts
   */
  public record Score(
      double contangoZAtMost,
      double termRatioBelow,
      double rsiSpxBelow,
      int macdRisingDays,
      double beSigmaBelow) {

    /** Spec 3, score: {@code contangoZ <= -1.5} (seed 002 "1.5 standard deviations"). */
    public static final double CONTANGO_Z_AT_MOST = -1.5;
    /** Spec 3, score: {@code termRatio < 1.0} (inverted). */
    public static final double TERM_RATIO_BELOW = 1.0;
    /** Spec 3, score: {@code rsiSpx < 40}. */
    public static final double RSI_SPX_BELOW = 40;
    /** Spec 3, score: {@code macdVixHist > 0} and rising for 2 days. */
    public static final int MACD_RISING_DAYS = 2;
    /** Spec 3, score: {@code beSigma < 1.5} (seed 003 "at least 1.5 sigma"). */
    public static final double BE_SIGMA_BELOW = 1.5;

    /** The defaults of spec section 3. */
    public static final Score DEFAULTS = new Score(
        CONTANGO_Z_AT_MOST, TERM_RATIO_BELOW, RSI_SPX_BELOW, MACD_RISING_DAYS, BE_SIGMA_BELOW);

    /** Checks every threshold. */
    public Score {
      Check.inRange(contangoZAtMost, -10, 10, "hedge.signals.score.contangoZAtMost");
      Check.inRange(termRatioBelow, 0.1, 10, "hedge.signals.score.termRatioBelow");
      Check.inRange(rsiSpxBelow, 0, 100, "hedge.signals.score.rsiSpxBelow");
      Check.inRange(macdRisingDays, 1, 20, "hedge.signals.score.macdRisingDays");
      Check.inRange(beSigmaBelow, 0, 10, "hedge.signals.score.beSigmaBelow");
    }
  }

  /**
   * CALM and WATCH ({@code hedge.watch}, spec section 4): CALM to WATCH when
   * {@code score >= scoreAtLeast}; WATCH to CALM when {@code score <= calmScoreAtMost} on
   * {@code calmCloses} consecutive closes.
   *
   * @param scoreAtLeast    score that moves CALM to WATCH
   * @param calmScoreAtMost score at or below which a close counts towards CALM
   * @param calmCloses      consecutive such closes that move WATCH back to CALM
   */
  public record Watch(int scoreAtLeast, int calmScoreAtMost, int calmCloses) {

    /** Spec 4, CALM to WATCH: {@code score >= 2}. */
    public static final int SCORE_AT_LEAST = 2;
    /** Spec 4, WATCH to CALM: {@code score == 0}. */
    public static final int CALM_SCORE_AT_MOST = 0;
    /** Spec 4, WATCH to CALM: on 3 consecutive closes. */
    public static final int CALM_CLOSES = 3;

    /** The defaults of spec section 4. */
    public static final Watch DEFAULTS = new Watch(SCORE_AT_LEAST, CALM_SCORE_AT_MOST, CALM_CLOSES);

    /** Checks every value. */
    public Watch {
      Check.inRange(scoreAtLeast, 1, 5, "hedge.watch.scoreAtLeast");
      Check.inRange(calmScoreAtMost, 0, 4, "hedge.watch.calmScoreAtMost");
      Check.isTrue(calmScoreAtMost < scoreAtLeast, "hedge.watch.calmScoreAtMost",
          "must be below hedge.watch.scoreAtLeast (" + scoreAtLeast + "), but was " + calmScoreAtMost);
      Check.inRange(calmCloses, 1, 20, "hedge.watch.calmCloses");
    }
  }

  /**
   * L1 or L2, a layer entered on triggers ({@code hedge.l1}, {@code hedge.l2}, spec section 4); its
   * values are checked by {@link HedgeConfig}, which knows the key ({@link #check(String)}).
   *
   * <p>L1, the base layer: CALM or WATCH to L1 when ({@code vix >= vixTrigger} and
   * {@code vixRel >= vixRel}), or {@code score >= scoreAtLeast}, or {@code beSigma < beSigmaBelow}.
   * L2, the intermediate layer: L1 to L2 when ({@code vix >= vixTrigger} and {@code vixRel >= vixRel}
   * and {@code macdVixHist > 0}), or {@code beSigma < beSigmaBelow}, or {@code score >= scoreAtLeast}.
   *
   * @param vixTrigger   absolute VIX floor of the VIX alternative
   * @param vixRel       minimum {@code vix / vixBase} of the VIX alternative
   * @param scoreAtLeast score that triggers the layer on its own
   * @param beSigmaBelow break-even distance in sigma that triggers the layer on its own
   * @param layer        what the layer holds
   */
  public record Trigger(double vixTrigger, double vixRel, int scoreAtLeast, double beSigmaBelow, Layer layer) {

    /** Spec 4, to L1: {@code vix >= 16} (seed 001, theta inversion above 16). */
    public static final double L1_VIX_TRIGGER = 16;
    /** Spec 4, to L1: {@code vixRel >= 1.10}. */
    public static final double L1_VIX_REL = 1.10;
    /** Spec 4, to L1: {@code score >= 3}. */
    public static final int L1_SCORE_AT_LEAST = 3;
    /** Spec 4, to L1: {@code beSigma < 1.5} (seed 003). */
    public static final double L1_BE_SIGMA_BELOW = 1.5;
    /** Spec 4, to L2: {@code vix >= 20}. */
    public static final double L2_VIX_TRIGGER = 20;
    /** Spec 4, to L2: {@code vixRel >= 1.25}. */
    public static final double L2_VIX_REL = 1.25;
    /** Spec 4, to L2: {@code score >= 4}. */
    public static final int L2_SCORE_AT_LEAST = 4;
    /** Spec 4, to L2: {@code beSigma < 1.0}. */
    public static final double L2_BE_SIGMA_BELOW = 1.0;

    /** L1 of spec section 4. */
    public static final Trigger L1_DEFAULTS =
        new Trigger(L1_VIX_TRIGGER, L1_VIX_REL, L1_SCORE_AT_LEAST, L1_BE_SIGMA_BELOW, Layer.L1_DEFAULTS);
    /** L2 of spec section 4. */
    public static final Trigger L2_DEFAULTS =
        new Trigger(L2_VIX_TRIGGER, L2_VIX_REL, L2_SCORE_AT_LEAST, L2_BE_SIGMA_BELOW, Layer.L2_DEFAULTS);

    /** Checks every value, naming keys under {@code key} ({@code hedge.l1} or {@code hedge.l2}). */
    void check(String key) {
      Check.inRange(vixTrigger, 0, MAX_VIX, key + ".vixTrigger");
      Check.inRange(vixRel, 0, 10, key + ".vixRel");
      Check.inRange(scoreAtLeast, 1, 6, key + ".scoreAtLeast");
      Check.inRange(beSigmaBelow, 0, 10, key + ".beSigmaBelow");
      Check.notNull(layer, key + ".layer");
      layer.check(key + ".layer");
    }
  }

  /**
   * L3, the stabilizer layer ({@code hedge.l3}, spec section 4): L2 to L3 when
   * ({@code vix >= vixTrigger} and {@code vixRel >= vixRel}) on {@code consecutiveCloses}
   * consecutive closes, or {@code termRatio <= termRatioAtMost}.
   *
   * @param vixTrigger        absolute VIX floor of the VIX alternative
   * @param vixRel            minimum {@code vix / vixBase} of the VIX alternative
   * @param consecutiveCloses closes in a row on which the VIX alternative must hold
   * @param termRatioAtMost   VIX3M / VIX at or below which L3 triggers on its own
   * @param layer             what L3 holds
   */
  public record L3(double vixTrigger, double vixRel, int consecutiveCloses, double termRatioAtMost, Layer layer) {

    /** Spec 4, to L3: {@code vix >= 26} (seed 001 "VIX sustains levels above 25-28"). */
    public static final double VIX_TRIGGER = 26;
    /** Spec 4, to L3: {@code vixRel >= 1.5}. */
    public static final double VIX_REL = 1.5;
    /** Spec 4, to L3: on 2 consecutive closes. */
    public static final int CONSECUTIVE_CLOSES = 2;
    /** Spec 4, to L3: {@code termRatio <= 0.90}. */
    public static final double TERM_RATIO_AT_MOST = 0.90;

    /** The defaults of spec section 4. */
    public static final L3 DEFAULTS = new L3(VIX_TRIGGER, VIX_REL, CONSECUTIVE_CLOSES, TERM_RATIO_AT_MOST, Layer.L3_DEFAULTS);

    /** Checks every value. */
    public L3 {
      Check.inRange(vixTrigger, 0, MAX_VIX, "hedge.l3.vixTrigger");
      Check.inRange(vixRel, 0, 10, "hedge.l3.vixRel");
      Check.inRange(consecutiveCloses, 1, 20, "hedge.l3.consecutiveCloses");
      Check.inRange(termRatioAtMost, 0.1, 10, "hedge.l3.termRatioAtMost");
      Check.notNull(layer, "hedge.l3.layer");
      layer.check("hedge.l3.layer");
    }
  }

  /** What a hedge layer is made of. */
  public enum LayerInstrument {
    /** Long VIX calls, priced off the VX future of the same expiry. */
    VIX_CALLS,
    /** SPX put debit spreads (the L2 alternative of seed 000). */
    SPX_PUT_SPREADS
  }

  /**
   * What one hedge layer holds ({@code hedge.lN.layer}, spec section 4 "Layers").
   *
   * <p>Example, L1 by default: VIX calls of the next VIX expiry with 14 to 45 days to expiry, at
   * the first listed strike at or above VX(expiry) + 2, bought with 20% of the hedge budget,
   * sized so that L1 alone offsets 25% of the condors' vega.
   *
   * @param instrument   what the layer buys
   * @param minDte       shortest days to expiry of the layer's expiry window, inclusive
   * @param maxDte       longest days to expiry of the layer's expiry window, inclusive
   * @param strikeOffset VIX points over the VX future of the expiry; the strike is the first
   *                     listed one at or above VX + offset
   * @param budgetShare  share of the hedge budget this layer may spend, 0 to 1
   * @param vegaTarget   cumulative share of the condors' vega that the layers up to and
   *                     including this one aim to offset, 0 to 1
   */
  public record Layer(
      LayerInstrument instrument,
      int minDte,
      int maxDte,
      double strikeOffset,
      BigDecimal budgetShare,
      double vegaTarget) {

    /** Spec 4 layers, L1: VIX calls, 14-45 DTE, VX + 2, 20% of the budget, 25% of the vega. */
    public static final Layer L1_DEFAULTS =
        new Layer(LayerInstrument.VIX_CALLS, 14, 45, 2, new BigDecimal("0.20"), 0.25);
    /** Spec 4 layers, L2: VIX calls, 30-60 DTE, VX + 5, 35% of the budget, 55% of the vega. */
    public static final Layer L2_DEFAULTS =
        new Layer(LayerInstrument.VIX_CALLS, 30, 60, 5, new BigDecimal("0.35"), 0.55);
    /** Spec 4 layers, L3: VIX calls, 60-120 DTE, VX + 10, 45% of the budget, 80% of the vega. */
    public static final Layer L3_DEFAULTS =
        new Layer(LayerInstrument.VIX_CALLS, 60, 120, 10, new BigDecimal("0.45"), 0.80);

    /** Checks the values whose key prefix is not known here; see {@link #check(String)}. */
    public Layer {
      Check.notNull(instrument, "layer.instrument");
      Check.notNull(budgetShare, "layer.budgetShare");
    }

    /** Checks every value, naming keys under {@code prefix} (for example {@code hedge.l1.layer}). */
    void check(String prefix) {
      checkExpiryWindow(minDte, maxDte, prefix);
      Check.inRange(strikeOffset, 0, 100, prefix + ".strikeOffset");
      Check.inRange(budgetShare, BigDecimal.ZERO, BigDecimal.ONE, prefix + ".budgetShare");
      Check.inRange(vegaTarget, 0, 1, prefix + ".vegaTarget");
    }
  }

  /**
   * PRESS, the cash press after a spike ({@code hedge.press}, spec section 4): L3 to PRESS when
   * {@code vixPeak >= peakAtLeast} and {@code vix <= retraceTo x vixPeak} and
   * {@code macdVixHist} falling; back to L3 when VIX makes a new high above
   * {@code newHighAbove x vixPeak}.
   *
   * @param peakAtLeast   VIX peak the spike must have reached
   * @param retraceTo     share of the peak VIX must have fallen to
   * @param newHighAbove  multiple of the peak a new high must exceed to go back to L3
   * @param closeL1Share  share of L1 closed on entering PRESS
   * @param closeL2Share  share of L2 closed on entering PRESS
   * @param gainToL3Share share of the realized hedge gain moved into L3
   * @param spread        the VIX bear call spreads sold in PRESS
   */
  public record Press(
      double peakAtLeast,
      double retraceTo,
      double newHighAbove,
      BigDecimal closeL1Share,
      BigDecimal closeL2Share,
      BigDecimal gainToL3Share,
      PressSpread spread) {

    /** Spec 4, L3 to PRESS: {@code vixPeak >= 26}. */
    public static final double PEAK_AT_LEAST = 26;
    /** Spec 4, L3 to PRESS: {@code vix <= 0.85 x vixPeak}. */
    public static final double RETRACE_TO = 0.85;
    /** Spec 4, PRESS to L3: a new high above {@code 1.05 x vixPeak}. */
    public static final double NEW_HIGH_ABOVE = 1.05;
    /** Spec 4, PRESS action 1: close L1 entirely. */
    public static final BigDecimal CLOSE_L1_SHARE = BigDecimal.ONE;
    /** Spec 4, PRESS action 1: close half of L2. */
    public static final BigDecimal CLOSE_L2_SHARE = new BigDecimal("0.50");
    /** Spec 4, PRESS action 2: 25% of the realized hedge gain into L3. */
    public static final BigDecimal GAIN_TO_L3_SHARE = new BigDecimal("0.25");

    /** The defaults of spec section 4. */
    public static final Press DEFAULTS = new Press(PEAK_AT_LEAST, RETRACE_TO, NEW_HIGH_ABOVE,
        CLOSE_L1_SHARE, CLOSE_L2_SHARE, GAIN_TO_L3_SHARE, PressSpread.DEFAULTS);

    /** Checks every value. */
    public Press {
      Check.inRange(peakAtLeast, 0, MAX_VIX, "hedge.press.peakAtLeast");
      Check.inRange(retraceTo, 0.01, 1, "hedge.press.retraceTo");
      Check.inRange(newHighAbove, 1, 10, "hedge.press.newHighAbove");
      Check.inRange(closeL1Share, BigDecimal.ZERO, BigDecimal.ONE, "hedge.press.closeL1Share");
      Check.inRange(closeL2Share, BigDecimal.ZERO, BigDecimal.ONE, "hedge.press.closeL2Share");
      Check.inRange(gainToL3Share, BigDecimal.ZERO, BigDecimal.ONE, "hedge.press.gainToL3Share");
      Check.notNull(spread, "hedge.press.spread");
    }
  }

  /**
   * The VIX bear call spreads of PRESS ({@code hedge.press.spread}, spec section 4, PRESS action
   * 3, seed 001): sold only while {@code vix >= vixAtLeast}, short strike above VX front +
   * {@code shortStrikeOverVxFront}, {@code width} VIX points wide, {@code minDte}-{@code maxDte}
   * days to expiry, total max loss at most {@code maxLossShareOfCondorRisk} of the condors' risk
   * capital, stopped at {@code stopMultipleOfCredit} x the credit.
   *
   * @param vixAtLeast               VIX level at or above which spreads are sold
   * @param shortStrikeOverVxFront   VIX points over the VX front month the short strike must exceed
   * @param width                    distance between the short and long strike, in VIX points
   * @param minDte                   shortest days to expiry, inclusive
   * @param maxDte                   longest days to expiry, inclusive
   * @param maxLossShareOfCondorRisk total max loss of all spreads as a share of condor risk capital
   * @param stopMultipleOfCredit     debit to close, as a multiple of the credit, that stops a spread
   */
  public record PressSpread(
      double vixAtLeast,
      double shortStrikeOverVxFront,
      double width,
      int minDte,
      int maxDte,
      BigDecimal maxLossShareOfCondorRisk,
      BigDecimal stopMultipleOfCredit) {

    /** Spec 4, PRESS action 3: only if {@code vix >= 25}. */
    public static final double VIX_AT_LEAST = 25;
    /** Spec 4, PRESS action 3: short strike above VX front + 5. */
    public static final double SHORT_STRIKE_OVER_VX_FRONT = 5;
    /** Spec 4, PRESS action 3: width 5. */
    public static final double WIDTH = 5;
    /** Spec 4, PRESS action 3: 14-45 DTE (shortest). */
    public static final int MIN_DTE = 14;
    /** Spec 4, PRESS action 3: 14-45 DTE (longest). */
    public static final int MAX_DTE = 45;
    /** Spec 4, PRESS action 3: total max loss at most 10% of condor risk capital. */
    public static final BigDecimal MAX_LOSS_SHARE_OF_CONDOR_RISK = new BigDecimal("0.10");
    /** Spec 4, PRESS action 3: stop at 2.0 x credit (seed 001). */
    public static final BigDecimal STOP_MULTIPLE_OF_CREDIT = new BigDecimal("2.0");

    /** The defaults of spec section 4. */
    public static final PressSpread DEFAULTS = new PressSpread(VIX_AT_LEAST, SHORT_STRIKE_OVER_VX_FRONT,
        WIDTH, MIN_DTE, MAX_DTE, MAX_LOSS_SHARE_OF_CONDOR_RISK, STOP_MULTIPLE_OF_CREDIT);

    /** Checks every value. */
    public PressSpread {
      Check.inRange(vixAtLeast, 0, MAX_VIX, "hedge.press.spread.vixAtLeast");
      Check.inRange(shortStrikeOverVxFront, 0, 100, "hedge.press.spread.shortStrikeOverVxFront");
      Check.inRange(width, 0.5, 100, "hedge.press.spread.width");
      checkExpiryWindow(minDte, maxDte, "hedge.press.spread");
      Check.inRange(maxLossShareOfCondorRisk, BigDecimal.ZERO, BigDecimal.ONE,
          "hedge.press.spread.maxLossShareOfCondorRisk");
      Check.inRange(stopMultipleOfCredit, BigDecimal.ONE, BigDecimal.TEN, "hedge.press.spread.stopMultipleOfCredit");
    }
  }

  /**
   * UNWIND ({@code hedge.unwind}, spec section 4): L1, L2, L3 or PRESS to UNWIND when
   * {@code rsiVix21 < rsiVixLongBelow}; or VIX is below the state's exit level on
   * {@code exitCloses} consecutive closes; or contango is restored ({@code termRatio >=
   * contangoTermRatioAtLeast} and {@code macdVixHist < 0}) on {@code contangoCloses}
   * consecutive closes. UNWIND escalates again only {@code coolDownTradingDays} trading days
   * after the last escalation.
   *
   * @param rsiVixLongBelow          long VIX RSI ({@code rsiVix21}) below which the hedge unwinds
   * @param l1ExitVix                exit level of L1
   * @param l2ExitVix                exit level of L2
   * @param l3ExitVix                exit level of L3 and PRESS
   * @param exitCloses               consecutive closes below the exit level that unwind
   * @param contangoTermRatioAtLeast VIX3M / VIX at or above which contango counts as restored
   * @param contangoCloses           consecutive closes of restored contango that unwind
   * @param coolDownTradingDays      trading days after the last escalation before UNWIND may
   *                                 escalate again
   * @param beSigmaMargin            hysteresis (revision 2): a level reached through a
   *                                 {@code beSigma} rule is not left through the VIX exit level
   *                                 while {@code beSigma} stays below that rule's trigger plus
   *                                 this margin
   */
  public record Unwind(
      double rsiVixLongBelow,
      double l1ExitVix,
      double l2ExitVix,
      double l3ExitVix,
      int exitCloses,
      double contangoTermRatioAtLeast,
      int contangoCloses,
      int coolDownTradingDays,
      double beSigmaMargin) {

    /** Spec 4, to UNWIND: {@code rsiVix21 < 30} (seed 001 exit rule). */
    public static final double RSI_VIX_LONG_BELOW = 30;
    /** Spec 4, to UNWIND: L1 exit level 14.5. */
    public static final double L1_EXIT_VIX = 14.5;
    /** Spec 4, to UNWIND: L2 exit level 18. */
    public static final double L2_EXIT_VIX = 18;
    /** Spec 4, to UNWIND: L3 and PRESS exit level 20. */
    public static final double L3_EXIT_VIX = 20;
    /** Spec 4, to UNWIND: below the exit level on 3 consecutive closes. */
    public static final int EXIT_CLOSES = 3;
    /** Spec 4, to UNWIND: contango restored at {@code termRatio >= 1.05}. */
    public static final double CONTANGO_TERM_RATIO_AT_LEAST = 1.05;
    /** Spec 4, to UNWIND: contango restored on 3 consecutive closes. */
    public static final int CONTANGO_CLOSES = 3;
    /** Spec 4, UNWIND to L1/L2/L3: a cool-down of 5 trading days since the last escalation. */
    public static final int COOL_DOWN_TRADING_DAYS = 5;
    /** Spec 4 (revision 2), hysteresis: {@code beSigma} trigger + 0.5. */
    public static final double BE_SIGMA_MARGIN = 0.5;

    /** The defaults of spec section 4. */
    public static final Unwind DEFAULTS = new Unwind(RSI_VIX_LONG_BELOW, L1_EXIT_VIX, L2_EXIT_VIX,
        L3_EXIT_VIX, EXIT_CLOSES, CONTANGO_TERM_RATIO_AT_LEAST, CONTANGO_CLOSES, COOL_DOWN_TRADING_DAYS,
        BE_SIGMA_MARGIN);

    /** Checks every value. */
    public Unwind {
      Check.inRange(rsiVixLongBelow, 0, 100, "hedge.unwind.rsiVixLongBelow");
      Check.inRange(l1ExitVix, 0, MAX_VIX, "hedge.unwind.l1ExitVix");
      Check.inRange(l2ExitVix, 0, MAX_VIX, "hedge.unwind.l2ExitVix");
      Check.inRange(l3ExitVix, 0, MAX_VIX, "hedge.unwind.l3ExitVix");
      Check.inRange(exitCloses, 1, 20, "hedge.unwind.exitCloses");
      Check.inRange(contangoTermRatioAtLeast, 0.1, 10, "hedge.unwind.contangoTermRatioAtLeast");
      Check.inRange(contangoCloses, 1, 20, "hedge.unwind.contangoCloses");
      Check.inRange(coolDownTradingDays, 0, 60, "hedge.unwind.coolDownTradingDays");
      Check.inRange(beSigmaMargin, 0, 10, "hedge.unwind.beSigmaMargin");
    }

    /** The exit level of hedge level 1, 2 or 3 (PRESS uses level 3). */
    public double exitVix(int level) {
      return switch (level) {
        case 1 -> l1ExitVix;
        case 2 -> l2ExitVix;
        case 3 -> l3ExitVix;
        default -> throw new IllegalArgumentException("level must be in [1, 3], but was " + level);
      };
    }
  }

  /**
   * Hedge budget and layer sizing ({@code hedge.sizing}, spec section 4 "Layers").
   *
   * @param budgetShareOfCondorRisk hedge budget as a share of the condors' total risk capital
   *                                (sum of max loss over open tranches)
   * @param betaDays                trading days of the VX-on-VIX regression that gives {@code beta}
   * @param eventDaySizeFactor      size of a layer added on an event day, as a share of full size
   * @param rollAtDte               a held layer this close to expiry (days) is rolled forward
   * @param profitTakeMultiple      a layer worth this multiple of its cost sells part of itself
   * @param profitTakeSellShare     the share sold when taking profit
   */
  public record Sizing(
      BigDecimal budgetShareOfCondorRisk,
      int betaDays,
      BigDecimal eventDaySizeFactor,
      int rollAtDte,
      BigDecimal profitTakeMultiple,
      BigDecimal profitTakeSellShare) {

    /** Spec 4: hedge budget = 15% of the condors' total risk capital. */
    public static final BigDecimal BUDGET_SHARE_OF_CONDOR_RISK = new BigDecimal("0.15");
    /** Spec 4: {@code beta} regresses daily VX changes on spot VIX changes over 60 days. */
    public static final int BETA_DAYS = 60;
    /** Spec 4: a layer added on an event day is added at 50% size (seed 002). */
    public static final BigDecimal EVENT_DAY_SIZE_FACTOR = new BigDecimal("0.50");
    /** Spec 4: a layer within 7 DTE of expiry is rolled forward (seeds 003, 004). */
    public static final int ROLL_AT_DTE = 7;
    /** Spec 4: a long layer worth at least 2.0 x its cost takes profit. */
    public static final BigDecimal PROFIT_TAKE_MULTIPLE = new BigDecimal("2.0");
    /** Spec 4: taking profit sells half. */
    public static final BigDecimal PROFIT_TAKE_SELL_SHARE = new BigDecimal("0.50");

    /** The defaults of spec section 4. */
    public static final Sizing DEFAULTS = new Sizing(BUDGET_SHARE_OF_CONDOR_RISK, BETA_DAYS,
        EVENT_DAY_SIZE_FACTOR, ROLL_AT_DTE, PROFIT_TAKE_MULTIPLE, PROFIT_TAKE_SELL_SHARE);

    /** Checks every value. */
    public Sizing {
      Check.inRange(budgetShareOfCondorRisk, BigDecimal.ZERO, BigDecimal.ONE, "hedge.sizing.budgetShareOfCondorRisk");
      Check.inRange(betaDays, 5, 500, "hedge.sizing.betaDays");
      Check.inRange(eventDaySizeFactor, BigDecimal.ZERO, BigDecimal.ONE, "hedge.sizing.eventDaySizeFactor");
      Check.inRange(rollAtDte, 0, 60, "hedge.sizing.rollAtDte");
      Check.inRange(profitTakeMultiple, BigDecimal.ONE, new BigDecimal("100"), "hedge.sizing.profitTakeMultiple");
      Check.inRange(profitTakeSellShare, BigDecimal.ZERO, BigDecimal.ONE, "hedge.sizing.profitTakeSellShare");
    }
  }

  /**
   * The carry cap ({@code hedge.carryCap}, spec section 4, seed 000): premium spent on hedges
   * over the trailing {@code months} may not exceed {@code maxShareOfCredit} of the condor credit
   * received over the same months; above it, L1 entries also need {@code score >= l1ScoreAtLeast}.
   *
   * @param months           trailing window, in months
   * @param maxShareOfCredit hedge premium as a share of condor credit above which the cap applies
   * @param l1ScoreAtLeast   score an L1 entry needs while the cap applies
   */
  public record CarryCap(int months, BigDecimal maxShareOfCredit, int l1ScoreAtLeast) {

    /** Spec 4, carry cap: trailing 12 months. */
    public static final int MONTHS = 12;
    /** Spec 4, carry cap: 25% of condor credit received. */
    public static final BigDecimal MAX_SHARE_OF_CREDIT = new BigDecimal("0.25");
    /** Spec 4, carry cap: above it, L1 entries need {@code score >= 3} as well. */
    public static final int L1_SCORE_AT_LEAST = 3;

    /** The defaults of spec section 4. */
    public static final CarryCap DEFAULTS = new CarryCap(MONTHS, MAX_SHARE_OF_CREDIT, L1_SCORE_AT_LEAST);

    /** Checks every value. */
    public CarryCap {
      Check.inRange(months, 1, 60, "hedge.carryCap.months");
      Check.inRange(maxShareOfCredit, BigDecimal.ZERO, BigDecimal.TEN, "hedge.carryCap.maxShareOfCredit");
      Check.inRange(l1ScoreAtLeast, 0, 5, "hedge.carryCap.l1ScoreAtLeast");
    }
  }

  /**
   * The numbers the spec leaves open when the layers become orders ({@code hedge.desk}), each a
   * named default an options trader would expect.
   *
   * @param eventsFile         the event calendar (FOMC, CPI, PPI dates), CSV; a relative path is
   *                           looked up against the working directory, then against the
   *                           checkout the bot runs from
   * @param betaMinDays        daily change pairs the VX-on-VIX regression needs; with fewer,
   *                           {@code betaFallback} is used
   * @param betaFallback       {@code beta} while the regression has too few days
   * @param betaMin            lowest {@code beta} used (a regression on a calm window can be near 0)
   * @param betaMax            highest {@code beta} used
   * @param priceTick       the price grid of hedge orders (VIX options, SPX put spreads), points
   * @param putSpreadLongDelta |delta| of the long put of the SPX put spread (the L2 alternative)
   * @param putSpreadWidth     SPX points between the long put and the lower short put
   * @param manageEveryCycles  held hedge positions are checked (profit taking, stops, rolls) every
   *                           this many trading cycles; orders still to be placed are worked every
   *                           cycle, and the first cycle of each day always plans
   */
  public record Desk(
      String eventsFile,
      int betaMinDays,
      double betaFallback,
      double betaMin,
      double betaMax,
      BigDecimal priceTick,
      double putSpreadLongDelta,
      double putSpreadWidth,
      int manageEveryCycles,
      int expiryWindowSlackDays) {

    /** The calendar shipped with the bot, beside {@code bot.yaml} in the checkout. */
    public static final String EVENTS_FILE = "paper-config/events.csv";
    /** A regression over fewer than 20 daily changes is too noisy to size with. */
    public static final int BETA_MIN_DAYS = 20;
    /** VX futures of 1 to 4 months typically move about half as much as spot VIX. */
    public static final double BETA_FALLBACK = 0.5;
    /** Floor of {@code beta}: a calm window can regress to almost nothing. */
    public static final double BETA_MIN = 0.1;
    /** Cap of {@code beta}: a VX future rarely moves more than spot VIX. */
    public static final double BETA_MAX = 1.5;
    /** VIX options trade in 0.05 below 3.00 and 0.10 above, SPX spreads in 0.05: orders go on 0.05. */
    public static final BigDecimal PRICE_TICK = new BigDecimal("0.05");
    /** L2 alternative: the long put of the SPX put spread near 30 delta (seed 000). */
    public static final double PUT_SPREAD_LONG_DELTA = 0.30;
    /** L2 alternative: the short put 100 SPX points below the long put. */
    public static final double PUT_SPREAD_WIDTH = 100;

    /** Held positions are checked hourly: every 4th 15-minute cycle. */
    public static final int MANAGE_EVERY_CYCLES = 4;
    /**
     * When no listed expiry falls in a layer's (or the press spreads') DTE window, the nearest one
     * at most this many days outside it is used. VIX monthly expiries are 4 or 5 weeks apart, so
     * the 31-day L2 window (30-60 DTE) has none on a few days a year; without slack L2 would wait
     * for the calendar in the middle of a spike. 0 keeps strictly to the window.
     */
    public static final int EXPIRY_WINDOW_SLACK_DAYS = 7;

    /** The defaults. */
    public static final Desk DEFAULTS = new Desk(EVENTS_FILE, BETA_MIN_DAYS, BETA_FALLBACK, BETA_MIN, BETA_MAX,
        PRICE_TICK, PUT_SPREAD_LONG_DELTA, PUT_SPREAD_WIDTH, MANAGE_EVERY_CYCLES, EXPIRY_WINDOW_SLACK_DAYS);

    /** Checks every value. */
    public Desk {
      Check.notBlank(eventsFile, "hedge.desk.eventsFile");
      Check.inRange(betaMinDays, 2, 500, "hedge.desk.betaMinDays");
      Check.inRange(betaMin, 0.01, 5, "hedge.desk.betaMin");
      Check.inRange(betaMax, betaMin, 5, "hedge.desk.betaMax");
      Check.inRange(betaFallback, betaMin, betaMax, "hedge.desk.betaFallback");
      Check.notNull(priceTick, "hedge.desk.priceTick");
      Check.inRange(priceTick, new BigDecimal("0.01"), BigDecimal.ONE, "hedge.desk.priceTick");
      Check.inRange(putSpreadLongDelta, 0.01, 0.99, "hedge.desk.putSpreadLongDelta");
      Check.inRange(putSpreadWidth, 1, 1000, "hedge.desk.putSpreadWidth");
      Check.inRange(manageEveryCycles, 1, 100, "hedge.desk.manageEveryCycles");
      Check.inRange(expiryWindowSlackDays, 0, 30, "hedge.desk.expiryWindowSlackDays");
    }
  }

  /**
   * The standing base layer ({@code hedge.base}, spec section 4, revision 2): VIX calls held in
   * every hedge state while any condor tranche is open (CALM and WATCH hold it, UNWIND falls back
   * to it), closed when no tranche is open. The adaptive layers L1 to L3 are added on top of it.
   *
   * <p>Example, by default: with condors of USD 40,000 max loss open, the base layer may spend
   * USD 1,600 (4%) on VIX calls of the first expiry with 30 to 60 days to expiry, at the first
   * strike at or above VX(expiry) + 3, no more than it takes to offset 25% of the condors' vega,
   * rolled into the window again at 7 days to expiry. Its premium counts towards the carry cap;
   * while the cap is reached the base layer is not rolled or bought again (the close says so).
   *
   * @param enabled                 whether the base layer is held at all (false: revision 1)
   * @param minDte                  shortest days to expiry of its expiry window, inclusive
   * @param maxDte                  longest days to expiry of its expiry window, inclusive
   * @param strikeOffset            VIX points over the VX future of the expiry; the strike is the
   *                                first listed one at or above VX + offset
   * @param budgetShareOfCondorRisk its own budget, a share of the condors' total risk capital
   * @param vegaTarget              share of the condors' vega it aims to offset, 0 to 1
   * @param rollAtDte               held this close to expiry (days) it is rolled into the window
   */
  public record Base(
      boolean enabled,
      int minDte,
      int maxDte,
      double strikeOffset,
      BigDecimal budgetShareOfCondorRisk,
      double vegaTarget,
      int rollAtDte) {

    /** Spec 4 (revision 2): the base layer is held. */
    public static final boolean ENABLED = true;
    /** Spec 4 (revision 2): expiry window 30-60 DTE (shortest). */
    public static final int MIN_DTE = 30;
    /** Spec 4 (revision 2): expiry window 30-60 DTE (longest). */
    public static final int MAX_DTE = 60;
    /** Spec 4 (revision 2): first strike >= VX(expiry) + 3. */
    public static final double STRIKE_OFFSET = 3;
    /** Spec 4 (revision 2): budget 4% of the condors' risk capital (the study's starting point). */
    public static final BigDecimal BUDGET_SHARE_OF_CONDOR_RISK = new BigDecimal("0.04");
    /**
     * Vega sizing "like the other layers": the spec names no target for the base layer; it starts
     * at L1's 25%, and the hedge study chooses it.
     */
    public static final double VEGA_TARGET = 0.25;
    /** Spec 4 (revision 2): rolled at 7 DTE. */
    public static final int ROLL_AT_DTE = 7;

    /** The starting values of revision 2. */
    public static final Base DEFAULTS = new Base(ENABLED, MIN_DTE, MAX_DTE, STRIKE_OFFSET,
        BUDGET_SHARE_OF_CONDOR_RISK, VEGA_TARGET, ROLL_AT_DTE);

    /** Checks every value. */
    public Base {
      checkExpiryWindow(minDte, maxDte, "hedge.base");
      Check.inRange(strikeOffset, 0, 100, "hedge.base.strikeOffset");
      Check.notNull(budgetShareOfCondorRisk, "hedge.base.budgetShareOfCondorRisk");
      Check.inRange(budgetShareOfCondorRisk, BigDecimal.ZERO, BigDecimal.ONE, "hedge.base.budgetShareOfCondorRisk");
      Check.inRange(vegaTarget, 0, 1, "hedge.base.vegaTarget");
      Check.inRange(rollAtDte, 0, 60, "hedge.base.rollAtDte");
      Check.isTrue(rollAtDte < minDte, "hedge.base.rollAtDte",
          "must be below hedge.base.minDte (" + minDte + "), but was " + rollAtDte);
    }

    /** The base layer as a {@link Layer} of VIX calls (its budget share is of its own budget). */
    public Layer asLayer() {
      return new Layer(LayerInstrument.VIX_CALLS, minDte, maxDte, strikeOffset, BigDecimal.ONE, vegaTarget);
    }
  }

  /**
   * The one rule of an expiry window (a layer's, the base layer's, the PRESS spread's): {@code
   * minDte} from 1 to {@link #MAX_WINDOW_DTE} days, {@code maxDte} from {@code minDte} to
   * {@link #MAX_WINDOW_DTE}; the keys named under {@code prefix}.
   */
  private static void checkExpiryWindow(int minDte, int maxDte, String prefix) {
    Check.inRange(minDte, 1, MAX_WINDOW_DTE, prefix + ".minDte");
    Check.inRange(maxDte, minDte, MAX_WINDOW_DTE, prefix + ".maxDte");
  }
}
