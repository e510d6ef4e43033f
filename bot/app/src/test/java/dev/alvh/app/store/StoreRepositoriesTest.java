package dev.alvh.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.hedge.HedgeAction;
import dev.alvh.core.hedge.HedgeLayerKind;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The repositories bind and map enums: what is stored, what reads back, and a stored name no constant has. */
class StoreRepositoriesTest {

  private static final Instant T = Instant.parse("2024-01-08T20:45:00Z");
  private static final LocalDate OPENED = LocalDate.of(2024, 1, 8);

  private Store store;
  private OrderJournal journal;

  @BeforeEach
  void open() {
    store = Store.openInMemory("repositories");
    journal = store.orderJournal();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Tranche tranche() {
    return new Tranche(1, OPENED, LocalDate.of(2024, 2, 23), new BigDecimal("4750"), new BigDecimal("4800"),
        new BigDecimal("5150"), new BigDecimal("5200"), 2, new BigDecimal("2.40"));
  }

  private String text(String sql) {
    return store.jdbc().withHandle("reading a raw column", h -> h.createQuery(sql).mapTo(String.class).one());
  }

  @Test
  void statusesPurposesAndHedgeActionsAreStoredByNameAndReadBackAsEnums() {
    Tranche t = tranche();
    OrderIntent o = new OrderIntent(new OrderRef("r-1"), OrderPurpose.OPEN_HEDGE, 0, t.openingLegs(), 1,
        NetPrice.debit(new BigDecimal("1.10")), "why");
    journal.journal(o, T);
    journal.journaled(o);
    journal.hedgeAction("alvh", new HedgeAction(HedgeAction.Type.OPEN, "L2-1", 2, HedgeLayerKind.SPX_PUT_SPREAD, o));

    assertThat(text("SELECT purpose FROM orders")).isEqualTo("OPEN_HEDGE");
    assertThat(text("SELECT status FROM orders")).isEqualTo("JOURNALED");
    assertThat(journal.status(o.ref())).contains(OrderStatus.JOURNALED);
    journal.status(o.ref(), OrderStatus.PARTIALLY_FILLED, 7, 1, "half", T);
    assertThat(text("SELECT status FROM orders")).isEqualTo("PARTIALLY_FILLED");
    assertThat(store.orderStatus(o.ref())).contains(OrderStatus.PARTIALLY_FILLED);
    assertThat(journal.legsOf(o.ref())).isEqualTo(t.openingLegs());
    assertThat(journal.hedgeActionOf(o)).hasValueSatisfying(a -> {
      assertThat(a.type()).isEqualTo(HedgeAction.Type.OPEN);
      assertThat(a.kind()).isEqualTo(HedgeLayerKind.SPX_PUT_SPREAD);
    });
    assertThat(text("SELECT kind FROM hedge_order")).isEqualTo("SPX_PUT_SPREAD");
  }

  @Test
  void exitReasonsAreStoredByTheirKeyAndMapBackFromIt() {
    Tranche t = tranche();
    store.openTranche(t, BigDecimal.ZERO);
    store.closeTranche(t.id(), OPENED.plusDays(30), new BigDecimal("1.00"), ExitReason.TIME_EXIT, BigDecimal.ZERO,
        new BigDecimal("280"));
    assertThat(text("SELECT exit_reason FROM tranche")).isEqualTo("timeExit");
    ExitReason stored = store.jdbc().withHandle("reading an exit reason", h -> h.createQuery(
        "SELECT exit_reason FROM tranche").mapTo(ExitReason.class).one());
    assertThat(stored).isEqualTo(ExitReason.TIME_EXIT);
    assertThat(store.exitReasons()).containsEntry("timeExit", 1L).containsEntry("stop", 0L);
  }

  @Test
  void aStoredStatusNoConstantHasFailsNamingTheColumnAndTheValue() {
    OrderIntent o = new OrderIntent(new OrderRef("r-2"), OrderPurpose.OPEN_CONDOR, 1, tranche().openingLegs(), 1,
        NetPrice.credit(new BigDecimal("2.40")), "why");
    journal.journal(o, T);
    store.jdbc().withHandle("spoiling a status", h -> h.createUpdate("UPDATE orders SET status='HALF_DONE'").execute());

    assertThatThrownBy(() -> store.orderStatus(o.ref()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("column status holds 'HALF_DONE', which is no OrderStatus")
        .hasMessageContaining("JOURNALED");
    assertThatThrownBy(() -> store.jdbc().withHandle("reading a status", h -> h.createQuery(
        "SELECT status FROM orders").mapTo(OrderStatus.class).one()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("column status holds 'HALF_DONE'");
  }

  @Test
  void theSameSqlRunWhileItsRowsAreReadGetsAStatementOfItsOwn() {
    store.decision(T, "note", "a", "");
    store.decision(T, "note", "b", "");
    String sql = "SELECT rule FROM decision ORDER BY id";
    // The kept statement of this SQL is in use by the outer query: the inner one must not reuse it.
    List<String> seen = store.jdbc().withHandle("reading the notes twice", h -> h.createQuery(sql)
        .map((rs, ctx) -> rs.getString(1) + h.createQuery(sql).mapTo(String.class).list()).list());
    assertThat(seen).containsExactly("a[a, b]", "b[a, b]");
    List<String> again = store.jdbc().withHandle("reading the notes again", h -> h.createQuery(sql)
        .mapTo(String.class).list());
    assertThat(again).containsExactly("a", "b");
  }
}
