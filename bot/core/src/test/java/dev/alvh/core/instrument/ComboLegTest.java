package dev.alvh.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.hedge.HedgeLayerKind;
import dev.alvh.core.hedge.HeldLayer;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The legs of an order or a held layer: at least one, copied so that the caller's list cannot change them. */
class ComboLegTest {

  private static final LocalDate EXP = LocalDate.of(2020, 3, 18);
  private static final ComboLeg CALL = ComboLeg.of(Side.BUY, OptionContract.vix(EXP, new BigDecimal("20"),
      OptionRight.CALL));

  @Test
  void noLegsIsRefusedNamingTheField() {
    assertThatThrownBy(() -> ComboLeg.nonEmptyCopy(List.of())).hasMessage("legs must have at least one leg");
    assertThatThrownBy(() -> ComboLeg.nonEmptyCopy(null)).hasMessage("legs must have at least one leg");
  }

  @Test
  void theLegsAreAnUnmodifiableCopy() {
    List<ComboLeg> given = new ArrayList<>(List.of(CALL));
    List<ComboLeg> legs = ComboLeg.nonEmptyCopy(given);
    given.add(CALL.reversed());
    assertThat(legs).containsExactly(CALL);
    assertThatThrownBy(() -> legs.add(CALL)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void ordersAndHeldLayersKeepTheRule() {
    List<ComboLeg> given = new ArrayList<>(List.of(CALL));
    OrderIntent order = new OrderIntent(new OrderRef("alvh-L1-hedge-202003021000"), OrderPurpose.OPEN_HEDGE, 0,
        given, 1, NetPrice.debit(new BigDecimal("1.00")), "test");
    HeldLayer layer = new HeldLayer("L1-a", 1, HedgeLayerKind.VIX_CALL, given, 1, new BigDecimal("1.00"), EXP,
        false, false);
    given.clear();
    assertThat(order.legs()).containsExactly(CALL);
    assertThat(layer.legs()).containsExactly(CALL);
    assertThatThrownBy(() -> new OrderIntent(new OrderRef("alvh-L1-hedge-202003021000"), OrderPurpose.OPEN_HEDGE,
        0, List.of(), 1, NetPrice.debit(new BigDecimal("1.00")), "test")).hasMessage("legs must have at least one leg");
    assertThatThrownBy(() -> new HeldLayer("L1-a", 1, HedgeLayerKind.VIX_CALL, List.of(), 1, new BigDecimal("1.00"),
        EXP, false, false)).hasMessage("legs must have at least one leg");
  }
}
