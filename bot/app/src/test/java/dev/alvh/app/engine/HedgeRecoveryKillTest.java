package dev.alvh.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.app.journal.ReconcileReport;
import dev.alvh.core.hedge.HedgeAction;
import dev.alvh.core.order.OrderStatus;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * A hedge order killed in each window of its life (after the journal write before the send,
 * after the send, after some fills, after all fills before the layer is written) and a close
 * killed after its fills, recovered: the hedge books equal an uninterrupted run's and a second
 * restart changes nothing ({@link HedgeRecoveryFixture}).
 */
class HedgeRecoveryKillTest extends HedgeRecoveryFixture {

  @Test
  void killedAfterTheJournalBeforeTheSendNothingIsBoughtNorBookedAndTheNextOrderIsNotADuplicate() {
    Bot b = new Bot(dir.resolve("crash"), new RecoveryBroker(clock));
    b.broker.onPlace = o -> {
      throw b.broker.die("before the send");
    };
    HedgeAction open = openL1(5, "202311011000");
    assertThatThrownBy(() -> b.engine.submitHedge(open)).isInstanceOf(Killed.class);
    assertThat(b.broker.orders).isEmpty();
    assertThat(b.journalRow(open, "status")).isEqualTo("JOURNALED");
    assertThat(b.journalRow(open, "(SELECT action || ' ' || layer_id || ' ' || level || ' ' || kind FROM hedge_order h"
        + " WHERE h.ref = orders.ref)")).as("the action is journaled with the order")
        .isEqualTo("OPEN L1-202311011000 1 VIX_CALL");
    assertThat(b.journalRow(open, "(SELECT contract FROM order_leg l WHERE l.ref = orders.ref AND l.seq = 0)"))
        .isEqualTo(open.order().legs().get(0).contract().key());

    ReconcileReport rep = b.restart();
    assertThat(rep.of(ReconcileReport.Kind.NEVER_SENT)).hasSize(1);
    assertThat(b.journalRow(open, "status")).isEqualTo("CANCELLED");
    assertThat(b.books()).isEqualTo(Books.EMPTY);
    assertThat(positionDifferences(rep)).isEmpty();

    // the next cycle's order (a new ref) buys the layer once
    b.broker.onPlace = b.broker.fillAll();
    b.engine.submitHedge(openL1(5, "202311011015"));
    assertThat(b.engine.hedgeDesk().held()).hasSize(1);
    assertThat(b.broker.positions()).hasSize(1).allSatisfy(p -> assertThat(p.quantity()).isEqualTo(5));
    assertSecondRestartChangesNothing(b);
  }

  @Test
  void killedAfterTheSendAndFilledWhileDownTheLayerIsRebuiltAsInAnUninterruptedRun() {
    HedgeAction open = openL1(5, "202311011000");
    Books reference = uninterrupted(open, RecoveryBroker::fillAll);

    Bot b = new Bot(dir.resolve("crash"), new RecoveryBroker(clock));
    b.broker.onPlace = o -> {
      throw b.broker.die("after the send");
    };
    b.broker.acceptBeforePlaceHook = true;
    assertThatThrownBy(() -> b.engine.submitHedge(open)).isInstanceOf(Killed.class);
    clock.set(at(LocalTime.of(10, 7)));
    b.broker.fill(b.broker.order(open), 5, OrderStatus.FILLED); // while the bot is down

    ReconcileReport rep = b.restart();
    assertThat(rep.of(ReconcileReport.Kind.FILL_RECOVERED)).hasSize(1);
    assertThat(rep.of(ReconcileReport.Kind.FILLED_WHILE_DOWN)).hasSize(1);
    assertThat(positionDifferences(rep)).isEmpty();
    assertThat(b.books()).isEqualTo(reference);
    assertSecondRestartChangesNothing(b);
  }

  @Test
  void killedAfterSomeFillsTheRestFilledWhileDownTheWholeLayerIsRebuilt() {
    HedgeAction open = openL1(5, "202311011000");
    Books reference = uninterrupted(open, f -> o -> {
      f.fill(o, 2, OrderStatus.SUBMITTED);
      f.fill(o, 3, OrderStatus.FILLED);
    });

    Bot b = new Bot(dir.resolve("crash"), new RecoveryBroker(clock));
    b.broker.onPlace = o -> b.broker.fill(o, 2, OrderStatus.SUBMITTED);
    b.engine.pauseWith(d -> {
      throw b.broker.die("in the walk after 2 of 5 filled");
    });
    assertThatThrownBy(() -> b.engine.submitHedge(open)).isInstanceOf(Killed.class);
    assertThat(b.count("SELECT COUNT(*) FROM fill")).as("the fills before the kill are stored").isEqualTo(1);
    b.broker.fill(b.broker.order(open), 3, OrderStatus.FILLED);

    ReconcileReport rep = b.restart();
    assertThat(positionDifferences(rep)).isEmpty();
    assertThat(b.books()).isEqualTo(reference);
    assertSecondRestartChangesNothing(b);
  }

  @Test
  void killedAfterSomeFillsAndCancelledWhileDownThePartLayerIsRebuilt() {
    HedgeAction open = openL1(5, "202311011000");
    Books reference = uninterrupted(open, f -> o -> f.fill(o, 2, OrderStatus.SUBMITTED));

    Bot b = new Bot(dir.resolve("crash"), new RecoveryBroker(clock));
    b.broker.onPlace = o -> b.broker.fill(o, 2, OrderStatus.SUBMITTED);
    b.engine.pauseWith(d -> {
      throw b.broker.die("in the walk after 2 of 5 filled");
    });
    assertThatThrownBy(() -> b.engine.submitHedge(open)).isInstanceOf(Killed.class);
    b.broker.finish(b.broker.order(open), OrderStatus.CANCELLED); // TWS cancels the day order at the close

    ReconcileReport rep = b.restart();
    assertThat(positionDifferences(rep)).isEmpty();
    assertThat(b.books()).isEqualTo(reference);
    assertThat(b.engine.hedgeDesk().held()).singleElement().satisfies(h -> assertThat(h.quantity()).isEqualTo(2));
    assertSecondRestartChangesNothing(b);
  }

  @Test
  void killedAfterAllFillsBeforeTheLayerWriteTheLayerIsWrittenOnce() {
    HedgeAction open = openL1(5, "202311011000");
    Books reference = uninterrupted(open, RecoveryBroker::fillAll);

    Bot b = new Bot(dir.resolve("crash"), new RecoveryBroker(clock));
    FailingWrites.attach(b.store, "hedge_trade");
    FailingWrites.armed = true;
    b.broker.onPlace = b.broker.fillAll();
    assertThatThrownBy(() -> b.engine.submitHedge(open)).hasMessageContaining("killed (test)");
    FailingWrites.armed = false;
    b.broker.alive = false;
    assertThat(b.journalRow(open, "status")).isEqualTo("FILLED");
    assertThat(b.journalRow(open, "applied_combos")).isEqualTo("0");
    assertThat(b.count("SELECT COUNT(*) FROM hedge_layer")).as("the layer's transaction rolled back").isZero();

    ReconcileReport rep = b.restart();
    assertThat(positionDifferences(rep)).isEmpty();
    assertThat(b.books()).isEqualTo(reference);
    assertThat(b.journalRow(open, "applied_combos")).isEqualTo("5");
    assertSecondRestartChangesNothing(b);
  }

  @Test
  void aCloseKilledAfterItsFillsClosesTheLayerOnceWithItsPnl() {
    HedgeAction open = openL1(5, "202311011000");
    HedgeAction close = closeOf(open, "202311011100");
    Books reference;
    {
      Bot r = new Bot(dir.resolve("reference"), new RecoveryBroker(clock));
      r.broker.onPlace = r.broker.fillAll();
      r.engine.submitHedge(open);
      clock.set(at(LocalTime.of(11, 0)));
      r.engine.submitHedge(close);
      reference = r.books();
      r.store.close();
    }
    clock.set(at(LocalTime.of(10, 0)));
    Bot b = new Bot(dir.resolve("crash"), new RecoveryBroker(clock));
    b.broker.onPlace = b.broker.fillAll();
    b.engine.submitHedge(open);
    clock.set(at(LocalTime.of(11, 0)));
    FailingWrites.attach(b.store, "hedge_trade");
    FailingWrites.armed = true;
    assertThatThrownBy(() -> b.engine.submitHedge(close)).hasMessageContaining("killed (test)");
    FailingWrites.armed = false;
    b.broker.alive = false;

    ReconcileReport rep = b.restart();
    assertThat(positionDifferences(rep)).isEmpty();
    assertThat(b.books()).isEqualTo(reference);
    assertThat(b.engine.hedgeDesk().held()).isEmpty();
    assertThat(b.count("SELECT COUNT(*) FROM hedge_trade WHERE action = 'CLOSE' AND realized_pnl <> 0"))
        .as("the close's P&L is booked once").isEqualTo(1);
    assertSecondRestartChangesNothing(b);
  }
}
