package dev.alvh.core.execution;

import dev.alvh.core.Check;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.NetPrice;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Quote sanity before any order: an order is never priced on bad data.
 *
 * <p>Refuses, in this order: a leg without a two-sided quote (ask 0), a crossed quote (bid above
 * ask), a short leg (sold to open, not to close a long) whose bid is 0, a leg whose spread is wider than
 * {@code maxSpreadFraction} of its mid (or of {@code minSpreadBase} when the mid is smaller, so
 * that a cheap wing quoted 0.00/0.10 passes), and a quote older than the age limit. The test is
 * per leg because a package's net mid can be near zero (a roll) while every quote is sound.
 * Each refusal is one sentence naming the leg and the values.
 */
public final class QuoteCheck {

  private final Duration maxAge;
  private final BigDecimal maxSpreadFraction;
  private final BigDecimal minSpreadBase;

  /** A check with the given limits. */
  public QuoteCheck(Duration maxAge, BigDecimal maxSpreadFraction, BigDecimal minSpreadBase) {
    this.maxAge = Check.notNull(maxAge, "maxAge");
    this.maxSpreadFraction = Check.notNegative(maxSpreadFraction, "maxSpreadFraction");
    this.minSpreadBase = Check.notNegative(minSpreadBase, "minSpreadBase");
  }

  /** Why {@code legs} may not be priced at {@code now}, or empty when they may; every sold leg opens. */
  public Optional<String> refusal(List<LegQuote> legs, Instant now) {
    return refusal(legs, now, java.util.Set.of());
  }

  /**
   * Why {@code legs} may not be priced at {@code now}, or empty when they may.
   *
   * @param held contracts the account is long: selling one of them closes it, and a zero bid on
   *             such a sale (a worthless wing) is no sign of bad data
   */
  public Optional<String> refusal(List<LegQuote> legs, Instant now,
      java.util.Set<dev.alvh.core.instrument.OptionContract> held) {
    Check.isTrue(legs != null && !legs.isEmpty(), "legs", "must hold at least one leg");
    for (LegQuote l : legs) {
      OptionQuote q = l.quote();
      String key = l.leg().contract().key();
      if (q.ask().signum() <= 0) {
        return Optional.of("no offer for " + key + " (bid " + q.bid().toPlainString() + ", ask "
            + q.ask().toPlainString() + ")");
      }
      if (q.bid().compareTo(q.ask()) > 0) {
        return Optional.of("crossed quote for " + key + " (bid " + q.bid().toPlainString() + " > ask "
            + q.ask().toPlainString() + ")");
      }
      if (l.leg().side() == Side.SELL && q.bid().signum() <= 0 && !held.contains(l.leg().contract())) {
        return Optional.of("zero bid on the short leg " + key);
      }
      BigDecimal base = q.mid().max(minSpreadBase);
      if (q.spread().compareTo(base.multiply(maxSpreadFraction)) > 0) {
        return Optional.of("spread of " + key + " " + q.spread().toPlainString() + " wider than "
            + maxSpreadFraction.toPlainString() + " x " + base.toPlainString() + " (bid " + q.bid().toPlainString()
            + ", ask " + q.ask().toPlainString() + ")");
      }
      Duration age = Duration.between(l.asOf(), now);
      if (age.compareTo(maxAge) > 0) {
        return Optional.of("stale quote for " + key + ": " + age.toSeconds() + " s old > " + maxAge.toSeconds()
            + " s");
      }
    }
    return Optional.empty();
  }

  /**
   * The mid and natural prices of a package bought as listed, and its quoted spread.
   *
   * @param mid     sum of side x ratio x leg mid
   * @param natural sum of ratio x (ask of bought legs, minus bid of sold legs)
   * @param spread  sum of ratio x (ask - bid), points
   */
  public record PackageQuote(NetPrice mid, NetPrice natural, BigDecimal spread) {

    /** The package of {@code legs}. */
    public static PackageQuote of(List<LegQuote> legs) {
      BigDecimal mid = BigDecimal.ZERO;
      BigDecimal natural = BigDecimal.ZERO;
      BigDecimal spread = BigDecimal.ZERO;
      for (LegQuote l : legs) {
        BigDecimal ratio = BigDecimal.valueOf(l.leg().ratio());
        OptionQuote q = l.quote();
        boolean buy = l.leg().side() == Side.BUY;
        mid = mid.add(dev.alvh.core.market.ComboMid.ofLeg(l.leg(), q));
        natural = natural.add(buy ? q.ask().multiply(ratio) : q.bid().multiply(ratio).negate());
        spread = spread.add(q.spread().multiply(ratio));
      }
      return new PackageQuote(new NetPrice(mid), new NetPrice(natural), spread);
    }
  }
}
