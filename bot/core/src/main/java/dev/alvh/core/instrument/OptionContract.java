package dev.alvh.core.instrument;

import dev.alvh.core.Check;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One listed option series, resolved to the facts an order needs.
 *
 * <p>Example: the SPXW 4500 put expiring 2024-03-15 is
 * {@code OptionContract.of("SPX", "SPXW", 2024-03-15, 4500, PUT, 100)}; one contract moves
 * 100 USD per index point. The {@code expiry} is the true expiration date (for AM-settled SPX
 * the Friday, not IB's Thursday last-trade date).
 *
 * @param symbol       the underlying symbol, {@code SPX} or {@code VIX}
 * @param tradingClass {@code SPXW}, {@code SPX} or {@code VIX}
 * @param expiry       the expiration date
 * @param strike       the strike in index points, positive
 * @param right        call or put
 * @param multiplier   USD per point per contract (100 for SPX and VIX options)
 */
public record OptionContract(
    String symbol, String tradingClass, LocalDate expiry, BigDecimal strike, OptionRight right, int multiplier) {

  /** Trading class of PM-settled SPX options (weeklies, dailies and the PM monthlies). */
  public static final String SPXW = "SPXW";
  /** Trading class of AM-settled monthly SPX options (third Friday, settled at SOQ). */
  public static final String SPX_AM = "SPX";
  /** Trading class of monthly VIX options (priced off the VX future of the same expiry). */
  public static final String VIX = "VIX";

  /** Checks every field. */
  public OptionContract {
    Check.notBlank(symbol, "symbol");
    Check.notBlank(tradingClass, "tradingClass");
    Check.notNull(expiry, "expiry");
    Check.notNull(right, "right");
    if (strike == null || strike.signum() <= 0) { // no message built on the hot path: every strike of every chain
      Check.isTrue(false, "strike", "must be greater than 0, but was " + strike);
    }
    Check.positive(multiplier, "multiplier");
    strike = strike.stripTrailingZeros();
  }

  /** An SPXW (PM-settled) option, multiplier 100. */
  public static OptionContract spxw(LocalDate expiry, BigDecimal strike, OptionRight right) {
    return new OptionContract("SPX", SPXW, expiry, strike, right, 100);
  }

  /** A monthly VIX option, multiplier 100. */
  public static OptionContract vix(LocalDate expiry, BigDecimal strike, OptionRight right) {
    return new OptionContract("VIX", VIX, expiry, strike, right, 100);
  }

  /**
   * Whether the option settles on VIX (Cboe's VIX opening print of its expiration day) rather
   * than on SPX; before expiry the VX future of the same expiry stands for that value.
   */
  public boolean settlesOnVix() {
    return VIX.equals(tradingClass);
  }

  /**
   * The value of one option at expiry with the underlying at {@code underlying}, in index points:
   * {@code max(underlying - strike, 0)} for a call, {@code max(strike - underlying, 0)} for a put.
   */
  public BigDecimal intrinsic(BigDecimal underlying) {
    BigDecimal diff = underlying.subtract(strike);
    return (right.isCall() ? diff : diff.negate()).max(BigDecimal.ZERO);
  }

  /** Calendar days from {@code today} to expiry (0 on the expiration day, negative after). */
  public long dte(LocalDate today) {
    return ChronoUnit.DAYS.between(today, expiry);
  }

  /** A short stable key, for example {@code SPXW 2024-03-15 4500 P}. */
  public String key() {
    return tradingClass + " " + expiry + " " + strike.toPlainString() + " " + right.code();
  }

  /** Parses a {@link #key()} back; the symbol follows from the trading class. */
  public static OptionContract parseKey(String key) {
    String[] p = key.trim().split(" ");
    Check.isTrue(p.length == 4, "contract key", "must be 'CLASS YYYY-MM-DD STRIKE C|P', but was '" + key + "'");
    String symbol = p[0].startsWith("VIX") ? "VIX" : "SPX";
    return new OptionContract(symbol, p[0], LocalDate.parse(p[1]), new BigDecimal(p[2]), OptionRight.parse(p[3]), 100);
  }

  @Override
  public String toString() {
    return key();
  }

  /**
   * Equal when every component is, as a record's generated equals; written out because the quote
   * caches and position maps look contracts up millions of times in a replay.
   */
  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof OptionContract c && multiplier == c.multiplier && right == c.right
        && expiry.equals(c.expiry) && strike.equals(c.strike) && tradingClass.equals(c.tradingClass)
        && symbol.equals(c.symbol);
  }

  /** The record's generated hash, written out: each component's hash in order, combined as {@code 31 * h + x}. */
  @Override
  public int hashCode() {
    int h = symbol.hashCode();
    h = 31 * h + tradingClass.hashCode();
    h = 31 * h + expiry.hashCode();
    h = 31 * h + strike.hashCode();
    h = 31 * h + right.hashCode();
    return 31 * h + Integer.hashCode(multiplier);
  }
}
