package dev.alvh.paper.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Quote prices on the tick grid: the fast rounding gives exactly what BigDecimal arithmetic gives. */
class OnTickTest {

  private static BigDecimal exact(double price, BigDecimal tick, RoundingMode mode) {
    return BigDecimal.valueOf(price).divide(tick, 0, mode).multiply(tick);
  }

  @Test
  void sameValueAndScaleAsExactDecimalRounding() {
    Random r = new Random(42);
    List<BigDecimal> ticks = List.of(new BigDecimal("0.05"), new BigDecimal("0.01"), new BigDecimal("0.10"));
    List<RoundingMode> modes = List.of(RoundingMode.FLOOR, RoundingMode.CEILING, RoundingMode.HALF_UP,
        RoundingMode.HALF_EVEN, RoundingMode.HALF_DOWN, RoundingMode.UP);
    for (int i = 0; i < 200_000; i++) {
      BigDecimal tick = ticks.get(i % ticks.size());
      double price = switch (i % 4) {
        case 0 -> r.nextDouble() * 500;
        case 1 -> Math.round(r.nextDouble() * 10_000) * 0.05;           // on the grid, as doubles are
        case 2 -> Math.round(r.nextDouble() * 10_000) * 0.05 + 0.025;   // half way between ticks
        default -> r.nextDouble() * 3;
      };
      for (RoundingMode m : modes) {
        BigDecimal fast = SimulatedMarket.onTick(price, tick, m);
        BigDecimal want = exact(price, tick, m);
        assertThat(fast).as("%s %s %s", price, tick, m).isEqualTo(want);
      }
    }
  }

  @Test
  void boundaryPricesRoundLikeTheirDecimalText() {
    BigDecimal tick = new BigDecimal("0.05");
    // 0.15 / 0.05 is 2.9999999999999996 in doubles; as decimals it is exactly 3
    assertThat(SimulatedMarket.onTick(0.15, tick, RoundingMode.FLOOR)).isEqualTo(new BigDecimal("0.15"));
    assertThat(SimulatedMarket.onTick(0.15, tick, RoundingMode.CEILING)).isEqualTo(new BigDecimal("0.15"));
    assertThat(SimulatedMarket.onTick(0.175, tick, RoundingMode.HALF_UP)).isEqualTo(new BigDecimal("0.20"));
    assertThat(SimulatedMarket.onTick(0.175, tick, RoundingMode.HALF_EVEN)).isEqualTo(new BigDecimal("0.20"));
    assertThat(SimulatedMarket.onTick(0.0, tick, RoundingMode.FLOOR)).isEqualTo(new BigDecimal("0.00"));
  }
}
