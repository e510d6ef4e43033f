package dev.alvh.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.paper.broker.PaperBroker;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The replay counts the hedge with one definition ({@code OrderPurpose.hedges()}), settlements included. */
class HedgeAccountingTest {

  @Test
  void pressSpreadsAreHedgeOrders_condorOrdersAreNot() {
    assertThat(OrderPurpose.isHedge("OPEN_HEDGE")).isTrue();
    assertThat(OrderPurpose.isHedge("CLOSE_HEDGE")).isTrue();
    assertThat(OrderPurpose.isHedge("OPEN_PRESS")).isTrue();
    assertThat(OrderPurpose.isHedge("CLOSE_PRESS")).isTrue();
    assertThat(OrderPurpose.isHedge("OPEN_CONDOR")).isFalse();
    assertThat(OrderPurpose.isHedge("ROLL_CONDOR")).isFalse();
    assertThat(OrderPurpose.isHedge(null)).isFalse();
  }

  @Test
  void hedgeSettlementsCountTheCashOfSettledHedgeContractsOnly() {
    LocalDate exp = LocalDate.of(2020, 3, 18);
    OptionContract call = OptionContract.vix(exp, new BigDecimal("25"), OptionRight.CALL);
    OptionContract shortCall = OptionContract.vix(exp, new BigDecimal("40"), OptionRight.CALL);
    OptionContract condorPut = OptionContract.spxw(exp, new BigDecimal("2500"), OptionRight.PUT);
    List<PaperBroker.Settlement> ledger = List.of(
        new PaperBroker.Settlement(exp, call, 10, new BigDecimal("45"), new BigDecimal("20000")),
        new PaperBroker.Settlement(exp, shortCall, -4, new BigDecimal("45"), new BigDecimal("-2000")),
        new PaperBroker.Settlement(exp, condorPut, -2, new BigDecimal("2400"), new BigDecimal("-20000")));

    BigDecimal cash = BookRunner.hedgeSettlements(ledger, Set.of(call.key(), shortCall.key()));

    assertThat(cash).isEqualByComparingTo("18000");
  }
}
