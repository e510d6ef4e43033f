package dev.alvh.app.store;

import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;

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
 * <p>{@link #parse} reads either ({@link #TEXT} is the same as a JDBI column mapper). The
 * structured rows of {@code order_leg} (V6) are written by {@link #insertRows} and read by
 * {@link #ROW}.
 */
public final class LegCodec {

  /** A stored legs text of either form as a JDBI column mapper (see {@link #parse}). */
  public static final ColumnMapper<List<ComboLeg>> TEXT = (rs, column, ctx) -> parse(rs.getString(column));

  /** The columns of an {@code order_leg} row that {@link #ROW} reads, in its order. */
  static final String ROW_COLUMNS = "side, ratio, symbol, trading_class, expiry, strike, option_right, multiplier";


  /** One {@code order_leg} row selected as {@link #ROW_COLUMNS}. */
  static final RowMapper<ComboLeg> ROW = (rs, ctx) -> new ComboLeg(new OptionContract(rs.getString(3),
      rs.getString(4), rs.getDate(5).toLocalDate(), rs.getBigDecimal(6), OptionRight.parse(rs.getString(7)),
      rs.getInt(8)), StoredEnums.SIDE.parse(rs, 1), rs.getInt(2));

  private LegCodec() {
  }

  /**
   * Writes {@code legs} as the {@code order_leg} rows of order {@code ref} (its {@code orders} row
   * must exist), on the store's kept statement ({@link Jdbc#write}): every order sends its legs.
   */
  static void insertRows(Jdbc jdbc, String what, String ref, List<ComboLeg> legs) {
    int seq = 0;
    for (ComboLeg l : legs) {
      OptionContract c = l.contract();
      jdbc.write(what, "INSERT INTO order_leg(ref, seq, side, ratio, symbol, trading_class, expiry, strike,"
          + " option_right, multiplier, contract) VALUES (?,?,?,?,?,?,?,?,?,?,?)", ref, seq++, l.side(), l.ratio(),
          c.symbol(), c.tradingClass(), c.expiry(), c.strike(), c.right().code(), c.multiplier(), c.key());
    }
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
