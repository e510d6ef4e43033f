package dev.alvh.core.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HedgeBetaAndBookTest {

  static final HedgeConfig.Desk DESK = HedgeConfig.Desk.DEFAULTS;

  @Test
  void betaIsTheLeastSquaresSlopeOverTheLastDays() {
    Random r = new Random(7);
    double[] x = new double[80];
    double[] y = new double[80];
    for (int i = 0; i < 80; i++) {
      x[i] = r.nextGaussian();
      // the first 20 days follow another slope: the 60-day window must leave them out
      y[i] = (i < 20 ? 1.4 : 0.62) * x[i] + 0.1;
    }
    assertThat(HedgeBeta.of(x, y, 60, DESK)).isCloseTo(0.62, within(1e-9));
  }

  @Test
  void betaFallsBackWithTooFewDaysOrNoMovementAndStaysWithinItsBounds() {
    assertThat(HedgeBeta.of(new double[19], new double[19], 60, DESK)).isEqualTo(0.5);
    assertThat(HedgeBeta.of(new double[30], new double[30], 60, DESK)).isEqualTo(0.5);
    double[] x = new double[30];
    double[] up = new double[30];
    double[] down = new double[30];
    for (int i = 0; i < 30; i++) {
      x[i] = i % 2 == 0 ? 1 : -1;
      up[i] = 3 * x[i];
      down[i] = -x[i];
    }
    assertThat(HedgeBeta.of(x, up, 60, DESK)).isEqualTo(1.5);
    assertThat(HedgeBeta.of(x, down, 60, DESK)).isEqualTo(0.1);
    assertThatThrownBy(() -> HedgeBeta.of(new double[3], new double[2], 60, DESK))
        .hasMessageContaining("dVx must have as many changes as dVix (3), but had 2");
  }

  static HedgeAction action(HedgeAction.Type type, String id, int qty) {
    OptionContract c = OptionContract.vix(LocalDate.of(2024, 2, 14), BigDecimal.valueOf(20), OptionRight.CALL);
    boolean open = type == HedgeAction.Type.OPEN;
    return new HedgeAction(type, id, 1, HedgeLayerKind.VIX_CALL, new OrderIntent(new OrderRef("r-" + type),
        open ? OrderPurpose.OPEN_HEDGE : OrderPurpose.CLOSE_HEDGE, 0,
        List.of(ComboLeg.of(open ? Side.BUY : Side.SELL, c)), qty, NetPrice.debit(BigDecimal.ONE), "test"));
  }

  @Test
  void theBookOpensTakesProfitOnPartOfALayerAndRealizesTheGainAgainstItsCost() {
    HedgeBook book = new HedgeBook();
    LocalDate d = LocalDate.of(2024, 1, 8);

    HedgeBook.Trade open = book.apply(action(HedgeAction.Type.OPEN, "L1-a", 10), 10, new BigDecimal("-1.20"), d);
    assertThat(open.cash()).isEqualByComparingTo("-1200");
    assertThat(book.premiumHeld()).isEqualByComparingTo("1200");

    HedgeBook.Trade take = book.apply(action(HedgeAction.Type.PROFIT_TAKE, "L1-a", 5), 5, new BigDecimal("2.50"), d);
    assertThat(take.realizedPnl()).isEqualByComparingTo("650");
    HeldLayer left = book.find("L1-a").orElseThrow();
    assertThat(left.quantity()).isEqualTo(5);
    assertThat(left.profitTaken()).isTrue();
    assertThat(left.pressed()).isFalse();
    assertThat(left.legs().get(0).side()).isEqualTo(Side.BUY);

    HedgeBook.Trade settle = book.settle("L1-a", new BigDecimal("0.30"), d.plusDays(37));
    assertThat(settle.realizedPnl()).isEqualByComparingTo("-450");
    assertThat(book.any()).isFalse();
    assertThatThrownBy(() -> book.apply(action(HedgeAction.Type.CLOSE, "L1-a", 1), 1, BigDecimal.ONE, d))
        .hasMessageContaining("L1-a is not held");
  }
}
