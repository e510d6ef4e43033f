package dev.alvh.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.hedge.HedgeAction;
import dev.alvh.core.hedge.HedgeBook;
import dev.alvh.core.hedge.HedgeLayerKind;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reads the store keeps in memory (open tranches, the newest tranche's date, the next id,
 * the carry cap's premium and credit) are never older than the last write of their tables over
 * the connection, whichever repository or raw statement wrote, nor than a rollback.
 */
class StoreReadCacheTest {

  private static final LocalDate D = LocalDate.of(2024, 1, 8);
  private static final Instant T = Instant.parse("2024-01-08T20:45:00Z");

  @TempDir
  Path dir;

  private Store store;

  @BeforeEach
  void open() {
    store = Store.openInMemory("caches");
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static Tranche tranche(long id, LocalDate opened, int quantity) {
    return new Tranche(id, opened, opened.plusDays(45), new BigDecimal("4750"), new BigDecimal("4800"),
        new BigDecimal("5150"), new BigDecimal("5200"), quantity, new BigDecimal("2.40"));
  }

  private static List<Long> ids(List<Tranche> ts) {
    return ts.stream().map(Tranche::id).toList();
  }

  @Test
  void openTranchesFollowEveryWriteOfTheTrancheTable() {
    TrancheStore tranches = store.tranches();
    assertThat(tranches.open()).isEmpty();
    store.openTranche(tranche(1, D, 2), BigDecimal.ZERO);
    assertThat(ids(tranches.open())).containsExactly(1L);
    // Written through another repository instance over the same connection.
    new TrancheStore(store.jdbc()).open(tranche(2, D, 1), BigDecimal.ZERO);
    assertThat(ids(tranches.open())).containsExactly(1L, 2L);
    tranches.quantity(2, 3);
    assertThat(tranches.open().get(1).quantity()).isEqualTo(3);
    // Written by a raw statement of another kind of caller.
    store.jdbc().withHandle("closing by hand", h -> h.createUpdate("UPDATE tranche SET status='CLOSED' WHERE id=1")
        .execute());
    assertThat(ids(tranches.open())).containsExactly(2L);
    store.jdbc().update("UPDATE tranche SET status='CLOSED' WHERE id=2");
    assertThat(store.openTranches()).isEmpty();
  }

  @Test
  void theCallerGetsItsOwnListEachTime() {
    store.openTranche(tranche(1, D, 2), BigDecimal.ZERO);
    List<Tranche> first = store.openTranches();
    first.clear();
    assertThat(ids(store.openTranches())).containsExactly(1L);
  }

  @Test
  void aRollbackDropsWhatTheTransactionRead() {
    TrancheStore tranches = store.tranches();
    assertThat(tranches.open()).isEmpty();
    assertThatThrownBy(() -> store.jdbc().inTransaction(() -> {
      store.openTranche(tranche(1, D, 2), BigDecimal.ZERO);
      assertThat(ids(tranches.open())).as("read inside the transaction").containsExactly(1L);
      assertThat(tranches.credit(D.minusDays(1), D)).isEqualByComparingTo("480");
      assertThat(tranches.lastEntry()).contains(D);
      assertThat(tranches.nextId()).isEqualTo(2);
      throw new IllegalStateException("crash in the middle");
    })).hasMessage("crash in the middle");
    assertThat(tranches.open()).as("the tranche was rolled back").isEmpty();
    assertThat(tranches.credit(D.minusDays(1), D)).isEqualByComparingTo("0");
    assertThat(tranches.lastEntry()).isEmpty();
    assertThat(tranches.nextId()).isEqualTo(1);
  }

  @Test
  void newestDateAndNextIdFollowTranchesAndOrders() {
    TrancheStore tranches = store.tranches();
    assertThat(tranches.lastEntry()).isEmpty();
    assertThat(tranches.nextId()).isEqualTo(1);
    store.openTranche(tranche(4, D, 1), BigDecimal.ZERO);
    assertThat(tranches.lastEntry()).contains(D);
    assertThat(tranches.nextId()).isEqualTo(5);
    OrderIntent o = new OrderIntent(new OrderRef("r-9"), OrderPurpose.OPEN_CONDOR, 9, tranche(9, D, 1).openingLegs(),
        1, NetPrice.credit(new BigDecimal("2.40")), "why");
    store.journal(o, T);
    assertThat(tranches.nextId()).as("an order of tranche 9 was journaled").isEqualTo(10);
    store.openTranche(tranche(9, D.plusDays(3), 1), BigDecimal.ZERO);
    assertThat(tranches.lastEntry()).contains(D.plusDays(3));
  }

  @Test
  void condorCreditFollowsOpensRollsAndPartialCloses() {
    TrancheStore tranches = store.tranches();
    HedgeStore hedge = new HedgeStore(store.jdbc(), "alvh");
    assertThat(hedge.condorCredit(D.minusDays(1), D.plusDays(10))).isEqualByComparingTo("0");
    store.openTranche(tranche(1, D, 2), BigDecimal.ZERO);
    store.openTranche(tranche(2, D.plusDays(5), 1), BigDecimal.ZERO);
    assertThat(hedge.condorCredit(D.minusDays(1), D.plusDays(10))).isEqualByComparingTo("720");
    assertThat(hedge.condorCredit(D, D.plusDays(10))).isEqualByComparingTo("240");
    assertThat(hedge.condorCredit(D.minusDays(1), D)).isEqualByComparingTo("480");
    assertThat(hedge.condorCredit(D.plusDays(5), D.plusDays(10))).isEqualByComparingTo("0");
    assertThat(hedge.condorCredit(D.minusDays(1), D.plusDays(5))).as("a window starting earlier again")
        .isEqualByComparingTo("720");
    Tranche rolled = new Tranche(1, D, D.plusDays(52), new BigDecimal("4750"), new BigDecimal("4800"),
        new BigDecimal("5150"), new BigDecimal("5200"), 2, new BigDecimal("3.00"));
    tranches.rolled(rolled, new BigDecimal("0.60"), BigDecimal.ZERO);
    assertThat(hedge.condorCredit(D.minusDays(1), D)).as("after the roll").isEqualByComparingTo("600");
    tranches.close(rolled, 1, new BigDecimal("1.00"), BigDecimal.ZERO, ExitReason.PROFIT_TARGET, D.plusDays(6));
    assertThat(hedge.condorCredit(D.minusDays(1), D)).as("one of two condors closed").isEqualByComparingTo("300");
  }

  @Test
  void premiumSpentFollowsEveryHedgeTrade() {
    HedgeStore hedge = new HedgeStore(store.jdbc(), "alvh");
    assertThat(hedge.premiumSpent(D.minusDays(1), D.plusDays(10))).isEqualByComparingTo("0");
    hedge.trade(new HedgeBook.Trade("L1-a", HedgeAction.Type.OPEN, D, 10, new BigDecimal("-1.20"),
        new BigDecimal("-1200"), BigDecimal.ZERO), 1, HedgeLayerKind.VIX_CALL, HedgeTradeAction.OPEN, BigDecimal.ZERO);
    assertThat(hedge.premiumSpent(D.minusDays(1), D.plusDays(10))).isEqualByComparingTo("1200");
    // Another store of the same book (the replay's read-back makes one) writes a trade.
    new HedgeStore(store.jdbc(), "alvh").trade(new HedgeBook.Trade("L2-a", HedgeAction.Type.OPEN, D.plusDays(2), 2,
        new BigDecimal("-3.00"), new BigDecimal("-600"), BigDecimal.ZERO), 2, HedgeLayerKind.VIX_CALL, HedgeTradeAction.OPEN,
        BigDecimal.ZERO);
    assertThat(hedge.premiumSpent(D.minusDays(1), D.plusDays(10))).isEqualByComparingTo("1800");
    assertThat(hedge.premiumSpent(D, D.plusDays(10))).isEqualByComparingTo("600");
    assertThat(hedge.premiumSpent(D.plusDays(10), D)).as("an empty window").isEqualByComparingTo("0");
    assertThat(hedge.premiumSpent(D.minusDays(1), D)).as("a window starting earlier again").isEqualByComparingTo("1200");
    // Closes, PRESS spreads and other books are not premium spent.
    hedge.trade(new HedgeBook.Trade("L1-a", HedgeAction.Type.CLOSE, D.plusDays(3), -10, new BigDecimal("4.00"),
        new BigDecimal("4000"), new BigDecimal("2800")), 1, HedgeLayerKind.VIX_CALL, HedgeTradeAction.CLOSE, BigDecimal.ZERO);
    hedge.trade(new HedgeBook.Trade("PS-a", HedgeAction.Type.OPEN, D.plusDays(3), 5, new BigDecimal("-0.65"),
        new BigDecimal("-325"), BigDecimal.ZERO), 0, HedgeLayerKind.PRESS_SPREAD, HedgeTradeAction.OPEN, BigDecimal.ZERO);
    new HedgeStore(store.jdbc(), "rigid").trade(new HedgeBook.Trade("L1-r", HedgeAction.Type.OPEN, D, 1,
        new BigDecimal("-1.00"), new BigDecimal("-100"), BigDecimal.ZERO), 1, HedgeLayerKind.VIX_CALL, HedgeTradeAction.OPEN,
        BigDecimal.ZERO);
    assertThat(hedge.premiumSpent(D.minusDays(1), D.plusDays(10))).isEqualByComparingTo("1800");
    store.jdbc().update("DELETE FROM hedge_trade WHERE layer_id='L2-a'");
    assertThat(hedge.premiumSpent(D.minusDays(1), D.plusDays(10))).as("after a raw delete").isEqualByComparingTo("1200");
  }

  @Test
  void aRestartedStoreReadsTheSameFigures() {
    try (Store file = Store.open(dir, "t")) {
      file.openTranche(tranche(1, D, 2), BigDecimal.ZERO);
      HedgeStore hedge = new HedgeStore(file.jdbc(), "alvh");
      hedge.trade(new HedgeBook.Trade("L1-a", HedgeAction.Type.OPEN, D, 10, new BigDecimal("-1.20"),
          new BigDecimal("-1200"), BigDecimal.ZERO), 1, HedgeLayerKind.VIX_CALL, HedgeTradeAction.OPEN, BigDecimal.ZERO);
      assertThat(hedge.premiumSpent(D.minusDays(1), D)).isEqualByComparingTo("1200");
      assertThat(hedge.condorCredit(D.minusDays(1), D)).isEqualByComparingTo("480");
    }
    try (Store file = Store.open(dir, "t")) {
      HedgeStore hedge = new HedgeStore(file.jdbc(), "alvh");
      assertThat(hedge.premiumSpent(D.minusDays(1), D)).isEqualByComparingTo("1200");
      assertThat(hedge.condorCredit(D.minusDays(1), D)).isEqualByComparingTo("480");
      assertThat(ids(file.openTranches())).containsExactly(1L);
    }
  }

  @Test
  void writesAreToldApartFromReads() {
    assertThat(TableWrites.target("SELECT id FROM tranche")).isEmpty();
    assertThat(TableWrites.target("  insert into tranche(id) VALUES (?)")).isEqualTo("tranche");
    assertThat(TableWrites.target("UPDATE tranche SET quantity=? WHERE id=?")).isEqualTo("tranche");
    assertThat(TableWrites.target("MERGE INTO hedge_layer(id) KEY(id) VALUES (?)")).isEqualTo("hedge_layer");
    assertThat(TableWrites.target("DELETE FROM \"PUBLIC\".\"HEDGE_TRADE\" WHERE 1=1")).isEqualTo("hedge_trade");
    assertThat(TableWrites.target("TRUNCATE TABLE tranche")).isEqualTo("*");
    TableWrites w = new TableWrites();
    long tranche = w.version("tranche");
    long orders = w.version("orders");
    w.statement("SELECT * FROM tranche");
    w.statement("INSERT INTO orders(ref) VALUES (?)");
    assertThat(w.version("tranche")).isEqualTo(tranche);
    assertThat(w.version("orders")).isNotEqualTo(orders);
    w.statement("TRUNCATE TABLE leg");
    assertThat(w.version("tranche")).isNotEqualTo(tranche);
    tranche = w.version("tranche");
    w.rollback();
    assertThat(w.version("tranche")).isNotEqualTo(tranche);
  }
}
