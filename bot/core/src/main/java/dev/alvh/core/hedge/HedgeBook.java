package dev.alvh.core.hedge;

import dev.alvh.core.Check;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hedge positions of one book and what filled orders do to them: the pure bookkeeping the
 * application persists (one row per position, one per trade).
 *
 * <p>Cash follows the combo convention of {@link dev.alvh.core.order.NetPrice}: a fill's
 * {@code netPerCombo} is the cash per combo in points, positive when the bot received cash.
 * Realized P&amp;L of a sale is the cash received minus the entry cost of the combos sold.
 * Not thread-safe.
 */
public final class HedgeBook {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final List<HeldLayer> held = new ArrayList<>();

  /** An empty book. */
  public HedgeBook() {
  }

  /** A book holding {@code positions} (for example as read back from the store). */
  public HedgeBook(List<HeldLayer> positions) {
    held.addAll(Check.notNull(positions, "positions"));
  }

  /** The positions held now. */
  public List<HeldLayer> held() {
    return List.copyOf(held);
  }

  /** Whether any position is held. */
  public boolean any() {
    return !held.isEmpty();
  }

  /** The position {@code id}, if held. */
  public Optional<HeldLayer> find(String id) {
    return held.stream().filter(h -> h.id().equals(id)).findFirst();
  }

  /**
   * Applies a filled action.
   *
   * @param a           the action whose order filled
   * @param quantity    combos filled
   * @param netPerCombo cash per combo, points: negative when the bot paid
   * @param date        the trade date
   * @return the trade, with its cash and realized P&amp;L in USD
   */
  public Trade apply(HedgeAction a, int quantity, BigDecimal netPerCombo, LocalDate date) {
    Check.notNull(a, "a");
    Check.positive(quantity, "quantity");
    Check.notNull(netPerCombo, "netPerCombo");
    BigDecimal cash = netPerCombo.multiply(HUNDRED).multiply(BigDecimal.valueOf(quantity));
    if (a.opens()) {
      HeldLayer h = new HeldLayer(a.layerId(), a.level(), a.kind(), a.order().legs(), quantity,
          netPerCombo.negate(), date, false, false);
      held.removeIf(x -> x.id().equals(a.layerId()));
      held.add(h);
      return new Trade(a.layerId(), a.type(), date, quantity, netPerCombo, cash, BigDecimal.ZERO);
    }
    HeldLayer h = find(a.layerId()).orElseThrow(() -> new IllegalStateException(
        "hedge position " + a.layerId() + " is not held, but a " + a.type() + " of it filled"));
    int left = h.quantity() - quantity;
    BigDecimal cost = h.entryPrice().multiply(HUNDRED).multiply(BigDecimal.valueOf(quantity));
    BigDecimal pnl = cash.subtract(cost);
    held.remove(h);
    if (left > 0) {
      held.add(h.withQuantity(left).withFlags(h.profitTaken() || a.type() == HedgeAction.Type.PROFIT_TAKE,
          h.pressed() || a.type() == HedgeAction.Type.PRESS_TRIM));
    }
    return new Trade(a.layerId(), a.type(), date, -quantity, netPerCombo, cash, pnl);
  }

  /**
   * Settles position {@code id} at expiry: each combo pays {@code valuePerCombo} points (the
   * intrinsic value of its legs at the settlement price; negative for a short spread in the money).
   */
  public Trade settle(String id, BigDecimal valuePerCombo, LocalDate date) {
    HeldLayer h = find(id).orElseThrow(() -> new IllegalStateException("hedge position " + id + " is not held"));
    BigDecimal cash = valuePerCombo.multiply(HUNDRED).multiply(BigDecimal.valueOf(h.quantity()));
    BigDecimal cost = h.entryPrice().multiply(HUNDRED).multiply(BigDecimal.valueOf(h.quantity()));
    held.remove(h);
    return new Trade(id, HedgeAction.Type.CLOSE, date, -h.quantity(), valuePerCombo, cash, cash.subtract(cost));
  }

  /** Total entry cost of the long positions held, USD (premium at risk). */
  public BigDecimal premiumHeld() {
    return held.stream().filter(h -> h.kind().isLong())
        .map(h -> h.entryPrice().multiply(HUNDRED).multiply(BigDecimal.valueOf(h.quantity())))
        .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_EVEN);
  }

  /**
   * One change of a position.
   *
   * @param layerId     the position
   * @param type        what the action did
   * @param date        trade date
   * @param quantity    combos, positive opened, negative closed
   * @param netPerCombo cash per combo, points, positive received
   * @param cash        cash to the account before commissions, USD
   * @param realizedPnl realized P&amp;L of a close, USD (0 for an open)
   */
  public record Trade(String layerId, HedgeAction.Type type, LocalDate date, int quantity, BigDecimal netPerCombo,
      BigDecimal cash, BigDecimal realizedPnl) {
  }
}
