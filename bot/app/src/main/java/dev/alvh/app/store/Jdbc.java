package dev.alvh.app.store;

import dev.alvh.core.condor.ExitReason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Small JDBC helpers over the store's one connection: every failure becomes a
 * {@link StoreException} that says whether a read or a write failed and why.
 *
 * <p>Used by {@link Store} and by the other store classes that keep their tables in the same
 * database. The trading thread owns the connection, but the broker's event thread writes fills,
 * statuses and the books of orders that end after their walk: every statement and every
 * transaction holds one lock, so a transaction of one thread never takes in (and commits or
 * rolls back, or leaves uncommitted at a kill) the statements of another.
 */
public final class Jdbc {

  private final Connection c;
  /** JDBI over the same one connection: the store's repositories bind and map rows with it. */
  private final Handle handle;
  /** Held by each statement, and by a transaction from its start to its commit or rollback. */
  private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
  /** The writes of each table over this connection, for the reads kept in memory ({@link #version}). */
  private final TableWrites writes = new TableWrites();
  /** The statements of {@link #write}, prepared once per SQL text (guarded by the lock; they close with the connection). */
  private final java.util.Map<String, PreparedStatement> prepared = new java.util.HashMap<>();

  Jdbc(Connection c) {
    this.c = c;
    // The handle wraps the store's connection; the store closes the connection itself.
    this.handle = configure(Jdbi.create(() -> c), writes).open();
  }

  /**
   * The store's JDBI settings: statuses, purposes, sides and the other enums bind by name and map
   * back by name (an unknown stored name fails naming the column and the value, see
   * {@link StoredEnum}); exit reasons bind and map by their key. The SQL is plain, without
   * templates, so the template engine is off.
   * Each SQL text's prepared statement is kept and used again ({@link ReusedStatements}), and
   * every statement is told to {@code writes} before it runs.
   */
  static Jdbi configure(Jdbi jdbi, TableWrites writes) {
    jdbi.setTemplateEngine(org.jdbi.v3.core.statement.TemplateEngine.NOP);
    jdbi.setStatementBuilderFactory(connection -> new ReusedStatements(writes));
    jdbi.registerColumnMapper(StoredEnum.FACTORY);
    jdbi.registerColumnMapper(ExitReason.class, StoredEnum.EXIT_REASON);
    jdbi.registerArgument(StoredEnum.ARGUMENTS);
    return jdbi;
  }

  /**
   * Runs {@code work} with the JDBI handle over the store's connection, holding the statement
   * lock: a read or write of one thread never interleaves with another's transaction. A JDBI
   * failure becomes a {@link StoreException} naming {@code what}. Joins a transaction begun with
   * {@link #inTransaction(Runnable)} on the same thread.
   */
  public <T> T withHandle(String what, Function<Handle, T> work) {
    lock.lock();
    try {
      return work.apply(handle);
    } catch (JdbiException e) {
      throw new StoreException(what + " failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * A number that changes with every write of {@code table} over this connection (lower case, as
   * the SQL names it), every rollback and every statement of unknown effect: a read kept in memory
   * with the version it was made at is current while the version is the same. Call it under the
   * statement lock, that is from inside {@link #withHandle}, together with the read it stamps.
   */
  long version(String table) {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("a table version is read under the statement lock only");
    }
    return writes.version(table);
  }

  /**
   * Runs one INSERT, UPDATE or MERGE with positional arguments on a statement kept prepared for
   * its SQL text, holding the statement lock; a failure becomes a {@link StoreException} naming
   * {@code what}. For the writes of every cycle and every order (decisions, order steps and
   * statuses, fills, the hedge's daily rows): the same effect as the JDBI handle's
   * {@code createUpdate(sql).bind(...).execute()}, with the arguments bound as the handle binds
   * them ({@link #bind(PreparedStatement, int, Object)}), without JDBI's per-statement machinery.
   * Joins a transaction begun with {@link #inTransaction(Runnable)} on the same thread.
   *
   * @return the rows changed
   */
  public int write(String what, String sql, Object... args) {
    lock.lock();
    try {
      writes.statement(sql);
      PreparedStatement ps = prepared.get(sql);
      if (ps == null || ps.isClosed()) {
        ps = c.prepareStatement(sql);
        prepared.put(sql, ps);
      }
      try {
        for (int i = 0; i < args.length; i++) {
          bind(ps, i + 1, args[i]);
        }
        return ps.executeUpdate();
      } finally {
        ps.clearParameters();
      }
    } catch (SQLException e) {
      throw new StoreException(what + " failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Binds {@code v} at {@code position} as the store's JDBI handle binds it: an instant as a
   * {@link java.sql.Timestamp}, an exit reason by its key and any other enum by its name
   * ({@link StoredEnum}), null as SQL NULL, anything else (strings, numbers, booleans,
   * {@code LocalDate}) with {@code setObject}.
   */
  static void bind(PreparedStatement ps, int position, Object v) throws SQLException {
    if (v == null) {
      ps.setNull(position, java.sql.Types.NULL);
    } else if (v instanceof java.time.Instant i) {
      ps.setTimestamp(position, java.sql.Timestamp.from(i));
    } else if (v instanceof Enum<?> e) {
      ps.setString(position, StoredEnum.stored(e));
    } else {
      ps.setObject(position, v);
    }
  }

  /**
   * The underlying connection, for the store's tests: nothing may write through it (its writes
   * would not be counted, and the kept reads would go stale; {@link TableWrites}).
   */
  Connection connection() {
    return c;
  }

  /**
   * Runs {@code work} as one transaction: every write in it is stored, or none (a crash in the
   * middle leaves the rows as before). Nested calls join the outer transaction.
   */
  public void inTransaction(Runnable work) {
    lock.lock();
    try {
      transaction(work);
    } finally {
      lock.unlock();
    }
  }

  private void transaction(Runnable work) {
    boolean outer;
    try {
      outer = c.getAutoCommit();
      if (outer) {
        c.setAutoCommit(false);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot start a transaction: " + e.getMessage(), e);
    }
    if (!outer) {
      work.run();
      return;
    }
    try {
      work.run();
      c.commit();
    } catch (RuntimeException | SQLException e) {
      writes.rollback();
      try {
        c.rollback();
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      throw e instanceof RuntimeException re ? re : new StoreException("commit failed: " + e.getMessage(), e);
    } finally {
      try {
        c.setAutoCommit(true);
      } catch (SQLException e) {
        throw new StoreException("cannot end a transaction: " + e.getMessage(), e);
      }
    }
  }

  /** Runs an INSERT, UPDATE, MERGE or DELETE with positional arguments; returns the rows changed. */
  public int update(String sql, Object... args) {
    lock.lock();
    try (PreparedStatement ps = counted(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("database write failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Runs a query and maps each row; rows mapped to null are left out. */
  public <T> List<T> query(String sql, Row<T> row, Object... args) {
    lock.lock();
    try (PreparedStatement ps = counted(sql)) {
      bind(ps, args);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          T v = row.map(rs);
          if (v != null) {
            out.add(v);
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** The first row of a query, if any. */
  public <T> Optional<T> queryOne(String sql, Row<T> row, Object... args) {
    List<T> all = query(sql, row, args);
    return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
  }

  /** A new statement of {@code sql}, its writes counted first ({@link TableWrites}); under the lock. */
  private PreparedStatement counted(String sql) throws SQLException {
    writes.statement(sql);
    return c.prepareStatement(sql);
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      bind(ps, i + 1, args[i]);
    }
  }

  /** Maps one row. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }
}
