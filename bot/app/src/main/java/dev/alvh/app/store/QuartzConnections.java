package dev.alvh.app.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz's connections to the bot's H2 database, from H2's own small pool (no extra library):
 * the Quartz job store keeps its tables ({@code QRTZ_*}, migration V5) in the store's database.
 */
public final class QuartzConnections implements ConnectionProvider {

  /** Connections Quartz may hold at once. */
  private static final int MAX_CONNECTIONS = 4;

  private final JdbcConnectionPool pool;

  private QuartzConnections(String url) {
    this.pool = JdbcConnectionPool.create(url, "sa", "");
    pool.setMaxConnections(MAX_CONNECTIONS);
  }

  /** Gives Quartz's data source {@code dataSource} its connections to the database at {@code url}. */
  public static void register(String dataSource, String url) {
    DBConnectionManager.getInstance().addConnectionProvider(dataSource, new QuartzConnections(url));
  }

  /**
   * Closes the connections of Quartz's data source {@code dataSource}.
   *
   * @throws StoreException when they do not close cleanly
   */
  public static void release(String dataSource) {
    try {
      DBConnectionManager.getInstance().shutdown(dataSource);
    } catch (SQLException e) {
      throw new StoreException("Quartz's connections did not close cleanly: " + e.getMessage(), e);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public void shutdown() {
    pool.dispose();
  }

  @Override
  public void initialize() {
    // the pool is ready when built
  }
}
