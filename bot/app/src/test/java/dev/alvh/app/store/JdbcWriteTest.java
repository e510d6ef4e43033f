package dev.alvh.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Jdbc#write} stores what the JDBI handle's update stores for the same arguments. */
class JdbcWriteTest {

  private static final String INSERT = "INSERT INTO tranche(id, opened_on, expiry, long_put, short_put, short_call,"
      + " long_call, quantity, credit, status, commissions, call_expiry, exit_reason, closed_on) VALUES"
      + " (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

  private static List<String> row(Jdbc j, long id) {
    return j.withHandle("reading a row", h -> h.createQuery("SELECT * FROM tranche WHERE id=?").bind(0, id)
        .map((rs, ctx) -> {
          List<String> out = new java.util.ArrayList<>();
          for (int c = 2; c <= rs.getMetaData().getColumnCount(); c++) {
            out.add(rs.getMetaData().getColumnName(c) + "=" + rs.getString(c));
          }
          return out;
        }).one());
  }

  @Test
  void bindsInstantsEnumsExitReasonsDatesNumbersAndNullsAsTheHandleDoes() {
    try (Store store = Store.openInMemory("write")) {
      Jdbc j = store.jdbc();
      LocalDate d = LocalDate.of(2024, 1, 8);
      Object[] args = {d, d.plusDays(45), new BigDecimal("4750"), new BigDecimal("4800.5"), new BigDecimal("5150"),
          new BigDecimal("5200"), 3, new BigDecimal("2.40"), OrderStatus.FILLED, new BigDecimal("7.35"), null,
          ExitReason.PROFIT_TARGET, null};
      j.withHandle("the handle's insert", h -> {
        var u = h.createUpdate(INSERT).bind(0, 1L);
        for (int i = 0; i < args.length; i++) {
          u.bind(i + 1, args[i]);
        }
        return u.execute();
      });
      Object[] withId = new Object[args.length + 1];
      withId[0] = 2L;
      System.arraycopy(args, 0, withId, 1, args.length);
      assertThat(j.write("the fast insert", INSERT, withId)).isEqualTo(1);
      assertThat(row(j, 2)).isEqualTo(row(j, 1)).contains("EXIT_REASON=profitTarget", "STATUS=FILLED",
          "CALL_EXPIRY=null");

      Instant at = Instant.parse("2024-01-08T20:45:00.123Z");
      j.withHandle("the handle's decision", h -> h.createUpdate("INSERT INTO decision(occurred_at, kind, rule, detail)"
          + " VALUES (?,?,?,?)").bind(0, at).bind(1, "a").bind(2, "r").bind(3, "d").execute());
      j.write("the fast decision", "INSERT INTO decision(occurred_at, kind, rule, detail) VALUES (?,?,?,?)", at, "b",
          "r", "d");
      List<Instant> times = j.query("SELECT occurred_at FROM decision ORDER BY kind",
          rs -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant());
      assertThat(times).containsExactly(at, at);
    }
  }

  @Test
  void aFailedWriteNamesWhatFailed() {
    try (Store store = Store.openInMemory("write-fails")) {
      assertThatThrownBy(() -> store.jdbc().write("storing a decision", "INSERT INTO decision(kind) VALUES (?)",
          "no time")).isInstanceOf(StoreException.class).hasMessageStartingWith("storing a decision failed: ");
    }
  }
}
