package dev.alvh.app.replay;

import dev.alvh.app.engine.OrderDesk;
import dev.alvh.app.engine.WalkEnd;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one book's orders were worked: how many of the orders sent filled, at which step of the
 * price walk (0 = at mid), and what they paid as a share of the package spread measured from the
 * package's bid (0.5 = mid, 1 = the natural price), per number of legs.
 *
 * @param ordersWalked        orders sent and walked (skipped and refused orders are not)
 * @param ordersFilled        of those, orders with at least one combo filled
 * @param ordersUnfilled      orders whose walk ended with nothing filled
 * @param stepsToFill         filled orders by the walk step they filled at
 * @param meanStepsToFill     mean walk step of the filled orders
 * @param meanSharePaid       mean share of the spread paid from the bid, over the filled orders
 * @param meanSharePaidByLegs the same per number of legs (1 = single options, 2 = verticals, 4 = condors)
 */
public record ExecutionStats(
    long ordersWalked, long ordersFilled, long ordersUnfilled, Map<Integer, Long> stepsToFill, double meanStepsToFill,
    double meanSharePaid, Map<Integer, Double> meanSharePaidByLegs) {

  /** No orders. */
  public static final ExecutionStats NONE = of(List.of());

  /** The statistics of {@code walks}. */
  public static ExecutionStats of(List<WalkEnd> walks) {
    long filled = 0;
    long unfilled = 0;
    long stepSum = 0;
    Map<Integer, Long> steps = new TreeMap<>();
    BigDecimal shareSum = BigDecimal.ZERO;
    long shares = 0;
    Map<Integer, BigDecimal> byLegsSum = new TreeMap<>();
    Map<Integer, Long> byLegsCount = new TreeMap<>();
    for (WalkEnd w : walks) {
      boolean anyFill = w.outcome() == OrderDesk.Outcome.FILLED || w.outcome() == OrderDesk.Outcome.PARTIAL;
      if (!anyFill) {
        if (w.outcome() == OrderDesk.Outcome.UNFILLED) {
          unfilled++;
        }
        continue;
      }
      filled++;
      stepSum += w.step();
      steps.merge(w.step(), 1L, Long::sum);
      if (w.sharePaid() != null) {
        shareSum = shareSum.add(w.sharePaid());
        shares++;
        byLegsSum.merge(w.legs(), w.sharePaid(), BigDecimal::add);
        byLegsCount.merge(w.legs(), 1L, Long::sum);
      }
    }
    Map<Integer, Double> byLegs = new TreeMap<>();
    byLegsSum.forEach((legs, sum) -> byLegs.put(legs, mean(sum, byLegsCount.get(legs))));
    return new ExecutionStats(walks.size(), filled, unfilled, steps,
        filled == 0 ? 0 : Math.round(stepSum * 100.0 / filled) / 100.0, mean(shareSum, shares), byLegs);
  }

  private static double mean(BigDecimal sum, long n) {
    return n == 0 ? 0 : sum.divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_EVEN).doubleValue();
  }
}
