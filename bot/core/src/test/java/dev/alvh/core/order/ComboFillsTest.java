package dev.alvh.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComboFillsTest {

  private static final OptionContract PUT = new OptionContract("SPX", "SPXW", LocalDate.of(2024, 2, 16),
      new BigDecimal("4500"), OptionRight.PUT, 100);
  private static final OptionContract CALL = new OptionContract("SPX", "SPXW", LocalDate.of(2024, 2, 16),
      new BigDecimal("5000"), OptionRight.CALL, 100);
  private static final OrderRef REF = new OrderRef("alvh-T0001-open-202401081545");

  private static Fill fill(OptionContract c, Side side, int qty, int n) {
    return new Fill(REF, "e" + n, Instant.parse("2024-01-08T20:45:00Z"), c, side, qty, BigDecimal.ONE,
        BigDecimal.ZERO);
  }

  @Test
  void wholeCombosAreTheSmallestExecutedShareOverTheLegsByRatio() {
    List<ComboLeg> legs = List.of(new ComboLeg(PUT, Side.SELL, 2), new ComboLeg(CALL, Side.BUY, 1));
    List<Fill> fills = List.of(fill(PUT, Side.SELL, 3, 1), fill(PUT, Side.SELL, 2, 2), fill(CALL, Side.BUY, 4, 3));
    // 5 puts at ratio 2 make 2 whole combos; 4 calls would make 4
    assertThat(ComboFills.wholeCombos(legs, fills)).isEqualTo(2);
  }

  @Test
  void aFillOfTheOtherSideDoesNotCountForALeg() {
    List<ComboLeg> legs = List.of(new ComboLeg(PUT, Side.SELL, 1));
    assertThat(ComboFills.wholeCombos(legs, List.of(fill(PUT, Side.BUY, 3, 1)))).isZero();
    assertThat(ComboFills.executed(legs.get(0), List.of(fill(PUT, Side.BUY, 3, 1), fill(PUT, Side.SELL, 2, 2))))
        .isEqualTo(2);
  }

  @Test
  void noLegsOrAnUnfilledLegMeanNoCombo() {
    assertThat(ComboFills.wholeCombos(List.of(), List.of(fill(PUT, Side.SELL, 3, 1)))).isZero();
    List<ComboLeg> legs = List.of(new ComboLeg(PUT, Side.SELL, 1), new ComboLeg(CALL, Side.SELL, 1));
    assertThat(ComboFills.wholeCombos(legs, List.of(fill(PUT, Side.SELL, 3, 1)))).isZero();
  }
}
