package dev.alvh.app.engine;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * An H2 trigger that fails the write it is attached to while {@link #armed} is set: a test's way
 * to stop the bot between two writes of one transaction (the transaction rolls back, as a kill
 * before its commit would leave it).
 */
public final class FailingWrites implements Trigger {

  /** While true, every write to a table carrying this trigger fails. */
  static volatile boolean armed;

  /** Attaches the trigger to inserts into {@code table}. */
  static void attach(dev.alvh.app.store.Store store, String table) {
    store.jdbc().update("CREATE TRIGGER IF NOT EXISTS fail_" + table + " BEFORE INSERT ON " + table
        + " FOR EACH ROW CALL \"" + FailingWrites.class.getName() + "\"");
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    if (armed) {
      throw new SQLException("killed (test): the write did not happen");
    }
  }
}
