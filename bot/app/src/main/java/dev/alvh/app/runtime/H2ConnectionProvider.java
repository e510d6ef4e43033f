package dev.alvh.app.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.quartz.utils.ConnectionProvider;

/** Quartz's connections to the bot's H2 database, from H2's own small pool (no extra library). */
final class H2ConnectionProvider implements ConnectionProvider {

  private final JdbcConnectionPool pool;

  H2ConnectionProvider(String url) {
    this.pool = JdbcConnectionPool.create(url, "sa", "");
    pool.setMaxConnections(4);
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
