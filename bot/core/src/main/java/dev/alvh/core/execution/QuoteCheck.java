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
 * ask), a leg the order sells whose bid is 0, a quote older than the age limit, and a package
 * whose quoted spread (the sum of its legs' spreads times their ratios) is wider than
 * {@code maxSpreadFraction} of its absolute mid (or of {@code minSpreadBase} when that is larger).
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

  /** Why {@code legs} may not be priced at {@code now}, or empty when they may. */
  public Optional<String> refusal(List<LegQuote> legs, Instant now) {
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
      if (l.leg().side() == Side.SELL && q.bid().signum() <= 0) {
        return Optional.of("zero bid on the sold leg " + key);
      }
      Duration age = Duration.between(l.asOf(), now);
      if (age.compareTo(maxAge) > 0) {
        return Optional.of("stale quote for " + key + ": " + age.toSeconds() + " s old > " + maxAge.toSeconds()
            + " s");
      }
    }
    PackageQuote p = PackageQuote.of(legs);
    BigDecimal base = p.mid().amount().max(minSpreadBase);
    if (p.spread().compareTo(base.multiply(maxSpreadFraction)) > 0) {
      return Optional.of("package spread " + p.spread().toPlainString() + " wider than "
          + maxSpreadFraction.toPlainString() + " x " + base.toPlainString() + " (mid " + p.mid() + ")");
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
        mid = mid.add(q.mid().multiply(ratio).multiply(BigDecimal.valueOf(l.leg().side().sign())));
        natural = natural.add(buy ? q.ask().multiply(ratio) : q.bid().multiply(ratio).negate());
        spread = spread.add(q.spread().multiply(ratio));
      }
      return new PackageQuote(new NetPrice(mid), new NetPrice(natural), spread);
    }
  }
}
