package dev.alvh.core.execution;

import dev.alvh.core.Check;
import dev.alvh.core.order.NetPrice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The limit prices one order walks through: the mid price on the grid, then toward the natural
 * price in whole ticks, never past natural and never past the worst price the strategy allows.
 *
 * <p>Prices are signed as in {@link NetPrice} (a debit positive, a credit negative), so walking
 * toward natural always raises the signed value. The ticks between the first price and the cap
 * are spread evenly over the steps, rounded up, so the last step reaches the cap. Example: mid
 * credit 2.37, natural credit 1.90, 4 steps, SPX grid: credit 2.35, 2.20, 2.05, 1.90.
 *
 * @param prices the limit of each step, first the mid price; never empty
 */
public record PriceWalk(List<NetPrice> prices) {

  /** Checks there is at least one price. */
  public PriceWalk {
    Check.isTrue(prices != null && !prices.isEmpty(), "prices", "must hold at least one price");
    prices = List.copyOf(prices);
  }

  /**
   * The walk from {@code mid} toward {@code natural}.
   *
   * @param mid     the package's mid price
   * @param natural the package's natural price (its signed value is at least the mid's)
   * @param worst   the worst price the strategy accepts (a minimum credit, a maximum debit), if any
   * @param steps   steps after the first price
   * @param rule    the price grid
   */
  public static PriceWalk plan(NetPrice mid, NetPrice natural, Optional<NetPrice> worst, int steps, TickRule rule) {
    Check.notNegative(steps, "steps");
    NetPrice capRaw = natural;
    if (worst.isPresent() && worst.get().signed().compareTo(capRaw.signed()) < 0) {
      capRaw = worst.get();
    }
    NetPrice cap = rule.towardBetter(capRaw);
    NetPrice first = rule.towardNatural(mid);
    if (first.signed().compareTo(cap.signed()) > 0) {
      first = cap;
    }
    List<NetPrice> out = new ArrayList<>();
    out.add(first);
    int total = 0;
    NetPrice p = first;
    while (p.signed().compareTo(cap.signed()) < 0) {
      p = rule.stepTowardNatural(p, 1);
      total++;
    }
    if (steps == 0 || total == 0) {
      return new PriceWalk(out);
    }
    int perStep = (total + steps - 1) / steps;
    p = first;
    for (int i = 0; i < steps && p.signed().compareTo(cap.signed()) < 0; i++) {
      p = rule.stepTowardNatural(p, perStep);
      if (p.signed().compareTo(cap.signed()) > 0) {
        p = cap;
      }
      out.add(p);
    }
    return new PriceWalk(out);
  }

  /** The first price: the mid on the grid. */
  public NetPrice first() {
    return prices.get(0);
  }

  /** The last price the walk reaches. */
  public NetPrice last() {
    return prices.get(prices.size() - 1);
  }

  /** Price changes after the first. */
  public int steps() {
    return prices.size() - 1;
  }
}
