package dev.alvh.core.market;

import dev.alvh.core.Check;
import dev.alvh.core.instrument.OptionRight;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The quoted strikes of one trading class and expiry, sorted by right then strike.
 *
 * @param tradingClass the trading class, for example {@code SPXW}
 * @param expiry       the expiration date
 * @param underlying   the price the greeks were computed against (SPX spot, or the VX future)
 * @param quotes       the quotes, any order on input
 */
public record OptionChain(String tradingClass, LocalDate expiry, double underlying, List<OptionQuote> quotes) {

  /** Checks every field and sorts the quotes. */
  public OptionChain {
    Check.notBlank(tradingClass, "tradingClass");
    Check.notNull(expiry, "expiry");
    Check.positive(underlying, "underlying");
    List<OptionQuote> sorted = new ArrayList<>(quotes);
    sorted.sort(BY_RIGHT_THEN_STRIKE);
    quotes = Collections.unmodifiableList(sorted);
  }

  /** Right, then strike: one comparator without key extractors (chains are built for every strike daily). */
  private static final Comparator<OptionQuote> BY_RIGHT_THEN_STRIKE = (a, b) -> {
    int c = a.contract().right().compareTo(b.contract().right());
    return c != 0 ? c : a.contract().strike().compareTo(b.contract().strike());
  };

  /** The quotes of one right, ascending by strike. */
  public List<OptionQuote> of(OptionRight right) {
    return quotes.stream().filter(q -> q.contract().right() == right).toList();
  }

  /** The quote at exactly {@code strike} and {@code right}, if listed. */
  public Optional<OptionQuote> find(BigDecimal strike, OptionRight right) {
    return quotes.stream()
        .filter(q -> q.contract().right() == right && q.contract().strike().compareTo(strike) == 0)
        .findFirst();
  }

  /**
   * The quote of {@code right} whose |delta| is nearest {@code targetAbsDelta}; on a tie, the
   * further out-of-the-money strike (the smaller |delta|), which takes less risk.
   */
  public Optional<OptionQuote> nearestDelta(OptionRight right, double targetAbsDelta) {
    return of(right).stream()
        .min(Comparator.comparingDouble((OptionQuote q) -> Math.abs(Math.abs(q.delta()) - targetAbsDelta))
            .thenComparingDouble(q -> Math.abs(q.delta())));
  }
}
