package dev.alvh.paper.market;

import dev.alvh.core.Check;
import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.pricing.Black76Pricer;
import dev.alvh.core.pricing.BlackInputs;
import dev.alvh.core.pricing.OptionGreeks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A market simulated from daily bars: index levels move from the open to the close through the
 * session, and SPXW options are priced with Black-76 off an implied-vol surface built from VIX
 * and VIX3M.
 *
 * <p>Surface: at-the-money total variance is interpolated linearly in days between the VIX
 * (30 days) and VIX3M (93 days) points, scaled by {@code market.atmVixRatio}; a put skew and a
 * call skew tilt it by log-moneyness. Bid and ask sit around the model price by
 * {@code market.spreadPct}, clamped to [minSpread, maxSpread] and put on the 0.05 grid.
 * SPXW expirations: Mondays, Wednesdays and Fridays before 2022-05-01, every weekday after,
 * trading days only.
 */
public final class SimulatedMarket implements MarketData {

  private static final LocalTime OPEN = LocalTime.of(9, 30);
  private static final LocalTime CLOSE = LocalTime.of(16, 0);
  private static final LocalDate DAILY_SPXW_FROM = LocalDate.of(2022, 5, 1);
  private static final BigDecimal TICK = new BigDecimal("0.05");
  private static final int LISTED_DAYS_AHEAD = 130;
  private static final double STRIKE_SIGMAS_DOWN = 4.0;
  private static final double STRIKE_SIGMAS_UP = 3.0;

  private final NavigableMap<LocalDate, DailyBar> bars;
  private final Clock clock;
  private final MarketConfig config;
  private final Predicate<LocalDate> tradingDay;
  private final Black76Pricer pricer = Black76Pricer.DEFAULT;

  /** Chains built at one instant; cleared when the clock moves. Accessed by the cycle thread only. */
  private final Map<LocalDate, OptionChain> chainCache = new HashMap<>();
  private Instant chainCacheAt = Instant.MIN;

  /**
   * A market over {@code bars}, read at {@code clock}'s time.
   *
   * @param bars       daily bars, one per trading day
   * @param clock      the time
   * @param config     model parameters
   * @param tradingDay which days are trading days (for listing expirations)
   */
  public SimulatedMarket(List<DailyBar> bars, Clock clock, MarketConfig config, Predicate<LocalDate> tradingDay) {
    Check.isTrue(!bars.isEmpty(), "bars", "must not be empty");
    this.bars = new TreeMap<>();
    bars.forEach(b -> this.bars.put(b.date(), b));
    this.clock = Check.notNull(clock, "clock");
    this.config = Check.notNull(config, "config");
    this.tradingDay = Check.notNull(tradingDay, "tradingDay");
  }

  /** The bars, ascending. */
  public List<DailyBar> bars() {
    return List.copyOf(bars.values());
  }

  /** The bar of {@code date}, if it is a day of the history. */
  public Optional<DailyBar> bar(LocalDate date) {
    return Optional.ofNullable(bars.get(date));
  }

  @Override
  public IndexLevels indices() {
    ZonedDateTime t = clock.marketTime();
    Map.Entry<LocalDate, DailyBar> e = bars.floorEntry(t.toLocalDate());
    if (e == null) {
      DailyBar first = bars.firstEntry().getValue();
      return new IndexLevels(clock.now(), first.spxOpen(), first.vixOpen(), first.vix3mOpen());
    }
    DailyBar b = e.getValue();
    double f = e.getKey().equals(t.toLocalDate()) ? sessionFraction(t.toLocalTime()) : 1.0;
    return new IndexLevels(clock.now(), interp(b.spxOpen(), b.spxClose(), f), interp(b.vixOpen(), b.vixClose(), f),
        interp(b.vix3mOpen(), b.vix3mClose(), f));
  }

  @Override
  public List<LocalDate> expirations(String tradingClass) {
    requireSpxw(tradingClass);
    LocalDate today = clock.marketDate();
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = today; !d.isAfter(today.plusDays(LISTED_DAYS_AHEAD)); d = d.plusDays(1)) {
      if (tradingDay.test(d) && isSpxwExpiryWeekday(d)) {
        out.add(d);
      }
    }
    return out;
  }

  @Override
  public OptionChain chain(String tradingClass, LocalDate expiry) {
    requireSpxw(tradingClass);
    Instant now = clock.now();
    if (!now.equals(chainCacheAt)) {
      chainCache.clear();
      chainCacheAt = now;
    }
    return chainCache.computeIfAbsent(expiry, this::buildChain);
  }

  @Override
  public Optional<OptionQuote> quote(OptionContract contract) {
    if (!OptionContract.SPXW.equals(contract.tradingClass())) {
      return Optional.empty();
    }
    IndexLevels ix = indices();
    double years = yearsTo(contract.expiry());
    if (years < 0) {
      return Optional.empty();
    }
    return Optional.of(price(contract, ix, years));
  }

  /** SPX at the close of {@code date}, the PM settlement value of SPXW options. */
  public Optional<BigDecimal> spxClose(LocalDate date) {
    return bar(date).map(b -> BigDecimal.valueOf(b.spxClose()).setScale(2, RoundingMode.HALF_EVEN));
  }

  private OptionChain buildChain(LocalDate expiry) {
    IndexLevels ix = indices();
    double years = Math.max(yearsTo(expiry), 0.0);
    double fwd = forward(ix.spx(), years);
    double sd = atmVol(ix, years) * Math.sqrt(Math.max(years, 1.0 / 365));
    double step = config.strikeStep();
    double lo = Math.floor(fwd * Math.exp(-STRIKE_SIGMAS_DOWN * sd) / step) * step;
    double hi = Math.ceil(fwd * Math.exp(STRIKE_SIGMAS_UP * sd) / step) * step;
    List<OptionQuote> quotes = new ArrayList<>();
    for (double k = Math.max(step, lo); k <= hi; k += step) {
      BigDecimal strike = BigDecimal.valueOf(k).stripTrailingZeros();
      for (OptionRight r : OptionRight.values()) {
        quotes.add(price(OptionContract.spxw(expiry, strike, r), ix, years));
      }
    }
    return new OptionChain(OptionContract.SPXW, expiry, ix.spx(), quotes);
  }

  private OptionQuote price(OptionContract c, IndexLevels ix, double years) {
    double k = c.strike().doubleValue();
    double fwd = forward(ix.spx(), years);
    double vol = skewedVol(ix, years, k, fwd);
    BlackInputs in = BlackInputs.fromSpot(ix.spx(), rate(), dividendYield(), years, vol, k, c.right());
    OptionGreeks g = pricer.greeks(in);
    double px = Math.max(g.price(), 0.0);
    double spread = Math.min(config.maxSpread(), Math.max(config.minSpread(), px * config.spreadPct() / 100.0));
    BigDecimal bid = onTick(Math.max(px - spread / 2, 0.0), RoundingMode.FLOOR);
    BigDecimal ask = onTick(px + spread / 2, RoundingMode.CEILING).max(bid.add(TICK));
    return new OptionQuote(c, bid, ask, vol, g.spotDelta(), g.spotGamma(), g.vega(), g.theta());
  }

  /** Years from now to 16:00 New York on {@code expiry} (SPXW settle at the close). */
  private double yearsTo(LocalDate expiry) {
    ZonedDateTime settle = expiry.atTime(CLOSE).atZone(Clock.MARKET_ZONE);
    return Duration.between(clock.now(), settle.toInstant()).toSeconds() / (365.0 * 86_400);
  }

  private double atmVol(IndexLevels ix, double years) {
    double days = Math.max(years * 365.0, 1.0);
    double v30 = sq(ix.vix() / 100) * 30;
    double v93 = sq(ix.vix3m() / 100) * 93;
    double totalVar = v30 + (v93 - v30) * (days - 30) / 63.0;
    double floor = sq(Math.min(ix.vix(), ix.vix3m()) / 100) * days * 0.25;
    return config.atmVixRatio() * Math.sqrt(Math.max(totalVar, floor) / days);
  }

  private double skewedVol(IndexLevels ix, double years, double strike, double fwd) {
    double atm = atmVol(ix, years);
    double m = Math.log(strike / fwd);
    double tilt = m < 0 ? -config.putSkew() * m : -config.callSkew() * m;
    return Math.max(atm * (1 + tilt), atm * 0.3);
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

  private static boolean isSpxwExpiryWeekday(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    if (!d.isBefore(DAILY_SPXW_FROM)) {
      return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }
    return w == DayOfWeek.MONDAY || w == DayOfWeek.WEDNESDAY || w == DayOfWeek.FRIDAY;
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
    return open * Math.pow(close / open, f);
  }

  private static BigDecimal onTick(double price, RoundingMode mode) {
    return BigDecimal.valueOf(price).divide(TICK, 0, mode).multiply(TICK);
  }

  private static double sq(double v) {
    return v * v;
  }

  private static void requireSpxw(String tradingClass) {
    Check.isTrue(OptionContract.SPXW.equals(tradingClass), "tradingClass",
        "must be SPXW in the simulated market, but was '" + tradingClass + "'");
  }
}
