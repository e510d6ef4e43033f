package dev.alvh.core.testdata;

import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.pricing.Black76Pricer;
import dev.alvh.core.pricing.BlackInputs;
import dev.alvh.core.pricing.OptionGreeks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A small, fully controlled market for hedge tests: VIX options on monthly Wednesday expiries
 * priced with Black-76 off a VX curve that is {@code vix + slope x months} (or flat overrides),
 * strikes every 1.00 from 10 to 120, bid/ask 0.05 around the model; SPXW Friday expiries on SPX
 * with a flat 20% vol, strikes every 25 points.
 */
public final class FakeVixMarket implements MarketData {

  private static final Black76Pricer PRICER = Black76Pricer.DEFAULT;
  private static final BigDecimal TICK = new BigDecimal("0.05");

  public LocalDate today;
  public double vix = 16;
  public double spx = 4700;
  public double curveSlope = 1.0;
  public double vixVol = 0.9;
  public double spxVol = 0.20;
  public boolean vixListed = true;

  public FakeVixMarket(LocalDate today) {
    this.today = today;
  }

  /** The VX future of {@code expiry}: VIX plus the slope per 30 days to expiry. */
  public double vx(LocalDate expiry) {
    return vix + curveSlope * ChronoUnit.DAYS.between(today, expiry) / 30.0;
  }

  @Override
  public IndexLevels indices() {
    return new IndexLevels(Instant.EPOCH, spx, vix, vix + 2);
  }

  @Override
  public List<LocalDate> expirations(String tradingClass) {
    List<LocalDate> out = new ArrayList<>();
    if (OptionContract.VIX.equals(tradingClass)) {
      if (!vixListed) {
        return out;
      }
      LocalDate m = today.withDayOfMonth(1);
      for (int i = 0; i < 8; i++, m = m.plusMonths(1)) {
        LocalDate thirdFriday = m.plusMonths(1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
        LocalDate e = thirdFriday.minusDays(30);
        if (!e.isBefore(today)) {
          out.add(e);
        }
      }
      return out;
    }
    for (LocalDate d = today; d.isBefore(today.plusDays(130)); d = d.plusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.FRIDAY) {
        out.add(d);
      }
    }
    return out;
  }

  @Override
  public OptionChain chain(String tradingClass, LocalDate expiry) {
    List<OptionQuote> quotes = new ArrayList<>();
    if (OptionContract.VIX.equals(tradingClass)) {
      for (int k = 10; k <= 120; k++) {
        quotes.add(quote(OptionContract.vix(expiry, BigDecimal.valueOf(k), OptionRight.CALL)).orElseThrow());
      }
      return new OptionChain(tradingClass, expiry, vx(expiry), quotes);
    }
    for (int k = 3000; k <= 6000; k += 25) {
      quotes.add(quote(OptionContract.spxw(expiry, BigDecimal.valueOf(k), OptionRight.PUT)).orElseThrow());
      quotes.add(quote(OptionContract.spxw(expiry, BigDecimal.valueOf(k), OptionRight.CALL)).orElseThrow());
    }
    return new OptionChain(tradingClass, expiry, spx, quotes);
  }

  @Override
  public OptionalDouble vxFuture(LocalDate expiry) {
    return OptionalDouble.of(vx(expiry));
  }

  @Override
  public Optional<OptionQuote> quote(OptionContract c) {
    double years = Math.max(ChronoUnit.DAYS.between(today, c.expiry()), 0) / 365.0;
    boolean isVix = OptionContract.VIX.equals(c.tradingClass());
    double under = isVix ? vx(c.expiry()) : spx;
    double k = c.strike().doubleValue();
    OptionGreeks g;
    if (years <= 0) {
      double intrinsic = c.right() == OptionRight.CALL ? Math.max(under - k, 0) : Math.max(k - under, 0);
      g = new OptionGreeks(intrinsic, 0, 0, 0, 0, 0, 0);
    } else {
      g = PRICER.greeks(BlackInputs.onFuture(under, 0, years, isVix ? vixVol : spxVol, k, c.right()));
    }
    BigDecimal mid = BigDecimal.valueOf(g.price()).setScale(2, RoundingMode.HALF_EVEN);
    BigDecimal bid = mid.subtract(TICK).max(BigDecimal.ZERO);
    BigDecimal ask = mid.add(TICK);
    return Optional.of(new OptionQuote(c, bid, ask, isVix ? vixVol : spxVol, g.delta(), g.gamma(), g.vega(), g.theta()));
  }
}
