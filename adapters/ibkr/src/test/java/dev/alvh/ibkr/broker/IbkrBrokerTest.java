package dev.alvh.ibkr.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.alvh.core.account.AccountSummary;
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
import dev.alvh.ibkr.config.IbkrConfig;
import dev.alvh.ibkr.server.PaperTws;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The broker and market-data adapter against the paper broker served over the TWS protocol. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IbkrBrokerTest {

  /** Short timeouts, and the highest message rate the configuration allows (each test quotes a chain). */
  static final IbkrConfig FAST = IbkrConfig.DEFAULTS.withTiming(5, 1, 50).withMaxMessagesPerSecond(49);

  private PaperTws tws;
  private IbkrAdapter ib;
  private final List<Fill> fills = new CopyOnWriteArrayList<>();
  private final List<OrderUpdate> updates = new CopyOnWriteArrayList<>();

  @BeforeEach
  void connect() throws Exception {
    tws = PaperTws.start();
    ib = IbkrAdapter.connect("127.0.0.1", tws.port, 17, FAST,
        tws.clock);
    ib.broker().setListener(new BrokerListener() {
      @Override
      public void orderUpdated(OrderUpdate update) {
        updates.add(update);
      }

      @Override
      public void filled(Fill fill) {
        fills.add(fill);
      }
    });
  }

  @AfterEach
  void close() {
    ib.close();
    tws.close();
  }

  @Test
  void readsAccountIndicesAndChainsLikeTheServedMarket() {
    assertThat(ib.session().serverVersion()).contains(178);
    assertThat(ib.session().accounts()).containsExactly(PaperTws.ACCOUNT);
    AccountSummary a = ib.broker().account();
    assertThat(a.netLiquidation()).isEqualByComparingTo("1000000");
    IndexLevels ix = ib.market().indices();
    IndexLevels served = tws.indices();
    assertThat(ix.spx()).isCloseTo(served.spx(), org.assertj.core.data.Offset.offset(0.01));
    assertThat(ix.vix()).isCloseTo(served.vix(), org.assertj.core.data.Offset.offset(0.01));
    List<LocalDate> exps = ib.market().expirations("SPXW");
    assertThat(exps).isEqualTo(tws.market.expirations("SPXW"));
    LocalDate expiry = exps.stream().filter(d -> d.isAfter(tws.clock.marketDate().plusDays(40))).findFirst()
        .orElseThrow();
    OptionChain chain = ib.market().chain("SPXW", expiry);
    assertThat(chain.quotes()).isNotEmpty();
    OptionQuote put = chain.nearestDelta(OptionRight.PUT, 0.16).orElseThrow();
    OptionQuote direct = tws.market.quote(put.contract()).orElseThrow();
    assertThat(put.bid()).isEqualByComparingTo(direct.bid());
    assertThat(put.ask()).isEqualByComparingTo(direct.ask());
    assertThat(put.delta()).isCloseTo(direct.delta(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ib.market().expirations("VIX")).isNotEmpty();
    assertThat(ib.market().vxFuture(ib.market().expirations("VIX").get(1))).isPresent();
  }

  @Test
  void tradesAnIronCondorAsOneBagAndAVixCallAsOneLegEachFillOnce() {
    OrderIntent condor = condor("alvh-T0001-open-202303291100", 2);
    long id = ib.broker().place(condor);
    assertThat(id).isPositive();
    await().atMost(Duration.ofSeconds(10)).until(() -> fills.size() == 4);
    ib.broker().drainEvents();
    assertThat(fills).extracting(Fill::ref).containsOnly(condor.ref());
    assertThat(fills).extracting(Fill::quantity).containsOnly(2);
    assertThat(fills.stream().filter(f -> f.side() == Side.SELL).count()).isEqualTo(2);
    assertThat(updates).extracting(OrderUpdate::status).contains(OrderStatus.FILLED);
    List<Position> positions = ib.broker().positions();
    assertThat(positions).hasSize(4);
    assertThat(positions).extracting(Position::quantity).containsExactlyInAnyOrder(2L, 2L, -2L, -2L);

    LocalDate vixExpiry = ib.market().expirations("VIX").get(1);
    OptionContract call = OptionContract.vix(vixExpiry, BigDecimal.valueOf(25), OptionRight.CALL);
    OptionQuote q = ib.market().quote(call).orElseThrow();
    OrderIntent hedge = new OrderIntent(new OrderRef("alvh-H0001-hedge-202303291100"), OrderPurpose.OPEN_HEDGE, 0,
        List.of(ComboLeg.of(Side.BUY, call)), 3, NetPrice.debit(q.ask()), "L1");
    ib.broker().place(hedge);
    await().atMost(Duration.ofSeconds(10)).until(() -> fills.size() == 5);
    ib.broker().drainEvents();
    Fill f = fills.get(4);
    assertThat(f.contract()).isEqualTo(call);
    assertThat(f.side()).isEqualTo(Side.BUY);
    assertThat(f.quantity()).isEqualTo(3);
    assertThat(fills).extracting(Fill::execId).doesNotHaveDuplicates();
    assertThat(tws.server.ordersReceived()).containsEntry(condor.ref().value(), 1)
        .containsEntry(hedge.ref().value(), 1);

    assertThatThrownBy(() -> ib.broker().place(condor)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already sent");
    assertThat(tws.server.ordersReceived(condor.ref().value())).isEqualTo(1);
  }

  @Test
  void whatIfGivesTheCondorsMarginAndExecutesNothing() {
    OrderIntent condor = condor("alvh-T0002-open-202303291100", 1);
    IbkrBroker.WhatIf w = ib.broker().whatIf(condor);
    assertThat(new BigDecimal(w.initMarginChange())).isEqualByComparingTo("5000.00");
    assertThat(ib.broker().positions()).isEmpty();
    assertThat(tws.server.ordersReceived()).isEmpty();
  }

  @Test
  void aRestingOrderIsListedOpenAndCancelledByRef() {
    OrderIntent condor = new OrderIntent(new OrderRef("alvh-T0003-open-202303291100"), OrderPurpose.OPEN_CONDOR, 3,
        condor("x", 1).legs(), 1, NetPrice.credit(new BigDecimal("40.00")), "test");
    ib.broker().place(condor);
    await().atMost(Duration.ofSeconds(10)).until(() -> ib.broker().openOrders().size() == 1);
    assertThat(ib.broker().openOrders().get(0).ref()).isEqualTo(condor.ref());
    OptionContract unlisted = OptionContract.spxw(tws.clock.marketDate().minusDays(7), new BigDecimal("4000"),
        OptionRight.PUT); // expired: not quoted
    assertThat(ib.market().quote(unlisted)).isEmpty(); // TWS answers 200 on a request id, never an order id
    ib.broker().drainEvents();
    assertThat(updates).noneMatch(u -> u.status() == OrderStatus.INACTIVE);
    ib.broker().cancel(condor.ref());
    await().atMost(Duration.ofSeconds(10)).until(() -> updates.stream()
        .anyMatch(u -> u.ref().equals(condor.ref()) && u.status() == OrderStatus.CANCELLED));
    assertThat(ib.broker().openOrders()).isEmpty();
  }

  @Test
  void modifyMovesAWorkingOrdersLimitUnderTheSameOrderIdAndRef() {
    OrderIntent resting = new OrderIntent(new OrderRef("alvh-T0004-open-202303291100"), OrderPurpose.OPEN_CONDOR, 4,
        condor("x", 1).legs(), 1, NetPrice.credit(new BigDecimal("40.00")), "test");
    long id = ib.broker().place(resting);
    await().atMost(Duration.ofSeconds(10)).until(() -> ib.broker().openOrders().size() == 1);
    ib.broker().modify(resting.ref(), NetPrice.credit(new BigDecimal("0.05")));
    await().atMost(Duration.ofSeconds(10)).until(() -> fills.size() == 4);
    ib.broker().drainEvents();
    assertThat(fills).extracting(Fill::ref).containsOnly(resting.ref());
    assertThat(updates).filteredOn(u -> u.status() == OrderStatus.FILLED).extracting(OrderUpdate::brokerId)
        .containsOnly(id);
    assertThat(ib.broker().openOrders()).isEmpty();
    assertThat(tws.server.ordersReceived(resting.ref().value())).isEqualTo(2);
  }

  @Test
  void placeModifyAndCancelReturnOnceTheirEventsReachedTheListenerAsWithThePaperBroker() {
    OrderIntent filled = condor("alvh-T0005-open-202303291100", 1);
    ib.broker().place(filled);
    // no waiting: the fills TWS made at once and the Filled status are in before place returns
    assertThat(fills).hasSize(4).extracting(Fill::ref).containsOnly(filled.ref());
    assertThat(updates).anyMatch(u -> u.ref().equals(filled.ref()) && u.status() == OrderStatus.FILLED);

    OrderIntent resting = new OrderIntent(new OrderRef("alvh-T0006-open-202303291100"), OrderPurpose.OPEN_CONDOR, 6,
        condor("x", 1).legs(), 1, NetPrice.credit(new BigDecimal("40.00")), "test");
    ib.broker().place(resting);
    assertThat(updates).anyMatch(u -> u.ref().equals(resting.ref()) && u.status() == OrderStatus.SUBMITTED);
    ib.broker().modify(resting.ref(), NetPrice.credit(new BigDecimal("39.00")));
    assertThat(fills).hasSize(4);
    ib.broker().cancel(resting.ref());
    assertThat(updates).anyMatch(u -> u.ref().equals(resting.ref()) && u.status() == OrderStatus.CANCELLED);
  }

  @Test
  void chainsReachAcrossTheMoneySoThe50DeltaStrikesAreTheServedMarkets() {
    LocalDate today = tws.clock.marketDate();
    LocalDate expiry = ib.market().expirations("SPXW").stream().filter(d -> d.isAfter(today.plusDays(44)))
        .findFirst().orElseThrow();
    OptionChain chain = ib.market().chain("SPXW", expiry);
    OptionChain full = tws.market.chain("SPXW", expiry);
    for (OptionRight right : OptionRight.values()) {
      assertThat(chain.nearestDelta(right, 0.5).orElseThrow().contract())
          .isEqualTo(full.nearestDelta(right, 0.5).orElseThrow().contract());
      assertThat(chain.of(right)).anyMatch(q -> Math.abs(q.delta()) >= 0.5);
    }
    // the levels are the served market's, not rounded to the cent
    assertThat(ib.market().indices().spx()).isEqualTo(tws.indices().spx());
    LocalDate vixExpiry = ib.market().expirations("VIX").get(1);
    assertThat(ib.market().vxFuture(vixExpiry)).isEqualTo(tws.market.vxFuture(vixExpiry));
  }

  @Test
  void aSingleSellLegMustHaveACreditLimit() {
    OptionContract put = condor("x", 1).legs().get(0).contract();
    OrderIntent wrong = new OrderIntent(new OrderRef("alvh-bad-1"), OrderPurpose.OPEN_CONDOR, 0,
        List.of(ComboLeg.of(Side.SELL, put)), 1, NetPrice.debit(BigDecimal.ONE), "test");
    assertThatThrownBy(() -> ib.broker().place(wrong)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit of a single SELL leg must be a credit");
  }

  /** A 50-wide condor around the 16-delta strikes of the expiry nearest 45 DTE, at a credit it fills at. */
  OrderIntent condor(String ref, int qty) {
    LocalDate today = tws.clock.marketDate();
    LocalDate expiry = ib.market().expirations("SPXW").stream().filter(d -> d.isAfter(today.plusDays(44)))
        .findFirst().orElseThrow();
    OptionChain chain = ib.market().chain("SPXW", expiry);
    OptionContract sp = chain.nearestDelta(OptionRight.PUT, 0.16).orElseThrow().contract();
    OptionContract sc = chain.nearestDelta(OptionRight.CALL, 0.16).orElseThrow().contract();
    OptionContract lp = OptionContract.spxw(expiry, sp.strike().subtract(BigDecimal.valueOf(50)), OptionRight.PUT);
    OptionContract lc = OptionContract.spxw(expiry, sc.strike().add(BigDecimal.valueOf(50)), OptionRight.CALL);
    return new OrderIntent(new OrderRef(ref), OrderPurpose.OPEN_CONDOR, 1, List.of(ComboLeg.of(Side.SELL, sp),
        ComboLeg.of(Side.BUY, lp), ComboLeg.of(Side.SELL, sc), ComboLeg.of(Side.BUY, lc)), qty,
        NetPrice.credit(new BigDecimal("0.05")), "test");
  }
}
