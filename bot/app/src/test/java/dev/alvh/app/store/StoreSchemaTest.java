package dev.alvh.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new database gets the schema Flyway made once in the process instead of a migration of its
 * own: the same tables, columns, indexes and constraints, with the same table type, as a database
 * Flyway migrated itself, and Flyway's history such that Flyway finds nothing to do on it later.
 * A database that already has tables is still migrated by Flyway.
 */
class StoreSchemaTest {

  @TempDir
  Path dir;

  @Test
  void aNewFileDatabaseHasTheSchemaFlywayGivesIt() throws SQLException {
    String migrated = "jdbc:h2:file:" + dir.resolve("flyway") + ";TRACE_LEVEL_FILE=0";
    Flyway.configure().dataSource(migrated, "sa", "").locations("classpath:db/migration").load().migrate();

    try (Store store = Store.open(dir, "fresh");
        Connection reference = DriverManager.getConnection(migrated, "sa", "")) {
      assertThat(schema(store.url())).isEqualTo(schema(reference)).anyMatch(s -> s.startsWith("CREATE CACHED TABLE"));
      assertThat(history(store.url())).isEqualTo(history(reference)).hasSize(12);
    }
  }

  @Test
  void aNewMemoryDatabaseHasTheSchemaFlywayGivesIt() throws SQLException {
    String migrated = "jdbc:h2:mem:store-schema-reference";
    try (Connection reference = DriverManager.getConnection(migrated, "sa", "");
        Store store = Store.openInMemory("schema")) {
      Flyway.configure().dataSource(migrated, "sa", "").locations("classpath:db/migration").load().migrate();
      assertThat(schema(store.url())).isEqualTo(schema(reference)).anyMatch(s -> s.startsWith("CREATE MEMORY TABLE"));
      assertThat(history(store.url())).isEqualTo(history(reference));
    }
  }

  @Test
  void flywayFindsNothingToDoOnADatabaseMadeFromTheSchema() {
    try (Store store = Store.open(dir, "made")) {
      store.decision(java.time.Instant.parse("2024-01-02T15:00:00Z"), "entry", "rule", "detail");
    }
    Flyway flyway = Flyway.configure().dataSource("jdbc:h2:file:" + dir.resolve("made"), "sa", "")
        .locations("classpath:db/migration").load();
    flyway.validate();
    assertThat(flyway.info().pending()).isEmpty();
    try (Store again = Store.open(dir, "made")) {
      assertThat(again.count("decision")).isEqualTo(1);
    }
  }

  @Test
  void anExistingDatabaseIsMigratedByFlyway() throws SQLException {
    String url = "jdbc:h2:file:" + dir.resolve("old") + ";TRACE_LEVEL_FILE=0";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
        .target(MigrationVersion.fromVersion("10")).load().migrate();

    try (Store store = Store.open(dir, "old")) {
      assertThat(history(store.url())).hasSize(12).last().asString().startsWith("11|");
    }
  }

  /** The database's schema statements ({@code SCRIPT NODATA}) but the user's password line. */
  private static List<String> schema(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      return schema(c);
    }
  }

  private static List<String> schema(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SCRIPT NODATA")) {
      while (rs.next()) {
        String sql = rs.getString(1);
        if (!sql.startsWith("CREATE USER ")) {
          out.add(sql);
        }
      }
    }
    return out;
  }

  /** Flyway's history: version, script, checksum and success of each row, by rank. */
  private static List<String> history(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      return history(c);
    }
  }

  private static List<String> history(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT \"version\", \"script\","
        + " \"checksum\", \"success\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getObject(3) + "|" + rs.getBoolean(4));
      }
    }
    return out;
  }
}
