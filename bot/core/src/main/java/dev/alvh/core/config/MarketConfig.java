package dev.alvh.core.config;

import dev.alvh.core.Check;

/**
 * The simulated market's model parameters, all in one place; YAML group {@code market.*}.
 *
 * <p>Used by replay and by paper trading on the built-in market; ignored when the market data
 * come from a broker.
 *
 * @param seed             seed of the synthetic generator (same seed, same market)
 * @param ratePct          risk-free rate, percent a year
 * @param dividendYieldPct SPX dividend yield, percent a year
 * @param putSkew          implied vol rises by this factor per unit of -ln(K/F) below the money
 * @param callSkew         implied vol falls by this factor per unit of ln(K/F) above the money
 * @param strikeStep       SPX strike spacing, points
 * @param spreadPct        bid/ask spread, percent of the model price
 * @param minSpread        narrowest bid/ask spread, points
 * @param maxSpread        widest bid/ask spread, points
 * @param atmVixRatio      SPX at-the-money implied vol as a fraction of the VIX term structure
 *                         (VIX prices the whole skew, so ATM vol sits below it)
 * @param startSpx         SPX level on the first day of a synthetic scenario
 * @param vxCurve          the VX futures curve derived from VIX and VIX3M where no VX data exist,
 *                         {@code market.vxCurve}
 * @param vix              the VIX option model (vol-of-vol, skew, strikes, ticks, spreads),
 *                         {@code market.vix}
 */
public record MarketConfig(
    long seed, double ratePct, double dividendYieldPct, double putSkew, double callSkew, double strikeStep,
    double spreadPct, double minSpread, double maxSpread, double atmVixRatio, double startSpx, VxCurve vxCurve,
    VixOptions vix) {

  /** Seed 20160104. */
  public static final long DEFAULT_SEED = 20160104L;
  /** 3% a year. */
  public static final double DEFAULT_RATE_PCT = 3.0;
  /** 1.5% a year. */
  public static final double DEFAULT_DIVIDEND_YIELD_PCT = 1.5;
  /** Put skew 1.5: a 10% OTM put trades about 16% above ATM vol. */
  public static final double DEFAULT_PUT_SKEW = 1.5;
  /** Call skew 1.0: a 5% OTM call trades about 5% below ATM vol. */
  public static final double DEFAULT_CALL_SKEW = 1.0;
  /** 5-point SPX strikes. */
  public static final double DEFAULT_STRIKE_STEP = 5.0;
  /** Spread 4% of the model price. */
  public static final double DEFAULT_SPREAD_PCT = 4.0;
  /** At least 0.10 wide. */
  public static final double DEFAULT_MIN_SPREAD = 0.10;
  /** At most 2.00 wide. */
  public static final double DEFAULT_MAX_SPREAD = 2.00;

  /** ATM vol at 85% of the VIX term structure. */
  public static final double DEFAULT_ATM_VIX_RATIO = 0.85;
  /** Synthetic scenarios start with SPX at 3000. */
  public static final double DEFAULT_START_SPX = 3000.0;

  /** The defaults. */
  public static final MarketConfig DEFAULTS = new MarketConfig(
      DEFAULT_SEED, DEFAULT_RATE_PCT, DEFAULT_DIVIDEND_YIELD_PCT, DEFAULT_PUT_SKEW, DEFAULT_CALL_SKEW,
      DEFAULT_STRIKE_STEP, DEFAULT_SPREAD_PCT, DEFAULT_MIN_SPREAD, DEFAULT_MAX_SPREAD, DEFAULT_ATM_VIX_RATIO,
      DEFAULT_START_SPX, VxCurve.DEFAULTS, VixOptions.DEFAULTS);

  /** The SPX part only; the VX curve and the VIX option model keep their defaults. */
  public MarketConfig(
      long seed, double ratePct, double dividendYieldPct, double putSkew, double callSkew, double strikeStep,
      double spreadPct, double minSpread, double maxSpread, double atmVixRatio, double startSpx) {
    this(seed, ratePct, dividendYieldPct, putSkew, callSkew, strikeStep, spreadPct, minSpread, maxSpread,
        atmVixRatio, startSpx, VxCurve.DEFAULTS, VixOptions.DEFAULTS);
  }

  /** Checks every field. */
  public MarketConfig {
    Check.inRange(ratePct, -5, 25, "market.ratePct");
    Check.inRange(dividendYieldPct, 0, 20, "market.dividendYieldPct");
    Check.inRange(putSkew, 0, 10, "market.putSkew");
    Check.inRange(callSkew, 0, 10, "market.callSkew");
    Check.inRange(strikeStep, 0.5, 100, "market.strikeStep");
    Check.inRange(spreadPct, 0, 50, "market.spreadPct");
    Check.inRange(minSpread, 0.01, 10, "market.minSpread");
    Check.inRange(maxSpread, minSpread, 50, "market.maxSpread");
    Check.inRange(atmVixRatio, 0.3, 1.5, "market.atmVixRatio");
    Check.inRange(startSpx, 10, 1_000_000, "market.startSpx");
    Check.notNull(vxCurve, "market.vxCurve");
    Check.notNull(vix, "market.vix");
  }

  /**
   * The VX futures curve where the history has no VX data; YAML group {@code market.vxCurve}.
   *
   * <p>Model: total implied variance {@code w(t)} (vol points squared times days) is flat at
   * VIX up to 30 days, linear in days from the VIX point (30 days) to the VIX3M point (93 days),
   * and beyond 93 days its rate reverts from the 30-93-day forward rate toward
   * {@code longRunVix^2} at {@code meanReversionPerYear}. The future expiring in {@code T} days
   * prices the 30 days of variance after it: {@code VX(T) = sqrt((w(T + 30) - w(T)) / 30) x (1 -
   * convexityPerYear x T / 365)}. With VIX3M above VIX (calm) the forward variance exceeds VIX^2
   * and the front future sits above spot; with VIX3M below VIX (a spike) it sits below. The
   * forward variance rate is floored at {@code (minForwardFactor x min(VIX, VIX3M))^2}.
   *
   * @param longRunVix            the level far forward variance reverts to, VIX points
   * @param meanReversionPerYear  speed of that reversion beyond 93 days, per year
   * @param convexityPerYear      futures on volatility trade below the square root of forward
   *                              variance; this fraction per year of time to expiry
   * @param minForwardFactor      floor of the forward variance rate, as a fraction of min(VIX, VIX3M)
   * @param listedExpiries        VX futures and VIX option expirations listed (m1..m8)
   */
  public record VxCurve(
      double longRunVix, double meanReversionPerYear, double convexityPerYear, double minForwardFactor,
      int listedExpiries) {

    /** Far forward variance reverts to 19 VIX points, near the long-run mean of VIX. */
    public static final double DEFAULT_LONG_RUN_VIX = 19.0;
    /** Reversion at 1.5 a year (half-life about 5.5 months). */
    public static final double DEFAULT_MEAN_REVERSION_PER_YEAR = 1.5;
    /** 5% a year below the square root of forward variance (0.4% at 30 days). */
    public static final double DEFAULT_CONVEXITY_PER_YEAR = 0.05;
    /** Forward vol at least half of min(VIX, VIX3M). */
    public static final double DEFAULT_MIN_FORWARD_FACTOR = 0.5;
    /** Eight monthly expirations, as the VX curve m1..m8. */
    public static final int DEFAULT_LISTED_EXPIRIES = 8;

    /** The defaults. */
    public static final VxCurve DEFAULTS = new VxCurve(DEFAULT_LONG_RUN_VIX, DEFAULT_MEAN_REVERSION_PER_YEAR,
        DEFAULT_CONVEXITY_PER_YEAR, DEFAULT_MIN_FORWARD_FACTOR, DEFAULT_LISTED_EXPIRIES);

    /** Checks every field. */
    public VxCurve {
      Check.inRange(longRunVix, 5, 100, "market.vxCurve.longRunVix");
      Check.inRange(meanReversionPerYear, 0, 50, "market.vxCurve.meanReversionPerYear");
      Check.inRange(convexityPerYear, 0, 1, "market.vxCurve.convexityPerYear");
      Check.inRange(minForwardFactor, 0.05, 1, "market.vxCurve.minForwardFactor");
      Check.inRange(listedExpiries, 1, 12, "market.vxCurve.listedExpiries");
    }
  }

  /**
   * VIX options, priced with Black-76 on the VX future of the same expiry; YAML group
   * {@code market.vix}.
   *
   * <p>At-the-money vol (vol-of-vol) of a 30-day option is {@code volOfVolBase + volOfVolSlope x
   * (VIX - volOfVolRefVix)}, scaled by {@code (30 / days)^volOfVolTermDecay} (days at least 7)
   * and clamped to [volOfVolMin, volOfVolMax]: it rises with VIX and falls with maturity. The
   * upward skew multiplies it by {@code 1 + skew x ln(K / F)}, at least {@code minSkewFactor}.
   * Strikes run from {@code lowestStrikeFactor x F} to {@code highestStrikeFactor x F}, every
   * {@code strikeStep} points up to {@code fineStrikesUpTo}, every {@code wideStrikeStep} above.
   * Bid and ask sit around the model price by {@code spreadPct} of it, clamped to
   * [minSpread, maxSpread], on ticks of {@code smallTick} below {@code tickBreak} and
   * {@code largeTick} from it.
   *
   * @param volOfVolBase        30-day ATM vol at {@code volOfVolRefVix}, a fraction (0.80 = 80%)
   * @param volOfVolSlope       ATM vol added per VIX point above {@code volOfVolRefVix}
   * @param volOfVolRefVix      the VIX level of {@code volOfVolBase}
   * @param volOfVolMin         lowest ATM vol
   * @param volOfVolMax         highest ATM vol
   * @param volOfVolTermDecay   exponent of the maturity scaling (30 / days)
   * @param skew                vol change per unit of ln(K / F): positive is an upward (call) skew
   * @param minSkewFactor       the skew never takes vol below this fraction of ATM vol
   * @param strikeStep          strike spacing up to {@code fineStrikesUpTo}, points
   * @param fineStrikesUpTo     highest strike of the fine grid, points
   * @param wideStrikeStep      strike spacing above it, points
   * @param lowestStrikeFactor  lowest listed strike as a fraction of the future
   * @param highestStrikeFactor highest listed strike as a multiple of the future
   * @param spreadPct           bid/ask spread, percent of the model price
   * @param minSpread           narrowest spread, points
   * @param maxSpread           widest spread, points
   * @param tickBreak           prices below this trade on {@code smallTick}, from it on {@code largeTick}
   * @param smallTick           tick below {@code tickBreak}
   * @param largeTick           tick from {@code tickBreak}
   */
  public record VixOptions(
      double volOfVolBase, double volOfVolSlope, double volOfVolRefVix, double volOfVolMin, double volOfVolMax,
      double volOfVolTermDecay, double skew, double minSkewFactor, double strikeStep, double fineStrikesUpTo,
      double wideStrikeStep, double lowestStrikeFactor, double highestStrikeFactor, double spreadPct,
      double minSpread, double maxSpread, double tickBreak, double smallTick, double largeTick) {

    /** 80% ATM vol for a 30-day VIX option at VIX 15 (VVIX's usual calm level). */
    public static final double DEFAULT_VOL_OF_VOL_BASE = 0.80;
    /** Plus 2.5 vol points per VIX point above 15 (VIX 30: 118%). */
    public static final double DEFAULT_VOL_OF_VOL_SLOPE = 0.025;
    /** The base is quoted at VIX 15. */
    public static final double DEFAULT_VOL_OF_VOL_REF_VIX = 15.0;
    /** At least 40%. */
    public static final double DEFAULT_VOL_OF_VOL_MIN = 0.40;
    /** At most 250%. */
    public static final double DEFAULT_VOL_OF_VOL_MAX = 2.50;
    /** Longer-dated VIX options carry less vol: (30 / days)^0.25. */
    public static final double DEFAULT_VOL_OF_VOL_TERM_DECAY = 0.25;
    /** Upward skew 0.8: a call struck 50% above the future trades about 32% above ATM vol. */
    public static final double DEFAULT_SKEW = 0.8;
    /** Downside strikes at no less than half of ATM vol. */
    public static final double DEFAULT_MIN_SKEW_FACTOR = 0.5;
    /** One-point strikes ... */
    public static final double DEFAULT_STRIKE_STEP = 1.0;
    /** ... up to 40 ... */
    public static final double DEFAULT_FINE_STRIKES_UP_TO = 40.0;
    /** ... and five points above. */
    public static final double DEFAULT_WIDE_STRIKE_STEP = 5.0;
    /** Lowest strike at half the future. */
    public static final double DEFAULT_LOWEST_STRIKE_FACTOR = 0.5;
    /** Highest strike at three times the future. */
    public static final double DEFAULT_HIGHEST_STRIKE_FACTOR = 3.0;
    /** Spread 6% of the model price. */
    public static final double DEFAULT_SPREAD_PCT = 6.0;
    /** At least one 0.05 tick wide. */
    public static final double DEFAULT_MIN_SPREAD = 0.05;
    /** At most 0.60 wide. */
    public static final double DEFAULT_MAX_SPREAD = 0.60;
    /** Cboe's VIX option ticks: 0.05 below 3.00 ... */
    public static final double DEFAULT_TICK_BREAK = 3.00;
    /** ... of 0.05 ... */
    public static final double DEFAULT_SMALL_TICK = 0.05;
    /** ... and 0.10 from 3.00. */
    public static final double DEFAULT_LARGE_TICK = 0.10;

    /** The defaults. */
    public static final VixOptions DEFAULTS = new VixOptions(DEFAULT_VOL_OF_VOL_BASE, DEFAULT_VOL_OF_VOL_SLOPE,
        DEFAULT_VOL_OF_VOL_REF_VIX, DEFAULT_VOL_OF_VOL_MIN, DEFAULT_VOL_OF_VOL_MAX, DEFAULT_VOL_OF_VOL_TERM_DECAY,
        DEFAULT_SKEW, DEFAULT_MIN_SKEW_FACTOR, DEFAULT_STRIKE_STEP, DEFAULT_FINE_STRIKES_UP_TO,
        DEFAULT_WIDE_STRIKE_STEP, DEFAULT_LOWEST_STRIKE_FACTOR, DEFAULT_HIGHEST_STRIKE_FACTOR, DEFAULT_SPREAD_PCT,
        DEFAULT_MIN_SPREAD, DEFAULT_MAX_SPREAD, DEFAULT_TICK_BREAK, DEFAULT_SMALL_TICK, DEFAULT_LARGE_TICK);

    /** Checks every field. */
    public VixOptions {
      Check.inRange(volOfVolBase, 0.05, 5, "market.vix.volOfVolBase");
      Check.inRange(volOfVolSlope, 0, 1, "market.vix.volOfVolSlope");
      Check.inRange(volOfVolRefVix, 5, 100, "market.vix.volOfVolRefVix");
      Check.inRange(volOfVolMin, 0.05, 5, "market.vix.volOfVolMin");
      Check.inRange(volOfVolMax, volOfVolMin, 5, "market.vix.volOfVolMax");
      Check.inRange(volOfVolTermDecay, 0, 2, "market.vix.volOfVolTermDecay");
      Check.inRange(skew, -2, 5, "market.vix.skew");
      Check.inRange(minSkewFactor, 0.05, 1, "market.vix.minSkewFactor");
      Check.inRange(strikeStep, 0.5, 10, "market.vix.strikeStep");
      Check.inRange(fineStrikesUpTo, 5, 500, "market.vix.fineStrikesUpTo");
      Check.inRange(wideStrikeStep, strikeStep, 50, "market.vix.wideStrikeStep");
      Check.inRange(lowestStrikeFactor, 0.1, 1, "market.vix.lowestStrikeFactor");
      Check.inRange(highestStrikeFactor, 1.5, 10, "market.vix.highestStrikeFactor");
      Check.inRange(spreadPct, 0, 50, "market.vix.spreadPct");
      Check.inRange(minSpread, 0.01, 5, "market.vix.minSpread");
      Check.inRange(maxSpread, minSpread, 10, "market.vix.maxSpread");
      Check.inRange(tickBreak, 0, 100, "market.vix.tickBreak");
      Check.inRange(smallTick, 0.01, 1, "market.vix.smallTick");
      Check.inRange(largeTick, smallTick, 1, "market.vix.largeTick");
    }
  }
}
