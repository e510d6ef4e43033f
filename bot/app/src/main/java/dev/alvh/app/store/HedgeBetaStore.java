package dev.alvh.app.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What vega sizing's {@code beta} is computed from, per book, so that a restart resumes with it
 * (migration V9): the daily pairs of spot VIX change and VX-future change per layer, and the
 * closes of the last evaluated day that the next changes are measured from.
 */
public final class HedgeBetaStore {

  private final Jdbc jdbc;
  private final String book;

  /** The beta tables of {@code book} over {@code jdbc}. */
  public HedgeBetaStore(Jdbc jdbc, String book) {
    this.jdbc = jdbc;
    this.book = book;
  }

  /** One day's pair for one layer. */
  public record Pair(LocalDate date, int level, double dVix, double dVx) {
  }

  /** The closes of one evaluated day: spot VIX and the VX future of each expiry quoted. */
  public record LastCloses(LocalDate date, double vix, Map<LocalDate, Double> vx) {
  }

  /** Stores {@code pair} (replacing one of the same day and layer). */
  public void savePair(Pair pair) {
    jdbc.write("storing a beta pair", "MERGE INTO hedge_beta_pair(book, trade_date, level, d_vix, d_vx)"
        + " KEY(book, trade_date, level) VALUES (?,?,?,?,?)", book, pair.date(), pair.level(), pair.dVix(), pair.dVx());
  }

  /** The last {@code days} pairs of {@code level}, oldest first. */
  public List<Pair> pairs(int level, int days) {
    List<Pair> newestFirst = jdbc.withHandle("reading the beta pairs", h -> h.createQuery("SELECT trade_date, d_vix,"
        + " d_vx FROM hedge_beta_pair WHERE book=? AND level=? ORDER BY trade_date DESC LIMIT ?").bind(0, book)
        .bind(1, level).bind(2, days)
        .map((rs, ctx) -> new Pair(rs.getDate(1).toLocalDate(), level, rs.getDouble(2), rs.getDouble(3))).list());
    List<Pair> out = new ArrayList<>(newestFirst);
    Collections.reverse(out);
    return out;
  }

  /** Replaces the stored last closes with {@code last}. */
  public void saveLast(LastCloses last) {
    StringBuilder vx = new StringBuilder();
    for (Map.Entry<LocalDate, Double> e : new TreeMap<>(last.vx()).entrySet()) {
      vx.append(vx.length() == 0 ? "" : ";").append(e.getKey()).append('=').append(e.getValue());
    }
    jdbc.write("storing the last closes of beta", "MERGE INTO hedge_beta_last(book, trade_date, vix, vx) KEY(book)"
        + " VALUES (?,?,?,?)", book, last.date(), last.vix(), vx.toString());
  }

  /** The stored last closes, if a day was evaluated. */
  public Optional<LastCloses> last() {
    return jdbc.withHandle("reading the last closes of beta", h -> h.createQuery("SELECT trade_date, vix, vx"
        + " FROM hedge_beta_last WHERE book=?").bind(0, book).map((rs, ctx) -> {
      Map<LocalDate, Double> vx = new TreeMap<>();
      String text = rs.getString(3);
      if (!text.isEmpty()) {
        for (String item : text.split(";")) {
          String[] kv = item.split("=", 2);
          vx.put(LocalDate.parse(kv[0]), Double.parseDouble(kv[1]));
        }
      }
      return new LastCloses(rs.getDate(1).toLocalDate(), rs.getDouble(2), vx);
    }).findFirst());
  }
}
