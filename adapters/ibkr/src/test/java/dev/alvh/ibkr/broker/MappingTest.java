package dev.alvh.ibkr.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.ibkr.msg.Contract;
import dev.alvh.ibkr.server.TwsServerProbe;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure mappings of the adapter: statuses, execution ids, contracts, masking, margins. */
class MappingTest {

  @ParameterizedTest
  @CsvSource({
      "PendingSubmit, 0, 2, PENDING_SUBMIT",
      "ApiPending, 0, 2, PENDING_SUBMIT",
      "PreSubmitted, 0, 2, PRE_SUBMITTED",
      "Submitted, 0, 2, SUBMITTED",
      "Submitted, 1, 1, PARTIALLY_FILLED",
      "PendingCancel, 0, 2, SUBMITTED",
      "Filled, 2, 0, FILLED",
      "Cancelled, 0, 2, CANCELLED",
      "ApiCancelled, 0, 2, API_CANCELLED",
      "Inactive, 0, 2, INACTIVE",
      "SomethingNew, 0, 2, SUBMITTED"})
  void twsOrderStatusesMapToCoreStatuses(String wire, int filled, int remaining, OrderStatus expected) {
    assertThat(IbkrBroker.map(wire, filled, remaining)).isEqualTo(expected);
  }

  @Test
  void executionCorrectionsShareTheirKeyAndPlainIdsAreTheirOwnKey() {
    assertThat(IbkrBroker.execKey("0000e0d5.6554d5b3.01.01")).isEqualTo("0000e0d5.6554d5b3.01");
    assertThat(IbkrBroker.execKey("0000e0d5.6554d5b3.01.02")).isEqualTo("0000e0d5.6554d5b3.01");
    assertThat(IbkrBroker.execKey("paper.00000001")).isEqualTo("paper.00000001");
    assertThat(IbkrBroker.execKey("abc")).isEqualTo("abc");
  }

  @Test
  void accountCodesAreMaskedToTheirLastThreeCharacters() {
    assertThat(IbkrBroker.mask("DU1234567")).as("the type prefix stays").isEqualTo("DU****567");
    assertThat(IbkrBroker.mask("U1234567")).isEqualTo("U****567");
    assertThat(IbkrBroker.mask("U12")).isEqualTo("U*2");
    assertThat(IbkrBroker.mask("")).isEqualTo("(default)");
  }

  @Test
  void optionContractsRoundTripThroughTheWireContract() {
    OptionContract spxw = OptionContract.spxw(LocalDate.of(2026, 3, 20), new BigDecimal("5500"), OptionRight.PUT);
    Contract wire = Contracts.option(spxw, 123);
    assertThat(wire.conId()).isEqualTo(123);
    assertThat(wire.lastTradeDateOrContractMonth()).isEqualTo("20260320");
    assertThat(wire.tradingClass()).isEqualTo("SPXW");
    assertThat(wire.exchange()).isEqualTo("SMART");
    assertThat(Contracts.toOption(wire)).contains(spxw);
    OptionContract vix = OptionContract.vix(LocalDate.of(2026, 4, 15), new BigDecimal("22.5"), OptionRight.CALL);
    assertThat(Contracts.toOption(Contracts.option(vix))).contains(vix);
  }

  @Test
  void nonOptionsAndForeignClassesAreNotMapped() {
    assertThat(Contracts.toOption(Contracts.spx())).isEmpty();
    assertThat(Contracts.toOption(Contracts.vxFuture(LocalDate.of(2026, 4, 15)))).isEmpty();
    assertThat(Contracts.toOption(Contract.option("AAPL", "20260320", 200.0, "C", "AAPL", "SMART"))).isEmpty();
  }

  @Test
  void vxFutureIsTheCfeContractOfTheExpiry() {
    Contract f = Contracts.vxFuture(LocalDate.of(2026, 4, 15));
    assertThat(List.of(f.symbol(), f.secType(), f.exchange(), f.tradingClass(), f.multiplier(),
        f.lastTradeDateOrContractMonth())).containsExactly("VIX", "FUT", "CFE", "VX", "1000", "20260415");
  }

  @Test
  void theDefinedRiskMarginIsTheWorstLossAtExpiry() {
    LocalDate e = LocalDate.of(2026, 3, 20);
    OrderIntent condor = new OrderIntent(new OrderRef("alvh-x"), OrderPurpose.OPEN_CONDOR, 1, List.of(
        ComboLeg.of(Side.SELL, OptionContract.spxw(e, new BigDecimal("5000"), OptionRight.PUT)),
        ComboLeg.of(Side.BUY, OptionContract.spxw(e, new BigDecimal("4950"), OptionRight.PUT)),
        ComboLeg.of(Side.SELL, OptionContract.spxw(e, new BigDecimal("5600"), OptionRight.CALL)),
        ComboLeg.of(Side.BUY, OptionContract.spxw(e, new BigDecimal("5675"), OptionRight.CALL))), 2,
        NetPrice.credit(new BigDecimal("2.00")), "t");
    assertThat(TwsServerProbe.maxLoss(condor)).isEqualByComparingTo("15000.00");
    OrderIntent longCall = new OrderIntent(new OrderRef("alvh-y"), OrderPurpose.OPEN_HEDGE, 0, List.of(
        ComboLeg.of(Side.BUY, OptionContract.vix(e, new BigDecimal("20"), OptionRight.CALL))), 3,
        NetPrice.debit(BigDecimal.ONE), "t");
    assertThat(TwsServerProbe.maxLoss(longCall)).isEqualByComparingTo("0");
    OrderIntent callSpread = new OrderIntent(new OrderRef("alvh-z"), OrderPurpose.OPEN_HEDGE, 0, List.of(
        ComboLeg.of(Side.SELL, OptionContract.vix(e, new BigDecimal("22.5"), OptionRight.CALL)),
        ComboLeg.of(Side.BUY, OptionContract.vix(e, new BigDecimal("25"), OptionRight.CALL))), 3,
        NetPrice.credit(new BigDecimal("0.40")), "t");
    assertThat(TwsServerProbe.maxLoss(callSpread)).isEqualByComparingTo("750.00"); // 2.5 points x 100 x 3
  }
}
