package dev.alvh.app.store;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the writes of each table over one connection, so that a read kept in memory (the open
 * tranches, the carry cap's sums) can tell whether it still is what the table holds: a kept read
 * stamped with {@link #version(String)} is current while that version is unchanged.
 *
 * <p>Every statement that runs over the connection is seen before it executes, whichever
 * repository issues it: {@code INSERT INTO}, {@code UPDATE}, {@code MERGE INTO} and
 * {@code DELETE FROM} count as a write of their table, a query as none, and any other statement
 * ({@code TRUNCATE}, {@code RUNSCRIPT}, DDL...) as a write of every table. A rollback counts as a
 * write of every table too: a read made inside the transaction may have seen rows that are now
 * gone. A statement counts before it runs, so one that fails half-way counts as well.
 *
 * <p>Only the writes over this connection are seen: the bot's tables have no other writer
 * (Quartz's own connections write only its {@code qrtz_} tables). Only used under {@link Jdbc}'s
 * statement lock, so not thread-safe itself.
 */
final class TableWrites {

  private static final Pattern WRITE = Pattern.compile(
      "^(?:INSERT\\s+INTO|UPDATE|MERGE\\s+INTO|DELETE\\s+FROM)\\s+\"?(?:PUBLIC\"?\\.\"?)?([A-Z0-9_]+)");
  private static final String NONE = "";
  private static final String EVERY = "*";

  /** The table each SQL text writes ({@link #NONE} for a query, {@link #EVERY} when unknown). */
  private final Map<String, String> targets = new HashMap<>();
  private final Map<String, Long> writes = new HashMap<>();
  /** Rollbacks and statements of unknown effect: each makes every kept read stale. */
  private long everything;

  /** Notes that {@code sql} is about to run. */
  void statement(String sql) {
    String table = targets.computeIfAbsent(sql, TableWrites::target);
    if (EVERY.equals(table)) {
      everything++;
    } else if (!table.isEmpty()) {
      writes.merge(table, 1L, Long::sum);
    }
  }

  /** Notes a rollback: every table may have lost rows a read saw. */
  void rollback() {
    everything++;
  }

  /** Notes a statement whose SQL is not known here (a script, a call): it may write any table. */
  void unknown() {
    everything++;
  }

  /**
   * A number that changes with every write of {@code table} (lower case, as in the SQL), every
   * rollback and every statement of unknown effect, and with nothing else.
   */
  long version(String table) {
    return writes.getOrDefault(table, 0L) + everything;
  }

  /** The table {@code sql} writes: lower case, {@link #NONE} for a query, {@link #EVERY} when not known. */
  static String target(String sql) {
    String s = sql.strip().toUpperCase(Locale.ROOT);
    if (s.startsWith("SELECT") || s.startsWith("WITH") || s.startsWith("VALUES") || s.startsWith("EXPLAIN")) {
      return NONE;
    }
    Matcher m = WRITE.matcher(s);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : EVERY;
  }
}
