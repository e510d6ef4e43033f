package dev.alvh.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.condor.Tranche;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order journal's repository: statuses and purposes bound and read as enums, the fills'
 * sums, the journal's newest and oldest times, and the amendments (limit, reconciliation,
 * tranche quantity) read back from the tables.
 */
class OrderJournalRepositoryTest {

  private static final Instant T = Instant.parse("2024-01-08T15:00:00Z");
  private static final Tranche TRANCHE = new Tranche(7, LocalDate.of(2024, 1, 8), LocalDate.of(2024, 2, 23),
      new BigDecimal("4750"), new BigDecimal("4800"), new BigDecimal("5150"), new BigDecimal("5200"), 3,
      new BigDecimal("2.40"));

  private Store store;
  private OrderJournalRepository journal;

  @BeforeEach
  void open() {
    store = Store.openInMemory("order-journal-repository");
    journal = new OrderJournalRepository(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private OrderRef order(String ref, OrderPurpose purpose, Instant at) {
    OrderIntent o = new OrderIntent(new OrderRef(ref), purpose, TRANCHE.id(), TRANCHE.openingLegs(), 3,
        NetPrice.credit(new BigDecimal("2.40")), "entry rule");
    store.journal(o, at);
    return o.ref();
  }

  private void fill(OrderRef ref, String exec, ComboLeg leg, int quantity, String price, Instant at) {
    store.fill(new Fill(ref, exec, at, leg.contract(), leg.side(), quantity, new BigDecimal(price),
        new BigDecimal("1.25")));
  }

  @Test
  void ordersAreSelectedByTheirStatusEnumOldestFirst() {
    OrderRef a = order("a", OrderPurpose.OPEN_CONDOR, T.plusSeconds(60));
    OrderRef b = order("b", OrderPurpose.CLOSE_CONDOR, T);
    OrderRef c = order("c", OrderPurpose.OPEN_HEDGE, T.plusSeconds(120));
    store.orderStatus(a, OrderStatus.SUBMITTED, 41, 0, "", T.plusSeconds(61));
    store.orderStatus(c, OrderStatus.FILLED, 43, 3, "", T.plusSeconds(121));

    List<OrderJournalRepository.Journaled> unfinished =
        journal.inStatus(EnumSet.of(OrderStatus.JOURNALED, OrderStatus.SUBMITTED));
    assertThat(unfinished).containsExactly(new OrderJournalRepository.Journaled(b, OrderStatus.JOURNALED, 3, 0, 0),
        new OrderJournalRepository.Journaled(a, OrderStatus.SUBMITTED, 3, 0, 41));
    assertThat(journal.oldestCreatedAt(EnumSet.of(OrderStatus.SUBMITTED, OrderStatus.FILLED)))
        .contains(T.plusSeconds(60));
    assertThat(journal.oldestCreatedAt(EnumSet.of(OrderStatus.INACTIVE))).isEmpty();

    List<OrderJournalRepository.Row> filled = journal.rowsInStatus(EnumSet.of(OrderStatus.FILLED));
    assertThat(filled).hasSize(1);
    assertThat(filled.get(0).ref()).isEqualTo(c);
    assertThat(filled.get(0).purpose()).isEqualTo(OrderPurpose.OPEN_HEDGE);
    assertThat(filled.get(0).status()).isEqualTo(OrderStatus.FILLED);
    assertThat(filled.get(0).limit()).isEqualByComparingTo("-2.40");
    assertThat(filled.get(0).legs()).isEqualTo(LegCodec.orderText(TRANCHE.openingLegs()));

    assertThat(journal.progress(a)).contains(new OrderJournalRepository.Progress(OrderStatus.SUBMITTED, 0, 3));
    assertThat(journal.progress(new OrderRef("nope"))).isEmpty();
    assertThat(journal.journaled(b)).isTrue();
    assertThat(journal.journaled(new OrderRef("nope"))).isFalse();
    assertThat(journal.maxBrokerId()).isEqualTo(43);
  }

  @Test
  void anEmptyJournalHasNoTimesAndNoBrokerId() {
    assertThat(journal.lastFillAt()).isEmpty();
    assertThat(journal.oldestCreatedAt(EnumSet.allOf(OrderStatus.class))).isEmpty();
    assertThat(journal.maxBrokerId()).isZero();
    assertThat(journal.fillCash(new OrderRef("nope")))
        .isEqualTo(new OrderJournalRepository.FillCash(BigDecimal.ZERO, BigDecimal.ZERO));
  }

  @Test
  void fillsAreReadBackWithTheirSidesAndSummed() {
    OrderRef a = order("a", OrderPurpose.OPEN_CONDOR, T);
    List<ComboLeg> legs = TRANCHE.openingLegs();
    fill(a, "e2", legs.get(1), 3, "2.50", T.plusSeconds(2));
    fill(a, "e1", legs.get(0), 3, "2.00", T.plusSeconds(1));
    fill(a, "e3", legs.get(1), 1, "2.60", T.plusSeconds(3));

    List<Fill> fills = journal.fills(a);
    assertThat(fills).extracting(Fill::execId).containsExactly("e1", "e2", "e3");
    assertThat(fills.get(0).side()).isEqualTo(legs.get(0).side());
    assertThat(fills.get(1).side()).isEqualTo(Side.SELL);
    assertThat(fills.get(1).contract()).isEqualTo(legs.get(1).contract());
    assertThat(journal.filledByContract(a)).isEqualTo(Map.of(legs.get(0).contract().key(), 3,
        legs.get(1).contract().key(), 4));
    assertThat(journal.hasFill("e2")).isTrue();
    assertThat(journal.hasFill("e9")).isFalse();
    assertThat(journal.lastFillAt()).contains(T.plusSeconds(3));
    // sells 3 x 2.50 + 1 x 2.60 minus the buy 3 x 2.00, x 100
    OrderJournalRepository.FillCash cash = journal.fillCash(a);
    assertThat(cash.netCash()).isEqualByComparingTo("410.00");
    assertThat(cash.commissions()).isEqualByComparingTo("3.75");
  }

  @Test
  void endedBeforeV6TakesOnlyOrdersWithAFillAndNoAppliedMark() {
    OrderRef legacy = order("legacy", OrderPurpose.OPEN_CONDOR, T);
    OrderRef marked = order("marked", OrderPurpose.OPEN_CONDOR, T.plusSeconds(1));
    OrderRef unfilled = order("unfilled", OrderPurpose.OPEN_CONDOR, T.plusSeconds(2));
    new OrderJournal(store.jdbc()).markApplied(marked, 0, T);
    for (OrderRef r : List.of(legacy, marked, unfilled)) {
      store.orderStatus(r, OrderStatus.FILLED, 1, 3, "", T.plusSeconds(5));
    }
    fill(legacy, "e1", TRANCHE.openingLegs().get(0), 3, "2.00", T);
    fill(marked, "e2", TRANCHE.openingLegs().get(0), 3, "2.00", T);

    assertThat(journal.endedBeforeV6(EnumSet.of(OrderStatus.FILLED))).extracting(OrderJournalRepository.Row::ref)
        .containsExactly(legacy);
    assertThat(journal.endedBeforeV6(EnumSet.of(OrderStatus.CANCELLED))).isEmpty();
  }

  @Test
  void amendmentsAreStored() {
    OrderRef a = order("a", OrderPurpose.OPEN_CONDOR, T);
    store.orderJournal().limitPrice(a, new BigDecimal("-2.35"), T.plusSeconds(30));
    BigDecimal limit = store.jdbc().withHandle("test", h -> h.createQuery(
        "SELECT limit_price FROM orders WHERE ref='a'").mapTo(BigDecimal.class).one());
    assertThat(limit).isEqualByComparingTo("-2.35");
    assertThat(new ConsoleQueries(store).recentOrders(1).get(0).updatedAt()).isEqualTo(T.plusSeconds(30));

    journal.reconciliation(T, "never-sent", "a", "x".repeat(2000));
    String stored = store.jdbc().withHandle("test", h -> h.createQuery(
        "SELECT kind || ' ' || ref || ' ' || LENGTH(detail) FROM reconciliation").mapTo(String.class).one());
    assertThat(stored).isEqualTo("never-sent a 1024");

    TrancheStore tranches = store.tranches();
    assertThat(tranches.exists(TRANCHE.id())).isFalse();
    store.openTranche(TRANCHE, BigDecimal.ZERO);
    assertThat(tranches.exists(TRANCHE.id())).isTrue();
    tranches.quantity(TRANCHE.id(), 1);
    assertThat(store.openTranches().get(0).quantity()).isEqualTo(1);
  }
}
