package dev.alvh.app.hedge;

import dev.alvh.app.store.HedgeStore;
import dev.alvh.core.HedgeState;
import dev.alvh.core.hedge.HeldLayer;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.market.ComboMid;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.MarketData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why each held hedge position is held, and what it cost, is worth and has made: the block that
 * the console's {@code hedge} view and the replay report show per layer.
 *
 * <p>The reason of an adaptive layer (L1 to L3, or an L3 top-up in PRESS) is the last transition
 * on or before the day the layer was bought that raised the state's level to include the layer
 * (from a level below it to one at least its own), else the last one into a state that wants it:
 * its rule and every signal value it fired on. The base layer is held by its
 * own rule (while condor tranches are open), a PRESS spread by the PRESS transition before it.
 */
public final class LayerReasons {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private LayerReasons() {
  }

  /**
   * One held position as a person reads it.
   *
   * @param id        the position id
   * @param layer     {@code base}, {@code L1}, {@code L2}, {@code L3} or {@code press spread}
   * @param kind      what it is made of
   * @param quantity  combos held
   * @param openedOn  the day it was bought (or sold, a press spread)
   * @param why       the rule that wants it, as a sentence
   * @param since     the date of the transition that wanted it, null for the base layer
   * @param signals   the signal values of that transition as JSON, null for the base layer
   * @param cost      USD paid for the combos held (negative: credit received), before commissions
   * @param mark      USD the combos held are worth at mid now, null when a leg has no quote
   * @param pnl       mark minus cost, USD, null without a mark
   */
  public record HeldLayerView(String id, String layer, String kind, int quantity, LocalDate openedOn, String why,
      LocalDate since, String signals, BigDecimal cost, BigDecimal mark, BigDecimal pnl) {
  }

  /** The views of {@code held}, reasons from {@code transitions} (oldest first), marks from {@code market}. */
  public static List<HeldLayerView> of(List<HeldLayer> held, List<HedgeStore.TransitionRow> transitions,
      MarketData market) {
    List<HeldLayerView> out = new ArrayList<>();
    for (HeldLayer h : held) {
      BigDecimal cost = h.entryPrice().multiply(HUNDRED).multiply(BigDecimal.valueOf(h.quantity()))
          .setScale(2, RoundingMode.HALF_EVEN);
      BigDecimal mark = mark(h, market).orElse(null);
      BigDecimal pnl = mark == null ? null : mark.subtract(cost);
      String layer;
      String why;
      HedgeStore.TransitionRow by = null;
      if (h.isBase()) {
        layer = "base";
        why = "standing base layer: held in every state while condor tranches are open (hedge.base)";
      } else if (h.level() == 0) {
        layer = "press spread";
        by = wantedBy(transitions, h.openedOn(), t -> t.to() == HedgeState.PRESS).orElse(null);
        why = "PRESS action 3: VIX bear call spread sold after the spike"
            + (by == null ? "" : ", PRESS since " + by.date() + " (" + by.rule() + ")");
      } else {
        layer = "L" + h.level();
        // The transition that raised the level to include this layer; failing that, the last one into
        // a state that wants it (a roll after a level was left from above).
        by = wantedBy(transitions, h.openedOn(), t -> t.from().level() < h.level() && t.to().level() >= h.level())
            .or(() -> wantedBy(transitions, h.openedOn(), t -> t.to().level() >= h.level())).orElse(null);
        why = by == null ? "L" + h.level() + ": no stored transition wanted it (a state forced from the console)"
            : "L" + h.level() + " wanted by " + by.from() + " -> " + by.to() + " on " + by.date() + ": " + by.rule();
      }
      out.add(new HeldLayerView(h.id(), layer, h.kind().name(), h.quantity(), h.openedOn(), why,
          by == null ? null : by.date(), by == null ? null : by.signals(), cost, mark, pnl));
    }
    return out;
  }

  /** The last transition on or before {@code day} that {@code wants}. */
  static Optional<HedgeStore.TransitionRow> wantedBy(List<HedgeStore.TransitionRow> transitions, LocalDate day,
      java.util.function.Predicate<HedgeStore.TransitionRow> wants) {
    HedgeStore.TransitionRow found = null;
    for (HedgeStore.TransitionRow t : transitions) {
      if (t.date() != null && !t.date().isAfter(day) && wants.test(t)) {
        found = t;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The combos of {@code h} held, at mid, USD. */
  static Optional<BigDecimal> mark(HeldLayer h, MarketData market) {
    // the legs of one combo share their multiplier (100 for every SPX and VIX option)
    return ComboMid.of(h.legs(), c -> quote(market, c)).map(each -> each
        .multiply(BigDecimal.valueOf((long) h.legs().get(0).contract().multiplier() * h.quantity()))
        .setScale(2, RoundingMode.HALF_EVEN));
  }

  /** The quote of {@code c}; empty when there is none or the source cannot give it now. */
  private static Optional<OptionQuote> quote(MarketData market, OptionContract c) {
    try {
      return market.quote(c);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The views as text lines, one block per position. */
  public static List<String> lines(List<HeldLayerView> views) {
    List<String> out = new ArrayList<>();
    for (HeldLayerView v : views) {
      out.add(v.id() + " " + v.layer() + " x" + v.quantity() + " since " + v.openedOn() + ": cost USD "
          + v.cost().toPlainString() + ", mark " + (v.mark() == null ? "n/a (no quote)" : "USD " + v.mark().toPlainString())
          + ", P&L " + (v.pnl() == null ? "n/a" : "USD " + v.pnl().toPlainString()));
      out.add("    why: " + v.why());
      if (v.signals() != null) {
        out.add("    signals then: " + v.signals());
      }
    }
    return out;
  }
}
