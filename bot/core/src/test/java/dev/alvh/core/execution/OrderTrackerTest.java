package dev.alvh.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTrackerTest {

  private static final Instant T = Instant.parse("2024-01-08T20:45:00Z");
  private static final OrderRef REF = new OrderRef("alvh-T0001-open-202401081545");
  private static final LocalDate E = LocalDate.of(2024, 2, 23);
  private static final ComboLeg SHORT = ComboLeg.of(Side.SELL, OptionContract.spxw(E, new BigDecimal("4800"),
      OptionRight.PUT));
  private static final ComboLeg WING = ComboLeg.of(Side.BUY, OptionContract.spxw(E, new BigDecimal("4750"),
      OptionRight.PUT));

  private final OrderTracker t = new OrderTracker(new OrderIntent(REF, OrderPurpose.OPEN_CONDOR, 1,
      List.of(WING, SHORT), 3, NetPrice.credit(new BigDecimal("4.00")), "test"));

  private static OrderUpdate u(OrderStatus s, int filled) {
    return new OrderUpdate(REF, 7, s, filled, 3 - filled, T, s == OrderStatus.INACTIVE ? "margin" : "");
  }

  private static Fill f(String exec, ComboLeg leg, int q) {
    return new Fill(REF, exec, T, leg.contract(), leg.side(), q, new BigDecimal("10"), new BigDecimal("1.25"));
  }

  @Test
  void walksThroughTheBrokersStatusesToFilled() {
    t.sent(7);
    assertThat(t.status()).isEqualTo(OrderStatus.PENDING_SUBMIT);
    assertThat(t.apply(u(OrderStatus.PRE_SUBMITTED, 0))).isTrue();
    assertThat(t.apply(u(OrderStatus.SUBMITTED, 0))).isTrue();
    assertThat(t.apply(u(OrderStatus.FILLED, 3))).isTrue();
    assertThat(t.isTerminal()).isTrue();
    assertThat(t.brokerId()).isEqualTo(7);
  }

  @Test
  void duplicateStatusesChangeNothingAndAreCounted() {
    t.apply(u(OrderStatus.SUBMITTED, 0));
    assertThat(t.apply(u(OrderStatus.SUBMITTED, 0))).isFalse();
    assertThat(t.apply(u(OrderStatus.SUBMITTED, 0))).isFalse();
    assertThat(t.duplicates()).isEqualTo(2);
    assertThat(t.status()).isEqualTo(OrderStatus.SUBMITTED);
  }

  @Test
  void sameStatusWithMoreFilledIsNews() {
    t.apply(u(OrderStatus.SUBMITTED, 0));
    assertThat(t.apply(u(OrderStatus.SUBMITTED, 1))).isTrue();
  }

  @Test
  void lateNonTerminalStatusAfterATerminalOneIsIgnored() {
    t.apply(u(OrderStatus.FILLED, 3));
    assertThat(t.apply(u(OrderStatus.SUBMITTED, 2))).isFalse();
    assertThat(t.status()).isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void staleLowerStatusIsIgnored() {
    t.apply(u(OrderStatus.SUBMITTED, 0));
    assertThat(t.apply(u(OrderStatus.PRE_SUBMITTED, 0))).isFalse();
    assertThat(t.status()).isEqualTo(OrderStatus.SUBMITTED);
  }

  @Test
  void inactiveKeepsItsReason() {
    t.apply(u(OrderStatus.INACTIVE, 0));
    assertThat(t.isTerminal()).isTrue();
    assertThat(t.reason()).isEqualTo("margin");
  }

  @Test
  void apiCancelledIsTerminal() {
    t.apply(u(OrderStatus.API_CANCELLED, 0));
    assertThat(t.isTerminal()).isTrue();
  }

  @Test
  void fillsAreCountedLegByLegAndCombosOnlyWhenEveryLegExecuted() {
    t.apply(f("e1", SHORT, 2));
    assertThat(t.filledCombos()).isZero();
    assertThat(t.legsUneven()).isTrue();
    t.apply(f("e2", WING, 1));
    assertThat(t.filledCombos()).isEqualTo(1);
    t.apply(f("e3", WING, 1));
    assertThat(t.filledCombos()).isEqualTo(2);
    assertThat(t.legsUneven()).isFalse();
    assertThat(t.legFilled(SHORT)).isEqualTo(2);
    assertThat(t.complete()).isFalse();
  }

  @Test
  void repeatedExecutionIdIsKeptOnce() {
    assertThat(t.apply(f("e1", SHORT, 3))).isTrue();
    assertThat(t.apply(f("e1", SHORT, 3))).isFalse();
    assertThat(t.legFilled(SHORT)).isEqualTo(3);
    assertThat(t.fills()).hasSize(1);
  }

  @Test
  void fillArrivingAfterTheCancelIsStillCounted() {
    t.apply(u(OrderStatus.SUBMITTED, 0));
    t.apply(u(OrderStatus.CANCELLED, 0));
    t.apply(f("e1", SHORT, 3));
    t.apply(f("e2", WING, 3));
    assertThat(t.filledCombos()).isEqualTo(3);
    assertThat(t.complete()).isTrue();
  }

  @Test
  void cashFlowAndCommissionsSumTheExecutions() {
    t.apply(f("e1", SHORT, 3));
    t.apply(f("e2", WING, 3));
    // sell 3 x 10 x 100 = +3000, buy 3 x 10 x 100 = -3000, commissions 2 x 1.25
    assertThat(t.cashFlow()).isEqualByComparingTo("-2.50");
    assertThat(t.commissions()).isEqualByComparingTo("2.50");
  }

  @Test
  void fillOfAnotherLegOrOrderIsRefusedNamingIt() {
    ComboLeg other = ComboLeg.of(Side.SELL, OptionContract.spxw(E, new BigDecimal("5150"), OptionRight.CALL));
    assertThatThrownBy(() -> t.apply(f("e9", other, 1))).hasMessageContaining("must be of a leg")
        .hasMessageContaining("5150 C");
    Fill foreign = new Fill(new OrderRef("alvh-T0002-open-202401081545"), "e8", T, SHORT.contract(), Side.SELL, 1,
        BigDecimal.ONE, BigDecimal.ZERO);
    assertThatThrownBy(() -> t.apply(foreign)).hasMessageContaining("alvh-T0002");
  }
}
