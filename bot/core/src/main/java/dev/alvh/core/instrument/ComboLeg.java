package dev.alvh.core.instrument;

import dev.alvh.core.Check;
import java.math.BigDecimal;
import java.util.List;

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

  /**
   * The legs of an order or a held position, checked and copied: at least one leg, none null;
   * the message names the field {@code legs}.
   */
  public static List<ComboLeg> nonEmptyCopy(List<ComboLeg> legs) {
    Check.isTrue(legs != null && !legs.isEmpty(), "legs", "must have at least one leg");
    return List.copyOf(legs);
  }

  /** A leg of ratio 1. */
  public static ComboLeg of(Side side, OptionContract contract) {
    return new ComboLeg(contract, side, 1);
  }

  /**
   * What a per-contract price of this leg adds to one combo's net price (the BAG convention:
   * positive a debit): the price times the ratio, added for a leg bought, subtracted for a leg sold.
   */
  public BigDecimal perCombo(BigDecimal perContract) {
    return perContract.multiply(BigDecimal.valueOf((long) side.sign() * ratio));
  }

  /** The same leg with the side reversed: what closes it. */
  public ComboLeg reversed() {
    return new ComboLeg(contract, side.opposite(), ratio);
  }
}
