package dev.alvh.core.execution;

import dev.alvh.core.Check;
import dev.alvh.core.config.CondorConfig;
import dev.alvh.core.config.ExecutionConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.order.NetPrice;
import java.math.BigDecimal;
import java.util.List;

/**
 * The price grid of an order: SPX packages trade in one tick (0.05) at every level; VIX options
 * in 0.05 below 3.00 and 0.10 from 3.00 on (tws-protocol.md sections 4.2 and 4.3).
 *
 * <p>The grid is chosen by the absolute net price: a VIX package at 2.95 ticks 0.05, at 3.00
 * ticks 0.10. Example: {@code vix.towardNatural(credit 3.04)} is credit 3.00.
 *
 * @param low   the tick below {@code breakAt}
 * @param high  the tick at and above {@code breakAt}
 * @param breakAt the absolute price where the tick widens
 */
public record TickRule(BigDecimal low, BigDecimal high, BigDecimal breakAt) {

  /** Checks the ticks are positive. */
  public TickRule {
    Check.isTrue(low != null && low.signum() > 0, "tick", "must be greater than 0, but was " + low);
    Check.isTrue(high != null && high.signum() > 0, "tick", "must be greater than 0, but was " + high);
    Check.notNegative(breakAt, "breakAt");
  }

  /** One tick at every price. */
  public static TickRule constant(BigDecimal tick) {
    return new TickRule(tick, tick, BigDecimal.ZERO);
  }

  /** The SPX package grid of {@code condor.priceTick}. */
  public static TickRule spx(CondorConfig condor) {
    return constant(condor.priceTick());
  }

  /** The VIX grid of {@code execution.vixTick*}. */
  public static TickRule vix(ExecutionConfig execution) {
    return new TickRule(execution.vixTickLow(), execution.vixTickHigh(), execution.vixTickBreak());
  }

  /** The grid of an order on {@code legs}: VIX when every leg is a VIX option, SPX otherwise. */
  public static TickRule of(List<ComboLeg> legs, CondorConfig condor, ExecutionConfig execution) {
    boolean allVix = legs.stream().allMatch(l -> OptionContract.VIX.equals(l.contract().symbol())
        || "VIX".equals(l.contract().symbol()));
    return allVix ? vix(execution) : spx(condor);
  }

  /** The tick that applies at {@code price}. */
  public BigDecimal tickAt(NetPrice price) {
    return price.amount().compareTo(breakAt) < 0 ? low : high;
  }

  /**
   * {@code price} on its grid, rounded toward the natural price (a debit up, a credit down) by
   * less than one tick. Where the grid widens, the wider tick is used once the rounded price
   * reaches the break.
   */
  public NetPrice towardNatural(NetPrice price) {
    NetPrice fine = price.ceilToTick(tickAt(price));
    NetPrice coarse = price.ceilToTick(high);
    return coarse.amount().compareTo(breakAt) >= 0 && fine.amount().compareTo(breakAt) >= 0 ? coarse : fine;
  }

  /** {@code price} on its grid, rounded toward the better price for the bot (never worse). */
  public NetPrice towardBetter(NetPrice price) {
    NetPrice fine = price.floorToTick(tickAt(price));
    return fine.amount().compareTo(breakAt) >= 0 ? price.floorToTick(high) : fine;
  }

  /** True when {@code price} lies on the grid that applies at its level. */
  public boolean isOnGrid(NetPrice price) {
    BigDecimal t = tickAt(price);
    return price.amount().remainder(t).signum() == 0;
  }

  /** {@code price} moved {@code ticks} ticks toward the natural price (signed value up). */
  public NetPrice stepTowardNatural(NetPrice price, int ticks) {
    NetPrice p = price;
    for (int i = 0; i < ticks; i++) {
      BigDecimal t = p.isCredit() ? tickBelow(p) : tickAt(p);
      p = new NetPrice(p.signed().add(t).stripTrailingZeros());
    }
    return p;
  }

  /** The tick to step a credit down by: the finer one once the step would cross below the break. */
  private BigDecimal tickBelow(NetPrice credit) {
    return credit.amount().compareTo(breakAt) > 0 ? high : low;
  }
}
