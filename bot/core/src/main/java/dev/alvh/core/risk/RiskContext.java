package dev.alvh.core.risk;

import dev.alvh.core.Check;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.order.NetPrice;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * What the {@link RiskGate} judges an order against, assembled by the application each cycle.
 *
 * @param account          account values now
 * @param startOfDayNetLiq net liquidation at the start of the trading day, USD (the daily loss base)
 * @param marginUsed       margin the account uses now, USD (IB's initial margin; 0 for the paper broker
 *                         when it does not report it, then the open tranches' max loss is a fair value)
 * @param openTranches     tranches open now
 * @param modelPrice       the model's net price of the order's combo, empty when it cannot be priced
 * @param quoteAge         age of the oldest quote the cycle used
 */
public record RiskContext(AccountSummary account, BigDecimal startOfDayNetLiq, BigDecimal marginUsed,
    int openTranches, Optional<NetPrice> modelPrice, Duration quoteAge) {

  /** Checks every field. */
  public RiskContext {
    Check.notNull(account, "account");
    Check.notNull(startOfDayNetLiq, "startOfDayNetLiq");
    Check.notNegative(marginUsed, "marginUsed");
    Check.notNegative(openTranches, "openTranches");
    Check.notNull(modelPrice, "modelPrice");
    Check.isTrue(quoteAge != null && !quoteAge.isNegative(), "quoteAge", "must be 0 or more, but was " + quoteAge);
  }

  /** The same context with the model price of another order. */
  public RiskContext withModelPrice(Optional<NetPrice> price) {
    return new RiskContext(account, startOfDayNetLiq, marginUsed, openTranches, price, quoteAge);
  }
}
