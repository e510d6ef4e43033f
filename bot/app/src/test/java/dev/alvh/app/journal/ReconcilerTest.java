package dev.alvh.app.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.journal.ReconcileReport.Kind;
import dev.alvh.app.store.Store;
import dev.alvh.core.account.Position;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.Clock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reconnect-and-reconcile against a scripted broker. */
class ReconcilerTest {

  private static final Instant T0 = Instant.parse("2024-03-04T15:00:00Z");
  private static final Instant NOW = Instant.parse("2024-03-04T17:00:00Z");
  private static final Clock CLOCK = () -> NOW;
  private static final LocalDate EXP = LocalDate.of(2024, 4, 19);
  private static final Tranche T1 = new Tranche(1, LocalDate.of(2024, 3, 4), EXP, bd("4400"), bd("4450"), bd("4750"),
      bd("4800"), 3, bd("2.00"));

  @TempDir
  java.nio.file.Path dir;

  private Store store;
  private final Scripted broker = new Scripted();
  private final List<String> events = new ArrayList<>();

  private static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  /** A broker whose records the test sets. */
  static final class Scripted implements BrokerRecords {
    final List<OrderUpdate> open = new ArrayList<>();
    final List<OrderUpdate> completed = new ArrayList<>();
    final List<Fill> executions = new ArrayList<>();
    final List<Position> positions = new ArrayList<>();
    final List<Instant> askedSince = new ArrayList<>();

    @Override
    public List<OrderUpdate> openOrders() {
      return open;
    }

    @Override
    public List<OrderUpdate> completedOrders() {
      return completed;
    }

    @Override
    public List<Fill> executionsSince(Instant since) {
      askedSince.add(since);
      return executions;
    }

    @Override
    public List<Position> positions() {
      return positions;
    }
  }

  @BeforeEach
  void open() {
    store = Store.open(dir, "alvh");
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Reconciler reconciler() {
    BrokerListener storing = Reconciler.storeOnly(store);
    return new Reconciler(store, CLOCK, new BrokerListener() {
      @Override
      public void orderUpdated(OrderUpdate u) {
        events.add("status " + u.ref() + " " + u.status());
        storing.orderUpdated(u);
      }

      @Override
      public void filled(Fill f) {
        events.add("fill " + f.execId());
        storing.filled(f);
      }
    });
  }

  private OrderIntent openT1(String ref) {
    OrderIntent o = new OrderIntent(new OrderRef(ref), OrderPurpose.OPEN_CONDOR, 1, T1.openingLegs(), 3,
        NetPrice.credit(bd("2.00")), "test");
    store.journal(o, T0);
    return o;
  }

  private List<Fill> legFills(OrderIntent o, String prefix, int combos) {
    List<Fill> out = new ArrayList<>();
    int i = 0;
    for (ComboLeg leg : o.legs()) {
      out.add(new Fill(o.ref(), prefix + "." + (++i), T0.plusSeconds(60), leg.contract(), leg.side(),
          combos * leg.ratio(), bd("1.00"), bd("1.25")));
    }
    return out;
  }

  private static OrderUpdate update(OrderRef ref, OrderStatus s, int filled, int remaining) {
    return new OrderUpdate(ref, 42, s, filled, remaining, NOW.minusSeconds(600), "");
  }

  private List<Position> trancheLegs(Tranche t) {
    return t.openingLegs().stream().map(l -> new Position(l.contract(), (long) l.side().sign() * t.quantity(),
        bd("100"))).toList();
  }

  @Test
  void fillsThatHappenedWhileDisconnectedAreStoredOnceAndApplied() {
    OrderIntent o = openT1("alvh-T0001-open-202403041000");
    store.orderStatus(o.ref(), OrderStatus.SUBMITTED, 42, 0, "", T0);
    broker.executions.addAll(legFills(o, "0001", 3));
    broker.completed.add(update(o.ref(), OrderStatus.FILLED, 3, 0));

    ReconcileReport r = reconciler().reconcile(broker);

    assertThat(r.fillsStored()).isEqualTo(4);
    assertThat(r.of(Kind.FILL_RECOVERED)).hasSize(4);
    assertThat(r.of(Kind.FILLED_WHILE_DOWN)).singleElement()
        .satisfies(d -> assertThat(d.detail()).isEqualTo("journal said Submitted, broker says Filled (3 of 3 filled)"));
    assertThat(store.count("fill")).isEqualTo(4);
    assertThat(store.orderStatus(o.ref())).contains(OrderStatus.FILLED);
    assertThat(events).containsExactly("fill 0001.1", "fill 0001.2", "fill 0001.3", "fill 0001.4",
        "status alvh-T0001-open-202403041000 FILLED");
    assertThat(broker.askedSince).containsExactly(T0);

    // a second reconnect finds nothing new: each fill stays stored exactly once
    events.clear();
    ReconcileReport again = reconciler().reconcile(broker);
    assertThat(again.fillsStored()).isZero();
    assertThat(store.count("fill")).isEqualTo(4);
    assertThat(events).isEmpty();
    assertThat(broker.askedSince).last().isEqualTo(T0.plusSeconds(60));
    assertThat(store.jdbc().queryOne("SELECT COUNT(*) FROM reconciliation WHERE kind='fill-recovered'",
        rs -> rs.getInt(1))).contains(4);
  }

  @Test
  void everyLegExecutedWithoutACompletedOrderRecordMeansFilled() {
    OrderIntent o = openT1("alvh-T0001-open-202403041000");
    store.orderStatus(o.ref(), OrderStatus.SUBMITTED, 42, 0, "", T0);
    broker.executions.addAll(legFills(o, "0001", 3));
    ReconcileReport r = reconciler().reconcile(broker);
    assertThat(r.of(Kind.FILLED_WHILE_DOWN)).hasSize(1);
    assertThat(store.orderStatus(o.ref())).contains(OrderStatus.FILLED);
  }

  @Test
  void anOrderCancelledByTheBrokerWhileDisconnectedIsMarkedCancelled() {
    OrderIntent o = openT1("alvh-T0001-open-202403041000");
    store.orderStatus(o.ref(), OrderStatus.SUBMITTED, 42, 0, "", T0);
    broker.completed.add(new OrderUpdate(o.ref(), 42, OrderStatus.CANCELLED, 0, 3, NOW.minusSeconds(900),
        "cancelled by TWS at the close"));

    ReconcileReport r = reconciler().reconcile(broker);

    assertThat(r.of(Kind.CANCELLED_WHILE_DOWN)).singleElement().satisfies(d -> assertThat(d.detail())
        .isEqualTo("journal said Submitted, broker says Cancelled (0 of 3 filled, cancelled by TWS at the close)"));
    assertThat(store.orderStatus(o.ref())).contains(OrderStatus.CANCELLED);
    assertThat(store.count("fill")).isZero();
  }

  @Test
  void aSentOrderTheBrokerNoLongerReportsIsMarkedCancelledWithItsPartialFills() {
    OrderIntent o = openT1("alvh-T0001-open-202403041000");
    store.orderStatus(o.ref(), OrderStatus.PARTIALLY_FILLED, 42, 1, "", T0);
    broker.executions.addAll(legFills(o, "0001", 1));
    ReconcileReport r = reconciler().reconcile(broker);
    assertThat(r.of(Kind.CANCELLED_WHILE_DOWN)).singleElement()
        .satisfies(d -> assertThat(d.detail()).contains("(1 of 3 filled)"));
    assertThat(store.jdbc().queryOne("SELECT filled FROM orders WHERE ref=?", rs -> rs.getInt(1), o.ref().value()))
        .contains(1);
  }

  @Test
  void aJournaledButNeverSentIntentIsResolvedWithoutADuplicate() {
    OrderIntent o = openT1("alvh-T0001-open-202403041000");

    ReconcileReport r = reconciler().reconcile(broker);

    assertThat(r.of(Kind.NEVER_SENT)).singleElement().satisfies(d -> assertThat(d.ref()).isEqualTo(o.ref().value()));
    assertThat(store.orderStatus(o.ref())).contains(OrderStatus.CANCELLED);
    assertThat(store.jdbc().queryOne("SELECT status_reason FROM orders WHERE ref=?", rs -> rs.getString(1),
        o.ref().value())).hasValueSatisfying(s -> assertThat(s).startsWith("never-sent"));
    // resolved for good: the next reconnect has nothing left to decide
    assertThat(reconciler().reconcile(broker).clean()).isTrue();
  }

  @Test
  void aJournaledIntentFoundWorkingAtTheBrokerWasSentAndIsNotCancelled() {
    OrderIntent o = openT1("alvh-T0001-open-202403041000");
    broker.open.add(update(o.ref(), OrderStatus.SUBMITTED, 0, 3));

    ReconcileReport r = reconciler().reconcile(broker);

    assertThat(r.of(Kind.SENT_UNACKNOWLEDGED)).hasSize(1);
    assertThat(r.of(Kind.NEVER_SENT)).isEmpty();
    assertThat(store.orderStatus(o.ref())).contains(OrderStatus.SUBMITTED);
  }

  @Test
  void aManualPositionIsReportedAndLeftAloneNeverNettedIntoATranche() {
    store.openTranche(T1, BigDecimal.ZERO);
    broker.positions.addAll(trancheLegs(T1));
    OptionContract manual = OptionContract.spxw(EXP, bd("4000"), OptionRight.PUT);
    broker.positions.add(new Position(manual, 2, bd("500")));
    OptionContract shortPut = OptionContract.spxw(EXP, bd("4450"), OptionRight.PUT);
    broker.positions.add(new Position(shortPut, -1, bd("300")));   // one more short put sold by hand

    ReconcileReport r = reconciler().reconcile(broker);

    assertThat(r.of(Kind.FOREIGN_POSITION)).extracting(ReconcileReport.Difference::toString).containsExactly(
        "foreign-position SPXW 2024-04-19 4000 P: broker holds 2, the bot's books 0: 2 not opened by the bot;"
            + " left alone",
        "foreign-position SPXW 2024-04-19 4450 P: broker holds -4, the bot's books -3: -1 not opened by the bot;"
            + " left alone");
    List<Tranche> after = store.openTranches();
    assertThat(after).singleElement().satisfies(t -> {
      assertThat(t.id()).isEqualTo(1);
      assertThat(t.quantity()).isEqualTo(3);
      assertThat(t.shortPut()).isEqualByComparingTo("4450");
    });
    assertThat(Reconciler.trancheLegs(store)).containsEntry("SPXW 2024-04-19 4450 P", -3L)
        .doesNotContainKey("SPXW 2024-04-19 4000 P");
    assertThat(events).isEmpty();
  }

  @Test
  void aPositionTheBooksExpectButTheBrokerLacksIsReported() {
    store.openTranche(T1, BigDecimal.ZERO);
    broker.positions.addAll(trancheLegs(T1).subList(0, 3));
    ReconcileReport r = reconciler().reconcile(broker);
    assertThat(r.of(Kind.MISSING_POSITION)).singleElement()
        .satisfies(d -> assertThat(d.toString()).isEqualTo("missing-position SPXW 2024-04-19 4800 C: the bot's books"
            + " hold 3, the broker 0"));
  }

  @Test
  void ordersAndExecutionsNotInTheJournalAreReportedAndLeftAlone() {
    OrderRef manual = new OrderRef("manual-tws-1");
    broker.open.add(update(manual, OrderStatus.SUBMITTED, 0, 1));
    broker.executions.add(new Fill(manual, "9999.1", T0, OptionContract.spxw(EXP, bd("4000"), OptionRight.PUT),
        dev.alvh.core.instrument.Side.BUY, 1, bd("5"), bd("1")));
    ReconcileReport r = reconciler().reconcile(broker);
    assertThat(r.of(Kind.FOREIGN_ORDER)).hasSize(2);
    assertThat(store.count("fill")).isZero();
    assertThat(events).isEmpty();
  }

  @Test
  void agreementGivesACleanReport() {
    store.openTranche(T1, BigDecimal.ZERO);
    broker.positions.addAll(trancheLegs(T1));
    ReconcileReport r = reconciler().reconcile(broker);
    assertThat(r.clean()).isTrue();
    assertThat(r.summary()).isEqualTo("journal and broker agree");
  }
}
