package dev.alvh.core.order;

import dev.alvh.core.Check;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution of one leg, as the broker reports it.
 *
 * <p>Example: selling 3 SPXW 4500 puts at 12.40 with 1.95 USD commission is
 * {@code Fill(ref, "0001f.01", t, put4500, SELL, 3, 12.40, 1.95)}; its cash flow is
 * {@code +3 x 12.40 x 100 - 1.95 = 3718.05} USD.
 *
 * @param ref        the order ref it fills
 * @param execId     the broker's execution id, unique per execution
 * @param time       when it executed
 * @param contract   the leg's series
 * @param side       buy or sell
 * @param quantity   contracts, at least 1
 * @param price      price per unit in points
 * @param commission commission for this execution, USD, 0 or more
 */
public record Fill(
    OrderRef ref, String execId, Instant time, OptionContract contract, Side side, int quantity,
    BigDecimal price, BigDecimal commission) {

  /** Checks every field. */
  public Fill {
    Check.notNull(ref, "ref");
    Check.notBlank(execId, "execId");
    Check.notNull(time, "time");
    Check.notNull(contract, "contract");
    Check.notNull(side, "side");
    Check.positive(quantity, "quantity");
    Check.notNegative(price, "price");
    Check.notNegative(commission, "commission");
  }

  /** Cash to the account, USD: premium received minus paid, less commission. */
  public BigDecimal cashFlow() {
    BigDecimal premium = price.multiply(BigDecimal.valueOf((long) quantity * contract.multiplier()));
    return (side == Side.SELL ? premium : premium.negate()).subtract(commission);
  }

  /** Signed quantity: positive bought, negative sold. */
  public long signedQuantity() {
    return (long) side.sign() * quantity;
  }
}
