package dev.alvh.app.store;

import java.sql.Timestamp;
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
    jdbc.update("INSERT INTO audit(occurred_at, source, command, state_before, state_after, outcome)"
        + " VALUES (?,?,?,?,?,?)", Timestamp.from(at), cut(source, 64), cut(command, 1024), cut(before, 4096),
        cut(after, 4096), cut(outcome, 1024));
  }

  /** The newest {@code n} actions, oldest first. */
  public List<Entry> last(int n) {
    List<Entry> newest = jdbc.query("SELECT id, occurred_at, source, command, state_before, state_after, outcome"
        + " FROM audit ORDER BY id DESC LIMIT ?", rs -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), n);
    List<Entry> out = new java.util.ArrayList<>(newest);
    java.util.Collections.reverse(out);
    return out;
  }

  private static String cut(String s, int n) {
    return s == null || s.length() <= n ? s : s.substring(0, n);
  }
}
