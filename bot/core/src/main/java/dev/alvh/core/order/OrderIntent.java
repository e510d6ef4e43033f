package dev.alvh.core.order;

import dev.alvh.core.Check;
import dev.alvh.core.instrument.ComboLeg;
import java.util.List;

/**
 * An order the strategy wants sent: written to the journal before it goes to the broker.
 *
 * <p>Always a BUY of {@code legs} as listed (a single leg is a combo of one), {@code quantity}
 * combos at the {@code limit} net price. Example: an iron condor of 3 at a 2.35 credit is four
 * legs (sell put, buy put, sell call, buy call), quantity 3, limit {@code NetPrice.credit(2.35)}.
 *
 * @param ref       the deterministic order ref
 * @param purpose   why it is sent
 * @param trancheId the tranche it belongs to (0 when none)
 * @param legs      one or more legs
 * @param quantity  number of combos, at least 1
 * @param limit     the net limit price per combo
 * @param reason    the rule that asked for it, in words
 */
public record OrderIntent(
    OrderRef ref, OrderPurpose purpose, long trancheId, List<ComboLeg> legs, int quantity, NetPrice limit,
    String reason) {

  /** Checks every field. */
  public OrderIntent {
    Check.notNull(ref, "ref");
    Check.notNull(purpose, "purpose");
    legs = ComboLeg.nonEmptyCopy(legs);
    Check.positive(quantity, "quantity");
    Check.notNull(limit, "limit");
    Check.notNull(reason, "reason");
  }
}
