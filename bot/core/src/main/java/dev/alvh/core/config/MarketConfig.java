package dev.alvh.core.config;

import dev.alvh.core.Check;

/**
 * The simulated market's model parameters, all in one place; YAML group {@code market.*}.
 *
 * <p>Used by replay and by paper trading on the built-in market; ignored when the market data
 * come from a broker. The SPX surface and spreads are fitted to real SPX/SPXW quotes of 2019
 * (docs/market-model.md).
 *
 * @param seed             seed of the synthetic generator (same seed, same market)
 * @param ratePct          risk-free rate, percent a year
 * @param dividendYieldPct SPX dividend yield, percent a year
 * @param strikeStep       SPX strike spacing, points
 * @param startSpx         SPX level on the first day of a synthetic scenario
 * @param surface          the SPX implied-vol surface, {@code market.surface}
 * @param spread           the SPX bid/ask spread model, {@code market.spread}
 * @param vxCurve          the VX futures curve derived from VIX and VIX3M where no VX data exist,
 *                         {@code market.vxCurve}
 * @param vix              the VIX option model (vol-of-vol, skew, strikes, ticks, spreads),
 *                         {@code market.vix}
 */
public record MarketConfig(
    long seed, double ratePct, double dividendYieldPct, double strikeStep, double startSpx, Surface surface,
    Spread spread, VxCurve vxCurve, VixOptions vix) {

  /** Seed 20160104. */
  public static final long DEFAULT_SEED = 20160104L;
  /** 3% a year. */
  public static final double DEFAULT_RATE_PCT = 3.0;
  /** 1.5% a year. */
  public static final double DEFAULT_DIVIDEND_YIELD_PCT = 1.5;
  /** 5-point SPX strikes. */
  public static final double DEFAULT_STRIKE_STEP = 5.0;
  /** Synthetic scenarios start with SPX at 3000. */
  public static final double DEFAULT_START_SPX = 3000.0;

  /** The defaults. */
  public static final MarketConfig DEFAULTS = new MarketConfig(
      DEFAULT_SEED, DEFAULT_RATE_PCT, DEFAULT_DIVIDEND_YIELD_PCT, DEFAULT_STRIKE_STEP, DEFAULT_START_SPX,
      Surface.DEFAULTS, Spread.DEFAULTS, VxCurve.DEFAULTS, VixOptions.DEFAULTS);

  /** The SPX part only; surface, spreads, the VX curve and the VIX option model keep their defaults. */
  public MarketConfig(long seed, double ratePct, double dividendYieldPct, double strikeStep, double startSpx) {
    this(seed, ratePct, dividendYieldPct, strikeStep, startSpx, Surface.DEFAULTS, Spread.DEFAULTS,
        VxCurve.DEFAULTS, VixOptions.DEFAULTS);
  }

  /** Checks every field. */
  public MarketConfig {
    Check.inRange(ratePct, -5, 25, "market.ratePct");
    Check.inRange(dividendYieldPct, 0, 20, "market.dividendYieldPct");
    Check.inRange(strikeStep, 0.5, 100, "market.strikeStep");
    Check.inRange(startSpx, 10, 1_000_000, "market.startSpx");
    Check.notNull(surface, "market.surface");
    Check.notNull(spread, "market.spread");
    Check.notNull(vxCurve, "market.vxCurve");
    Check.notNull(vix, "market.vix");
  }

  /** The same market with {@code surface}. */
  public MarketConfig withSurface(Surface surface) {
    return new MarketConfig(seed, ratePct, dividendYieldPct, strikeStep, startSpx, surface, spread, vxCurve, vix);
  }

  /** The same market with {@code spread}. */
  public MarketConfig withSpread(Spread spread) {
    return new MarketConfig(seed, ratePct, dividendYieldPct, strikeStep, startSpx, surface, spread, vxCurve, vix);
  }

  /**
   * The SPX implied-vol surface: a sticky-moneyness skew in standardized log-moneyness on an
   * at-the-money term structure read from VIX9D, VIX and VIX3M; YAML group {@code market.surface}.
   *
   * <p>At-the-money vol: the points {@code vix9dRatio x VIX9D} at 9 days, {@code vixRatio x VIX}
   * at 30 days and {@code vix3mRatio x VIX3M} at 93 days, total variance (vol squared times days)
   * linear in days between them, flat vol below 9 days, the 30-93-day forward variance carried on
   * beyond 93 days; every forward variance rate at least {@code (minForwardFactor x} the lower of
   * its two points{@code )^2}. Without a VIX9D close the 30-day point holds below 30 days.
   *
   * <p>Skew: with {@code k = ln(K/F)}, {@code z = k / (atm x sqrt(T))} and {@code s = (T / 30
   * days)^skewTermExponent}, {@code vol = atm x (1 - putSlope x s x z + putCurvature x z^2)} below
   * the forward ({@code k < 0}) and {@code atm x (1 - callSlope x s x z + callCurvature x z^2)}
   * above it, each wing held flat beyond the vertex of its parabola (so the call wing does not
   * turn up again past the data), clamped to [minVolFactor, maxVolFactor] x atm. Per unit of log-moneyness the put
   * slope is {@code putSlope x s / (atm x sqrt(T))}: about 7 at 30 days and 13% ATM vol.
   *
   * @param vix9dRatio       ATM vol at 9 days as a fraction of VIX9D
   * @param vixRatio         ATM vol at 30 days as a fraction of VIX (VIX prices the whole skew)
   * @param vix3mRatio       ATM vol at 93 days as a fraction of VIX3M
   * @param minForwardFactor floor of a forward variance rate, fraction of the lower point's vol
   * @param putSlope         relative vol added per standard deviation below the forward
   * @param putCurvature     relative vol added per squared standard deviation below the forward
   * @param callSlope        relative vol taken off per standard deviation above the forward
   * @param callCurvature    relative vol added per squared standard deviation above the forward
   * @param skewTermExponent the slopes scale with (T / 30 days) to this power
   * @param minVolFactor     lowest vol of the smile, fraction of ATM vol
   * @param maxVolFactor     highest vol of the smile, multiple of ATM vol
   */
  public record Surface(
      double vix9dRatio, double vixRatio, double vix3mRatio, double minForwardFactor, double putSlope,
      double putCurvature, double callSlope, double callCurvature, double skewTermExponent, double minVolFactor,
      double maxVolFactor) {

    /** ATM vol at 9 days 0.910 x VIX9D (fitted to the 2019 SPX/SPXW sample). */
    public static final double DEFAULT_VIX9D_RATIO = 0.910;
    /** ATM vol at 30 days 0.857 x VIX (fitted). */
    public static final double DEFAULT_VIX_RATIO = 0.857;
    /** ATM vol at 93 days 0.837 x VIX3M (fitted). */
    public static final double DEFAULT_VIX3M_RATIO = 0.837;
    /** Forward variance rate at least (0.5 x the lower vol)^2. */
    public static final double DEFAULT_MIN_FORWARD_FACTOR = 0.5;
    /** 25.5% of ATM vol added per standard deviation below the forward (fitted). */
    public static final double DEFAULT_PUT_SLOPE = 0.255;
    /** No curvature below the forward (fitted: 0.003). */
    public static final double DEFAULT_PUT_CURVATURE = 0.0;
    /** 35.9% of ATM vol taken off per standard deviation above the forward (fitted). */
    public static final double DEFAULT_CALL_SLOPE = 0.359;
    /** The call wing flattens: 15.4% per squared standard deviation (fitted), flat past the vertex. */
    public static final double DEFAULT_CALL_CURVATURE = 0.154;
    /** Slopes x (T / 30 days)^0.1 (fitted: 0.105 puts, 0.095 calls). */
    public static final double DEFAULT_SKEW_TERM_EXPONENT = 0.1;
    /** The smile never goes below 0.5 x ATM vol ... */
    public static final double DEFAULT_MIN_VOL_FACTOR = 0.5;
    /** ... nor above 4 x ATM vol. */
    public static final double DEFAULT_MAX_VOL_FACTOR = 4.0;

    /** The defaults. */
    public static final Surface DEFAULTS = new Surface(DEFAULT_VIX9D_RATIO, DEFAULT_VIX_RATIO, DEFAULT_VIX3M_RATIO,
        DEFAULT_MIN_FORWARD_FACTOR, DEFAULT_PUT_SLOPE, DEFAULT_PUT_CURVATURE, DEFAULT_CALL_SLOPE,
        DEFAULT_CALL_CURVATURE, DEFAULT_SKEW_TERM_EXPONENT, DEFAULT_MIN_VOL_FACTOR, DEFAULT_MAX_VOL_FACTOR);

    /** Checks every field. */
    public Surface {
      Check.inRange(vix9dRatio, 0.3, 1.5, "market.surface.vix9dRatio");
      Check.inRange(vixRatio, 0.3, 1.5, "market.surface.vixRatio");
      Check.inRange(vix3mRatio, 0.3, 1.5, "market.surface.vix3mRatio");
      Check.inRange(minForwardFactor, 0.05, 1, "market.surface.minForwardFactor");
      Check.inRange(putSlope, 0, 2, "market.surface.putSlope");
      Check.inRange(putCurvature, -0.5, 1, "market.surface.putCurvature");
      Check.inRange(callSlope, 0, 2, "market.surface.callSlope");
      Check.inRange(callCurvature, -0.5, 1, "market.surface.callCurvature");
      Check.inRange(skewTermExponent, -1, 1, "market.surface.skewTermExponent");
      Check.inRange(minVolFactor, 0.05, 1, "market.surface.minVolFactor");
      Check.inRange(maxVolFactor, 1, 20, "market.surface.maxVolFactor");
    }
  }

  /**
   * SPX bid/ask spreads; YAML group {@code market.spread}.
   *
   * <p>Width in points: {@code coefficient x price^priceExponent x (days / 30)^dteExponent x
   * exp(moneynessExponent x |z|) x (VIX / refVix)^vixExponent}, with {@code price} the model
   * price in points, {@code days} at least 1 and {@code z} the standardized log-moneyness of the
   * surface; then at least {@code minSpread}, at most {@code maxSpread} and at most
   * {@code maxPriceFraction x price} (never narrower than {@code minSpread}). The width is
   * rounded to a whole number of ticks (at least one); the bid is half of it below the model
   * price rounded to the nearest {@code tick} (at least 0), the ask one width above the bid.
   * The width rises with VIX without bound but slower than VIX (exponent below 1); the caps
   * bound it.
   *
   * @param coefficient        width of a 1.00 option at 30 days and {@code refVix}, points
   * @param priceExponent      elasticity of the width to the option price
   * @param dteExponent        elasticity to the days to expiry
   * @param moneynessExponent  log change of the width per standard deviation from the forward
   * @param vixExponent        elasticity to the VIX level
   * @param refVix             the VIX level of {@code coefficient}
   * @param minSpread          narrowest width, points
   * @param maxSpread          widest width, points
   * @param maxPriceFraction   widest width as a fraction of the model price
   * @param tick               bid and ask are on this grid, points (whole cents)
   */
  public record Spread(
      double coefficient, double priceExponent, double dteExponent, double moneynessExponent, double vixExponent,
      double refVix, double minSpread, double maxSpread, double maxPriceFraction, double tick) {

    /** 0.1335 points for a 1.00 option at 30 days and VIX 15 (fitted to the 2019 SPX/SPXW sample). */
    public static final double DEFAULT_COEFFICIENT = 0.1335;
    /** Width x price^0.335 (fitted). */
    public static final double DEFAULT_PRICE_EXPONENT = 0.335;
    /** Width x (days / 30)^0.085 (fitted). */
    public static final double DEFAULT_DTE_EXPONENT = 0.085;
    /** Width x exp(-0.023 x |z|) (fitted; moneyness adds little once the price is known). */
    public static final double DEFAULT_MONEYNESS_EXPONENT = -0.023;
    /** Width x (VIX / 15)^0.683 (fitted on VIX 12-20). */
    public static final double DEFAULT_VIX_EXPONENT = 0.683;
    /** The coefficient is quoted at VIX 15. */
    public static final double DEFAULT_REF_VIX = 15.0;
    /** At least one 0.05 tick. */
    public static final double DEFAULT_MIN_SPREAD = 0.05;
    /** At most 20 points. */
    public static final double DEFAULT_MAX_SPREAD = 20.0;
    /** At most the model price itself (the bid stays at or above half of it). */
    public static final double DEFAULT_MAX_PRICE_FRACTION = 1.0;
    /** 0.05-point grid. */
    public static final double DEFAULT_TICK = 0.05;

    /** The defaults. */
    public static final Spread DEFAULTS = new Spread(DEFAULT_COEFFICIENT, DEFAULT_PRICE_EXPONENT,
        DEFAULT_DTE_EXPONENT, DEFAULT_MONEYNESS_EXPONENT, DEFAULT_VIX_EXPONENT, DEFAULT_REF_VIX, DEFAULT_MIN_SPREAD,
        DEFAULT_MAX_SPREAD, DEFAULT_MAX_PRICE_FRACTION, DEFAULT_TICK);

    /** Checks every field. */
    public Spread {
      Check.inRange(coefficient, 0, 10, "market.spread.coefficient");
      Check.inRange(priceExponent, 0, 1.5, "market.spread.priceExponent");
      Check.inRange(dteExponent, -1, 1, "market.spread.dteExponent");
      Check.inRange(moneynessExponent, -2, 2, "market.spread.moneynessExponent");
      Check.inRange(vixExponent, 0, 3, "market.spread.vixExponent");
      Check.inRange(refVix, 5, 100, "market.spread.refVix");
      Check.inRange(minSpread, 0.01, 10, "market.spread.minSpread");
      Check.inRange(maxSpread, minSpread, 100, "market.spread.maxSpread");
      Check.inRange(maxPriceFraction, 0.05, 2, "market.spread.maxPriceFraction");
      Check.inRange(tick, 0.01, 1, "market.spread.tick");
      Check.isTrue(Math.abs(tick * 100 - Math.rint(tick * 100)) < 1e-9, "market.spread.tick",
          "must be a whole number of cents, but was " + tick);
    }
  }

  /**
   * The VX futures curve where the history has no VX data; YAML group {@code market.vxCurve}.
   *
   * <p>Model: total implied variance {@code w(t)} (vol points squared times days) is flat at
   * VIX up to 30 days, linear in days from the VIX point (30 days) to the VIX3M point (93 days),
   * and beyond 93 days its rate reverts from the 30-93-day forward rate toward
   * {@code longRunVix^2} at {@code meanReversionPerYear}. The future expiring in {@code T} days
   * prices the 30 days of variance after it: {@code VX(T) = sqrt((w(T + 30) - w(T)) / 30) x (1 -
   * futuresDiscount x (1 - exp(-T / futuresDiscountDays)))}, so it converges to spot VIX at
   * expiry. With VIX3M above VIX (calm) the forward variance exceeds VIX^2 and the
   * front future sits above spot; with VIX3M below VIX (a spike) it sits below. The forward
   * variance rate is floored at {@code (minForwardFactor x min(VIX, VIX3M))^2}.
   *
   * <p>Calibration: the defaults minimize the mean absolute error against the CFE closes of
   * m1..m8 in {@code shared/data} (2016-01-04 to 2017-05-11, 342 days): about 0.6 VIX points
   * per contract, bias under 0.4 (a volatile future trades below the square root of forward
   * variance, by Jensen's inequality, hence the discount).
   *
   * @param longRunVix            the level far forward variance reverts to, VIX points
   * @param meanReversionPerYear  speed of that reversion beyond 93 days, per year
   * @param futuresDiscount       futures on volatility trade below the square root of forward
   *                              variance by this fraction (reached a few weeks from expiry)
   * @param futuresDiscountDays   the discount builds up with time to expiry on this scale, days
   * @param minForwardFactor      floor of the forward variance rate, as a fraction of min(VIX, VIX3M)
   * @param listedExpiries        VX futures and VIX option expirations listed (m1..m8)
   */
  public record VxCurve(
      double longRunVix, double meanReversionPerYear, double futuresDiscount, double futuresDiscountDays, double minForwardFactor,
      int listedExpiries) {

    /** Far forward variance reverts to 23 VIX points (long-dated VX sit above VIX's mean of about 19). */
    public static final double DEFAULT_LONG_RUN_VIX = 23.0;
    /** Reversion at 2 a year (half-life about 4 months). */
    public static final double DEFAULT_MEAN_REVERSION_PER_YEAR = 2.0;
    /** 4% below the square root of forward variance. */
    public static final double DEFAULT_FUTURES_DISCOUNT = 0.04;
    /** The discount builds up over about 10 days to expiry (none at expiry). */
    public static final double DEFAULT_FUTURES_DISCOUNT_DAYS = 10.0;
    /** Forward vol at least half of min(VIX, VIX3M). */
    public static final double DEFAULT_MIN_FORWARD_FACTOR = 0.5;
    /** Eight monthly expirations, as the VX curve m1..m8. */
    public static final int DEFAULT_LISTED_EXPIRIES = 8;

    /** The defaults. */
    public static final VxCurve DEFAULTS = new VxCurve(DEFAULT_LONG_RUN_VIX, DEFAULT_MEAN_REVERSION_PER_YEAR,
        DEFAULT_FUTURES_DISCOUNT, DEFAULT_FUTURES_DISCOUNT_DAYS, DEFAULT_MIN_FORWARD_FACTOR, DEFAULT_LISTED_EXPIRIES);

    /** Checks every field. */
    public VxCurve {
      Check.inRange(longRunVix, 5, 100, "market.vxCurve.longRunVix");
      Check.inRange(meanReversionPerYear, 0, 50, "market.vxCurve.meanReversionPerYear");
      Check.inRange(futuresDiscount, 0, 0.5, "market.vxCurve.futuresDiscount");
      Check.inRange(futuresDiscountDays, 0.1, 365, "market.vxCurve.futuresDiscountDays");
      Check.inRange(minForwardFactor, 0.05, 1, "market.vxCurve.minForwardFactor");
      Check.inRange(listedExpiries, 1, 12, "market.vxCurve.listedExpiries");
    }
  }

  /**
   * VIX options, priced with Black-76 on the VX future of the same expiry; YAML group
   * {@code market.vix}.
   *
   * <p>At-the-money vol (vol-of-vol) of a 30-day option is {@code volOfVolBase + volOfVolSlope x
   * (VIX - volOfVolRefVix)}, times {@code 1 + volOfVolInversion x max(0, VIX / VIX3M - 1)} (an
   * inverted term structure, the sign of a spike under way, carries more vol-of-vol), scaled by
   * {@code (30 / days)^volOfVolTermDecay} (days at least 7) and clamped to [volOfVolMin,
   * volOfVolMax]: it rises with VIX and with inversion and falls with maturity. No real VIX option
   * quotes were available to fit it; the levels follow Cboe's VVIX against VIX
   * (docs/market-model.md). The
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
   * @param volOfVolInversion   relative vol-of-vol added per unit of VIX / VIX3M above 1
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
      double volOfVolTermDecay, double volOfVolInversion, double skew, double minSkewFactor, double strikeStep, double fineStrikesUpTo,
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
    /** VIX 20% above VIX3M: vol-of-vol 10% higher. */
    public static final double DEFAULT_VOL_OF_VOL_INVERSION = 0.5;
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
        DEFAULT_VOL_OF_VOL_INVERSION, DEFAULT_SKEW, DEFAULT_MIN_SKEW_FACTOR, DEFAULT_STRIKE_STEP, DEFAULT_FINE_STRIKES_UP_TO,
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
      Check.inRange(volOfVolInversion, 0, 5, "market.vix.volOfVolInversion");
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
