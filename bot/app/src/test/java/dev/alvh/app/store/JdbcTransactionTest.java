package dev.alvh.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcTransactionTest {

  @TempDir
  Path dir;

  private static void note(Jdbc j, String rule) {
    j.update("INSERT INTO decision(occurred_at, kind, rule, detail) VALUES (?,?,?,?)",
        Timestamp.from(Instant.parse("2026-02-23T15:00:00Z")), "note", rule, "");
  }

  private static long notes(Jdbc j) {
    return j.queryOne("SELECT COUNT(*) FROM decision WHERE kind='note'", rs -> rs.getLong(1)).orElseThrow();
  }

  @Test
  void allWritesOrNone() throws Exception {
    try (Store s = Store.open(dir, "t")) {
      Jdbc j = s.jdbc();
      j.inTransaction(() -> {
        note(j, "a");
        note(j, "b");
      });
      assertThat(notes(j)).isEqualTo(2);
      assertThatThrownBy(() -> j.inTransaction(() -> {
        note(j, "c");
        throw new IllegalStateException("crash in the middle");
      })).hasMessage("crash in the middle");
      assertThat(notes(j)).as("the write before the failure is rolled back").isEqualTo(2);
      assertThat(j.connection().getAutoCommit()).as("back to auto-commit").isTrue();
    }
  }

  @Test
  void nestedCallsJoinTheOuterTransaction() {
    try (Store s = Store.open(dir, "t")) {
      Jdbc j = s.jdbc();
      assertThatThrownBy(() -> j.inTransaction(() -> {
        j.inTransaction(() -> note(j, "inner"));
        throw new IllegalStateException("outer fails");
      })).hasMessage("outer fails");
      assertThat(notes(j)).as("the inner write went with the outer rollback").isZero();
    }
  }

  @Test
  void handleWritesJoinTheTransactionAndFailuresNameTheirWork() {
    try (Store s = Store.open(dir, "t")) {
      Jdbc j = s.jdbc();
      assertThatThrownBy(() -> j.inTransaction(() -> {
        j.withHandle("a note", h -> h.createUpdate("INSERT INTO decision(occurred_at, kind, rule, detail)"
            + " VALUES (:at, 'note', :rule, '')").bind("at", Instant.parse("2026-02-23T15:00:00Z"))
            .bind("rule", "via handle").execute());
        throw new IllegalStateException("fails after the handle's write");
      })).hasMessage("fails after the handle's write");
      assertThat(notes(j)).as("the handle's write went with the rollback").isZero();

      j.withHandle("a note", h -> h.createUpdate("INSERT INTO decision(occurred_at, kind, rule, detail)"
          + " VALUES (:at, 'note', 'kept', '')").bind("at", Instant.parse("2026-02-23T15:00:00Z")).execute());
      assertThat(notes(j)).isEqualTo(1);
      assertThatThrownBy(() -> j.withHandle("reading the notes", h -> h.createQuery("SELECT nope FROM decision")
          .mapTo(String.class).list()))
          .isInstanceOf(StoreException.class).hasMessageStartingWith("reading the notes failed: ");
    }
  }
}
