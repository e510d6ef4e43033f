package dev.alvh.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.app.journal.BrokerRecords;
import dev.alvh.app.journal.ReconcileReport;
import dev.alvh.app.journal.Reconciler;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.store.Store;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.account.Position;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.hedge.HedgeAction;
import dev.alvh.core.hedge.HedgeLayerKind;
import dev.alvh.core.hedge.HeldLayer;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.Clock;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.SimulatedMarket;
import dev.alvh.paper.market.SyntheticHistory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hedge orders killed in each window of their life (after the journal write before the send,
 * after the send, after some fills, after all fills before the layer is written, and still
 * working at the restart) and recovered: after the restart's reconciliation the hedge books
 * (layers, trades, the desk's positions) and the broker's positions equal those of an
 * uninterrupted run with the same executions, and a second restart changes nothing.
 *
 * <p>The "kill" is a {@link Killed} thrown from the broker (or the walk's pause) that abandons
 * the engine; the broker keeps working and reports nothing to the dead engine; the "restart" is
 * a new store connection and a new engine over the same database and broker, reconciled as the
 * runtime does ({@code Bot.reconcile}).
 */
class HedgeRecoveryTest {

  static final BotConfig CFG = BotConfig.DEFAULTS;
  static final NyseCalendar CAL = NyseCalendar.of(CFG.schedule());
  static final List<DailyBar> BARS = SyntheticHistory.twoCycles(CFG.market().seed(), LocalDate.of(2023, 1, 2), 400,
      CFG.market().startSpx(), CAL::isTradingDay);
  static final int DAY = 300;

  @TempDir
  Path dir;

  final TestClock clock = new TestClock(at(LocalTime.of(10, 0)));
  final SimulatedMarket market = new SimulatedMarket(BARS, clock, CFG.market(), CAL::isTradingDay);

  /** A clock a test sets, backwards too (the reference run and the crashed run replay the same times). */
  static final class TestClock implements Clock {
    private volatile Instant now;

    TestClock(Instant start) {
      this.now = start;
    }

    @Override
    public Instant now() {
      return now;
    }

    void set(Instant t) {
      now = t;
    }
  }

  /** The process being "killed": thrown where the bot dies. */
  static final class Killed extends RuntimeException {
    Killed(String where) {
      super("killed " + where);
    }
  }

  private final List<Store> stores = new ArrayList<>();

  @AfterEach
  void disarm() {
    FailingWrites.armed = false;
    for (Store s : stores) {
      try {
        s.close();
      } catch (RuntimeException e) {
        // closed already
      }
    }
  }

  static Instant at(LocalTime t) {
    return ZonedDateTime.of(BARS.get(DAY).date(), t, Clock.MARKET_ZONE).toInstant();
  }

  // ------------------------------------------------------------------------------------ windows

  @Test
  void killedAfterTheJournalBeforeTheSendNothingIsBoughtNorBookedAndTheNextOrderIsNotADuplicate() {
    Bot b = new Bot(dir.resolve("crash"), new FakeBroker());
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
    Books reference = uninterrupted(open, FakeBroker::fillAll);

    Bot b = new Bot(dir.resolve("crash"), new FakeBroker());
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

    Bot b = new Bot(dir.resolve("crash"), new FakeBroker());
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

    Bot b = new Bot(dir.resolve("crash"), new FakeBroker());
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
    Books reference = uninterrupted(open, FakeBroker::fillAll);

    Bot b = new Bot(dir.resolve("crash"), new FakeBroker());
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
      Bot r = new Bot(dir.resolve("reference"), new FakeBroker());
      r.broker.onPlace = r.broker.fillAll();
      r.engine.submitHedge(open);
      clock.set(at(LocalTime.of(11, 0)));
      r.engine.submitHedge(close);
      reference = r.books();
      r.store.close();
    }
    clock.set(at(LocalTime.of(10, 0)));
    Bot b = new Bot(dir.resolve("crash"), new FakeBroker());
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

  @Test
  void anOrderStillWorkingAtTheRestartIsCancelledAndItsFillsReachTheBooksWhenItEnds() {
    HedgeAction open = openL1(5, "202311011000");
    Books reference = uninterrupted(open, f -> o -> f.fill(o, 3, OrderStatus.SUBMITTED));

    Bot b = new Bot(dir.resolve("crash"), new FakeBroker());
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
    Bot b = new Bot(dir.resolve("crash"), new FakeBroker());
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
    Bot b = new Bot(dir.resolve("crash"), new FakeBroker());
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
    Bot b = new Bot(dir.resolve("crash"), new FakeBroker());
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

  // ------------------------------------------------------------------------------------ helpers

  private void assertSecondRestartChangesNothing(Bot b) {
    Books before = b.books();
    ReconcileReport again = b.restart();
    assertThat(again.differences()).as("a second restart finds nothing").isEmpty();
    assertThat(b.engine.applyRecoveredOrders()).isZero();
    assertThat(b.books()).isEqualTo(before);
  }

  private Books uninterrupted(HedgeAction a, java.util.function.Function<FakeBroker, Consumer<FakeBroker.Order>> fills) {
    Instant t = clock.now();
    Bot r = new Bot(dir.resolve("reference"), new FakeBroker());
    r.broker.onPlace = fills.apply(r.broker);
    r.engine.submitHedge(a);
    Books books = r.books();
    r.store.close();
    assertThat(books.layers()).as("the uninterrupted run books the layer").isNotEmpty();
    clock.set(t);
    return books;
  }

  private static List<String> positionDifferences(ReconcileReport rep) {
    return rep.differences().stream().filter(d -> d.kind() == ReconcileReport.Kind.FOREIGN_POSITION
        || d.kind() == ReconcileReport.Kind.MISSING_POSITION || d.kind() == ReconcileReport.Kind.FOREIGN_ORDER)
        .map(Object::toString).toList();
  }

  /** A VIX call with a sound quote in the L1 window (about 30 to 70 days out). */
  private OptionContract l1Call() {
    LocalDate today = clock.marketDate();
    LocalDate expiry = market.expirations(OptionContract.VIX).stream()
        .filter(e -> e.toEpochDay() - today.toEpochDay() >= 30).findFirst().orElseThrow();
    var chain = market.chain(OptionContract.VIX, expiry);
    return chain.of(OptionRight.CALL).stream().filter(q -> q.contract().strike().doubleValue() >= chain.underlying())
        .findFirst().map(OptionQuote::contract).orElseThrow();
  }

  private HedgeAction openL1(int qty, String stamp) {
    OptionContract c = l1Call();
    BigDecimal mid = market.quote(c).orElseThrow().mid();
    OrderIntent o = new OrderIntent(new OrderRef("alvh-L1-" + stamp + "-hedge-" + stamp), OrderPurpose.OPEN_HEDGE, 0,
        List.of(ComboLeg.of(Side.BUY, c)), qty, NetPrice.debit(mid), "L1 (test): buy " + c.key() + " x" + qty);
    return new HedgeAction(HedgeAction.Type.OPEN, "L1-" + stamp, 1, HedgeLayerKind.VIX_CALL, o);
  }

  private HedgeAction closeOf(HedgeAction open, String stamp) {
    ComboLeg leg = open.order().legs().get(0);
    OrderIntent o = new OrderIntent(new OrderRef("alvh-" + open.layerId() + "-unhedge-" + stamp),
        OrderPurpose.CLOSE_HEDGE, 0, List.of(leg.reversed()), open.order().quantity(),
        NetPrice.credit(BigDecimal.ZERO), "exit (test): " + open.layerId());
    return new HedgeAction(HedgeAction.Type.CLOSE, open.layerId(), 1, HedgeLayerKind.VIX_CALL, o);
  }

  /** A one-lot-per-leg iron condor order of 3 combos on a listed SPXW expiry, priced at its mid. */
  private OrderIntent condor(Bot b) {
    LocalDate today = clock.marketDate();
    LocalDate expiry = market.expirations(OptionContract.SPXW).stream()
        .filter(e -> e.toEpochDay() - today.toEpochDay() >= 30).findFirst().orElseThrow();
    var chain = market.chain(OptionContract.SPXW, expiry);
    OptionContract sp = chain.nearestDelta(OptionRight.PUT, 0.15).orElseThrow().contract();
    OptionContract lp = chain.nearestDelta(OptionRight.PUT, 0.08).orElseThrow().contract();
    OptionContract sc = chain.nearestDelta(OptionRight.CALL, 0.15).orElseThrow().contract();
    OptionContract lc = chain.nearestDelta(OptionRight.CALL, 0.08).orElseThrow().contract();
    List<ComboLeg> legs = List.of(ComboLeg.of(Side.SELL, sp), ComboLeg.of(Side.BUY, lp), ComboLeg.of(Side.SELL, sc),
        ComboLeg.of(Side.BUY, lc));
    BigDecimal credit = BigDecimal.ZERO;
    for (ComboLeg l : legs) {
      credit = credit.add(market.quote(l.contract()).orElseThrow().mid().multiply(BigDecimal.valueOf(-l.side().sign())));
    }
    long id = b.store.nextTrancheId();
    return new OrderIntent(OrderRef.forTranche(id, "open", clock.marketTime()), OrderPurpose.OPEN_CONDOR, id, legs, 3,
        NetPrice.credit(credit.max(new BigDecimal("0.05"))), "entry (test)");
  }

  /** The hedge books: layers and trades as stored, the desk's positions, the broker's positions. */
  record Books(List<String> layers, List<String> trades, List<HeldLayer> held, Map<String, Long> brokerPositions) {
    static final Books EMPTY = new Books(List.of(), List.of(), List.of(), Map.of());
  }

  /** One bot process: its store connection and engine, over a database and a broker that outlive it. */
  final class Bot {
    final Path data;
    final FakeBroker broker;
    Store store;
    TradingEngine engine;

    Bot(Path data, FakeBroker broker) {
      this.data = data;
      this.broker = broker;
      open();
    }

    private void open() {
      store = Store.open(data, "alvh");
      stores.add(store);
      engine = new TradingEngine(CFG, clock, market, broker, store, (d, spx) -> BigDecimal.ZERO);
    }

    /** The kill is over: a new process reconciles as the runtime does, then cancels orphans. */
    ReconcileReport restart() {
      store.close();
      broker.alive = true;
      open();
      Reconciler r = new Reconciler(store, clock, engine.desk(), st -> {
        engine.applyRecoveredOrders();
        Map<String, Long> m = new TreeMap<>(Reconciler.trancheLegs(st));
        engine.hedgeDesk().held().forEach(h -> h.legs().forEach(l -> m.merge(l.contract().key(),
            (long) l.ratio() * h.quantity() * l.side().sign(), Long::sum)));
        return m;
      });
      ReconcileReport rep = r.reconcile(broker.records());
      engine.cancelOrphanedOrders();
      return rep;
    }

    Books books() {
      List<String> layers = store.jdbc().query("SELECT id, level, kind, legs, quantity, opened_qty, entry_price, cost,"
          + " opened_on, closed_on, status, profit_taken, pressed, commissions, realized_pnl FROM hedge_layer"
          + " ORDER BY id", rs -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= 15; i++) {
              sb.append(rs.getString(i)).append(' ');
            }
            return sb.toString().trim();
          });
      List<String> trades = store.jdbc().query("SELECT layer_id, level, kind, action, trade_date, quantity, net_price,"
          + " cash, commissions, realized_pnl FROM hedge_trade ORDER BY id", rs -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= 10; i++) {
              sb.append(rs.getString(i)).append(' ');
            }
            return sb.toString().trim();
          });
      Map<String, Long> pos = new TreeMap<>();
      broker.positions().forEach(p -> pos.put(p.contract().key(), p.quantity()));
      return new Books(layers, trades, engine.hedgeDesk().held(), pos);
    }

    String journalRow(HedgeAction a, String column) {
      return store.jdbc().queryOne("SELECT " + column + " FROM orders WHERE ref=?", rs -> rs.getString(1),
          a.order().ref().value()).orElseThrow();
    }

    long count(String sql) {
      return store.jdbc().queryOne(sql, rs -> rs.getLong(1)).orElseThrow();
    }
  }

  /**
   * A broker that outlives the bot: it keeps its orders and executions, reports to the listener
   * only while the bot is alive, and runs the test's script on place and cancel.
   */
  final class FakeBroker implements Broker {

    final class Order {
      final OrderIntent intent;
      final long id;
      OrderStatus status = OrderStatus.SUBMITTED;
      int filled;

      Order(OrderIntent intent, long id) {
        this.intent = intent;
        this.id = id;
      }
    }

    final Map<String, Order> orders = new LinkedHashMap<>();
    final List<Fill> executions = new ArrayList<>();
    Consumer<Order> onPlace = o -> { };
    Consumer<Order> onCancel = o -> finish(o, OrderStatus.CANCELLED);
    /** When true, the order reaches the broker before onPlace runs even if onPlace kills the bot. */
    boolean acceptBeforePlaceHook;
    boolean alive = true;
    int cancels;
    private BrokerListener listener;

    Killed die(String where) {
      alive = false;
      return new Killed(where);
    }

    Consumer<Order> fillAll() {
      return o -> fill(o, o.intent.quantity() - o.filled, OrderStatus.FILLED);
    }

    Order order(HedgeAction a) {
      return orders.get(a.order().ref().value());
    }

    /** {@code combos} more combos execute at the order's limit; then its status is {@code after}. */
    void fill(Order o, int combos, OrderStatus after) {
      for (ComboLeg leg : o.intent.legs()) {
        BigDecimal px = o.intent.legs().size() == 1 ? o.intent.limit().amount()
            : leg.side() == Side.SELL ? BigDecimal.valueOf(2) : BigDecimal.ONE;
        Fill f = new Fill(o.intent.ref(), "e" + (executions.size() + 1), clock.now(), leg.contract(), leg.side(),
            combos * leg.ratio(), px, new BigDecimal("1.10").multiply(BigDecimal.valueOf((long) combos * leg.ratio())));
        executions.add(f);
        if (alive) {
          listener.filled(f);
        }
      }
      o.filled += combos;
      finish(o, after);
    }

    void finish(Order o, OrderStatus s) {
      o.status = s;
      if (alive) {
        listener.orderUpdated(update(o));
      }
    }

    private OrderUpdate update(Order o) {
      return new OrderUpdate(o.intent.ref(), o.id, o.status, o.filled, o.intent.quantity() - o.filled, clock.now(), "");
    }

    BrokerRecords records() {
      return new BrokerRecords() {
        @Override
        public List<OrderUpdate> openOrders() {
          return FakeBroker.this.openOrders();
        }

        @Override
        public List<OrderUpdate> completedOrders() {
          return List.of();
        }

        @Override
        public List<Fill> executionsSince(Instant since) {
          return List.copyOf(executions);
        }

        @Override
        public List<Position> positions() {
          return FakeBroker.this.positions();
        }
      };
    }

    @Override
    public AccountSummary account() {
      return new AccountSummary(new BigDecimal("1000000"), new BigDecimal("1000000"));
    }

    @Override
    public List<Position> positions() {
      Map<OptionContract, Long> m = new LinkedHashMap<>();
      executions.forEach(f -> m.merge(f.contract(), f.signedQuantity(), Long::sum));
      List<Position> out = new ArrayList<>();
      m.forEach((c, q) -> {
        if (q != 0) {
          out.add(new Position(c, q, BigDecimal.ONE));
        }
      });
      return out;
    }

    @Override
    public List<OrderUpdate> openOrders() {
      return orders.values().stream().filter(o -> !o.status.isTerminal()).map(this::update).toList();
    }

    @Override
    public long place(OrderIntent intent) {
      if (!alive) {
        throw new IllegalStateException("a dead bot cannot place");
      }
      Order o = new Order(intent, 100 + orders.size());
      if (acceptBeforePlaceHook) {
        orders.put(intent.ref().value(), o);
      }
      onPlace.accept(o);
      orders.putIfAbsent(intent.ref().value(), o);
      return o.id;
    }

    @Override
    public void modify(OrderRef ref, NetPrice newLimit) {
      // the limit moves; the script's fills keep the first limit's price
    }

    @Override
    public void cancel(OrderRef ref) {
      cancels++;
      Order o = orders.get(ref.value());
      if (o != null && !o.status.isTerminal()) {
        onCancel.accept(o);
      }
    }

    @Override
    public void setListener(BrokerListener listener) {
      this.listener = listener;
    }
  }
}
