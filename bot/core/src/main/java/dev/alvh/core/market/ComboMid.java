package dev.alvh.core.market;

import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one rule for a combo's mid price: each leg's mid times its ratio, added for a leg bought and
 * subtracted for a leg sold (the BAG convention: positive is a debit paid, negative a credit
 * received), in points per combo.
 */
public final class ComboMid {

  private ComboMid() {
  }

  /** What {@code leg} adds to one combo's mid at quote {@code q}: side sign x ratio x mid. */
  public static BigDecimal ofLeg(ComboLeg leg, OptionQuote q) {
    return leg.perCombo(q.mid());
  }

  /** One combo of {@code legs} at mid; empty when a leg has no quote. */
  public static Optional<BigDecimal> of(List<ComboLeg> legs, Function<OptionContract, Optional<OptionQuote>> quote) {
    BigDecimal sum = BigDecimal.ZERO;
    for (ComboLeg leg : legs) {
      Optional<OptionQuote> q = quote.apply(leg.contract());
      if (q.isEmpty()) {
        return Optional.empty();
      }
      sum = sum.add(ofLeg(leg, q.get()));
    }
    return Optional.of(sum);
  }

  /**
   * One combo of {@code legs} at mid, each leg priced by the one of {@code quotes} of its contract;
   * empty when a leg has none.
   */
  public static Optional<BigDecimal> of(List<ComboLeg> legs, Collection<OptionQuote> quotes) {
    return of(legs, c -> quotes.stream().filter(q -> q.contract().equals(c)).findFirst());
  }
}
