package dev.alvh.app.store;

import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one codec of a combo's legs as text in the database. Two texts are stored and both stay as
 * they are, so that every database already written reads the same:
 *
 * <ul>
 *   <li>{@code orders.legs}: {@code SIDE xRATIO CLASS YYYY-MM-DD STRIKE C|P; ...}, for example
 *       {@code SELL x1 SPXW 2024-03-15 4500 P; BUY x1 SPXW 2024-03-15 4450 P} ({@link #orderText});
 *   <li>{@code hedge_layer.legs}: {@code SIDE|CLASS YYYY-MM-DD STRIKE C|P;...}, ratio 1 each
 *       ({@link #layerText}).
 * </ul>
 *
 * <p>{@link #parse} reads either. The structured rows of {@code order_leg} (V6) are read and
 * written by {@link OrderJournal}.
 */
public final class LegCodec {

  private LegCodec() {
  }

  /** The {@code orders.legs} text of {@code legs}. */
  public static String orderText(List<ComboLeg> legs) {
    return legs.stream().map(l -> l.side() + " x" + l.ratio() + " " + l.contract().key())
        .collect(Collectors.joining("; "));
  }

  /** The {@code hedge_layer.legs} text of {@code legs} (one of each leg: the ratio is not written). */
  public static String layerText(List<ComboLeg> legs) {
    return legs.stream().map(l -> l.side().name() + "|" + l.contract().key()).collect(Collectors.joining(";"));
  }

  /**
   * The legs of a stored text of either form, in order; empty for a null or blank text.
   *
   * @throws IllegalArgumentException when a leg is neither {@code SIDE xRATIO KEY} nor {@code SIDE|KEY}
   */
  public static List<ComboLeg> parse(String text) {
    List<ComboLeg> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    boolean layer = text.indexOf('|') >= 0;
    for (String part : text.split(layer ? ";" : "; ")) {
      if (layer) {
        String[] p = part.split("\\|");
        out.add(ComboLeg.of(Side.valueOf(p[0]), OptionContract.parseKey(p[1])));
      } else {
        String[] p = part.split(" ", 3);
        if (p.length != 3 || !p[1].startsWith("x")) {
          throw new IllegalArgumentException("a stored leg must be 'SIDE xRATIO KEY', but was '" + part + "'");
        }
        out.add(new ComboLeg(OptionContract.parseKey(p[2]), Side.valueOf(p[0]), Integer.parseInt(p[1].substring(1))));
      }
    }
    return out;
  }
}
