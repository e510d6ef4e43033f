package dev.alvh.core.instrument;

import dev.alvh.core.Check;

/**
 * One leg of a combo (BAG) order: a contract, the side of the leg when the combo is bought,
 * and its ratio (leg quantity = ratio x order quantity).
 *
 * @param contract the option series
 * @param side     the leg's action when the combo order is a BUY
 * @param ratio    contracts of this leg per combo, at least 1
 */
public record ComboLeg(OptionContract contract, Side side, int ratio) {

  /** Checks every field. */
  public ComboLeg {
    Check.notNull(contract, "contract");
    Check.notNull(side, "side");
    Check.positive(ratio, "ratio");
  }

  /** A leg of ratio 1. */
  public static ComboLeg of(Side side, OptionContract contract) {
    return new ComboLeg(contract, side, 1);
  }

  /** The same leg with the side reversed: what closes it. */
  public ComboLeg reversed() {
    return new ComboLeg(contract, side.opposite(), ratio);
  }
}
