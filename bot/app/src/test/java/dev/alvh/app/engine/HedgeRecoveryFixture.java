package dev.alvh.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.journal.ReconcileReport;
import dev.alvh.app.journal.Reconciler;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.store.Store;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.hedge.HedgeAction;
import dev.alvh.core.hedge.HedgeLayerKind;
import dev.alvh.core.hedge.HeldLayer;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
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
 *
 * <p>The shared fixture of the recovery tests: the market, the clock, the bot process that is
 * killed and restarted ({@link Bot}) over a {@link RecoveryBroker} that outlives it, and the
 * orders and books the tests compare.
 */
abstract class HedgeRecoveryFixture {

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

  void assertSecondRestartChangesNothing(Bot b) {
    Books before = b.books();
    ReconcileReport again = b.restart();
    assertThat(again.differences()).as("a second restart finds nothing").isEmpty();
    assertThat(b.engine.applyRecoveredOrders()).isZero();
    assertThat(b.books()).isEqualTo(before);
  }

  Books uninterrupted(HedgeAction a, java.util.function.Function<RecoveryBroker, Consumer<RecoveryBroker.Order>> fills) {
    Instant t = clock.now();
    Bot r = new Bot(dir.resolve("reference"), new RecoveryBroker(clock));
    r.broker.onPlace = fills.apply(r.broker);
    r.engine.submitHedge(a);
    Books books = r.books();
    r.store.close();
    assertThat(books.layers()).as("the uninterrupted run books the layer").isNotEmpty();
    clock.set(t);
    return books;
  }

  static List<String> positionDifferences(ReconcileReport rep) {
    return rep.differences().stream().filter(d -> d.kind() == ReconcileReport.Kind.FOREIGN_POSITION
        || d.kind() == ReconcileReport.Kind.MISSING_POSITION || d.kind() == ReconcileReport.Kind.FOREIGN_ORDER)
        .map(Object::toString).toList();
  }

  /** A VIX call with a sound quote in the L1 window (about 30 to 70 days out). */
  OptionContract l1Call() {
    LocalDate today = clock.marketDate();
    LocalDate expiry = market.expirations(OptionContract.VIX).stream()
        .filter(e -> e.toEpochDay() - today.toEpochDay() >= 30).findFirst().orElseThrow();
    var chain = market.chain(OptionContract.VIX, expiry);
    return chain.of(OptionRight.CALL).stream().filter(q -> q.contract().strike().doubleValue() >= chain.underlying())
        .findFirst().map(OptionQuote::contract).orElseThrow();
  }

  HedgeAction openL1(int qty, String stamp) {
    OptionContract c = l1Call();
    BigDecimal mid = market.quote(c).orElseThrow().mid();
    OrderIntent o = new OrderIntent(new OrderRef("alvh-L1-" + stamp + "-hedge-" + stamp), OrderPurpose.OPEN_HEDGE, 0,
        List.of(ComboLeg.of(Side.BUY, c)), qty, NetPrice.debit(mid), "L1 (test): buy " + c.key() + " x" + qty);
    return new HedgeAction(HedgeAction.Type.OPEN, "L1-" + stamp, 1, HedgeLayerKind.VIX_CALL, o);
  }

  HedgeAction closeOf(HedgeAction open, String stamp) {
    ComboLeg leg = open.order().legs().get(0);
    OrderIntent o = new OrderIntent(new OrderRef("alvh-" + open.layerId() + "-unhedge-" + stamp),
        OrderPurpose.CLOSE_HEDGE, 0, List.of(leg.reversed()), open.order().quantity(),
        NetPrice.credit(BigDecimal.ZERO), "exit (test): " + open.layerId());
    return new HedgeAction(HedgeAction.Type.CLOSE, open.layerId(), 1, HedgeLayerKind.VIX_CALL, o);
  }

  /** A one-lot-per-leg iron condor order of 3 combos on a listed SPXW expiry, priced at its mid. */
  OrderIntent condor(Bot b) {
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
    final RecoveryBroker broker;
    Store store;
    TradingEngine engine;

    Bot(Path data, RecoveryBroker broker) {
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
}
