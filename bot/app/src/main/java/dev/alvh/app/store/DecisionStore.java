package dev.alvh.app.store;

import dev.alvh.core.condor.SkipCode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions, table {@code decision}: why something was or was not done, with the stable code
 * of a skipped entry. The one writer of that table. Not thread-safe, like {@link Store}.
 */
public final class DecisionStore {

  /** The decision kind of a skipped entry. */
  public static final String ENTRY_SKIPPED = "entry-skipped";
  /** The decision kind of an order not sent because its quotes failed the sanity check. */
  public static final String ORDER_SKIPPED = "order-skipped";

  private final Jdbc jdbc;

  /** The decisions over {@code jdbc}. */
  public DecisionStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Records why something was or was not done (no code). */
  public void record(Instant at, String kind, String rule, String detail) {
    jdbc.write("storing a decision", "INSERT INTO decision(occurred_at, kind, rule, detail) VALUES (?,?,?,?)", at, kind,
        cut(rule, 256), cut(detail, 1024));
  }

  /** Records a decision with its stable code. */
  public void record(Instant at, String kind, String code, String rule, String detail) {
    jdbc.write("storing a decision", "INSERT INTO decision(occurred_at, kind, code, rule, detail) VALUES (?,?,?,?,?)",
        at, kind, code, cut(rule, 256), cut(detail, 1024));
  }

  /**
   * The skipped entries and orders from {@code from} to {@code to}, each as "code: rule (detail)",
   * oldest first.
   */
  public List<String> skipped(Instant from, Instant to) {
    return jdbc.withHandle("reading the skipped entries", h -> h.createQuery("SELECT code, rule, detail FROM decision"
        + " WHERE kind IN (?, ?) AND occurred_at >= ? AND occurred_at < ? ORDER BY id").bind(0, ENTRY_SKIPPED)
        .bind(1, ORDER_SKIPPED).bind(2, from).bind(3, to).map((rs, ctx) -> rs.getString(1) + ": " + rs.getString(2)
            + (rs.getString(3).isEmpty() ? "" : " (" + rs.getString(3) + ")")).list());
  }

  /** Skipped entries by code over the whole store. */
  public Map<String, Long> skipCounts() {
    return jdbc.withHandle("counting the skipped entries", h -> {
      Map<String, Long> out = new LinkedHashMap<>();
      for (SkipCode c : SkipCode.values()) {
        out.put(c.key(), h.createQuery("SELECT COUNT(*) FROM decision WHERE code=?").bind(0, c.key())
            .mapTo(Long.class).one());
      }
      return out;
    });
  }

  private static String cut(String s, int n) {
    return s == null || s.length() <= n ? s : s.substring(0, n);
  }
}
