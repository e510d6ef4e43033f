package dev.alvh.core.execution;

import dev.alvh.core.Check;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.market.OptionQuote;
import java.time.Instant;

/**
 * One leg of an order with the quote it would be priced on and when that quote was observed.
 *
 * @param leg   the leg (side when the combo is bought, ratio)
 * @param quote the leg's quote
 * @param asOf  when the quote was observed
 */
public record LegQuote(ComboLeg leg, OptionQuote quote, Instant asOf) {

  /** Checks every field and that the quote is of the leg's series. */
  public LegQuote {
    Check.notNull(leg, "leg");
    Check.notNull(quote, "quote");
    Check.notNull(asOf, "asOf");
    Check.isTrue(quote.contract().equals(leg.contract()), "quote",
        "must be of the leg's series " + leg.contract().key() + ", but was " + quote.contract().key());
  }
}
