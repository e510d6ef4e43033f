package dev.alvh.core.order;

import dev.alvh.core.Check;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The net price of a combo, per combo unit, in points; the one place that knows IB's combo
 * sign convention.
 *
 * <p>A combo order is always sent as a BUY of its legs as listed. Its limit is then positive
 * for a debit (the bot pays) and negative for a credit (the bot is paid): an iron condor opened
 * for a 2.35 credit is a BUY at {@code -2.35} (tws-protocol.md section 4.6). Example:
 * {@code NetPrice.credit(2.35).bagLimit()} is {@code -2.35}; its cash flow for 3 condors is
 * {@code +705.00} USD before commissions.
 *
 * @param signed positive for a debit, negative for a credit, in points
 */
public record NetPrice(BigDecimal signed) {

  /** Checks the value. */
  public NetPrice {
    Check.notNull(signed, "netPrice");
  }

  /** A credit of {@code amount} points received per combo (amount >= 0). */
  public static NetPrice credit(BigDecimal amount) {
    return new NetPrice(Check.notNegative(amount, "credit").negate());
  }

  /** A debit of {@code amount} points paid per combo (amount >= 0). */
  public static NetPrice debit(BigDecimal amount) {
    return new NetPrice(Check.notNegative(amount, "debit"));
  }

  /** The limit price of the BAG order when it is sent as a BUY of the legs as listed. */
  public BigDecimal bagLimit() {
    return signed;
  }

  /** True when the bot receives cash. */
  public boolean isCredit() {
    return signed.signum() < 0;
  }

  /** The absolute amount, points. */
  public BigDecimal amount() {
    return signed.abs();
  }

  /** Cash to the account for {@code quantity} combos of multiplier {@code multiplier}, USD. */
  public BigDecimal cashFlow(long quantity, int multiplier) {
    return signed.negate().multiply(BigDecimal.valueOf(quantity * multiplier));
  }

  /**
   * This price on the grid of {@code tick}, rounded toward the better price for the bot: the
   * signed value is floored, so a debit gets smaller and a credit gets larger. Rounding can
   * only make a fill less likely, never worse. Example: debit 2.37 on 0.05 is 2.35; credit
   * 2.37 (signed -2.37) is credit 2.40.
   */
  public NetPrice floorToTick(BigDecimal tick) {
    Check.isTrue(tick.signum() > 0, "tick", "must be greater than 0, but was " + tick);
    BigDecimal units = signed.divide(tick, 0, RoundingMode.FLOOR);
    return new NetPrice(units.multiply(tick).stripTrailingZeros());
  }

  /**
   * This price on the grid of {@code tick}, rounded toward the natural price: the signed value
   * is raised, so a debit gets larger and a credit smaller, by less than one tick. Example: a
   * mid credit of 2.37 becomes a credit of 2.35.
   */
  public NetPrice ceilToTick(BigDecimal tick) {
    Check.isTrue(tick.signum() > 0, "tick", "must be greater than 0, but was " + tick);
    BigDecimal units = signed.divide(tick, 0, RoundingMode.CEILING);
    return new NetPrice(units.multiply(tick).stripTrailingZeros());
  }

  @Override
  public String toString() {
    return (isCredit() ? "credit " : "debit ") + amount().toPlainString();
  }
}
