package dev.alvh.app.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.Query;

/**
 * One column summed per day over one table, kept for the carry cap's trailing windows: the days
 * after a window's start are read once and kept until the table is next written over the store's
 * connection (or a rollback: {@link TableWrites}) or a window starts earlier; a window adds up the
 * days it holds. Used under {@link Jdbc}'s statement lock only.
 */
final class DailySums {

  private final String table;
  /** The sum of each day after {@link #from}, as last read. */
  private NavigableMap<LocalDate, BigDecimal> byDay;
  private LocalDate from;
  /** The table's version when {@link #byDay} was read. */
  private long version;

  /** Sums of {@code table} (lower case, as in the SQL). */
  DailySums(String table) {
    this.table = table;
  }

  /**
   * The sum over the days after {@code from} up to {@code to} inclusive (zero for an empty
   * window); when the kept days are stale, {@code query} is bound to read the days after
   * {@code from}: it returns (day, sum) rows and binds {@code from} itself.
   */
  BigDecimal total(Jdbc jdbc, LocalDate from, LocalDate to, java.util.function.Function<LocalDate, Query> query) {
    long now = jdbc.version(table);
    if (byDay == null || version != now || from.isBefore(this.from)) {
      NavigableMap<LocalDate, BigDecimal> days = new TreeMap<>();
      query.apply(from).map((rs, ctx) -> {
        BigDecimal v = rs.getBigDecimal(2);
        if (v != null) {
          days.put(rs.getDate(1).toLocalDate(), v);
        }
        return null;
      }).list();
      byDay = days;
      this.from = from;
      version = now;
    }
    BigDecimal sum = BigDecimal.ZERO;
    if (from.isBefore(to)) {
      for (BigDecimal v : byDay.subMap(from, false, to, true).values()) {
        sum = sum.add(v);
      }
    }
    return sum;
  }
}
