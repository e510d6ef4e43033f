package dev.alvh.paper.market;

import dev.alvh.core.Check;
import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.Expirations;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.port.SettlementPrices;
import dev.alvh.core.pricing.Black76Pricer;
import dev.alvh.core.pricing.BlackInputs;
import dev.alvh.core.pricing.OptionGreeks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A market simulated from daily history: index levels move from the open through the day's high
 * and low to the close ({@link IntradayPath}); SPXW and AM-settled SPX options are priced with Black-76 off an implied-vol
 * surface built from VIX and VIX3M; VIX options with Black-76 on the VX future of the same
 * expiry. Every parameter is in {@link MarketConfig} and documented in {@code adapters/paper/README.md}.
 *
 * <p>SPX surface ({@link MarketConfig.Surface}, fitted to real 2019 quotes, docs/market-model.md):
 * at-the-money total variance is linear in days through the VIX9D (9 days), VIX (30 days) and
 * VIX3M (93 days) points, each scaled by its ratio; a sticky-moneyness skew in standardized
 * log-moneyness {@code z = ln(K/F) / (atm x sqrt(T))} tilts it, steeper below the forward. Bid
 * and ask ({@link MarketConfig.Spread}) sit around the model price by a width rising with the
 * price, the days to expiry and VIX, on the 0.05 grid. Everything that depends on the expiry
 * only is computed once per expiry and instant.
 *
 * <p>VX curve: the history's VX closes ({@code m1..m8} mapped to the VIX expirations after the
 * day) where present, geometrically interpolated from the previous close through the session;
 * otherwise derived from VIX and VIX3M ({@link MarketConfig.VxCurve}). On its expiration day a
 * future is worth its settlement, the VIX open.
 *
 * <p>VIX options: vol-of-vol rising with VIX and falling with maturity, an upward skew, strikes
 * every point in the usual range and wider above, 0.05 ticks below 3.00 and 0.10 from 3.00
 * ({@link MarketConfig.VixOptions}). Greeks are on the future.
 *
 * <p>Expirations come from {@link Expirations}. SPXW list the expirations from today; SPX
 * monthly and VIX, which settle at the open, those after today. Chains are built lazily, once
 * per class and expiry per instant, and dropped when the clock moves. Not thread-safe: the
 * cycle thread drives it.
 */
public final class SimulatedMarket implements MarketData, SettlementPrices {

  private static final LocalTime OPEN = LocalTime.of(9, 30);
  private static final LocalTime CLOSE = LocalTime.of(16, 0);
  private static final int LISTED_DAYS_AHEAD = 130;
  private static final double STRIKE_SIGMAS_DOWN = 4.0;
  private static final double STRIKE_SIGMAS_UP = 3.0;
  /** Half-width, in standard deviations of the forward, of the strikes {@link #atmVol} prices. */
  private static final double ATM_BAND_SIGMAS = 0.75;
  private static final double DAYS_PER_YEAR = 365.0;
  private static final double VIX_DAYS = 30.0;
  private static final double VIX3M_DAYS = 93.0;
  private static final double VIX9D_DAYS = 9.0;
  private static final double MIN_VOL_DAYS = 7.0;

  private final NavigableMap<LocalDate, DailyBar> bars;
  /** VX closes per history day: expiry to close. */
  private final NavigableMap<LocalDate, Map<LocalDate, Double>> vxByDay;
  /** VIX9D close over VIX close per history day that has a VIX9D close. */
  private final NavigableMap<LocalDate, Double> vix9dRatioByDay;
  private final Clock clock;
  private final MarketConfig config;
  private final MarketConfig.VixOptions vixModel;
  private final MarketConfig.VxCurve curveModel;
  private final MarketConfig.Surface surface;
  private final MarketConfig.Spread spreadModel;
  /** The SPX tick in cents. */
  private final long tickCents;
  private final Expirations calendar;
  private final Black76Pricer pricer = Black76Pricer.DEFAULT;
  /** The path through each day; null: a straight line from open to close. */
  private final IntradayPath path;

  /** Everything priced at one instant; cleared when the clock moves. */
  private final Map<String, OptionChain> chainCache = new HashMap<>();
  private final Map<String, List<LocalDate>> expiryCache = new HashMap<>();
  private final Map<LocalDate, Double> vxCache = new HashMap<>();
  /** Smiles of SPXW and of SPX AM by expiry (no key built per quote). */
  private final Map<LocalDate, Smile> spxwSmiles = new HashMap<>();
  private final Map<LocalDate, Smile> spxAmSmiles = new HashMap<>();
  /**
   * The model's quotes asked for one by one ({@link #quote}) at this instant, by contract (class,
   * expiry, strike, right, multiplier): the account's marks, the fill checks and the snapshot ask
   * for the same series several times per cycle. Everything else a model quote depends on (index
   * levels, VIX9D, the VX curve, the time to expiry) is a function of the instant, and the cache is
   * cleared when the clock moves. Real quotes ({@link QuoteOverlay}) are asked for every time.
   */
  private final Map<OptionContract, OptionQuote> modelQuotes = new HashMap<>();
  /** Settlement instants by expiry: at the 16:00 close (SPXW) and at the 9:30 open (SPX monthly, VIX). */
  private final Map<LocalDate, Instant> closeSettlements = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<LocalDate, Instant> openSettlements = new java.util.concurrent.ConcurrentHashMap<>();
  private double cachedVix9d = Double.NaN;
  private boolean vix9dKnown;
  private Instant cachedAt = Instant.MIN;
  private IndexLevels cachedIndices;
  private LocalDate expiryCacheDay = LocalDate.MIN;
  /** Real quotes consulted before the model for SPX and SPXW options; see {@link QuoteOverlay}. */
  private QuoteOverlay overlay = QuoteOverlay.NONE;
  /** Model chains shared with other markets over the same inputs; null: none. */
  private ChainMemo shared;
  /** What a shared memo must have been made for: the same history, configuration, path and calendar. */
  private final List<Object> inputs;

  /**
   * A market over {@code history}, read at {@code clock}'s time.
   *
   * @param history    daily bars, one per trading day, and VX closes where the source has them
   * @param clock      the time
   * @param config     model parameters
   * @param tradingDay which days are trading days (for listing expirations)
   */
  public SimulatedMarket(MarketHistory history, Clock clock, MarketConfig config, Predicate<LocalDate> tradingDay) {
    this(history, clock, config, tradingDay, IntradayPath.DEFAULTS);
  }

  /**
   * A market over {@code history} whose days follow {@code path} ({@link IntradayPath}: through
   * each day's high and low); null: a straight line from each day's open to its close.
   */
  public SimulatedMarket(MarketHistory history, Clock clock, MarketConfig config, Predicate<LocalDate> tradingDay,
      IntradayPath path) {
    Check.notNull(history, "history");
    this.path = path;
    this.clock = Check.notNull(clock, "clock");
    this.config = Check.notNull(config, "config");
    Check.notNull(tradingDay, "tradingDay");
    this.vixModel = config.vix();
    this.curveModel = config.vxCurve();
    this.surface = config.surface();
    this.spreadModel = config.spread();
    this.tickCents = Math.round(spreadModel.tick() * 100);
    this.calendar = new Expirations(tradingDay::test);
    this.inputs = java.util.Arrays.asList(history, config, path, tradingDay);
    this.bars = new TreeMap<>();
    history.bars().forEach(b -> this.bars.put(b.date(), b));
    this.vxByDay = new TreeMap<>();
    history.vxFutures().forEach((day, closes) -> {
      List<LocalDate> expiries = calendar.vixAfter(day, closes.size());
      Map<LocalDate, Double> row = new HashMap<>();
      for (int i = 0; i < closes.size(); i++) {
        Double v = closes.get(i);
        if (v != null && v > 0 && Double.isFinite(v)) {
          row.put(expiries.get(i), v);
        }
      }
      vxByDay.put(day, Collections.unmodifiableMap(row));
    });
    this.vix9dRatioByDay = new TreeMap<>();
    history.vix9d().forEach((day, v) -> {
      DailyBar b = bars.get(day);
      if (b != null && v != null && v > 0 && Double.isFinite(v)) {
        vix9dRatioByDay.put(day, v / b.vixClose());
      }
    });
  }

  /**
   * A market over {@code history} that quotes SPX and SPXW options from {@code overlay} where it
   * has them (real option chains) and from the model elsewhere.
   *
   * @param history    daily bars, one per trading day, and VX closes where the source has them
   * @param clock      the time
   * @param config     model parameters
   * @param tradingDay which days are trading days (for listing expirations)
   * @param overlay    quotes consulted before the model
   */
  public SimulatedMarket(MarketHistory history, Clock clock, MarketConfig config, Predicate<LocalDate> tradingDay,
      QuoteOverlay overlay) {
    this(history, clock, config, tradingDay, IntradayPath.DEFAULTS, overlay);
  }

  /**
   * A market over {@code history} whose days follow {@code path} and that quotes SPX and SPXW
   * options from {@code overlay} where it has them, from the model elsewhere.
   *
   * @param history    daily bars, one per trading day, and VX closes where the source has them
   * @param clock      the time
   * @param config     model parameters
   * @param tradingDay which days are trading days (for listing expirations)
   * @param path       how each day's path runs through its open, high, low and close
   * @param overlay    quotes consulted before the model
   */
  public SimulatedMarket(MarketHistory history, Clock clock, MarketConfig config, Predicate<LocalDate> tradingDay,
      IntradayPath path, QuoteOverlay overlay) {
    this(history, clock, config, tradingDay, path);
    this.overlay = Check.notNull(overlay, "overlay");
  }

  /**
   * A market over {@code bars} without VX data (the VX curve is derived).
   *
   * @param bars       daily bars, one per trading day
   * @param clock      the time
   * @param config     model parameters
   * @param tradingDay which days are trading days (for listing expirations)
   */
  public SimulatedMarket(List<DailyBar> bars, Clock clock, MarketConfig config, Predicate<LocalDate> tradingDay) {
    this(MarketHistory.of(Check.notNull(bars, "bars")), clock, config, tradingDay);
  }

  /**
   * The closes of {@code SPX}, {@code VIX} or {@code VIX3M} on the last {@code days} bars before
   * the clock's day (today's bar is not over yet), oldest first; empty for other symbols.
   */
  @Override
  public List<dev.alvh.core.market.DailyClose> dailyHistory(String symbol, int days) {
    java.util.function.ToDoubleFunction<DailyBar> close = switch (symbol) {
      case "SPX" -> DailyBar::spxClose;
      case "VIX" -> DailyBar::vixClose;
      case "VIX3M" -> DailyBar::vix3mClose;
      default -> null;
    };
    if (close == null || days <= 0) {
      return List.of();
    }
    List<DailyBar> before = List.copyOf(bars.headMap(clock.marketDate(), false).values());
    return before.subList(Math.max(0, before.size() - days), before.size()).stream()
        .map(b -> new dev.alvh.core.market.DailyClose(b.date(), close.applyAsDouble(b))).toList();
  }

  /** The bars, ascending. */
  public List<DailyBar> bars() {
    return List.copyOf(bars.values());
  }

  /** The bar of {@code date}, if it is a day of the history. */
  public Optional<DailyBar> bar(LocalDate date) {
    return Optional.ofNullable(bars.get(date));
  }

  /** The expiration calendar the market lists from. */
  public Expirations calendar() {
    return calendar;
  }

  @Override
  public IndexLevels indices() {
    refresh();
    if (cachedIndices == null) {
      cachedIndices = computeIndices();
    }
    return cachedIndices;
  }

  private IndexLevels computeIndices() {
    ZonedDateTime t = clock.marketTime();
    Map.Entry<LocalDate, DailyBar> e = bars.floorEntry(t.toLocalDate());
    if (e == null) {
      DailyBar first = bars.firstEntry().getValue();
      return new IndexLevels(clock.now(), first.spxOpen(), first.vixOpen(), first.vix3mOpen());
    }
    DailyBar b = e.getValue();
    double f = e.getKey().equals(t.toLocalDate()) ? sessionFraction(t.toLocalTime()) : 1.0;
    if (path != null && f > 0 && f < 1) {
      IntradayPath.Turns turns = path.turns(b);
      return new IndexLevels(clock.now(), path.spx(b, turns, f), path.vix(b, turns, f), path.vix3m(b, turns, f));
    }
    return new IndexLevels(clock.now(), interp(b.spxOpen(), b.spxClose(), f), interp(b.vixOpen(), b.vixClose(), f),
        interp(b.vix3mOpen(), b.vix3mClose(), f));
  }

  @Override
  public List<LocalDate> expirations(String tradingClass) {
    requireKnown(tradingClass);
    refresh();
    LocalDate today = clock.marketDate();
    if (!today.equals(expiryCacheDay)) {
      expiryCache.clear();
      expiryCacheDay = today;
    }
    return expiryCache.computeIfAbsent(tradingClass, c -> List.copyOf(switch (c) {
      case OptionContract.SPXW -> overlay.expirations(c, today, calendar.spxw(today, today.plusDays(LISTED_DAYS_AHEAD)));
      case OptionContract.SPX_AM -> overlay.expirations(c, today,
          calendar.spxMonthly(today.plusDays(1), today.plusDays(LISTED_DAYS_AHEAD)));
      default -> calendar.vixAfter(today, curveModel.listedExpiries());
    }));
  }

  @Override
  public OptionChain chain(String tradingClass, LocalDate expiry) {
    requireKnown(tradingClass);
    Check.notNull(expiry, "expiry");
    refresh();
    String key = tradingClass + " " + expiry;
    OptionChain c = chainCache.get(key);
    if (c == null) {
      c = OptionContract.VIX.equals(tradingClass) ? buildVixChain(expiry) : buildSpxChain(tradingClass, expiry);
      chainCache.put(key, c);
    }
    return c;
  }

  @Override
  public Optional<OptionQuote> quote(OptionContract contract) {
    Check.notNull(contract, "contract");
    String cls = contract.tradingClass();
    if (!isKnown(cls)) {
      return Optional.empty();
    }
    refresh();
    boolean vix = OptionContract.VIX.equals(cls);
    if (vix) {
      OptionQuote known = modelQuotes.get(contract);
      if (known != null) {
        return Optional.of(known);
      }
    }
    double years = yearsTo(cls, contract.expiry());
    if (years < 0) {
      return Optional.empty();
    }
    if (vix) {
      OptionalDouble f = vxFuture(contract.expiry());
      if (f.isEmpty()) {
        return Optional.empty();
      }
      OptionQuote q = priceVix(contract, f.getAsDouble(), years);
      modelQuotes.put(contract, q);
      return Optional.of(q);
    }
    IndexLevels ix = indices();
    return Optional.of(spxQuote(contract, cls, ix));
  }

  /** The overlay's quote of an SPX-class option where it has one, else the model's. */
  private OptionQuote spxQuote(OptionContract c, String cls, IndexLevels ix) {
    return overlay.quote(c, clock.now()).orElseGet(() -> {
      OptionQuote q = modelQuotes.get(c);
      if (q == null) {
        q = priceSpx(c, smile(cls, c.expiry(), ix), ix);
        modelQuotes.put(c, q);
      }
      return q;
    });
  }

  /**
   * The VX future of {@code expiry} now, in VIX points: from the history's VX closes where it
   * has the contract, else derived from VIX and VIX3M; on the expiration day its settlement
   * (the VIX open). Empty for a past date or a date that is not a VIX expiration.
   */
  @Override
  public OptionalDouble vxFuture(LocalDate expiry) {
    Check.notNull(expiry, "expiry");
    refresh();
    LocalDate today = clock.marketDate();
    if (expiry.isBefore(today) || !calendar.vix(YearMonth.from(expiry)).equals(expiry)) {
      return OptionalDouble.empty();
    }
    Double v = vxCache.get(expiry);
    if (v == null) {
      v = computeVx(expiry, today);
      vxCache.put(expiry, v);
    }
    return OptionalDouble.of(v);
  }

  /** The listed VX curve now, expiry to level, m1 first. */
  public NavigableMap<LocalDate, Double> vxCurve() {
    NavigableMap<LocalDate, Double> out = new TreeMap<>();
    for (LocalDate e : expirations(OptionContract.VIX)) {
      vxFuture(e).ifPresent(v -> out.put(e, v));
    }
    return out;
  }

  /**
   * The VX future expiring in {@code days} calendar days as derived from VIX and VIX3M
   * ({@link MarketConfig.VxCurve}), whatever VX data the history has.
   */
  public double derivedVx(double vix, double vix3m, double days) {
    double t = Math.max(days, 0.0);
    double floorVar = sq(curveModel.minForwardFactor() * Math.min(vix, vix3m));
    double fwdVar = Math.max((totalVariance(vix, vix3m, t + VIX_DAYS) - totalVariance(vix, vix3m, t)) / VIX_DAYS,
        floorVar);
    return Math.sqrt(fwdVar) * (1 - curveModel.futuresDiscount() * (1 - Math.exp(-t / curveModel.futuresDiscountDays())));
  }

  private double computeVx(LocalDate expiry, LocalDate today) {
    Map.Entry<LocalDate, DailyBar> e = bars.floorEntry(today);
    if (expiry.equals(today) && e != null && e.getKey().equals(today)) {
      return e.getValue().vixOpen();
    }
    if (e != null) {
      Map<LocalDate, Double> row = vxByDay.get(e.getKey());
      if (row != null && row.containsKey(expiry)) {
        double close = row.get(expiry);
        if (!e.getKey().equals(today)) {
          return close;
        }
        Map.Entry<LocalDate, Map<LocalDate, Double>> prev = vxByDay.lowerEntry(today);
        Double prevClose = prev == null ? null : prev.getValue().get(expiry);
        double f = sessionFraction(clock.marketTime().toLocalTime());
        double smooth = prevClose == null ? close : interp(prevClose, close, f);
        if (path == null || f <= 0 || f >= 1) {
          return smooth;
        }
        double days = Math.max(yearsTo(OptionContract.VIX, expiry), 0.0) * DAYS_PER_YEAR;
        return smooth * path.vxFactor(e.getValue(), path.turns(e.getValue()), f, days);
      }
    }
    IndexLevels ix = indices();
    return derivedVx(ix.vix(), ix.vix3m(), Math.max(yearsTo(OptionContract.VIX, expiry), 0.0) * DAYS_PER_YEAR);
  }

  /** Total implied variance to {@code days} (vol points squared times days). */
  private double totalVariance(double vix, double vix3m, double days) {
    double w30 = sq(vix) * VIX_DAYS;
    if (days <= VIX_DAYS) {
      return sq(vix) * days;
    }
    double w93 = sq(vix3m) * VIX3M_DAYS;
    double floorRate = sq(curveModel.minForwardFactor() * Math.min(vix, vix3m));
    double rate = Math.max((w93 - w30) / (VIX3M_DAYS - VIX_DAYS), floorRate);
    if (days <= VIX3M_DAYS) {
      return w30 + rate * (days - VIX_DAYS);
    }
    double w = w30 + rate * (VIX3M_DAYS - VIX_DAYS);
    double longRun = sq(curveModel.longRunVix());
    double beyond = days - VIX3M_DAYS;
    double kappa = curveModel.meanReversionPerYear() / DAYS_PER_YEAR;
    double decay = kappa == 0 ? beyond : (1 - Math.exp(-kappa * beyond)) / kappa;
    return w + longRun * beyond + (rate - longRun) * decay;
  }

  /** SPX at the close of {@code date}, the PM settlement value of SPXW options. */
  public Optional<BigDecimal> spxClose(LocalDate date) {
    return bar(date).map(b -> points(b.spxClose()));
  }

  @Override
  public Optional<BigDecimal> settlementPrice(String tradingClass, LocalDate expiry) {
    Check.notNull(tradingClass, "tradingClass");
    Optional<DailyBar> b = bar(expiry);
    switch (tradingClass) {
      case OptionContract.SPXW:
        return b.map(x -> points(x.spxClose()));
      case OptionContract.SPX_AM:
        return b.map(x -> points(x.spxOpen()));
      case OptionContract.VIX:
        return b.map(x -> points(x.vixOpen()));
      default:
        return Optional.empty();
    }
  }

  /** The listed strikes of an SPX-class expiry: every {@code step} from {@code lo} to {@code hi} around the forward. */
  private record StrikeGrid(double forward, double sd, double step, double lo, double hi) {
  }

  private StrikeGrid strikeGrid(Smile smile) {
    double fwd = smile.forward();
    double sd = smile.atm() * smile.sqrtYears();
    double step = config.strikeStep();
    double lo = Math.floor(fwd * Math.exp(-STRIKE_SIGMAS_DOWN * sd) / step) * step;
    double hi = Math.ceil(fwd * Math.exp(STRIKE_SIGMAS_UP * sd) / step) * step;
    return new StrikeGrid(fwd, sd, step, lo, hi);
  }

  private OptionChain buildSpxChain(String tradingClass, LocalDate expiry) {
    IndexLevels ix = indices();
    Smile smile = smile(tradingClass, expiry, ix);
    StrikeGrid g = strikeGrid(smile);
    List<BigDecimal> real = overlay.strikes(tradingClass, expiry, clock.now());
    if (real.isEmpty() && shared != null) {
      return sharedSpxChain(tradingClass, expiry, ix, smile, g);
    }
    List<OptionQuote> quotes = new ArrayList<>();
    java.util.Collection<BigDecimal> listed = new ArrayList<>();
    for (double k = Math.max(g.step(), g.lo()); k <= g.hi(); k += g.step()) {
      listed.add(BigDecimal.valueOf(k).stripTrailingZeros());
    }
    if (!real.isEmpty()) {
      // The grid and the real chain's strikes, each once (2900 and 2900.0 are one strike).
      listed = new java.util.TreeSet<>(listed);
      listed.addAll(real);
    }
    // In the chain's own order (right, then strike; the strikes ascend): its sort then only checks it.
    for (OptionRight r : OptionRight.values()) {
      for (BigDecimal strike : listed) {
        OptionContract c = new OptionContract("SPX", tradingClass, expiry, strike, r, 100);
        quotes.add(overlay.quote(c, clock.now()).orElseGet(() -> priceSpx(c, smile, ix)));
      }
    }
    return new OptionChain(tradingClass, expiry, ix.spx(), quotes);
  }

  /**
   * The chain of an expiry the overlay has no strikes for, its model quotes taken from the shared
   * memo when another market priced them at this instant (else priced here and left there). The
   * overlay is still asked for every series, as in {@link #buildSpxChain}: same quotes, same counts.
   */
  private OptionChain sharedSpxChain(String tradingClass, LocalDate expiry, IndexLevels ix, Smile smile,
      StrikeGrid g) {
    Instant now = clock.now();
    List<OptionQuote> model = shared.take(now, tradingClass, expiry);
    if (model == null) {
      List<BigDecimal> listed = new ArrayList<>();
      for (double k = Math.max(g.step(), g.lo()); k <= g.hi(); k += g.step()) {
        listed.add(BigDecimal.valueOf(k).stripTrailingZeros());
      }
      List<OptionQuote> priced = new ArrayList<>(2 * listed.size());
      for (OptionRight r : OptionRight.values()) {
        for (BigDecimal strike : listed) {
          priced.add(priceSpx(new OptionContract("SPX", tradingClass, expiry, strike, r, 100), smile, ix));
        }
      }
      model = List.copyOf(priced);
      shared.leave(now, tradingClass, expiry, model);
    }
    List<OptionQuote> quotes = new ArrayList<>(model.size());
    for (OptionQuote q : model) {
      quotes.add(overlay.quote(q.contract(), now).orElse(q));
    }
    return new OptionChain(tradingClass, expiry, ix.spx(), quotes);
  }

  /**
   * Shares the model's SPX-class chains with the other markets that share {@code memo}: markets
   * over the same history, configuration, intraday path and trading calendar (checked), whose
   * clocks pass the same instants (the books of one replay). A chain's model quotes are a function
   * of the instant, the class and the expiry for such markets; chains the overlay has strikes for
   * are not shared.
   *
   * @throws IllegalArgumentException when the memo serves markets over other inputs
   */
  public SimulatedMarket shareChains(ChainMemo memo) {
    Check.notNull(memo, "memo");
    memo.admit(inputs);
    this.shared = memo;
    return this;
  }

  /**
   * Model chains priced by one market for the others over the same inputs: kept until every
   * other sharer took it, at most {@code capacity} at a time (the oldest left go first; a market
   * that finds nothing prices the chain itself). Thread-safe.
   */
  public static final class ChainMemo {
    private record Key(Instant at, String tradingClass, LocalDate expiry) {
    }

    private static final class Entry {
      final List<OptionQuote> quotes;
      int takers;

      Entry(List<OptionQuote> quotes, int takers) {
        this.quotes = quotes;
        this.takers = takers;
      }
    }

    private final int sharers;
    private final int capacity;
    private final Map<Key, Entry> chains = new java.util.LinkedHashMap<>();
    private List<Object> inputs;
    private long pricedCount;
    private long takenCount;

    /**
     * A memo for {@code sharers} markets keeping at most {@code capacity} chains.
     *
     * @param sharers  how many markets share it (2 or more)
     * @param capacity how many chains it keeps at most
     */
    public ChainMemo(int sharers, int capacity) {
      Check.isTrue(sharers >= 2, "sharers", "must be at least 2, but was " + sharers);
      this.sharers = sharers;
      this.capacity = Check.positive(capacity, "capacity");
    }

    synchronized void admit(List<Object> marketInputs) {
      if (inputs == null) {
        inputs = marketInputs;
        return;
      }
      for (int i = 0; i < inputs.size(); i++) {
        Check.isTrue(inputs.get(i) == marketInputs.get(i), "memo",
            "serves markets over the same history, configuration, path and calendar only");
      }
    }

    synchronized List<OptionQuote> take(Instant at, String tradingClass, LocalDate expiry) {
      Key k = new Key(at, tradingClass, expiry);
      Entry e = chains.get(k);
      if (e == null) {
        return null;
      }
      takenCount++;
      if (--e.takers <= 0) {
        chains.remove(k);
      }
      return e.quotes;
    }

    synchronized void leave(Instant at, String tradingClass, LocalDate expiry, List<OptionQuote> quotes) {
      pricedCount++;
      Key k = new Key(at, tradingClass, expiry);
      Entry kept = chains.putIfAbsent(k, new Entry(quotes, sharers - 1));
      // Another market priced the same chain at the same moment: this one needs it no more, so
      // the kept entry waits for one taker fewer (else it would stay until the capacity drops it).
      if (kept != null && --kept.takers <= 0) {
        chains.remove(k);
      }
      java.util.Iterator<Key> oldest = chains.keySet().iterator();
      while (chains.size() > capacity) {
        oldest.next();
        oldest.remove();
      }
    }

    /** How many chains were priced by a market and left for the others. */
    public synchronized long priced() {
      return pricedCount;
    }

    /** How many chains a market took instead of pricing them. */
    public synchronized long taken() {
      return takenCount;
    }

    /** How many chains it keeps now. */
    synchronized int size() {
      return chains.size();
    }
  }

  /**
   * The at-the-money vol of an SPX-class expiry as {@link MarketData#atmVol} defines it, pricing
   * only the model puts within {@value #ATM_BAND_SIGMAS} standard deviations of the forward, where
   * the put nearest 50 delta lies (the model's put delta falls with the strike). It falls back to
   * the whole chain when the chain is already built, when real quotes overlay the expiry, or when
   * the nearest put sits on the band's edge (then the band may not contain it).
   */
  @Override
  public OptionalDouble atmVol(String tradingClass, LocalDate expiry) {
    requireKnown(tradingClass);
    Check.notNull(expiry, "expiry");
    refresh();
    if (OptionContract.VIX.equals(tradingClass) || chainCache.containsKey(tradingClass + " " + expiry)
        || !overlay.strikes(tradingClass, expiry, clock.now()).isEmpty()) {
      return MarketData.super.atmVol(tradingClass, expiry);
    }
    IndexLevels ix = indices();
    Smile smile = smile(tradingClass, expiry, ix);
    StrikeGrid g = strikeGrid(smile);
    double bandLo = g.forward() * Math.exp(-ATM_BAND_SIGMAS * g.sd());
    double bandHi = g.forward() * Math.exp(ATM_BAND_SIGMAS * g.sd());
    List<OptionQuote> puts = new ArrayList<>();
    // The same strikes, in the same order, as the chain lists (buildSpxChain).
    for (double k = Math.max(g.step(), g.lo()); k <= g.hi(); k += g.step()) {
      if (k >= bandLo && k <= bandHi) {
        BigDecimal strike = BigDecimal.valueOf(k).stripTrailingZeros();
        puts.add(priceSpx(new OptionContract("SPX", tradingClass, expiry, strike, OptionRight.PUT, 100), smile, ix));
      }
    }
    if (puts.size() < 3) {
      return MarketData.super.atmVol(tradingClass, expiry);
    }
    OptionChain band = new OptionChain(tradingClass, expiry, ix.spx(), puts);
    OptionQuote nearest = band.nearestDelta(OptionRight.PUT, 0.5).orElseThrow();
    if (nearest == puts.get(0) || nearest == puts.get(puts.size() - 1)) {
      return MarketData.super.atmVol(tradingClass, expiry);
    }
    return nearest.iv() > 0 ? OptionalDouble.of(nearest.iv()) : OptionalDouble.empty();
  }

  private OptionChain buildVixChain(LocalDate expiry) {
    double years = Math.max(yearsTo(OptionContract.VIX, expiry), 0.0);
    OptionalDouble fut = vxFuture(expiry);
    Check.isTrue(fut.isPresent(), "expiry", "must be a VIX expiration from today on, but was " + expiry);
    double f = fut.getAsDouble();
    List<OptionQuote> quotes = new ArrayList<>();
    List<BigDecimal> strikes = vixStrikes(f);
    // In the chain's own order (right, then strike): its sort then only checks it.
    for (OptionRight r : OptionRight.values()) {
      for (BigDecimal strike : strikes) {
        quotes.add(priceVix(OptionContract.vix(expiry, strike, r), f, years));
      }
    }
    return new OptionChain(OptionContract.VIX, expiry, f, quotes);
  }

  /** The listed VIX strikes around future {@code f}. */
  List<BigDecimal> vixStrikes(double f) {
    double fine = vixModel.strikeStep();
    double wide = vixModel.wideStrikeStep();
    double hi = f * vixModel.highestStrikeFactor();
    double k = Math.max(fine, Math.floor(f * vixModel.lowestStrikeFactor() / fine) * fine);
    if (k > vixModel.fineStrikesUpTo()) {
      k = Math.ceil(k / wide) * wide;
    }
    List<BigDecimal> out = new ArrayList<>();
    while (k <= hi + 1e-9) {
      out.add(BigDecimal.valueOf(k).stripTrailingZeros());
      k = k < vixModel.fineStrikesUpTo() - 1e-9 ? k + fine : Math.floor(k / wide + 1 + 1e-9) * wide;
    }
    return out;
  }

  private OptionQuote priceSpx(OptionContract c, Smile smile, IndexLevels ix) {
    double k = c.strike().doubleValue();
    double z = Math.log(k / smile.forward()) / smile.stdDev();
    double vol = smileVol(smile, z);
    BlackInputs in = BlackInputs.fromSpot(ix.spx(), rate(), dividendYield(), smile.years(), vol, k, c.right());
    OptionGreeks g = pricer.greeks(in);
    double px = Math.max(g.price(), 0.0);
    // Market makers quote a whole number of ticks wide: the width is rounded first, then placed.
    // In whole ticks and cents (long arithmetic: this runs for every quote of every chain).
    long widthTicks = Math.max(1, Math.round(spxSpread(px, smile.spreadScale(), z) / spreadModel.tick()));
    long bidTicks = Math.max(0, Math.round((px - widthTicks * spreadModel.tick() / 2) / spreadModel.tick()));
    BigDecimal bid = BigDecimal.valueOf(bidTicks * tickCents, 2);
    BigDecimal ask = BigDecimal.valueOf((bidTicks + widthTicks) * tickCents, 2);
    return new OptionQuote(c, bid, ask, vol, g.spotDelta(), g.spotGamma(), g.vega(), g.theta());
  }

  /**
   * The SPX bid/ask width, points, of an option worth {@code price} at standardized moneyness
   * {@code z}, where {@code scale} carries the days-to-expiry and VIX factors ({@link MarketConfig.Spread}).
   */
  private double spxSpread(double price, double scale, double z) {
    double w = scale * Math.pow(price, spreadModel.priceExponent())
        * Math.exp(spreadModel.moneynessExponent() * Math.abs(z));
    w = Math.min(w, Math.min(spreadModel.maxSpread(), spreadModel.maxPriceFraction() * price));
    return Math.max(w, spreadModel.minSpread());
  }

  /**
   * The SPX bid/ask width, points, of an option worth {@code price} at standardized moneyness
   * {@code z} (ln(K/F) over ATM vol x sqrt(years)), {@code days} to expiry and VIX {@code vix}.
   */
  public double spxSpread(double price, double days, double vix, double z) {
    return spxSpread(price, spreadScale(days, vix), z);
  }

  private double spreadScale(double days, double vix) {
    return spreadModel.coefficient() * Math.pow(Math.max(days, 1.0) / VIX_DAYS, spreadModel.dteExponent())
        * Math.pow(vix / spreadModel.refVix(), spreadModel.vixExponent());
  }


  /**
   * The smile's vol at standardized moneyness {@code z} ({@link MarketConfig.Surface}). Each wing
   * is a parabola in |z| up to its vertex and flat beyond it, so the vol keeps its direction away
   * from the money (no call wing turning up past the data, deltas stay monotone in the strike).
   */
  private double smileVol(Smile smile, double z) {
    double u = Math.abs(z);
    double a = z < 0 ? smile.putSlope() : -smile.callSlope();
    double c = z < 0 ? surface.putCurvature() : surface.callCurvature();
    if (a * c < 0) {
      u = Math.min(u, -a / (2 * c));
    }
    double tilt = Math.min(surface.maxVolFactor(), Math.max(surface.minVolFactor(), 1 + a * u + c * u * u));
    return Math.min(smile.atm() * tilt, BlackInputs.MAX_VOL);
  }

  /**
   * The model implied vol of the SPX surface now at strike {@code strike} of {@code expiry}
   * ({@code SPXW} or {@code SPX}), the vol {@link #quote} prices with.
   */
  public double spxVol(String tradingClass, LocalDate expiry, double strike) {
    refresh();
    Smile smile = smile(tradingClass, expiry, indices());
    return smileVol(smile, Math.log(strike / smile.forward()) / smile.stdDev());
  }

  /** The SPX forward now to {@code expiry}, as the surface uses it. */
  public double spxForward(String tradingClass, LocalDate expiry) {
    refresh();
    return smile(tradingClass, expiry, indices()).forward();
  }

  /** Everything about one SPX expiry that does not depend on the strike. */
  private record Smile(
      double years, double forward, double atm, double sqrtYears, double stdDev, double putSlope, double callSlope,
      double spreadScale) {
  }

  private Smile smile(String tradingClass, LocalDate expiry, IndexLevels ix) {
    Map<LocalDate, Smile> cache = OptionContract.SPXW.equals(tradingClass) ? spxwSmiles : spxAmSmiles;
    Smile s = cache.get(expiry);
    if (s == null) {
      double years = Math.max(yearsTo(tradingClass, expiry), 0.0);
      double days = Math.max(years * DAYS_PER_YEAR, 1.0);
      double atm = atmVol(ix.vix(), ix.vix3m(), vix9d(), days);
      double sqrtYears = Math.sqrt(days / DAYS_PER_YEAR);
      double term = Math.pow(days / VIX_DAYS, surface.skewTermExponent());
      s = new Smile(years, forward(ix.spx(), years), atm, sqrtYears, atm * sqrtYears, surface.putSlope() * term,
          surface.callSlope() * term, spreadScale(days, ix.vix()));
      cache.put(expiry, s);
    }
    return s;
  }

  /**
   * VIX9D now: VIX now times the day's VIX9D/VIX close ratio, moving from the previous day's
   * ratio to today's through the session; NaN when the history has no VIX9D for the day.
   */
  double vix9d() {
    refresh();
    if (!vix9dKnown) {
      cachedVix9d = computeVix9d();
      vix9dKnown = true;
    }
    return cachedVix9d;
  }

  private double computeVix9d() {
    ZonedDateTime t = clock.marketTime();
    Map.Entry<LocalDate, Double> e = vix9dRatioByDay.floorEntry(t.toLocalDate());
    Map.Entry<LocalDate, DailyBar> bar = bars.floorEntry(t.toLocalDate());
    if (e == null || bar == null || !e.getKey().equals(bar.getKey())) {
      return Double.NaN;
    }
    double ratio = e.getValue();
    if (e.getKey().equals(t.toLocalDate())) {
      Map.Entry<LocalDate, Double> prev = vix9dRatioByDay.lowerEntry(e.getKey());
      if (prev != null) {
        ratio = interp(prev.getValue(), ratio, sessionFraction(t.toLocalTime()));
      }
    }
    return indices().vix() * ratio;
  }

  /**
   * SPX at-the-money implied vol (a fraction) {@code days} ahead from VIX9D (NaN: none), VIX and
   * VIX3M ({@link MarketConfig.Surface}).
   */
  public double atmVol(double vix, double vix3m, double vix9d, double days) {
    double d = Math.max(days, 1.0);
    double v30 = surface.vixRatio() * vix / 100;
    double v93 = surface.vix3mRatio() * vix3m / 100;
    double w30 = sq(v30) * VIX_DAYS;
    double w93 = sq(v93) * VIX3M_DAYS;
    double totalVar;
    if (d <= VIX_DAYS) {
      if (Double.isNaN(vix9d)) {
        return v30;
      }
      double v9 = surface.vix9dRatio() * vix9d / 100;
      if (d <= VIX9D_DAYS) {
        return v9;
      }
      double w9 = sq(v9) * VIX9D_DAYS;
      double rate = Math.max((w30 - w9) / (VIX_DAYS - VIX9D_DAYS), sq(surface.minForwardFactor() * Math.min(v9, v30)));
      totalVar = w9 + rate * (d - VIX9D_DAYS);
    } else {
      double rate = Math.max((w93 - w30) / (VIX3M_DAYS - VIX_DAYS),
          sq(surface.minForwardFactor() * Math.min(v30, v93)));
      totalVar = w30 + rate * (d - VIX_DAYS);
    }
    return Math.sqrt(totalVar / d);
  }

  private OptionQuote priceVix(OptionContract c, double future, double years) {
    double k = c.strike().doubleValue();
    IndexLevels ix = indices();
    double vol = vixVol(ix.vix(), ix.vix3m(), years * DAYS_PER_YEAR, k, future);
    OptionGreeks g = pricer.greeks(BlackInputs.onFuture(future, rate(), years, vol, k, c.right()));
    double px = Math.max(g.price(), 0.0);
    double spread = Math.min(vixModel.maxSpread(), Math.max(vixModel.minSpread(), px * vixModel.spreadPct() / 100.0));
    double b = Math.max(px - spread / 2, 0.0);
    BigDecimal bid = onTick(b, vixTick(b), RoundingMode.FLOOR);
    double a = px + spread / 2;
    BigDecimal ask = onTick(a, vixTick(a), RoundingMode.CEILING).max(bid.add(vixTick(bid.doubleValue())));
    return new OptionQuote(c, bid, ask, vol, g.delta(), g.gamma(), g.vega(), g.theta());
  }

  /**
   * Vol-of-vol at {@code vix} with VIX3M at {@code vix3m}, {@code days} to expiry, with the upward
   * skew at strike {@code k} of the future {@code future} ({@link MarketConfig.VixOptions}): the
   * 30-day level rises with VIX and, when the curve is inverted (VIX above VIX3M), by
   * {@code volOfVolInversion} per unit of VIX/VIX3M - 1.
   */
  double vixVol(double vix, double vix3m, double days, double k, double future) {
    double level = vixModel.volOfVolBase() + vixModel.volOfVolSlope() * (vix - vixModel.volOfVolRefVix());
    double inversion = Math.max(0.0, vix / vix3m - 1);
    level *= 1 + vixModel.volOfVolInversion() * inversion;
    double term = Math.pow(VIX_DAYS / Math.max(days, MIN_VOL_DAYS), vixModel.volOfVolTermDecay());
    double atm = Math.min(vixModel.volOfVolMax(), Math.max(vixModel.volOfVolMin(), level * term));
    double skewed = atm * Math.max(vixModel.minSkewFactor(), 1 + vixModel.skew() * Math.log(k / future));
    return Math.min(skewed, BlackInputs.MAX_VOL);
  }

  private BigDecimal vixTick(double price) {
    return BigDecimal.valueOf(price < vixModel.tickBreak() ? vixModel.smallTick() : vixModel.largeTick());
  }

  /** Years from now to settlement: SPXW at 16:00 New York, SPX monthly and VIX at the 9:30 open. */
  private double yearsTo(String tradingClass, LocalDate expiry) {
    boolean close = OptionContract.SPXW.equals(tradingClass);
    // The settlement instant of an expiry never changes: kept, not rebuilt through the time zone
    // rules for every quote (a six-year replay asks this some two million times).
    Instant settle = (close ? closeSettlements : openSettlements).computeIfAbsent(expiry,
        d -> d.atTime(close ? CLOSE : OPEN).atZone(Clock.MARKET_ZONE).toInstant());
    return Duration.between(clock.now(), settle).toSeconds() / (DAYS_PER_YEAR * 86_400);
  }

  private double forward(double spot, double years) {
    return spot * Math.exp((rate() - dividendYield()) * years);
  }

  private double rate() {
    return config.ratePct() / 100.0;
  }

  private double dividendYield() {
    return config.dividendYieldPct() / 100.0;
  }

  private void refresh() {
    Instant now = clock.now();
    if (!now.equals(cachedAt)) {
      chainCache.clear();
      modelQuotes.clear();
      vxCache.clear();
      spxwSmiles.clear();
      spxAmSmiles.clear();
      vix9dKnown = false;
      cachedIndices = null;
      cachedAt = now;
    }
  }

  private static double sessionFraction(LocalTime t) {
    if (!t.isAfter(OPEN)) {
      return 0.0;
    }
    if (!t.isBefore(CLOSE)) {
      return 1.0;
    }
    return Duration.between(OPEN, t).toSeconds() / (double) Duration.between(OPEN, CLOSE).toSeconds();
  }

  private static double interp(double open, double close, double f) {
    if (f <= 0) {
      return open;
    }
    if (f >= 1) {
      return close;
    }
    return open * Math.pow(close / open, f);
  }

  /**
   * {@code price} as a multiple of {@code tick}, rounded with {@code mode}: the same value and
   * scale as {@code BigDecimal.valueOf(price).divide(tick, 0, mode).multiply(tick)}, which writes
   * the double out as text and was a quarter of a sweep's CPU time (every strike of every chain).
   * Away from a rounding boundary the double quotient picks the same multiple, so only a quotient
   * within 1e-6 of a boundary (or a mode other than FLOOR, CEILING and HALF_*) takes that exact path.
   */
  static BigDecimal onTick(double price, BigDecimal tick, RoundingMode mode) {
    double q = price / tick.doubleValue();
    if (Math.abs(q) < 1e7) {
      double n = Double.NaN;
      switch (mode) {
        case FLOOR, CEILING -> {
          if (Math.abs(q - Math.rint(q)) > 1e-6) {
            n = mode == RoundingMode.FLOOR ? Math.floor(q) : Math.ceil(q);
          }
        }
        case HALF_UP, HALF_DOWN, HALF_EVEN -> {
          if (Math.abs(q - (Math.floor(q) + 0.5)) > 1e-6) {
            n = Math.rint(q);
          }
        }
        default -> {
          // exact path below
        }
      }
      if (!Double.isNaN(n)) {
        return BigDecimal.valueOf((long) n).multiply(tick);
      }
    }
    return BigDecimal.valueOf(price).divide(tick, 0, mode).multiply(tick);
  }

  private static BigDecimal points(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN);
  }

  private static double sq(double v) {
    return v * v;
  }

  private static boolean isKnown(String tradingClass) {
    return OptionContract.SPXW.equals(tradingClass) || OptionContract.SPX_AM.equals(tradingClass)
        || OptionContract.VIX.equals(tradingClass);
  }

  private static void requireKnown(String tradingClass) {
    Check.isTrue(isKnown(tradingClass), "tradingClass",
        "must be one of [SPXW, SPX, VIX] in the simulated market, but was '" + tradingClass + "'");
  }
}
