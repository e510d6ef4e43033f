package dev.alvh.ibkr.broker;

import dev.alvh.core.Check;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.DailyClose;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import dev.alvh.ibkr.config.IbkrConfig;
import dev.alvh.ibkr.msg.ServerMessage;
import dev.alvh.ibkr.session.DaemonThreads;
import dev.alvh.ibkr.session.Ticker;
import dev.alvh.ibkr.session.TwsRequestException;
import dev.alvh.ibkr.session.TwsSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core {@link MarketData} over a {@link TwsSession}.
 *
 * <p>Indices (SPX, VIX, VIX3M) are streaming subscriptions, made on first use and again after
 * every reconnect or 1101. Expirations and strikes come from sec-def option parameters (cached
 * per day). A chain is a set of snapshots of the out-of-the-money strikes within
 * {@code broker.ibkr.chainWidthPct} of the underlying, run {@code maxConcurrentSnapshots} at a
 * time under the session's rate limiter; greeks are TWS's model option computation (tick 13, 83
 * delayed); a strike TWS does not list or does not quote with greeks is left out. Beyond the
 * underlying a few in-the-money strikes of each right are quoted too, up to the first with |delta|
 * 0.5, so the chain spans the at-the-money point of both rights. VIX chains and
 * VIX option greeks use the VX future of the same expiry as the underlying. Chains, quotes and VX
 * futures are reused for {@code quoteCacheSeconds}.
 */
public final class IbkrMarketData implements MarketData, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IbkrMarketData.class);

  /** A chain's in-the-money extension stops at the first strike with at least this |delta|. */
  static final double ATM_DELTA = 0.5;
  /** At most this many in-the-money strikes per right and chain. */
  static final int MAX_ATM_STRIKES = 12;

  private final TwsSession session;
  private final ContractResolver resolver;
  private final Clock clock;
  private final IbkrConfig cfg;
  private final ExecutorService pool;
  private final Map<String, Ticker> indexTickers = new ConcurrentHashMap<>();
  private final Map<Object, Cached<?>> cache = new ConcurrentHashMap<>();

  private record Cached<T>(Instant at, T value) {
  }

  /** Market data over {@code session}. */
  public IbkrMarketData(TwsSession session, ContractResolver resolver, Clock clock, IbkrConfig cfg) {
    this.session = Check.notNull(session, "session");
    this.resolver = Check.notNull(resolver, "resolver");
    this.clock = Check.notNull(clock, "clock");
    this.cfg = Check.notNull(cfg, "cfg");
    this.pool = Executors.newFixedThreadPool(Math.min(cfg.maxConcurrentSnapshots(), 16),
        DaemonThreads.named("ibkr-snapshots"));
  }

  @Override
  public IndexLevels indices() {
    return new IndexLevels(clock.now(), index("SPX"), index("VIX"), index("VIX3M"));
  }

  /** The level of an index from its streaming subscription, waiting for the first tick. */
  public double index(String symbol) {
    Ticker t = indexTickers.computeIfAbsent(symbol, s -> session.subscribe(Contracts.index(s), ""));
    long deadline = System.nanoTime() + Duration.ofSeconds(cfg.snapshotTimeoutSeconds()).toNanos();
    while (t.price().isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    OptionalDouble p = t.price();
    if (p.isEmpty()) {
      throw new TwsRequestException("no " + symbol + " quote from TWS within " + cfg.snapshotTimeoutSeconds()
          + " s (market data permissions? broker.ibkr.marketDataType " + cfg.marketDataType() + ")");
    }
    return p.getAsDouble();
  }

  @Override
  public List<LocalDate> expirations(String tradingClass) {
    LocalDate today = clock.marketDate();
    return resolver.chain(tradingClass).expirations().stream().filter(d -> !d.isBefore(today)).toList();
  }

  /** The strikes TWS lists for {@code tradingClass} (across expirations). */
  public List<Double> strikes(String tradingClass) {
    return resolver.chain(tradingClass).strikes();
  }

  @Override
  public OptionChain chain(String tradingClass, LocalDate expiry) {
    return cached("chain " + tradingClass + " " + expiry, () -> buildChain(tradingClass, expiry));
  }

  private OptionChain buildChain(String tradingClass, LocalDate expiry) {
    boolean vix = tradingClass.startsWith("VIX");
    double underlying = vix ? vxFuture(expiry).orElse(index("VIX")) : index("SPX");
    double width = (vix ? cfg.vixChainWidthPct() : cfg.chainWidthPct()) / 100.0;
    List<OptionContract> wanted = new ArrayList<>();
    String symbol = Contracts.underlyingOf(tradingClass);
    for (double k : strikes(tradingClass)) {
      BigDecimal strike = BigDecimal.valueOf(k).stripTrailingZeros();
      if (k <= underlying && k >= underlying * (1 - width)) {
        wanted.add(new OptionContract(symbol, tradingClass, expiry, strike, OptionRight.PUT, 100));
      }
      if (k >= underlying && k <= underlying * (1 + width)) {
        wanted.add(new OptionContract(symbol, tradingClass, expiry, strike, OptionRight.CALL, 100));
      }
    }
    List<Future<Optional<OptionQuote>>> futures = new ArrayList<>();
    for (OptionContract c : wanted) {
      futures.add(pool.submit(() -> quoteNow(c)));
    }
    List<OptionQuote> quotes = new ArrayList<>();
    for (Future<Optional<OptionQuote>> f : futures) {
      try {
        f.get().ifPresent(quotes::add);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof TwsRequestException t ? t
            : new TwsRequestException("chain " + tradingClass + " " + expiry + ": " + e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TwsRequestException("chain " + tradingClass + " " + expiry + " interrupted");
      }
    }
    List<Double> strikes = strikes(tradingClass);
    int atm = throughTheMoney(symbol, tradingClass, expiry, OptionRight.PUT,
        strikes.stream().filter(k -> k > underlying).sorted().toList(), quotes)
        + throughTheMoney(symbol, tradingClass, expiry, OptionRight.CALL,
        strikes.stream().filter(k -> k < underlying).sorted(java.util.Comparator.reverseOrder()).toList(), quotes);
    LOG.debug("Chain {} {}: {} of {} series quoted around {} ({} in the money)", tradingClass, expiry, quotes.size(),
        wanted.size() + atm, underlying, atm);
    return new OptionChain(tradingClass, expiry, underlying, quotes);
  }

  /**
   * Quotes in-the-money strikes of {@code right} next to the money, nearest first, until one has
   * |delta| at least {@value #ATM_DELTA} (at most {@value #MAX_ATM_STRIKES} listed strikes): the
   * chain then reaches across the at-the-money point of both rights, so a search for the 50-delta
   * option (the hedge's at-the-money volatility for beSigma) finds the strike a full chain would
   * give, as the in-process paper market's chains of every strike do.
   *
   * @return how many quotes were added to {@code quotes}
   */
  private int throughTheMoney(String symbol, String tradingClass, LocalDate expiry, OptionRight right,
      List<Double> nearestFirst, List<OptionQuote> quotes) {
    int added = 0;
    for (double k : nearestFirst) {
      if (added >= MAX_ATM_STRIKES) {
        break;
      }
      Optional<OptionQuote> q = quoteNow(new OptionContract(symbol, tradingClass, expiry,
          BigDecimal.valueOf(k).stripTrailingZeros(), right, 100));
      if (q.isEmpty()) {
        continue;
      }
      quotes.add(q.get());
      added++;
      if (Math.abs(q.get().delta()) >= ATM_DELTA) {
        break;
      }
    }
    return added;
  }

  /**
   * TWS codes of a market-data subscription the account lacks (354 not subscribed, 10090 part of
   * it not subscribed, 10167/10168 delayed data or none instead): an option snapshot refused with
   * one is no quote.
   */
  static final Set<Integer> NOT_SUBSCRIBED = Set.of(354, 10090, 10167, 10168);

  @Override
  public Optional<OptionQuote> quote(OptionContract contract) {
    return cached("quote " + contract.key(), () -> quoteNow(contract));
  }

  @Override
  public OptionalDouble vxFuture(LocalDate expiry) {
    return cached("vx " + expiry, () -> {
      try {
        return session.snapshot(Contracts.vxFuture(expiry), t -> t.bid().isPresent() && t.ask().isPresent()).price();
      } catch (TwsRequestException e) {
        LOG.debug("No VX future for {}: {}", expiry, e.getMessage());
        return OptionalDouble.empty();
      }
    });
  }

  /** Trading days per year, to turn a number of days into IB's year duration. */
  static final int TRADING_DAYS_PER_YEAR = 252;

  /**
   * The daily closes of index {@code symbol} on the last {@code days} trading days before today:
   * one reqHistoricalData of {@code 1 day} TRADES bars over whole years ({@code ceil(days / 252)
   * Y}, e.g. 504 days as {@code 2 Y}), regular hours; bars of today (a session still running) and
   * bars without a positive close are dropped.
   *
   * @throws TwsRequestException when TWS refuses (162 no data or pacing, 354 not subscribed) or
   *     does not answer within {@code broker.ibkr.historyTimeoutSeconds}
   */
  @Override
  public List<DailyClose> dailyHistory(String symbol, int days) {
    Check.notBlank(symbol, "symbol");
    if (days <= 0) {
      return List.of();
    }
    String duration = durationFor(days);
    ServerMessage.HistoricalData data = session.dailyBars(Contracts.index(symbol), duration);
    LocalDate today = clock.marketDate();
    List<DailyClose> closes = new ArrayList<>();
    for (ServerMessage.HistoricalBar b : data.bars()) {
      LocalDate date = barDate(b.date());
      if (date != null && date.isBefore(today) && b.close() > 0 && Double.isFinite(b.close())
          && (closes.isEmpty() || date.isAfter(closes.get(closes.size() - 1).date()))) {
        closes.add(new DailyClose(date, b.close()));
      }
    }
    LOG.debug("History {}: {} bars asked as {}, {} daily closes before {}", symbol, data.bars().size(), duration,
        closes.size(), today);
    return closes.size() > days ? List.copyOf(closes.subList(closes.size() - days, closes.size())) : closes;
  }

  /** IB's duration for {@code days} trading days: whole years, at least one. */
  static String durationFor(int days) {
    return Math.max(1, (days + TRADING_DAYS_PER_YEAR - 1) / TRADING_DAYS_PER_YEAR) + " Y";
  }

  /** The day of a daily bar ({@code yyyyMMdd}, possibly followed by a time), or null if unreadable. */
  static LocalDate barDate(String text) {
    if (text.length() < 8) {
      return null;
    }
    try {
      return LocalDate.parse(text.substring(0, 8), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private Optional<OptionQuote> quoteNow(OptionContract c) {
    Ticker t;
    try {
      t = session.snapshot(Contracts.option(c),
          x -> x.bid().isPresent() && x.ask().isPresent() && x.model().isPresent());
    } catch (TwsRequestException e) {
      if (e.code() == 200) {
        return Optional.empty(); // not listed: sec-def strikes are a union over expirations
      }
      if (NOT_SUBSCRIBED.contains(e.code())) {
        // no quote, not a failed cycle: the market-data watch has seen the error, alerts once and
        // stops new orders until real-time data returns
        LOG.debug("No quote for {}: {}", c.key(), e.getMessage());
        return Optional.empty();
      }
      throw e;
    }
    OptionalDouble bid = t.bid();
    OptionalDouble ask = t.ask();
    Optional<ServerMessage.TickOptionComputation> model = t.model();
    if (bid.isEmpty() || ask.isEmpty() || model.isEmpty() || model.get().delta().isEmpty()) {
      return Optional.empty();
    }
    ServerMessage.TickOptionComputation g = model.get();
    BigDecimal b = BigDecimal.valueOf(bid.getAsDouble());
    BigDecimal a = BigDecimal.valueOf(ask.getAsDouble()).max(b);
    return Optional.of(new OptionQuote(c, b, a, g.impliedVol().orElse(Double.NaN), g.delta().getAsDouble(),
        g.gamma().orElse(0.0), g.vega().orElse(0.0), g.theta().orElse(0.0)));
  }

  @SuppressWarnings("unchecked")
  private <T> T cached(Object key, java.util.function.Supplier<T> load) {
    Instant now = clock.now();
    Cached<?> c = cache.get(key);
    if (c != null && Duration.between(c.at(), now).toSeconds() < cfg.quoteCacheSeconds()
        && !now.isBefore(c.at())) {
      return (T) c.value();
    }
    T value = load.get();
    cache.put(key, new Cached<>(now, value));
    return value;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
