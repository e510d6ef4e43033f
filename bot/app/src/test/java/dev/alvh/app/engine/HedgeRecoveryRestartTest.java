package dev.alvh.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.app.journal.ReconcileReport;
import dev.alvh.core.hedge.HedgeAction;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Orders still working at the restart (a hedge order, a condor open) and a roll killed after its
 * fills, recovered: what fills while the bot is down reaches the books once, a working hedge order
 * blocks other hedge orders until it ends ({@link HedgeRecoveryFixture}).
 */
class HedgeRecoveryRestartTest extends HedgeRecoveryFixture {

  @Test
  void anOrderStillWorkingAtTheRestartIsCancelledAndItsFillsReachTheBooksWhenItEnds() {
    HedgeAction open = openL1(5, "202311011000");
    Books reference = uninterrupted(open, f -> o -> f.fill(o, 3, OrderStatus.SUBMITTED));

    Bot b = new Bot(dir.resolve("crash"), new RecoveryBroker(clock));
    b.broker.onPlace = o -> {
      throw b.broker.die("after the send");
    };
    b.broker.acceptBeforePlaceHook = true;
    assertThatThrownBy(() -> b.engine.submitHedge(open)).isInstanceOf(Killed.class);
    // at the restart the order still works; the bot cancels it, and 3 combos fill as the cancel arrives
    b.broker.onCancel = o -> {
      b.broker.fill(o, 3, OrderStatus.SUBMITTED);
      b.broker.finish(o, OrderStatus.CANCELLED);
    };
    ReconcileReport rep = b.restart();
    assertThat(rep.of(ReconcileReport.Kind.SENT_UNACKNOWLEDGED)).hasSize(1);
    assertThat(b.broker.cancels).as("the orphan is cancelled after the reconciliation").isEqualTo(1);
    assertThat(b.count("SELECT COUNT(*) FROM hedge_layer")).as("applied at the next job, not on the event").isZero();

    b.engine.preOpen(); // the next job applies what ended
    assertThat(b.books()).isEqualTo(reference);
    assertSecondRestartChangesNothing(b);
  }

  @Test
  void aHedgeOrderStillWorkingAfterTheRestartBlocksOtherHedgeOrdersUntilItEnds() {
    HedgeAction open = openL1(5, "202311011000");
    HedgeAction close = closeOf(open, "202311011030");
    Bot b = new Bot(dir.resolve("crash"), new RecoveryBroker(clock));
    b.broker.onPlace = b.broker.fillAll();
    b.engine.submitHedge(open);
    clock.set(at(LocalTime.of(10, 30)));
    b.broker.onPlace = o -> {
      throw b.broker.die("after the send");
    };
    b.broker.acceptBeforePlaceHook = true;
    assertThatThrownBy(() -> b.engine.submitHedge(close)).isInstanceOf(Killed.class);
    b.broker.onCancel = o -> { }; // the cancel is not confirmed yet
    b.restart();
    assertThat(b.engine.hedgeDesk().held()).as("the layer is still held").hasSize(1);

    assertThat(b.engine.flattenHedges()).as("no second close while the first still works").isEmpty();
    assertThat(b.broker.orders).hasSize(2);

    b.broker.finish(b.broker.order(close), OrderStatus.CANCELLED); // it ends unfilled
    b.broker.onPlace = b.broker.fillAll();
    assertThat(b.engine.flattenHedges()).as("once it ended, flatten closes the layer").hasSize(1);
    assertThat(b.engine.hedgeDesk().held()).isEmpty();
    assertThat(b.broker.positions()).isEmpty();
  }

  @Test
  void aCondorOpenStillWorkingAtTheRestartOpensItsTrancheWhenItEnds() {
    Bot b = new Bot(dir.resolve("crash"), new RecoveryBroker(clock));
    OrderIntent condor = condor(b);
    b.broker.onPlace = o -> {
      throw b.broker.die("after the send");
    };
    b.broker.acceptBeforePlaceHook = true;
    assertThatThrownBy(() -> b.engine.desk().submit(condor, r -> { })).isInstanceOf(Killed.class);
    b.broker.onCancel = o -> {
      b.broker.fill(o, 2, OrderStatus.SUBMITTED);
      b.broker.finish(o, OrderStatus.CANCELLED);
    };
    b.restart();
    assertThat(b.store.openTranches()).isEmpty();
    b.engine.preOpen();
    assertThat(b.store.openTranches()).singleElement().satisfies(t -> {
      assertThat(t.id()).isEqualTo(condor.trancheId());
      assertThat(t.quantity()).isEqualTo(2);
    });
    ReconcileReport rep = b.restart();
    assertThat(positionDifferences(rep)).isEmpty();
    assertThat(b.store.openTranches()).singleElement().satisfies(t -> assertThat(t.quantity()).isEqualTo(2));
  }

  @Test
  void aRollKilledAfterItsFillsMovesTheTrancheSideOnce() {
    Bot b = new Bot(dir.resolve("crash"), new RecoveryBroker(clock));
    OrderIntent condor = condor(b);
    b.broker.onPlace = b.broker.fillAll();
    b.engine.desk().submit(condor, r -> { });
    b.engine.applyRecoveredOrders();
    assertThat(b.store.openTranches()).singleElement().satisfies(t -> assertThat(t.quantity()).isEqualTo(3));
    dev.alvh.core.condor.Tranche before = b.store.openTranches().get(0);

    // The put side rolled to the next listed expiry: close the old vertical, open the same strikes later.
    LocalDate later = market.expirations(OptionContract.SPXW).stream().filter(e -> e.isAfter(before.putExpiry()))
        .findFirst().orElseThrow();
    OptionContract newShort = OptionContract.spxw(later, before.shortPut(), OptionRight.PUT);
    OptionContract newLong = OptionContract.spxw(later, before.longPut(), OptionRight.PUT);
    OrderIntent roll = new OrderIntent(OrderRef.forTranche(before.id(), "roll", clock.marketTime()),
        OrderPurpose.ROLL_CONDOR, before.id(), List.of(
            ComboLeg.of(Side.BUY, OptionContract.spxw(before.putExpiry(), before.shortPut(), OptionRight.PUT)),
            ComboLeg.of(Side.SELL, OptionContract.spxw(before.putExpiry(), before.longPut(), OptionRight.PUT)),
            ComboLeg.of(Side.SELL, newShort), ComboLeg.of(Side.BUY, newLong)), 3,
        NetPrice.credit(new BigDecimal("0.05")), "roll (test): put side to " + later);
    b.broker.onPlace = o -> {
      b.broker.fillAll().accept(o);
      throw b.broker.die("after the fills, before the tranche");
    };
    assertThatThrownBy(() -> b.engine.desk().submit(roll, r -> { })).isInstanceOf(Killed.class);
    assertThat(b.store.openTranches()).singleElement()
        .satisfies(t -> assertThat(t.putExpiry()).as("not in the books yet").isEqualTo(before.putExpiry()));

    ReconcileReport rep = b.restart();
    assertThat(positionDifferences(rep)).isEmpty();
    assertThat(b.store.openTranches()).singleElement().satisfies(t -> {
      assertThat(t.putExpiry()).isEqualTo(later);
      assertThat(t.shortPut()).isEqualByComparingTo(before.shortPut());
      assertThat(t.quantity()).isEqualTo(3);
      assertThat(t.rolls()).isEqualTo(before.rolls() + 1);
    });
    ReconcileReport again = b.restart();
    assertThat(positionDifferences(again)).isEmpty();
    assertThat(b.engine.applyRecoveredOrders()).isZero();
    assertThat(b.store.openTranches()).singleElement().satisfies(t -> assertThat(t.rolls()).isEqualTo(before.rolls() + 1));
  }
}
