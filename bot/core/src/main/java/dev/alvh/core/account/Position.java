package dev.alvh.core.account;

import dev.alvh.core.Check;
import dev.alvh.core.instrument.OptionContract;
import java.math.BigDecimal;

/**
 * A position the broker reports: signed quantity (negative = short) and average cost per
 * contract in USD (price x multiplier).
 *
 * @param contract the series
 * @param quantity signed number of contracts
 * @param avgCost  average cost per contract, USD
 */
public record Position(OptionContract contract, long quantity, BigDecimal avgCost) {

  /** Checks every field. */
  public Position {
    Check.notNull(contract, "contract");
    Check.notNull(avgCost, "avgCost");
  }
}
