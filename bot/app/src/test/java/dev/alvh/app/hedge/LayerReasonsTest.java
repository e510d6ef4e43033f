package dev.alvh.app.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.store.HedgeStore;
import dev.alvh.core.HedgeState;
import dev.alvh.core.hedge.HedgeLayerKind;
import dev.alvh.core.hedge.HeldLayer;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.testdata.FakeVixMarket;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Why each held layer is held, what it cost, what it is worth and its P&L. */
class LayerReasonsTest {

  static final LocalDate D = LocalDate.of(2020, 2, 24);

  /** The end-of-day job's time on {@code day}, when transitions are written. */
  private static Instant at(LocalDate day) {
    return day.atTime(16, 5).atZone(ZoneId.of("America/New_York")).toInstant();
  }
  static final OptionContract CALL = OptionContract.vix(LocalDate.of(2020, 4, 15), new BigDecimal("30"),
      OptionRight.CALL);

  @Test
  void aLayerIsHeldForTheTransitionThatRaisedTheLevelToIt_theBaseLayerForItsOwnRule() {
    List<HedgeStore.TransitionRow> ts = List.of(
        new HedgeStore.TransitionRow(at(D.minusDays(3)), D.minusDays(3), HedgeState.CALM, HedgeState.L1, "CALM or WATCH to L1: score >= 3", "{\"vix\":17}"),
        new HedgeStore.TransitionRow(at(D.minusDays(1)), D.minusDays(1), HedgeState.L1, HedgeState.L2, "CALM, WATCH or L1 to L2: beSigma < 1", "{\"vix\":25}"),
        new HedgeStore.TransitionRow(at(D), D, HedgeState.L2, HedgeState.L3, "L2 to L3: termRatio <= 0.9", "{\"vix\":30}"));
    HeldLayer l2 = new HeldLayer("L2-a", 2, HedgeLayerKind.VIX_CALL, List.of(ComboLeg.of(Side.BUY, CALL)), 12,
        new BigDecimal("1.85"), D, false, false);
    HeldLayer base = new HeldLayer("B-a", 0, HedgeLayerKind.VIX_CALL, List.of(ComboLeg.of(Side.BUY, CALL)), 4,
        new BigDecimal("1.00"), D.minusDays(20), false, false);
    FakeVixMarket market = new FakeVixMarket(D);
    market.vix = 28;
    BigDecimal mid = market.quote(CALL).orElseThrow().mid();

    List<LayerReasons.HeldLayerView> v = LayerReasons.of(List.of(l2, base), ts, market);

    assertThat(v.get(0).why()).isEqualTo("L2 wanted by L1 -> L2 on 2020-02-23: CALM, WATCH or L1 to L2: beSigma < 1");
    assertThat(v.get(0).signals()).isEqualTo("{\"vix\":25}");
    assertThat(v.get(0).cost()).isEqualByComparingTo("2220");     // 12 x 1.85 x 100
    BigDecimal mark = mid.multiply(new BigDecimal("1200"));         // 12 x mid x 100
    assertThat(v.get(0).mark()).isEqualByComparingTo(mark);
    assertThat(v.get(0).pnl()).isEqualByComparingTo(mark.subtract(new BigDecimal("2220")));
    assertThat(v.get(1).cost()).isEqualByComparingTo("400");
    assertThat(v.get(1).layer()).isEqualTo("base");
    assertThat(v.get(1).why()).startsWith("standing base layer");
    assertThat(LayerReasons.lines(v)).anyMatch(l -> l.contains("why: L2 wanted by L1 -> L2"));
  }
}
