package dev.alvh.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.HedgeState;
import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.hedge.HedgeTransition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator views' queries: realised P&amp;L of tranches and hedge trades, the day base, the
 * tranche list (every open one, the last closed ones), decisions and transitions in their order.
 */
class ConsoleQueriesTest {

  private static final LocalDate D = LocalDate.of(2024, 1, 8);
  private static final Instant T = Instant.parse("2024-01-08T15:00:00Z");

  private Store store;
  private ConsoleQueries q;

  @BeforeEach
  void open() {
    store = Store.openInMemory("console-queries");
    q = new ConsoleQueries(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static Tranche tranche(long id) {
    return new Tranche(id, D, D.plusDays(45), new BigDecimal("4750"), new BigDecimal("4800"),
        new BigDecimal("5150"), new BigDecimal("5200"), 1, new BigDecimal("2.40"));
  }

  @Test
  void realizedPnlAddsClosedTranchesAndHedgeTrades() {
    assertThat(q.realizedPnl()).isEqualByComparingTo("0");
    for (long id = 1; id <= 3; id++) {
      store.openTranche(tranche(id), BigDecimal.ZERO);
    }
    store.closeTranche(1, D.plusDays(3), new BigDecimal("1.20"), ExitReason.PROFIT_TARGET, BigDecimal.ZERO,
        new BigDecimal("120.00"));
    store.closeTranche(2, D.plusDays(4), new BigDecimal("4.40"), ExitReason.MANUAL, BigDecimal.ZERO,
        new BigDecimal("-200.50"));
    store.jdbc().withHandle("a hedge close", h -> h.createUpdate("INSERT INTO hedge_trade(book, layer_id, level, kind,"
        + " action, trade_date, quantity, net_price, cash, commissions, realized_pnl)"
        + " VALUES ('alvh', 'L1', 1, 'VIX_CALL', 'CLOSE', :d, -2, 1.5, 300, 2.5, 75.25)").bind("d", D).execute());
    assertThat(q.realizedPnl()).isEqualByComparingTo("-5.25");
  }

  @Test
  void theDayBaseIsTheLastSnapshotBeforeTheDay() {
    assertThat(q.equityBefore(D)).isEmpty();
    store.snapshot(D.minusDays(3), new BigDecimal("100000"), BigDecimal.ZERO, 4700, 14, 15, HedgeState.CALM, 0);
    store.snapshot(D.minusDays(1), new BigDecimal("100500"), BigDecimal.ZERO, 4700, 14, 15, HedgeState.CALM, 0);
    store.snapshot(D, new BigDecimal("99000"), BigDecimal.ZERO, 4700, 14, 15, HedgeState.CALM, 0);
    assertThat(q.equityBefore(D)).hasValueSatisfying(e -> assertThat(e).isEqualByComparingTo("100500"));
    assertThat(q.equityBefore(D.minusDays(1))).hasValueSatisfying(e -> assertThat(e).isEqualByComparingTo("100000"));
  }

  @Test
  void tranchesAreEveryOpenOneAndTheLastClosedOnes() {
    for (long id = 1; id <= 5; id++) {
      store.openTranche(tranche(id), BigDecimal.ZERO);
    }
    for (long id : List.of(1L, 2L, 4L)) {
      store.closeTranche(id, D.plusDays(id), BigDecimal.ONE, ExitReason.PROFIT_TARGET, BigDecimal.ZERO,
          new BigDecimal("100"));
    }
    List<ConsoleQueries.TrancheRow> rows = q.tranches(2);
    assertThat(rows).extracting(ConsoleQueries.TrancheRow::id).containsExactly(2L, 3L, 4L, 5L);
    assertThat(rows.get(0).status()).isEqualTo(PositionStatus.CLOSED);
    assertThat(rows.get(0).exitReason()).isEqualTo(ExitReason.PROFIT_TARGET.key());
    assertThat(rows.get(1).status()).isEqualTo(PositionStatus.OPEN);
    assertThat(rows.get(1).realizedPnl()).isNull();
    assertThat(rows.get(1).expiry()).isEqualTo(D.plusDays(45));
  }

  @Test
  void decisionsNewestFirstOrSinceAnInstantInOrder() {
    store.decision(T, "skip", "first", "");
    store.decision(T.plusSeconds(60), "note", "second", "d2");
    store.decision(T.plusSeconds(120), "skip", "third", "");
    assertThat(q.lastDecisions(2)).extracting(ConsoleQueries.Decision::rule).containsExactly("third", "second");
    assertThat(q.decisionsSince(T.plusSeconds(60))).containsExactly(
        new ConsoleQueries.Decision(T.plusSeconds(60), "note", "second", "d2"),
        new ConsoleQueries.Decision(T.plusSeconds(120), "skip", "third", ""));
    assertThat(q.lastTransitions(5)).isEmpty();
  }

  @Test
  void transitionsNewestFirstWithTheirStates() {
    String signals = HedgeStore.signalsJson(HedgeStoreTest.snapshot(), 0);
    HedgeStore h = new HedgeStore(store.jdbc(), "alvh");
    h.transition(new HedgeTransition(D, HedgeState.CALM, HedgeState.L1, "CALM to L1: VIX >= 16",
        HedgeStoreTest.snapshot(), 0), T);
    h.transition(new HedgeTransition(D, HedgeState.L1, HedgeState.L2, "L1 to L2: VIX >= 20",
        HedgeStoreTest.snapshot(), 0), T.plusSeconds(900));
    assertThat(q.lastTransitions(5)).containsExactly(
        new HedgeStore.TransitionRow(T.plusSeconds(900), D, HedgeState.L1, HedgeState.L2, "L1 to L2: VIX >= 20", signals),
        new HedgeStore.TransitionRow(T, D, HedgeState.CALM, HedgeState.L1, "CALM to L1: VIX >= 16", signals));
    assertThat(q.lastTransitions(1)).extracting(HedgeStore.TransitionRow::to).containsExactly(HedgeState.L2);
  }
}
