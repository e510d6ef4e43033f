package dev.alvh.ibkr.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.broker.IbkrAdapter;
import dev.alvh.ibkr.config.IbkrConfig;
import dev.alvh.ibkr.server.PaperTws;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15: an unattended start before TWS is up, the account guard, and order ids never reused
 * when TWS's nextValidId is lower after a restart (in this process and across processes).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveSessionTest {

  static final IbkrConfig FAST = IbkrConfig.DEFAULTS.withTiming(3, 1, 50);

  private PaperTws tws;
  private IbkrAdapter ib;

  @AfterEach
  void stop() {
    if (ib != null) {
      ib.close();
    }
    if (tws != null) {
      tws.close();
    }
  }

  private static IbkrAdapter unconnected(int port, Clock clock) {
    return IbkrAdapter.unconnected("127.0.0.1", port, 21, FAST, clock);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private OrderIntent call(String ref) {
    LocalDate exp = ib.market().expirations(OptionContract.VIX).get(0);
    double vx = ib.market().vxFuture(exp).orElseThrow();
    BigDecimal strike = BigDecimal.valueOf(ib.market().strikes(OptionContract.VIX).stream().filter(s -> s > vx + 2)
        .findFirst().orElseThrow());
    return new OrderIntent(new OrderRef(ref), OrderPurpose.OPEN_HEDGE, 0,
        List.of(ComboLeg.of(Side.BUY, OptionContract.vix(exp, strike, OptionRight.CALL))), 1,
        NetPrice.debit(new BigDecimal("0.05")), "test");
  }

  @Test
  void anUnattendedStartWaitsForTwsWithBackoffAndConnectsWhenItComesUp() throws Exception {
    int port = freePort();
    ib = unconnected(port, java.time.Instant::now);
    assertThat(ib.session().connectOrKeepTrying()).as("TWS is not up yet").isFalse();
    assertThat(ib.session().firstReady()).isNotDone();
    Thread.sleep(300);
    tws = PaperTws.startOn(port);
    ib.session().firstReady().get(20, TimeUnit.SECONDS);
    assertThat(ib.session().state()).isEqualTo(TwsSession.State.READY);
  }

  @Test
  void aRefusedAccountClosesTheSessionWithNothingSentAndIsNotRetried() throws Exception {
    tws = PaperTws.start();
    ib = unconnected(tws.port, tws.clock);
    ib.session().accountGuard(accounts -> Optional.of("refused " + accounts));
    assertThatThrownBy(() -> ib.session().connectOrKeepTrying()).isInstanceOfSatisfying(TwsRequestException.class,
        e -> assertThat(e.code()).isEqualTo(TwsRequestException.ACCOUNT_REFUSED));
    Thread.sleep(500);
    assertThat(tws.server.messagesReceived()).as("one startApi, then nothing").isEqualTo(Map.of("StartApi", 1));
    assertThat(ib.session().firstReady()).isCompletedExceptionally();
  }

  @Test
  void aLowerNextValidIdAfterTwsRestartsNeverReusesAnId() throws Exception {
    tws = PaperTws.start();
    int port = tws.port;
    ib = IbkrAdapter.connect("127.0.0.1", port, 21, FAST, tws.clock);
    long first = ib.broker().place(call("alvh-ids-1"));
    long second = ib.broker().place(call("alvh-ids-2"));
    // TWS restarts and says nextValidId 1 on the reconnect.
    long before = ib.session().connectionCount();
    tws.server.faults().nextValidId(1);
    tws.server.faults().dropConnections();
    await().atMost(Duration.ofSeconds(30)).until(() -> ib.session().connectionCount() > before
        && ib.session().state() == TwsSession.State.READY);
    long third = ib.broker().place(call("alvh-ids-3"));
    assertThat(tws.server.ordersReceived("alvh-ids-3")).isEqualTo(1);
    assertThat(third).as("ids %d, %d then %d", first, second, third).isGreaterThan(second);
  }

  @Test
  void aNewProcessStartsAboveTheIdsItsJournalHolds() throws Exception {
    tws = PaperTws.start(); // nextValidId 1
    ib = unconnected(tws.port, tws.clock);
    ib.session().orderIdsAbove(5001); // the journal's highest broker id was 5000
    ib.session().connect();
    assertThat(ib.broker().place(call("alvh-ids-4"))).isGreaterThanOrEqualTo(5001);
  }

  @Test
  void fillsMadeDuringA1100GapAreBookedOnceWhenTheLinkComesBack() throws Exception {
    tws = PaperTws.start();
    // Heartbeats far apart: the socket stays up through the gap, as it does at TWS during a 1100.
    ib = IbkrAdapter.connect("127.0.0.1", tws.port, 22, IbkrConfig.DEFAULTS.withTiming(2, 600, 50), tws.clock);
    List<dev.alvh.core.order.Fill> fills = new java.util.concurrent.CopyOnWriteArrayList<>();
    ib.broker().setListener(new dev.alvh.core.port.BrokerListener() {
      @Override
      public void orderUpdated(dev.alvh.core.order.OrderUpdate update) {
      }

      @Override
      public void filled(dev.alvh.core.order.Fill fill) {
        fills.add(fill);
      }
    });
    OrderIntent o = call("alvh-gap-1");
    OptionContract c = o.legs().get(0).contract();
    BigDecimal ask = ib.market().quote(c).orElseThrow().ask();
    OrderIntent marketable = new OrderIntent(o.ref(), o.purpose(), 0, o.legs(), 1,
        NetPrice.debit(ask.add(BigDecimal.ONE)), "test");
    tws.server.faults().linkLostOnNextOrder();
    ib.broker().place(marketable);
    await().atMost(Duration.ofSeconds(5)).until(() -> ib.session().state() == TwsSession.State.PAUSED);
    assertThat(tws.server.executionsReported()).as("filled at the exchange in the gap").hasSize(1);
    ib.broker().drainEvents();
    assertThat(fills).as("not heard during the gap").isEmpty();
    tws.server.faults().restoreLink(1102);
    await().atMost(Duration.ofSeconds(10)).until(() -> fills.size() == 1);
    assertThat(ib.session().connectionCount()).as("no reconnect was needed").isEqualTo(1);
    tws.server.faults().dropConnections(); // and a later reconnect reads the same execution again
    await().atMost(Duration.ofSeconds(20)).until(() -> ib.session().connectionCount() == 2
        && ib.session().state() == TwsSession.State.READY);
    ib.broker().drainEvents();
    assertThat(fills).as("booked once").hasSize(1);
  }
}
