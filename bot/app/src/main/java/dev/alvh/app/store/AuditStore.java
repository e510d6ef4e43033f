package dev.alvh.app.store;

import java.time.Instant;
import java.util.List;

/**
 * The audit trail of operator actions, table {@code audit}: when, from where, the command, the
 * state before and after, and the outcome (ok or why it was refused).
 */
public final class AuditStore {

  private final Jdbc jdbc;

  /** An audit trail in the store behind {@code jdbc}. */
  public AuditStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** One row of the trail. */
  public record Entry(long id, Instant at, String source, String command, String before, String after,
      String outcome) {
  }

  /** Writes one operator action. */
  public void record(Instant at, String source, String command, String before, String after, String outcome) {
    jdbc.withHandle("storing an operator action", h -> h.createUpdate("INSERT INTO audit(occurred_at, source,"
        + " command, state_before, state_after, outcome) VALUES (?,?,?,?,?,?)").bind(0, at).bind(1, cut(source, 64))
        .bind(2, cut(command, 1024)).bind(3, cut(before, 4096)).bind(4, cut(after, 4096)).bind(5, cut(outcome, 1024))
        .execute());
  }

  /** The newest {@code n} actions, oldest first. */
  public List<Entry> last(int n) {
    List<Entry> newest = jdbc.withHandle("reading the audit trail", h -> h.createQuery("SELECT id, occurred_at,"
        + " source, command, state_before, state_after, outcome FROM audit ORDER BY id DESC LIMIT ?").bind(0, n)
        .map((rs, ctx) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7))).list());
    List<Entry> out = new java.util.ArrayList<>(newest);
    java.util.Collections.reverse(out);
    return out;
  }

  private static String cut(String s, int n) {
    return s == null || s.length() <= n ? s : s.substring(0, n);
  }
}
