package dev.alvh.paper.chains;

import dev.alvh.core.Check;
import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.Clock;
import dev.alvh.core.pricing.Black76Pricer;
import dev.alvh.core.pricing.BlackInputs;
import dev.alvh.core.pricing.ImpliedVolatilityException;
import dev.alvh.core.pricing.OptionGreeks;
import dev.alvh.paper.market.QuoteOverlay;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Real quotes for one simulated market (one replay book): on a quote date of the
 * {@link ChainIndex}, from that day's {@code servedFrom} instant (the replay's last scheduled
 * cycle) to the end of the day, SPX and SPXW options the files quote are quoted from them;
 * every other request falls through to the model. It counts each request: quoted from a real
 * chain, from the model on a chain day (the files lack the contract), or from the model on
 * another day. Not thread-safe, like the market it serves.
 *
 * <p>A real quote keeps the file's bid and ask. Its implied volatility is the Black-76 inversion
 * of the mid against the put-call-parity forward of its chain (median of
 * {@value #PARITY_STRIKES} strikes nearest the file's underlying level that have both a call and
 * a put; the file's level grown at {@code market.ratePct - market.dividendYieldPct} when no
 * strike has both), discounted at {@code market.ratePct}; where the mid cannot be inverted (below
 * intrinsic) the file's own implied volatility, else 0. The greeks follow from that volatility at
 * the file's level, so a real quote's delta is the market's, not the model's.
 *
 * <p>Listing on a chain day: the files' expirations of a class replace the model's between the
 * first and last expiration the files have; outside that range (the sample keeps 7 to 120 days)
 * the model's stay. The strikes of a chain are the model's grid plus every strike the file
 * quotes; strikes only the model lists are model-priced.
 */
public final class ChainOverlay implements QuoteOverlay {

  /** Strikes with a call and a put nearest the money used for the parity forward. */
  public static final int PARITY_STRIKES = 6;

  private static final double DAYS_PER_YEAR = 365.0;
  private static final LocalTime PM_SETTLE = LocalTime.of(16, 0);
  private static final LocalTime AM_SETTLE = LocalTime.of(9, 30);

  private final ChainIndex index;
  private final Function<LocalDate, Instant> servedFrom;
  private final double rate;
  private final double carry;
  private final Black76Pricer pricer = Black76Pricer.DEFAULT;

  private final Map<ChainQuote, OptionQuote> cache = new IdentityHashMap<>();
  private final Map<ExpiryChain, Double> forwards = new IdentityHashMap<>();
  private Instant cachedAt = Instant.MIN;
  private Instant dayAt = Instant.MIN;
  private LocalDate day;
  private boolean dayServed;

  private long realChain;
  private long modelOnChainDays;
  private long model;

  /**
   * An overlay of {@code index}.
   *
   * @param index      the real quotes
   * @param config     the market model (rate and dividend yield)
   * @param servedFrom for a quote date, the first instant its quotes are served (null: never)
   */
  public ChainOverlay(ChainIndex index, MarketConfig config, Function<LocalDate, Instant> servedFrom) {
    this.index = Check.notNull(index, "index");
    Check.notNull(config, "config");
    this.servedFrom = Check.notNull(servedFrom, "servedFrom");
    this.rate = config.ratePct() / 100.0;
    this.carry = (config.ratePct() - config.dividendYieldPct()) / 100.0;
  }

  /**
   * How the quotes of SPX-class options were made.
   *
   * @param realChain        from a real chain file
   * @param model            by the model, all of them
   * @param modelOnChainDays by the model while a chain file was served (the file lacks the contract)
   */
  public record Counts(long realChain, long model, long modelOnChainDays) {

    /** The sum of two counts. */
    public Counts plus(Counts o) {
      return new Counts(realChain + o.realChain, model + o.model, modelOnChainDays + o.modelOnChainDays);
    }
  }

  /** The counts so far. */
  public Counts counts() {
    return new Counts(realChain, model, modelOnChainDays);
  }

  @Override
  public Optional<OptionQuote> quote(OptionContract contract, Instant at) {
    if (!served(at)) {
      model++;
      return Optional.empty();
    }
    Optional<ExpiryChain> chain = index.chain(day, contract.tradingClass(), contract.expiry());
    Optional<ChainQuote> q = chain.flatMap(c -> c.find(contract.strike(), contract.right()));
    if (q.isEmpty()) {
      model++;
      modelOnChainDays++;
      return Optional.empty();
    }
    realChain++;
    if (!at.equals(cachedAt)) {
      cache.clear();
      cachedAt = at;
    }
    ChainQuote cq = q.get();
    OptionQuote out = cache.get(cq);
    if (out == null || !out.contract().equals(contract)) {
      out = price(contract, chain.get(), cq, at);
      cache.put(cq, out);
    }
    return Optional.of(out);
  }

  @Override
  public List<BigDecimal> strikes(String tradingClass, LocalDate expiry, Instant at) {
    if (!served(at)) {
      return List.of();
    }
    return index.chain(day, tradingClass, expiry).map(ExpiryChain::strikes).orElse(List.of());
  }

  @Override
  public List<LocalDate> expirations(String tradingClass, LocalDate day, List<LocalDate> model) {
    NavigableMap<LocalDate, ExpiryChain> real = index.expiries(day, tradingClass);
    if (real.isEmpty()) {
      return model;
    }
    // AM-settled SPX has settled by the time the day trades; SPXW of today is still listed.
    boolean am = OptionContract.SPX_AM.equals(tradingClass);
    TreeSet<LocalDate> out = new TreeSet<>();
    for (LocalDate e : real.keySet()) {
      if (am ? e.isAfter(day) : !e.isBefore(day)) {
        out.add(e);
      }
    }
    LocalDate first = real.firstKey();
    LocalDate last = real.lastKey();
    for (LocalDate e : model) {
      if (e.isBefore(first) || e.isAfter(last)) {
        out.add(e);
      }
    }
    return List.copyOf(out);
  }

  /** True when {@code at} falls on a chain day at or after its first served instant; sets {@link #day}. */
  private boolean served(Instant at) {
    if (!at.equals(dayAt)) {
      dayAt = at;
      day = at.atZone(Clock.MARKET_ZONE).toLocalDate();
      Instant from = index.has(day) ? servedFrom.apply(day) : null;
      dayServed = from != null && !at.isBefore(from);
    }
    return dayServed;
  }

  private OptionQuote price(OptionContract c, ExpiryChain chain, ChainQuote q, Instant at) {
    double years = yearsTo(c, at);
    double fwd = forward(chain, years);
    double spot = q.underlying();
    double k = q.strike().doubleValue();
    double chainCarry = years > 0 ? clamp(Math.log(fwd / chain.underlying()) / years) : 0.0;
    // The forward of this quote's own level (a file's level can differ between rows of a chain).
    double f = spot * Math.exp(chainCarry * Math.max(years, 0.0));
    BlackInputs in = new BlackInputs(f, k, years, 0.0, rate, chainCarry, c.right());
    double vol;
    try {
      vol = Math.min(pricer.impliedVol(q.mid(), in), BlackInputs.MAX_VOL);
    } catch (ImpliedVolatilityException e) {
      vol = Double.isFinite(q.vendorIv()) ? Math.min(q.vendorIv(), BlackInputs.MAX_VOL) : 0.0;
    }
    OptionGreeks g = pricer.greeks(in.withVol(vol));
    return new OptionQuote(c, q.bid(), q.ask(), vol, g.spotDelta(), g.spotGamma(), g.vega(), g.theta());
  }

  /** The put-call-parity forward of {@code chain}, cached per chain. */
  private double forward(ExpiryChain chain, double years) {
    Double f = forwards.get(chain);
    if (f == null) {
      f = parityForward(chain, years, rate, carry);
      forwards.put(chain, f);
    }
    return f;
  }

  /**
   * The median of {@code K + (C - P) * exp(rate * years)} over the {@value #PARITY_STRIKES}
   * strikes nearest the chain's underlying level that have a call and a put; without such a
   * strike, the level grown at {@code carry}.
   */
  static double parityForward(ExpiryChain chain, double years, double rate, double carry) {
    double s = chain.underlying();
    NavigableMap<BigDecimal, ChainQuote> calls = chain.of(OptionRight.CALL);
    NavigableMap<BigDecimal, ChainQuote> puts = chain.of(OptionRight.PUT);
    List<BigDecimal> both = new ArrayList<>();
    for (BigDecimal k : calls.keySet()) {
      if (puts.containsKey(k)) {
        both.add(k);
      }
    }
    if (both.isEmpty() || years <= 0) {
      return s * Math.exp(carry * Math.max(years, 0.0));
    }
    both.sort(Comparator.comparingDouble(k -> Math.abs(k.doubleValue() - s)));
    int n = Math.min(PARITY_STRIKES, both.size());
    double growth = Math.exp(rate * years);
    double[] fs = new double[n];
    for (int i = 0; i < n; i++) {
      BigDecimal k = both.get(i);
      fs[i] = k.doubleValue() + (calls.get(k).mid() - puts.get(k).mid()) * growth;
    }
    Arrays.sort(fs);
    double median = n % 2 == 1 ? fs[n / 2] : (fs[n / 2 - 1] + fs[n / 2]) / 2;
    return median > 0 ? median : s * Math.exp(carry * years);
  }

  private static double yearsTo(OptionContract c, Instant at) {
    LocalTime settle = OptionContract.SPXW.equals(c.tradingClass()) ? PM_SETTLE : AM_SETTLE;
    Instant t = c.expiry().atTime(settle).atZone(Clock.MARKET_ZONE).toInstant();
    return Duration.between(at, t).toSeconds() / (DAYS_PER_YEAR * 86_400);
  }

  private static double clamp(double c) {
    return Math.max(-1.0, Math.min(1.0, c));
  }
}
