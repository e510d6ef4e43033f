package dev.alvh.app.replay;

import static dev.alvh.app.store.HedgeTradeAction.CLOSE;
import static dev.alvh.app.store.HedgeTradeAction.OPEN;
import static dev.alvh.app.store.HedgeTradeAction.SETTLE;
import static dev.alvh.core.hedge.HedgeLayerKind.VIX_CALL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.store.ReplayQueries.HedgeTrade;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HedgeStudyMeasuresTest {

  static final LocalDate D = LocalDate.of(2019, 1, 2);

  @Test
  void aLayerSoldWithinTenTradingDaysIsARoundTrip_aRollAndASettlementAreNot() {
    List<LocalDate> days = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      days.add(D.plusDays(i));
    }
    List<HedgeTrade> trades = List.of(
        new HedgeTrade("L1-a", 1, VIX_CALL, OPEN, D, 10),
        new HedgeTrade("L1-a", 1, VIX_CALL, CLOSE, D.plusDays(4), -10),     // sold after 4 days
        new HedgeTrade("L2-a", 2, VIX_CALL, OPEN, D, 5),
        new HedgeTrade("L2-a", 2, VIX_CALL, CLOSE, D.plusDays(6), -5),      // rolled: L2 bought the same day
        new HedgeTrade("L2-b", 2, VIX_CALL, OPEN, D.plusDays(6), 5),
        new HedgeTrade("L3-a", 3, VIX_CALL, OPEN, D, 2),
        new HedgeTrade("L3-a", 3, VIX_CALL, SETTLE, D.plusDays(8), -2),     // expired
        new HedgeTrade("B-a", 0, VIX_CALL, OPEN, D, 9),
        new HedgeTrade("B-a", 0, VIX_CALL, CLOSE, D.plusDays(1), -9));      // the base layer is not adaptive
    List<HedgeStudyMeasures.LayerLife> lives = HedgeStudyMeasures.adaptiveLives(trades);
    assertThat(lives).extracting(HedgeStudyMeasures.LayerLife::id).containsExactly("L1-a", "L2-a", "L2-b", "L3-a");
    assertThat(lives).filteredOn(l -> l.soldOn() != null).extracting(HedgeStudyMeasures.LayerLife::id)
        .containsExactly("L1-a");
    assertThat(HedgeStudyMeasures.tradingDaysBetween(days, D, D.plusDays(4))).isEqualTo(4);
  }

  @Test
  void theNetCostShareIsOfTheCredit() {
    assertThat(HedgeStudyMeasures.shareOfCreditPct(new java.math.BigDecimal("250"), new java.math.BigDecimal("1000")))
        .isEqualTo(25.0);
    assertThat(HedgeStudyMeasures.shareOfCreditPct(java.math.BigDecimal.ONE, java.math.BigDecimal.ZERO)).isZero();
  }
}
