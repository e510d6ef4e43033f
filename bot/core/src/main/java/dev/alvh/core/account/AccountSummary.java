package dev.alvh.core.account;

import dev.alvh.core.Check;
import java.math.BigDecimal;

/**
 * The account values the strategy reads, in USD.
 *
 * @param netLiquidation net liquidation value (cash plus positions at market)
 * @param cash           settled cash
 */
public record AccountSummary(BigDecimal netLiquidation, BigDecimal cash) {

  /** Checks every field. */
  public AccountSummary {
    Check.notNull(netLiquidation, "netLiquidation");
    Check.notNull(cash, "cash");
  }
}
