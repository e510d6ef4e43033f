package dev.alvh.core.order;

import dev.alvh.core.instrument.ComboLeg;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The one rule for how many combos of an order have filled: a combo counts when every leg of it
 * has executed, so whole combos are the smallest executed quantity / ratio over the legs.
 */
public final class ComboFills {

  private ComboFills() {
  }

  /**
   * Whole combos of {@code legs} filled, given the contracts executed of each leg.
   *
   * @return 0 when {@code legs} is empty
   */
  public static int wholeCombos(List<ComboLeg> legs, ToIntFunction<ComboLeg> executed) {
    int combos = Integer.MAX_VALUE;
    for (ComboLeg leg : legs) {
      combos = Math.min(combos, executed.applyAsInt(leg) / leg.ratio());
    }
    return combos == Integer.MAX_VALUE ? 0 : combos;
  }

  /** Whole combos of {@code legs} in {@code fills} (a fill counts for the leg of its side and contract). */
  public static int wholeCombos(List<ComboLeg> legs, List<Fill> fills) {
    return wholeCombos(legs, leg -> executed(leg, fills));
  }

  /** Contracts of {@code leg} executed in {@code fills}: same side, same contract. */
  public static int executed(ComboLeg leg, List<Fill> fills) {
    return fills.stream().filter(f -> f.side() == leg.side() && f.contract().key().equals(leg.contract().key()))
        .mapToInt(Fill::quantity).sum();
  }
}
