package dev.alvh.app.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads an enum column through JDBI's own column mapper (by name, as JDBI binds enums), so the
 * repositories never call {@code valueOf} on a column by hand.
 */
final class EnumColumn {

  private EnumColumn() {
  }

  /** Column {@code index} (1-based) of the current row as {@code type}; null when the column is null. */
  static <E extends Enum<E>> E of(ResultSet rs, int index, Class<E> type, StatementContext ctx) throws SQLException {
    return ctx.findColumnMapperFor(type)
        .orElseThrow(() -> new IllegalStateException("no column mapper for " + type.getName()))
        .map(rs, index, ctx);
  }
}
