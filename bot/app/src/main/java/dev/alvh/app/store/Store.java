package dev.alvh.app.store;

import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * The bot's H2 database: tranches, legs, orders (the journal), fills, hedge transitions, daily
 * snapshots, decisions and the audit trail. The schema comes from Flyway migrations in
 * {@code db/migration}: Flyway migrates an existing database; a new one gets the schema Flyway
 * made once in this process (tables, indexes and Flyway's history alike, see {@link #schema()}).
 *
 * <p>One connection, auto-commit: every write is durable when the method returns. Not
 * thread-safe; the trading thread owns it.
 *
 * <p>The tables are kept by one repository per aggregate over {@link #jdbc()}'s JDBI handle:
 * {@link OrderJournal} (orders, their legs, steps and fills), {@link TrancheStore} (tranches,
 * legs, settlements), {@link DecisionStore}, {@link HedgeStore} and {@link HedgeBetaStore},
 * {@link AuditStore}, {@link PaperAccountStore}; the methods here that read or write those tables
 * hand over to them. The daily snapshots are the store's own.
 */
public final class Store implements AutoCloseable {

  private static final java.util.concurrent.atomic.AtomicLong MEMORY_IDS = new java.util.concurrent.atomic.AtomicLong();
  private static final Object SCHEMA_LOCK = new Object();
  private static List<String> schema;

  static {
    // Registers H2's JDBC driver before the first connection. DriverManager finds it by itself
    // too, but not reliably when several threads open their first connections at once (the
    // replay's books do); Flyway used to load it before the stores connected.
    org.h2.Driver.load();
  }

  private final Connection c;
  private final Path file;
  private final String url;
  private final Jdbc jdbc;
  private final OrderJournal journal;
  private final TrancheStore tranches;
  private final DecisionStore decisions;

  private Store(Connection c, Path file, String url) {
    this.c = c;
    this.file = file;
    this.url = url;
    this.jdbc = new Jdbc(c);
    this.journal = new OrderJournal(jdbc);
    this.tranches = new TrancheStore(jdbc);
    this.decisions = new DecisionStore(jdbc);
  }

  /**
   * Opens (creating if needed) the database {@code name} in {@code dir} and migrates it.
   *
   * @throws StoreException when the file cannot be opened or migrated
   */
  public static Store open(Path dir, String name) {
    Path base = dir.toAbsolutePath().normalize().resolve(name);
    // REUSE_SPACE=FALSE: H2 appends every chunk at the end of the file and never writes over old
    // ones, so after a kill -9 the newest chunk is the last one in the file and every commit that
    // returned is found (with space reuse a reopened file could come back without its newest
    // commits or torn; StoreKillTest). The file then only grows while open; close() compacts it.
    // TRACE_LEVEL_FILE=0: H2 writes no alvh.trace.db beside the database (errors are reported by the bot).
    String url = "jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE;REUSE_SPACE=FALSE;TRACE_LEVEL_FILE=0;QUERY_CACHE_SIZE=64";
    Connection c = null;
    try {
      java.nio.file.Files.createDirectories(dir);
      c = DriverManager.getConnection(url, "sa", "");
      if (!createIfEmpty(c)) {
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
      }
      return new Store(c, Path.of(base + ".mv.db"), url);
    } catch (SQLException | java.io.IOException | RuntimeException e) {
      closeQuietly(c);
      throw new StoreException("cannot open the database " + base + ".mv.db: " + e.getMessage(), e);
    }
  }

  /**
   * Opens a new private in-memory database named after {@code name} and migrates it. It lives as
   * long as this store's connection: {@link #close()} drops it. Nothing is written to disk.
   *
   * @throws StoreException when it cannot be created or migrated
   */
  public static Store openInMemory(String name) {
    String unique = name + "-" + MEMORY_IDS.incrementAndGet();
    // A replay's store runs a few dozen distinct statements over and over: a query cache that
    // holds them all saves H2 parsing each again (the default keeps 8).
    String url = "jdbc:h2:mem:" + unique + ";QUERY_CACHE_SIZE=64";
    Connection c = null;
    try {
      // This connection keeps the database alive while Flyway opens and closes its own.
      c = DriverManager.getConnection(url, "sa", "");
      if (!createIfEmpty(c)) {
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
      }
      return new Store(c, Path.of("mem:" + unique), url);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      throw new StoreException("cannot create the in-memory database " + unique + ": " + e.getMessage(), e);
    }
  }

  /**
   * Gives a database without any table of its own the schema of the migrations: the statements
   * of {@link #schema()} (the tables, indexes and Flyway's history that {@code migrate()} would
   * write), so Flyway migrates once per process instead of once per database. A database that
   * has tables is left to Flyway.
   *
   * @return true when the database was empty and now has the schema
   */
  private static boolean createIfEmpty(Connection c) throws SQLException {
    // One at a time: two stores opened at once on the same new database must not both create it.
    synchronized (SCHEMA_LOCK) {
      try (java.sql.Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA='PUBLIC'")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return false;
        }
      }
      List<String> statements = schema();
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (java.sql.Statement st = c.createStatement()) {
        for (String sql : statements) {
          st.execute(sql);
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
      return true;
    }
  }

  /**
   * The statements that make the migrated schema, Flyway's history included: Flyway migrates a
   * private in-memory database once per process and H2's {@code SCRIPT} writes it out. Tables are
   * created without a table type, so each database gets its own default (file: cached, memory:
   * memory), as Flyway's {@code CREATE TABLE} gives them. The user line is left out (every
   * database already has its {@code sa}).
   */
  static List<String> schema() throws SQLException {
    synchronized (SCHEMA_LOCK) {
      if (schema == null) {
        String url = "jdbc:h2:mem:alvh-schema-" + MEMORY_IDS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
          Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
          List<String> out = new java.util.ArrayList<>();
          try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SCRIPT")) {
            while (rs.next()) {
              String sql = rs.getString(1);
              if (sql.startsWith("--") || sql.startsWith("CREATE USER ")) {
                continue;
              }
              out.add(sql.startsWith("CREATE MEMORY TABLE ") ? "CREATE TABLE " + sql.substring(20) : sql);
            }
          }
          schema = List.copyOf(out);
        }
      }
      return schema;
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // nothing was stored; a database only just created is dropped or left empty either way
      }
    }
  }

  /**
   * The store's connection helper, for the other store classes of the application
   * (hedge, audit, journal...) that keep their own tables in the same database.
   */
  public Jdbc jdbc() {
    return jdbc;
  }

  /** The JDBC URL of the database (user {@code sa}, empty password), for Quartz's job store. */
  public String url() {
    return url;
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /** The order journal: the one writer of {@code orders} and its fills, steps and legs. */
  public OrderJournal orderJournal() {
    return journal;
  }

  /** The condor tranches, their legs and settlements. */
  public TrancheStore tranches() {
    return tranches;
  }

  /** The decisions (why something was or was not done). */
  public DecisionStore decisions() {
    return decisions;
  }

  /** Writes an order intent to the journal, status JOURNALED, before it is sent. */
  public void journal(OrderIntent o, Instant at) {
    journal.journal(o, at);
  }

  /** Records a status change of order {@code ref}. */
  public void orderStatus(OrderRef ref, OrderStatus status, long brokerId, int filled, String reason, Instant at) {
    journal.status(ref, status, brokerId, filled, reason, at);
  }

  /** The status of order {@code ref}, if journaled. */
  public Optional<OrderStatus> orderStatus(OrderRef ref) {
    return journal.status(ref);
  }

  /**
   * Stores a fill once: a second fill with the same execution id is ignored.
   *
   * @return true when it was new
   */
  public boolean fill(Fill f) {
    return journal.fill(f);
  }

  /** Inserts an opened tranche and its four legs. */
  public void openTranche(Tranche t, BigDecimal commissions) {
    tranches.open(t, commissions);
  }

  /** Marks tranche {@code id} closed. */
  public void closeTranche(long id, LocalDate on, BigDecimal closeDebit, ExitReason reason, BigDecimal commissions,
      BigDecimal realizedPnl) {
    tranches.close(id, on, closeDebit, reason, commissions, realizedPnl);
  }

  /** The open tranches, by id. */
  public List<Tranche> openTranches() {
    return tranches.open();
  }

  /** Commissions paid so far on tranche {@code id}. */
  public BigDecimal trancheCommissions(long id) {
    return tranches.commissions(id);
  }

  /** The trade date of the newest tranche. */
  public Optional<LocalDate> lastEntry() {
    return tranches.lastEntry();
  }

  /** The id the next tranche gets: one above any tranche or order seen. */
  public long nextTrancheId() {
    return tranches.nextId();
  }

  /** Writes (or replaces) the snapshot of {@code day}. */
  public void snapshot(LocalDate day, BigDecimal equity, BigDecimal cash, double spx, double vix, double vix3m,
      String hedgeState, int openTranches) {
    jdbc.withHandle("storing the daily snapshot", h -> h.createUpdate("MERGE INTO daily_snapshot(trade_date, equity,"
            + " cash, spx, vix, vix3m, hedge_state, open_tranches) KEY(trade_date) VALUES (?,?,?,?,?,?,?,?)")
        .bind(0, day).bind(1, equity).bind(2, cash).bind(3, round2(spx)).bind(4, round2(vix)).bind(5, round2(vix3m))
        .bind(6, hedgeState).bind(7, openTranches).execute());
  }

  /** Daily equity, ascending by day. */
  public Map<LocalDate, BigDecimal> equityCurve() {
    Map<LocalDate, BigDecimal> out = new LinkedHashMap<>();
    jdbc.withHandle("reading the equity curve", h -> {
      h.createQuery("SELECT trade_date, equity FROM daily_snapshot ORDER BY trade_date")
          .map((rs, ctx) -> Map.entry(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2)))
          .forEach(e -> out.put(e.getKey(), e.getValue()));
      return null;
    });
    return out;
  }

  /** Records why something was or was not done. */
  public void decision(Instant at, String kind, String rule, String detail) {
    decisions.record(at, kind, rule, detail);
  }

  /** Rows in {@code table}; only the bot's own tables are accepted. */
  public long count(String table) {
    if (!List.of("tranche", "leg", "orders", "fill", "hedge_transition", "daily_snapshot", "decision", "audit",
        "order_step", "settlement")
        .contains(table)) {
      throw new IllegalArgumentException("table must be one of the bot's tables, but was '" + table + "'");
    }
    return jdbc.withHandle("counting the rows of " + table, h -> h.createQuery("SELECT COUNT(*) FROM " + table)
        .mapTo(Long.class).one());
  }

  /**
   * How condor positions ended, by exit reason key: tranches closed for each reason, except
   * {@code roll}, which counts every roll carried out: the theta-inversion rolls (roll orders
   * that filled; the tranche stays open and later ends for another reason) plus the tranches
   * closed by a roll at the time exit.
   */
  public Map<String, Long> exitReasons() {
    return tranches.exitReasons();
  }

  /** Sum of realized P&amp;L over closed tranches, USD. */
  public BigDecimal realizedPnl() {
    return tranches.realizedPnl();
  }

  /**
   * Closes the connection. The last session of the database also compacts the file (it is only
   * appended to while open, see {@link #open}); another session still open (a second store on the
   * same file, Quartz's pool) leaves that to the last one.
   */
  @Override
  public void close() {
    try {
      boolean memory = url.startsWith("jdbc:h2:mem:");
      if (!c.isClosed() && !memory
          && jdbc.queryOne("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS", rs -> rs.getLong(1)).orElse(0L) == 1) {
        jdbc.update("SHUTDOWN COMPACT");
      }
      c.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the database " + file + ": " + e.getMessage(), e);
    }
  }

  private static BigDecimal round2(double v) {
    return BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_EVEN);
  }
}
