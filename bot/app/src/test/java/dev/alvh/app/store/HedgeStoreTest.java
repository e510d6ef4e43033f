package dev.alvh.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.hedge.HedgeAction;
import dev.alvh.core.hedge.HedgeBook;
import dev.alvh.core.hedge.HedgeContext;
import dev.alvh.core.hedge.HedgeLayerKind;
import dev.alvh.core.HedgeState;
import dev.alvh.core.hedge.HedgeTransition;
import dev.alvh.core.hedge.HeldLayer;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.signal.DailyCloses;
import dev.alvh.core.signal.RsiSource;
import dev.alvh.core.signal.SignalSnapshot;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HedgeStoreTest {

  static final LocalDate D = LocalDate.of(2020, 3, 2);

  @TempDir
  Path dir;

  static SignalSnapshot snapshot() {
    return new SignalSnapshot(D, 3090.23, 33.42, 29.5, Double.NaN, Double.NaN, 17.1, 1.95, 0.88, Double.NaN, -2.1,
        35.2, 71.0, 66.4, RsiSource.VIX, 1.3, -1, Double.POSITIVE_INFINITY, true, 4, true, "");
  }

  @Test
  void contextTransitionsClosesAndLayersSurviveAReopen() {
    HedgeContext ctx = new HedgeContext(HedgeState.PRESS, D, 40.11, D.minusDays(6), 4, 3, 0, 1, 0, true, false, 0b1010_0110);
    HeldLayer spread = new HeldLayer("PS-202003020945", 0, HedgeLayerKind.PRESS_SPREAD, List.of(
        ComboLeg.of(Side.BUY, OptionContract.vix(LocalDate.of(2020, 3, 18), new BigDecimal("45"), OptionRight.CALL)),
        ComboLeg.of(Side.SELL, OptionContract.vix(LocalDate.of(2020, 3, 18), new BigDecimal("40"), OptionRight.CALL))),
        5, new BigDecimal("-0.6500"), D, false, false);
    HeldLayer l3 = new HeldLayer("L3-202002250945", 3, HedgeLayerKind.VIX_CALL, List.of(
        ComboLeg.of(Side.BUY, OptionContract.vix(LocalDate.of(2020, 5, 20), new BigDecimal("27.5"), OptionRight.CALL))),
        12, new BigDecimal("1.2750"), D.minusDays(6), true, false);
    try (Store store = Store.open(dir, "t")) {
      HedgeStore h = new HedgeStore(store.jdbc(), "alvh");
      h.saveContext(ctx, D, Instant.parse("2020-03-02T21:05:00Z"));
      h.transition(new HedgeTransition(D, HedgeState.L3, HedgeState.PRESS, "L3 to PRESS: ...", snapshot(), 40.11),
          Instant.parse("2020-03-02T21:05:00Z"));
      h.saveClose(DailyCloses.of(D, 3090.23, 33.42, 29.5));
      h.saveClose(DailyCloses.of(D.plusDays(1), 3003.37, 36.82, 31.2).withVx(33.1, 30.2));
      h.saveLayer(spread);
      h.saveLayer(l3);
    }
    try (Store store = Store.open(dir, "t")) {
      HedgeStore h = new HedgeStore(store.jdbc(), "alvh");
      assertThat(h.loadContext().orElseThrow()).isEqualTo(new HedgeStore.SavedContext(ctx, D));
      assertThat(new HedgeStore(store.jdbc(), "rigid").loadContext()).isEmpty();
      HedgeStore.TransitionRow t = h.transitions().get(0);
      assertThat(t.date()).isEqualTo(D);
      assertThat(t.from()).isEqualTo(HedgeState.L3);
      assertThat(t.to()).isEqualTo(HedgeState.PRESS);
      assertThat(t.signals()).contains("\"vix\":33.42", "\"vxFront\":null", "\"beSigma\":null", "\"score\":4",
          "\"eventDay\":true", "\"vixPeak\":40.11");
      assertThat(h.closes()).containsExactly(DailyCloses.of(D, 3090.23, 33.42, 29.5),
          DailyCloses.of(D.plusDays(1), 3003.37, 36.82, 31.2).withVx(33.1, 30.2));
      assertThat(h.heldLayers()).containsExactly(l3, spread);
    }
  }

  @Test
  void tradesFeedThePremiumSpentTheRealizedGainAndTheTopUps() {
    try (Store store = Store.open(dir, "t")) {
      HedgeStore h = new HedgeStore(store.jdbc(), "alvh");
      HeldLayer l1 = new HeldLayer("L1-a", 1, HedgeLayerKind.VIX_CALL, List.of(ComboLeg.of(Side.BUY,
          OptionContract.vix(LocalDate.of(2020, 3, 18), new BigDecimal("20"), OptionRight.CALL))), 10,
          new BigDecimal("1.20"), D, false, false);
      h.saveLayer(l1);
      h.trade(new HedgeBook.Trade("L1-a", HedgeAction.Type.OPEN, D, 10, new BigDecimal("-1.20"),
          new BigDecimal("-1200"), BigDecimal.ZERO), 1, HedgeLayerKind.VIX_CALL, HedgeTradeAction.OPEN, new BigDecimal("12.50"));
      h.trade(new HedgeBook.Trade("L1-a", HedgeAction.Type.CLOSE, D.plusDays(5), -10, new BigDecimal("4.00"),
          new BigDecimal("4000"), new BigDecimal("2800")), 1, HedgeLayerKind.VIX_CALL, HedgeTradeAction.CLOSE, new BigDecimal("12.50"));
      h.closeLayer("L1-a", D.plusDays(5));
      h.trade(new HedgeBook.Trade("L3T-x", HedgeAction.Type.OPEN, D.plusDays(6), 2, new BigDecimal("-3.00"),
          new BigDecimal("-600"), BigDecimal.ZERO), 3, HedgeLayerKind.VIX_CALL, HedgeTradeAction.OPEN, BigDecimal.ZERO);

      assertThat(h.premiumSpent(D.minusDays(1), D.plusDays(10))).isEqualByComparingTo("1800");
      assertThat(h.premiumSpent(D, D.plusDays(10))).isEqualByComparingTo("600");
      assertThat(h.realizedSince(D)).isEqualByComparingTo("2800");
      assertThat(h.realizedSince(D.plusDays(6))).isEqualByComparingTo("0");
      assertThat(h.topUpsSince(D)).isEqualByComparingTo("600");
      assertThat(h.spreadsSoldSince(D)).isFalse();
      assertThat(h.realizedPnl()).isEqualByComparingTo("2775");
      assertThat(h.heldLayers()).isEmpty();
    }
  }

  @Test
  void statesVisitedCountsTheDailySnapshotsInStateOrder() {
    try (Store store = Store.open(dir, "t")) {
      store.snapshot(D, BigDecimal.TEN, BigDecimal.TEN, 1, 1, 1, HedgeState.L2, 0);
      store.snapshot(D.plusDays(1), BigDecimal.TEN, BigDecimal.TEN, 1, 1, 1, HedgeState.CALM, 0);
      store.snapshot(D.plusDays(2), BigDecimal.TEN, BigDecimal.TEN, 1, 1, 1, HedgeState.L2, 0);
      assertThat(HedgeStore.statesVisited(store.jdbc())).containsExactly(Map.entry("CALM", 1L), Map.entry("L2", 2L));
    }
  }
}
