package dev.alvh.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * JDBI's statement builder for the store's one connection: keeps each SQL text's prepared
 * statement open and hands it out again, instead of preparing it anew for every call. A replay
 * runs a few dozen distinct statements millions of times; preparing each again costs H2 a
 * lookup in its query cache and a new statement object every time.
 *
 * <p>A statement still in use (a query whose rows are being read while the same SQL runs
 * again) is not handed out twice: the second use gets a statement of its own, closed after it.
 * Only used under {@link Jdbc}'s statement lock, so not thread-safe itself. The statements close
 * with the connection.
 */
final class ReusedStatements extends DefaultStatementBuilder {

  private final Map<String, PreparedStatement> open = new HashMap<>();
  private final Set<Statement> inUse = Collections.newSetFromMap(new IdentityHashMap<>());
  private final TableWrites writes;

  /** A builder that tells {@code writes} of every statement before it runs. */
  ReusedStatements(TableWrites writes) {
    this.writes = writes;
  }

  @Override
  public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
    writes.statement(sql);
    if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
      return super.create(conn, sql, ctx);
    }
    PreparedStatement ps = open.get(sql);
    if (ps != null && (inUse.contains(ps) || ps.isClosed())) {
      if (ps.isClosed()) {
        open.remove(sql);
        ps = null;
      } else {
        return super.create(conn, sql, ctx);
      }
    }
    if (ps == null) {
      ps = conn.prepareStatement(sql);
      open.put(sql, ps);
    }
    inUse.add(ps);
    return ps;
  }

  /** A plain statement (a script's batch): its SQL comes later, so it counts as a write of every table. */
  @Override
  public Statement create(Connection conn, StatementContext ctx) throws SQLException {
    writes.unknown();
    return super.create(conn, ctx);
  }

  /** A call: it counts as a write of every table. */
  @Override
  public java.sql.CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
    writes.unknown();
    return super.createCall(conn, sql, ctx);
  }

  @Override
  public void close(Connection conn, String sql, Statement stmt) throws SQLException {
    if (inUse.remove(stmt)) {
      // Kept for the next call of the same SQL: nothing of this call's binding or batch stays.
      PreparedStatement ps = (PreparedStatement) stmt;
      ps.clearParameters();
      ps.clearBatch();
      return;
    }
    super.close(conn, sql, stmt);
  }
}
