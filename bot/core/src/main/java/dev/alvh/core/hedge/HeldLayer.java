package dev.alvh.core.hedge;

import dev.alvh.core.Check;
import dev.alvh.core.instrument.ComboLeg;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One hedge position the bot holds: a layer, a top-up of L3, or a PRESS call spread.
 *
 * <p>Example: L2 bought 2020-02-24, 12 VIX 2020-04-15 30 calls at 1.85 each: {@code level} 2,
 * kind {@code VIX_CALL}, legs {@code [BUY VIX 2020-04-15 30 C]}, {@code entryPrice} 1.85
 * (a debit), cost 12 x 1.85 x 100 = 2,220 USD.
 *
 * @param id          stable id, unique among the book's positions, for example {@code L2-202002241545}
 * @param level       the layer level 1, 2 or 3; 0 for the standing base layer (long) and for a
 *                    PRESS spread
 * @param kind        what it is made of
 * @param legs        the legs as opened (a combo of one for calls; long leg first for spreads)
 * @param quantity    combos held now, at least 1
 * @param entryPrice  the net price per combo when opened, points: positive a debit paid,
 *                    negative a credit received
 * @param openedOn    the trade date it was opened
 * @param profitTaken whether it already sold part of itself at the profit multiple
 * @param pressed     whether PRESS already sold part of it (L2: half)
 */
public record HeldLayer(
    String id, int level, HedgeLayerKind kind, List<ComboLeg> legs, int quantity, BigDecimal entryPrice,
    LocalDate openedOn, boolean profitTaken, boolean pressed) {

  /** Checks every field. */
  public HeldLayer {
    Check.notBlank(id, "id");
    Check.inRange(level, 0, 3, "level");
    Check.notNull(kind, "kind");
    legs = ComboLeg.nonEmptyCopy(legs);
    Check.positive(quantity, "quantity");
    Check.notNull(entryPrice, "entryPrice");
    Check.notNull(openedOn, "openedOn");
  }

  /** Whether this is the standing base layer (level 0, bought): held while condors are open. */
  public boolean isBase() {
    return level == 0 && kind.isLong();
  }

  /** Whether this is an adaptive layer L1 to L3 (or an L3 top-up). */
  public boolean isAdaptive() {
    return level > 0;
  }

  /** The expiry of the position (all legs share it). */
  public LocalDate expiry() {
    return legs.get(0).contract().expiry();
  }

  /** The legs that close it: each opened leg reversed. */
  public List<ComboLeg> closingLegs() {
    return legs.stream().map(ComboLeg::reversed).toList();
  }

  /** This position with another quantity. */
  public HeldLayer withQuantity(int q) {
    return new HeldLayer(id, level, kind, legs, q, entryPrice, openedOn, profitTaken, pressed);
  }

  /** This position with its flags set. */
  public HeldLayer withFlags(boolean newProfitTaken, boolean newPressed) {
    return new HeldLayer(id, level, kind, legs, quantity, entryPrice, openedOn, newProfitTaken, newPressed);
  }
}
