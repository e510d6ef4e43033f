package dev.alvh.ibkr.server;

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
import dev.alvh.ibkr.broker.Contracts;
import dev.alvh.ibkr.broker.IbkrAdapter;
import dev.alvh.ibkr.config.IbkrConfig;
import dev.alvh.ibkr.msg.ClientMessage;
import dev.alvh.ibkr.msg.ServerMessage;
import dev.alvh.ibkr.session.TwsRequestException;
import dev.alvh.ibkr.session.TwsSession;
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

/** paper-tws as the official client found it: orderStatus's average fill price, and 200 for a strike not listed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PaperTwsFixesTest {

  private PaperTws tws;
  private IbkrAdapter ib;
  private final List<ServerMessage.OrderStatus> statuses = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    tws = PaperTws.start();
    ib = IbkrAdapter.connect("127.0.0.1", tws.port, 23, IbkrConfig.DEFAULTS.withTiming(3, 1, 50), tws.clock);
    ib.session().addListener(new TwsSession.Listener() {
      @Override
      public void onMessage(ServerMessage m) {
        if (m instanceof ServerMessage.OrderStatus s) {
          statuses.add(s);
        }
      }
    });
  }

  @AfterEach
  void stop() {
    ib.close();
    tws.close();
  }

  @Test
  void orderStatusReportsTheAverageFillPriceOfAFilledOrder() {
    LocalDate exp = ib.market().expirations(OptionContract.VIX).get(0);
    double vx = ib.market().vxFuture(exp).orElseThrow();
    BigDecimal strike = BigDecimal.valueOf(ib.market().strikes(OptionContract.VIX).stream().filter(k -> k > vx + 2)
        .findFirst().orElseThrow());
    OptionContract call = OptionContract.vix(exp, strike, OptionRight.CALL);
    BigDecimal ask = ib.market().quote(call).orElseThrow().ask();
    long id = ib.broker().place(new OrderIntent(new OrderRef("alvh-avg-1"), OrderPurpose.OPEN_HEDGE, 0,
        List.of(ComboLeg.of(Side.BUY, call)), 2, NetPrice.debit(ask.add(BigDecimal.ONE)), "test"));
    await().atMost(Duration.ofSeconds(5)).until(() -> statuses.stream()
        .anyMatch(s -> s.orderId() == id && s.status().equals("Filled")));
    ServerMessage.OrderStatus filled = statuses.stream().filter(s -> s.orderId() == id && s.status().equals("Filled"))
        .findFirst().orElseThrow();
    BigDecimal fillPrice = tws.server.executionsReported().stream().filter(x -> x.orderId() == id).findFirst()
        .orElseThrow().price();
    assertThat(filled.avgFillPrice()).as("not 0").isPositive().isEqualByComparingTo(fillPrice);
  }

  @Test
  void aComboAveragesPerUnitAtItsNetPrice() {
    // legs of a BAG bought: sell 2 x 5.00, buy 2 x 1.50, sell 2 x 4.00, buy 2 x 1.00 over 2 combos: -6.50 (a credit)
    BigDecimal value = new BigDecimal("-10.00").add(new BigDecimal("3.00")).add(new BigDecimal("-8.00"))
        .add(new BigDecimal("2.00"));
    assertThat(TwsServer.avgFillPrice(value, 8, 2, true)).isEqualByComparingTo("-6.50");
    assertThat(TwsServer.avgFillPrice(new BigDecimal("5.00"), 2, 2, false)).isEqualByComparingTo("2.50");
    assertThat(TwsServer.avgFillPrice(BigDecimal.ZERO, 0, 0, true)).isZero();
  }

  @Test
  void contractDetailsOfAStrikeNotListedAreError200() {
    LocalDate exp = ib.market().expirations(OptionContract.SPXW).get(3);
    double listed = ib.market().strikes(OptionContract.SPXW).stream().filter(k -> k > tws.indices().spx())
        .findFirst().orElseThrow();
    OptionContract ok = OptionContract.spxw(exp, BigDecimal.valueOf(listed), OptionRight.CALL);
    OptionContract off = OptionContract.spxw(exp, BigDecimal.valueOf(listed + 1.5), OptionRight.CALL);
    assertThat(details(ok)).hasSize(2);
    assertThatThrownBy(() -> details(off)).isInstanceOfSatisfying(TwsRequestException.class,
        e -> assertThat(e.code()).isEqualTo(200));
  }

  private List<ServerMessage> details(OptionContract c) {
    int reqId = ib.session().nextRequestId();
    return ib.session().call("reqContractDetails", reqId, ClientMessage.ReqContractDetails.of(reqId,
        Contracts.option(c)), m -> m instanceof ServerMessage.ContractDataEnd);
  }
}
