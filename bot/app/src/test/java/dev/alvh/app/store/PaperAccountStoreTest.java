package dev.alvh.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.app.journal.BrokerRecords;
import dev.alvh.app.journal.ReconcileReport;
import dev.alvh.app.journal.Reconciler;
import dev.alvh.core.account.Position;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.time.VirtualClock;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.config.PaperBrokerConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in paper broker's account kept in the bot's database: a new broker on the same
 * database (a restart) has the same account; working orders come back as cancelled; a failure in
 * the middle of a booking leaves neither the broker's rows nor the bot's.
 */
class PaperAccountStoreTest {

  private static final LocalDate EXPIRY = LocalDate.of(2024, 2, 23);
  private static final OptionContract LP = OptionContract.spxw(EXPIRY, new BigDecimal("4750"), OptionRight.PUT);
  private static final OptionContract SP = OptionContract.spxw(EXPIRY, new BigDecimal("4800"), OptionRight.PUT);
  private static final OptionContract SC = OptionContract.spxw(EXPIRY, new BigDecimal("5150"), OptionRight.CALL);
  private static final OptionContract LC = OptionContract.spxw(EXPIRY, new BigDecimal("5200"), OptionRight.CALL);
  private static final BigDecimal START = new BigDecimal("1000000");
  /** Money compared by value: a restored amount may carry the column's scale. */
  private static final RecursiveComparisonConfiguration EXACT_MONEY = RecursiveComparisonConfiguration.builder()
      .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build();
  private static final PaperBrokerConfig CONFIG = new PaperBrokerConfig(START, new BigDecimal("0.65"),
      new BigDecimal("0.60"));
  /** Fills at mid: the account arithmetic below is checked on mids. */
  private static final dev.alvh.paper.config.PaperConfig.Fill AT_MID = dev.alvh.paper.config.PaperConfig.Fill.AT_MID;

  /** Settable quotes per contract. */
  static final class Quotes implements MarketData {
    final Map<OptionContract, OptionQuote> quotes = new HashMap<>();

    void set(OptionContract c, String bid, String ask) {
      quotes.put(c, new OptionQuote(c, new BigDecimal(bid), new BigDecimal(ask), 0.15, 0, 0, 0, 0));
    }

    @Override
    public IndexLevels indices() {
      return new IndexLevels(Instant.EPOCH, 5000, 14, 16);
    }

    @Override
    public List<LocalDate> expirations(String tradingClass) {
      return List.of(EXPIRY);
    }

    @Override
    public OptionChain chain(String tradingClass, LocalDate expiry) {
      return new OptionChain(tradingClass, expiry, 5000, List.copyOf(quotes.values()));
    }

    @Override
    public Optional<OptionQuote> quote(OptionContract contract) {
      return Optional.ofNullable(quotes.get(contract));
    }
  }

  @TempDir
  Path dir;

  private final Quotes market = new Quotes();
  private final VirtualClock clock = new VirtualClock(Instant.parse("2024-01-08T20:45:00Z"));
  private Store store;

  @BeforeEach
  void open() {
    // mids 2.50, 5.10, 3.10, 0.70: the condor's model price at mid is a 5.00 credit
    market.set(LP, "2.40", "2.60");
    market.set(SP, "5.00", "5.20");
    market.set(SC, "3.00", "3.20");
    market.set(LC, "0.60", "0.80");
    store = Store.open(dir, "paper");
  }

  @AfterEach
  void close() {
    store.close();
  }

  private PaperBroker broker() {
    PaperBroker b = new PaperBroker(market, clock, CONFIG, AT_MID, new PaperAccountStore(store.jdbc(), clock::now));
    b.setListener(Reconciler.storeOnly(store));
    return b;
  }

  private static List<ComboLeg> condorLegs() {
    return List.of(ComboLeg.of(Side.BUY, LP), ComboLeg.of(Side.SELL, SP), ComboLeg.of(Side.SELL, SC),
        ComboLeg.of(Side.BUY, LC));
  }

  private OrderIntent journaled(String ref, int qty, String credit) {
    OrderIntent o = new OrderIntent(new OrderRef(ref), OrderPurpose.OPEN_CONDOR, 1, condorLegs(), qty,
        NetPrice.credit(new BigDecimal(credit)), "test");
    store.journal(o, clock.now());
    return o;
  }

  private long rows(String table) {
    return store.jdbc().queryOne("SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1)).orElseThrow();
  }

  private static BrokerRecords records(PaperBroker b) {
    return new BrokerRecords() {
      @Override
      public List<OrderUpdate> openOrders() {
        return b.openOrders();
      }

      @Override
      public List<OrderUpdate> completedOrders() {
        return b.completedOrders();
      }

      @Override
      public List<Fill> executionsSince(Instant since) {
        return b.executionsSince(since);
      }

      @Override
      public List<Position> positions() {
        return b.positions();
      }
    };
  }

  @Test
  void aRestartedBrokerHasTheSavedAccountAndContinuesItsIds() {
    PaperBroker before = broker();
    long id = before.place(journaled("r1", 2, "5.00"));
    assertThat(before.positions()).hasSize(4);
    clock.set(clock.now().plusSeconds(60));

    PaperBroker after = broker();
    assertThat(after.positions()).usingRecursiveFieldByFieldElementComparator(EXACT_MONEY)
        .containsExactlyElementsOf(before.positions());
    assertThat(after.account()).isEqualTo(before.account());
    // 2 condors at a 5.00 credit: +1,000; 8 contracts x 1.25 commission and fees: -10
    assertThat(after.account().cash()).isEqualByComparingTo("1000990");
    assertThat(after.completedOrders()).as("nothing was working").isEmpty();
    assertThat(after.executionsSince(Instant.EPOCH)).extracting(Fill::execId)
        .containsExactly("paper.00000001", "paper.00000002", "paper.00000003", "paper.00000004");

    assertThat(after.place(journaled("r2", 1, "5.00"))).as("order ids continue").isEqualTo(id + 1);
    assertThat(store.jdbc().query("SELECT exec_id FROM fill ORDER BY exec_id", rs -> rs.getString(1)))
        .as("execution ids continue, so the bot stores every new fill").hasSize(8).doesNotHaveDuplicates()
        .contains("paper.00000008");
    assertThat(after.positions()).extracting(Position::quantity).containsExactly(3L, -3L, -3L, 3L);
    OrderIntent again = new OrderIntent(new OrderRef("r1"), OrderPurpose.OPEN_CONDOR, 1, condorLegs(), 1,
        NetPrice.credit(new BigDecimal("5.00")), "test");
    assertThatThrownBy(() -> after.place(again)).as("a ref sent before the restart is refused")
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("r1");
  }

  @Test
  void theSettlementLedgerAndItsCashAreKept() {
    PaperBroker before = broker();
    before.place(journaled("r1", 1, "5.00"));
    BigDecimal moved = before.settleExpiring(EXPIRY, new BigDecimal("4780"));
    assertThat(moved).isEqualByComparingTo("-2000"); // the 4800 put 20 in the money
    PaperBroker after = broker();
    assertThat(after.settlements()).hasSize(4).usingRecursiveFieldByFieldElementComparator(EXACT_MONEY)
        .containsExactlyElementsOf(before.settlements());
    assertThat(after.positions()).isEmpty();
    assertThat(after.account().cash()).isEqualByComparingTo(before.account().cash());
    assertThat(after.settleExpiring(EXPIRY, new BigDecimal("4780"))).as("settles once, across a restart too")
        .isEqualByComparingTo("0");
  }

  @Test
  void anOrderWorkingAtTheRestartIsReportedCancelledAndTheReconciliationMarksIt() {
    PaperBroker before = broker();
    before.place(journaled("greedy", 1, "6.00")); // above the 5.00 the model gives: rests
    assertThat(before.openOrders()).hasSize(1);
    assertThat(store.orderStatus(new OrderRef("greedy"))).contains(OrderStatus.SUBMITTED);

    PaperBroker after = broker();
    assertThat(after.openOrders()).isEmpty();
    assertThat(after.completedOrders()).singleElement().satisfies(u -> {
      assertThat(u.ref().value()).isEqualTo("greedy");
      assertThat(u.status()).isEqualTo(OrderStatus.CANCELLED);
      assertThat(u.remaining()).isEqualTo(1);
      assertThat(u.reason()).contains("restart");
    });
    ReconcileReport rep = new Reconciler(store, clock, Reconciler.storeOnly(store)).reconcile(records(after));
    assertThat(rep.differences()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(ReconcileReport.Kind.CANCELLED_WHILE_DOWN);
      assertThat(d.ref()).isEqualTo("greedy");
    });
    assertThat(store.orderStatus(new OrderRef("greedy"))).contains(OrderStatus.CANCELLED);
    assertThat(broker().completedOrders()).as("reported by one restart only").isEmpty();
  }

  @Test
  void aFailureInTheMiddleOfABookingKeepsNeitherTheBrokersRowsNorTheBots() {
    PaperBroker b = new PaperBroker(market, clock, CONFIG, AT_MID, new PaperAccountStore(store.jdbc(), clock::now));
    BrokerListener stores = Reconciler.storeOnly(store);
    b.setListener(new BrokerListener() {
      private int fills;

      @Override
      public void orderUpdated(OrderUpdate u) {
        stores.orderUpdated(u);
      }

      @Override
      public void filled(Fill f) {
        stores.filled(f);
        if (++fills == 3) {
          throw new IllegalStateException("killed between two legs");
        }
      }
    });
    OrderIntent o = journaled("r1", 1, "5.00");
    assertThatThrownBy(() -> b.place(o)).hasMessageContaining("killed");

    assertThat(rows("fill")).as("the bot's fill rows").isZero();
    assertThat(rows("paper_execution")).isZero();
    assertThat(rows("paper_position")).isZero();
    assertThat(rows("paper_order")).isZero();
    assertThat(store.orderStatus(o.ref())).as("the status written in the block is undone too")
        .contains(OrderStatus.JOURNALED);
    assertThat(b.positions()).as("the broker's memory follows what is kept").isEmpty();
    assertThat(b.account().cash()).isEqualByComparingTo(START);

    PaperBroker after = broker();
    assertThat(after.positions()).isEmpty();
    assertThat(after.account().cash()).isEqualByComparingTo(START);
    ReconcileReport rep = new Reconciler(store, clock, Reconciler.storeOnly(store)).reconcile(records(after));
    assertThat(rep.differences()).extracting(ReconcileReport.Difference::kind)
        .containsExactly(ReconcileReport.Kind.NEVER_SENT);
  }
}
