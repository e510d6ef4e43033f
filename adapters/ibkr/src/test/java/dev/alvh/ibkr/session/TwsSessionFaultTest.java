package dev.alvh.ibkr.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.ibkr.broker.Contracts;
import dev.alvh.ibkr.broker.IbkrAdapter;
import dev.alvh.ibkr.config.IbkrConfig;
import dev.alvh.ibkr.msg.ServerMessage;
import dev.alvh.ibkr.server.PaperTws;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The session's unattended behaviour against the scripted fake TWS. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TwsSessionFaultTest {

  static final IbkrConfig FAST = IbkrConfig.DEFAULTS.withTiming(3, 1, 50);

  private PaperTws tws;
  private IbkrAdapter ib;
  private final List<Fill> fills = new CopyOnWriteArrayList<>();
  private final List<OrderUpdate> updates = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    tws = PaperTws.start();
  }

  @AfterEach
  void stop() {
    if (ib != null) {
      ib.close();
    }
    tws.close();
  }

  private IbkrAdapter connect(int clientId, IbkrConfig cfg) {
    IbkrAdapter a = IbkrAdapter.connect("127.0.0.1", tws.port, clientId, cfg, tws.clock);
    a.broker().setListener(new BrokerListener() {
      @Override
      public void orderUpdated(OrderUpdate update) {
        updates.add(update);
      }

      @Override
      public void filled(Fill fill) {
        fills.add(fill);
      }
    });
    return a;
  }

  @Test
  void reconnectsAfterADroppedConnectionAndResubscribesMarketData() {
    ib = connect(17, FAST);
    Ticker spx = ib.session().subscribe(Contracts.spx(), "");
    await().atMost(Duration.ofSeconds(5)).until(() -> spx.updates() > 0);
    tws.server.faults().dropConnections();
    await().atMost(Duration.ofSeconds(10)).until(() -> ib.session().connectionCount() == 2
        && ib.session().state() == TwsSession.State.READY);
    int before = spx.updates();
    await().atMost(Duration.ofSeconds(5)).until(() -> spx.updates() > before);
    assertThat(ib.session().breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void orderIdsOnlyGrowAcrossReconnects() {
    ib = connect(17, FAST);
    long first = ib.broker().place(vixCall("alvh-H0010-hedge-1", new BigDecimal("50")));
    long second = ib.broker().place(vixCall("alvh-H0011-hedge-1", new BigDecimal("50")));
    await().atMost(Duration.ofSeconds(5)).until(() -> fills.size() == 2);
    tws.server.faults().dropConnections();
    await().atMost(Duration.ofSeconds(10)).until(() -> ib.session().connectionCount() == 2
        && ib.session().state() == TwsSession.State.READY);
    long third = ib.broker().place(vixCall("alvh-H0012-hedge-1", new BigDecimal("50")));
    assertThat(List.of(first, second, third)).isSorted().doesNotHaveDuplicates();
    await().atMost(Duration.ofSeconds(5)).until(() -> fills.size() >= 3);
    ib.broker().drainEvents();
    assertThat(fills).hasSize(3);
  }

  @Test
  void anOrderLostInFlightIsReportedInactiveAfterTheReconnectAndNeverResent() {
    ib = connect(17, FAST);
    ib.broker().place(vixCall("alvh-H0014-hedge-1", new BigDecimal("50"))); // resolves the conId
    await().atMost(Duration.ofSeconds(5)).until(() -> fills.size() == 1);
    OrderIntent order = vixCall("alvh-H0013-hedge-1", new BigDecimal("50"));
    tws.server.faults().freeze(true); // TWS reads the order but never handles it
    ib.broker().place(order);
    await().atMost(Duration.ofSeconds(5)).until(() -> tws.server.faults().ignoredOrders() == 1);
    tws.server.faults().dropConnections();
    tws.server.faults().freeze(false);
    await().atMost(Duration.ofSeconds(10)).until(() -> ib.session().connectionCount() == 2);
    await().atMost(Duration.ofSeconds(5)).until(() -> updates.stream().anyMatch(u -> u.ref().equals(order.ref())
        && u.status() == OrderStatus.INACTIVE && u.reason().startsWith("lost in flight")));
    assertThat(tws.server.ordersReceived(order.ref().value())).isZero();
    assertThatThrownBy(() -> ib.broker().place(order)).isInstanceOf(IllegalStateException.class);
    ib.broker().drainEvents();
    assertThat(fills).hasSize(1);
  }

  @Test
  void linkLostPausesOrdersAndRestoredResumes() {
    ib = connect(17, FAST);
    tws.server.faults().sendError(1100, "Connectivity between IB and Trader Workstation has been lost.");
    await().atMost(Duration.ofSeconds(5)).until(() -> ib.session().state() == TwsSession.State.PAUSED);
    OrderIntent order = vixCall("alvh-H0002-hedge-1", new BigDecimal("50"));
    assertThatThrownBy(() -> ib.broker().place(order)).isInstanceOf(TwsRequestException.class)
        .hasMessageContaining("orders")
        .satisfies(e -> assertThat(((TwsRequestException) e).code()).isEqualTo(TwsRequestException.NOT_SENT));
    assertThat(tws.server.ordersReceived()).isEmpty();
    assertThat(ib.broker().knows(order.ref())).isFalse();

    tws.server.faults().sendError(1102, "Connectivity between IB and TWS has been restored - data maintained.");
    await().atMost(Duration.ofSeconds(5)).until(() -> ib.session().state() == TwsSession.State.READY);
    ib.broker().place(order);
    await().atMost(Duration.ofSeconds(5)).until(() -> fills.size() == 1);
    assertThat(tws.server.ordersReceived(order.ref().value())).isEqualTo(1);
  }

  @Test
  void dataLostResubscribesAndKeepsTheSocket() {
    ib = connect(17, FAST);
    Ticker vix = ib.session().subscribe(Contracts.vix(), "");
    await().atMost(Duration.ofSeconds(5)).until(() -> vix.updates() > 0);
    tws.server.faults().sendError(1100, "lost");
    await().atMost(Duration.ofSeconds(5)).until(() -> ib.session().state() == TwsSession.State.PAUSED);
    tws.server.faults().sendError(1101, "Connectivity restored - data lost.");
    await().atMost(Duration.ofSeconds(5)).until(() -> ib.session().state() == TwsSession.State.READY);
    tws.server.faults().sendError(2104, "Market data farm connection is OK:usfarm");
    tws.server.faults().sendError(2103, "Market data farm connection is broken:usfarm");
    tws.server.faults().sendError(2106, "HMDS OK");
    tws.server.faults().sendError(2158, "Sec-def OK");
    int before = vix.updates();
    await().atMost(Duration.ofSeconds(5)).until(() -> vix.updates() > before);
    assertThat(ib.session().connectionCount()).isEqualTo(1);
    assertThat(ib.session().currentTime()).isEqualTo(tws.clock.now().getEpochSecond());
  }

  @Test
  void connectedButDeadIsFoundByTheHeartbeatAndTheSessionReconnects() {
    ib = connect(17, FAST);
    tws.server.faults().freeze(true);
    await().atMost(Duration.ofSeconds(10)).until(() -> ib.session().state() == TwsSession.State.DISCONNECTED);
    assertThat(ib.session().breakerState()).isEqualTo(CircuitBreaker.State.FORCED_OPEN);
    tws.server.faults().freeze(false);
    await().atMost(Duration.ofSeconds(15)).until(() -> ib.session().state() == TwsSession.State.READY
        && ib.session().connectionCount() >= 2);
  }

  @Test
  void anUnattendedStartBeforeTwsIsUpConnectsOnceTwsComesUp() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ib = IbkrAdapter.start("127.0.0.1", port, 17, FAST,
        tws.clock);
    assertThat(ib.session().state()).isEqualTo(TwsSession.State.DISCONNECTED);
    try (PaperTws late = PaperTws.startOn(port)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> ib.session().state() == TwsSession.State.READY);
      assertThat(ib.broker().account().netLiquidation()).isEqualByComparingTo("1000000");
    }
  }

  @Test
  void clientIdInUseMovesToTheNextConfiguredId() {
    IbkrAdapter first = connect(17, FAST);
    try {
      ib = connect(17, FAST);
      assertThat(ib.session().clientIdInUse()).isEqualTo(18);
      assertThat(first.session().clientIdInUse()).isEqualTo(17);
    } finally {
      first.close();
    }
  }

  @Test
  void everyIdRefusedFailsTheFirstConnectWith326() {
    tws.server.faults().refuseClientIds(true);
    assertThatThrownBy(() -> connect(17, FAST)).isInstanceOf(TwsRequestException.class)
        .hasMessageContaining("[17, 18, 19]")
        .satisfies(e -> assertThat(((TwsRequestException) e).code()).isEqualTo(326));
  }

  @Test
  void aMalformedFrameIsSkippedAndTheSessionStaysUp() {
    ib = connect(17, FAST);
    tws.server.faults().sendMalformedFrame();
    assertThat(ib.session().currentTime()).isPositive();
    assertThat(ib.session().state()).isEqualTo(TwsSession.State.READY);
    assertThat(ib.session().connectionCount()).isEqualTo(1);
  }

  @Test
  void aRejectedOrderEndsInactiveWithTheReason() {
    ib = connect(17, FAST);
    tws.server.faults().rejectNextOrder("scripted");
    OrderIntent order = vixCall("alvh-H0003-hedge-1", new BigDecimal("50"));
    ib.broker().place(order);
    await().atMost(Duration.ofSeconds(5)).until(() -> updates.stream()
        .anyMatch(u -> u.status() == OrderStatus.INACTIVE && u.reason().contains("201")));
    assertThat(fills).isEmpty();
  }

  @Test
  void delayedAnswersBeyondTheTimeLimitFailTheRequestNotTheSession() {
    ib = connect(17, FAST);
    tws.server.faults().delayAnswers(Duration.ofMillis(3500));
    assertThatThrownBy(() -> ib.broker().account()).isInstanceOf(TwsRequestException.class)
        .hasMessageContaining("no answer from TWS within 3 s");
    tws.server.faults().delayAnswers(Duration.ZERO);
    await().atMost(Duration.ofSeconds(10)).until(() -> ib.session().state() == TwsSession.State.READY);
  }

  @Test
  void aConnectionDroppedInTheMiddleOfAnOrderLosesNoFillAndSendsNothingTwice() {
    ib = connect(17, FAST);
    OrderIntent order = vixCall("alvh-H0004-hedge-1", new BigDecimal("50"));
    tws.server.faults().dropOnNextOrder();
    ib.broker().place(order);
    await().atMost(Duration.ofSeconds(10)).until(() -> ib.session().connectionCount() == 2
        && ib.session().state() == TwsSession.State.READY);
    await().atMost(Duration.ofSeconds(5)).until(() -> fills.size() == 1);
    assertThat(fills.get(0).ref()).isEqualTo(order.ref());
    assertThatThrownBy(() -> ib.broker().place(order)).isInstanceOf(IllegalStateException.class);
    assertThat(tws.server.ordersReceived(order.ref().value())).isEqualTo(1);
    ib.broker().drainEvents();
    assertThat(fills).hasSize(1);
  }

  @Test
  void theRateLimiterSpacesMessagesBelowTheConfiguredRate() {
    ib = connect(17, FAST.withMaxMessagesPerSecond(4));
    List<Instant> sent = new CopyOnWriteArrayList<>();
    ib.session().addListener(new TwsSession.Listener() {
      @Override
      public void onMessage(ServerMessage m) {
        if (m instanceof ServerMessage.CurrentTime) {
          sent.add(Instant.now());
        }
      }
    });
    for (int i = 0; i < 9; i++) {
      ib.session().currentTime();
    }
    // The answer completes the call before the session's listeners see it: wait for the last one.
    await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() >= 9);
    // 9 messages at 4 per period need at least 3 periods: a lower bound, never flaky on a slow machine.
    assertThat(Duration.between(sent.get(0), sent.get(8))).isGreaterThan(Duration.ofMillis(1500));
  }

  private OrderIntent vixCall(String ref, BigDecimal limit) {
    LocalDate expiry = ib.market().expirations("VIX").get(1);
    OptionContract call = OptionContract.vix(expiry, BigDecimal.valueOf(25), OptionRight.CALL);
    return new OrderIntent(new OrderRef(ref), OrderPurpose.OPEN_HEDGE, 0, List.of(ComboLeg.of(Side.BUY, call)), 1,
        NetPrice.debit(limit), "L1");
  }
}
