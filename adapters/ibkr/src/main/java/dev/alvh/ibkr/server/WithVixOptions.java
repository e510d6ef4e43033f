package dev.alvh.ibkr.server;

import dev.alvh.core.Check;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A market with VIX options added, for serving a market that quotes only SPXW (the simulated
 * market) over the TWS protocol, so an L1 hedge (a VIX call) can be traded through
 * {@code paper-tws}. Everything else is delegated.
 *
 * <p>Deliberately simple, fixed model (a demo and test fixture, not a strategy input):
 * <ul>
 *   <li>expirations: the Wednesday 30 days before the next month's third Friday, for the next
 *       {@value #MONTHS} months (holiday shifts ignored);</li>
 *   <li>VX future of an expiry: the delegate's own if it has one, else VIX and VIX3M interpolated
 *       linearly in days between 30 and 93 days (flat outside);</li>
 *   <li>strikes 10 to 60 by 1; Black-76 on that future at {@value #VOL_OF_VOL} volatility, rate 0;
 *       bid/ask around the model price on the 0.05 grid, one tick apart at least.</li>
 * </ul>
 */
public final class WithVixOptions implements MarketData {

  static final int MONTHS = 6;
  static final double VOL_OF_VOL = 0.85;
  private static final BigDecimal TICK = new BigDecimal("0.05");
  private static final int MIN_STRIKE = 10;
  private static final int MAX_STRIKE = 60;

  private final MarketData delegate;
  private final Clock clock;
  private final Black76Pricer pricer = Black76Pricer.DEFAULT;

  /** {@code delegate} with VIX options read at {@code clock}'s time. */
  public WithVixOptions(MarketData delegate, Clock clock) {
    this.delegate = Check.notNull(delegate, "delegate");
    this.clock = Check.notNull(clock, "clock");
  }

  @Override
  public IndexLevels indices() {
    return delegate.indices();
  }

  @Override
  public List<LocalDate> expirations(String tradingClass) {
    if (!OptionContract.VIX.equals(tradingClass)) {
      return delegate.expirations(tradingClass);
    }
    LocalDate today = clock.marketDate();
    List<LocalDate> out = new ArrayList<>();
    for (int m = 0; m <= MONTHS; m++) {
      LocalDate e = vixExpiry(today.plusMonths(m));
      if (!e.isBefore(today)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The VIX expiry tied to {@code month}: 30 days before the next month's third Friday. */
  static LocalDate vixExpiry(LocalDate month) {
    LocalDate next = month.plusMonths(1).withDayOfMonth(1);
    LocalDate thirdFriday = next.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
    return thirdFriday.minusDays(30);
  }

  @Override
  public OptionChain chain(String tradingClass, LocalDate expiry) {
    if (!OptionContract.VIX.equals(tradingClass)) {
      return delegate.chain(tradingClass, expiry);
    }
    double f = vxFuture(expiry).orElseThrow();
    List<OptionQuote> quotes = new ArrayList<>();
    for (int k = MIN_STRIKE; k <= MAX_STRIKE; k++) {
      for (OptionRight r : OptionRight.values()) {
        price(OptionContract.vix(expiry, BigDecimal.valueOf(k), r)).ifPresent(quotes::add);
      }
    }
    return new OptionChain(tradingClass, expiry, f, quotes);
  }

  @Override
  public OptionalDouble vxFuture(LocalDate expiry) {
    OptionalDouble own = delegate.vxFuture(expiry);
    if (own.isPresent()) {
      return own;
    }
    IndexLevels ix = delegate.indices();
    double days = Math.max(0, Duration.between(clock.now(), expiry.atTime(LocalTime.of(9, 0))
        .atZone(Clock.MARKET_ZONE).toInstant()).toHours() / 24.0);
    double w = Math.min(1.0, Math.max(0.0, (days - 30) / 63.0));
    return OptionalDouble.of(ix.vix() + (ix.vix3m() - ix.vix()) * w);
  }

  @Override
  public Optional<OptionQuote> quote(OptionContract contract) {
    if (!OptionContract.VIX.equals(contract.tradingClass())) {
      return delegate.quote(contract);
    }
    int k = contract.strike().intValue();
    if (contract.strike().stripTrailingZeros().scale() > 0 || k < MIN_STRIKE || k > MAX_STRIKE
        || !expirations(OptionContract.VIX).contains(contract.expiry())) {
      return Optional.empty();
    }
    return price(contract);
  }

  private Optional<OptionQuote> price(OptionContract c) {
    double f = vxFuture(c.expiry()).orElseThrow();
    double years = Duration.between(clock.now(), c.expiry().atTime(LocalTime.of(9, 0)).atZone(Clock.MARKET_ZONE)
        .toInstant()).toSeconds() / (365.0 * 86_400);
    if (years <= 0) {
      return Optional.empty();
    }
    OptionGreeks g = pricer.greeks(BlackInputs.onFuture(f, 0.0, years, VOL_OF_VOL, c.strike().doubleValue(),
        c.right()));
    BigDecimal mid = BigDecimal.valueOf(Math.max(g.price(), 0.0));
    BigDecimal bid = mid.subtract(TICK).max(BigDecimal.ZERO).divide(TICK, 0, RoundingMode.FLOOR).multiply(TICK);
    BigDecimal ask = mid.add(TICK).divide(TICK, 0, RoundingMode.CEILING).multiply(TICK).max(bid.add(TICK));
    return Optional.of(new OptionQuote(c, bid, ask, VOL_OF_VOL, g.delta(), g.gamma(), g.vega(), g.theta()));
  }
}
