package dev.alvh.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The defaults are the numbers of docs/strategy.md sections 3 and 4; bad values name their full key. */
class HedgeConfigTest {

  private static final HedgeConfig D = HedgeConfig.DEFAULTS;

  @Test
  void defaults_areTheSpecNumbers() {
    assertThat(D.signals()).isEqualTo(new HedgeConfig.Signals(50, 30, 14, 14, 21, 12, 26, 9, true, 1, 5,
        new HedgeConfig.Score(-1.5, 1.0, 40, 2, 1.5)));
    assertThat(D.watch()).isEqualTo(new HedgeConfig.Watch(2, 0, 3));
    assertThat(D.l1()).isEqualTo(new HedgeConfig.Trigger(16, 1.10, 3, 1.5,
        new HedgeConfig.Layer(HedgeConfig.LayerInstrument.VIX_CALLS, 14, 45, 2, new BigDecimal("0.20"), 0.25)));
    assertThat(D.l2()).isEqualTo(new HedgeConfig.Trigger(20, 1.25, 4, 1.0,
        new HedgeConfig.Layer(HedgeConfig.LayerInstrument.VIX_CALLS, 30, 60, 5, new BigDecimal("0.35"), 0.55)));
    assertThat(D.l3()).isEqualTo(new HedgeConfig.L3(26, 1.5, 2, 0.90,
        new HedgeConfig.Layer(HedgeConfig.LayerInstrument.VIX_CALLS, 60, 120, 10, new BigDecimal("0.45"), 0.80)));
    assertThat(D.press()).isEqualTo(new HedgeConfig.Press(26, 0.85, 1.05, BigDecimal.ONE, new BigDecimal("0.50"),
        new BigDecimal("0.25"), new HedgeConfig.PressSpread(25, 5, 5, 14, 45, new BigDecimal("0.10"), new BigDecimal("2.0"))));
    assertThat(D.unwind()).isEqualTo(new HedgeConfig.Unwind(30, 14.5, 18, 20, 3, 1.05, 3, 5, 0.5));
    assertThat(D.sizing()).isEqualTo(new HedgeConfig.Sizing(new BigDecimal("0.15"), 60, new BigDecimal("0.50"), 7,
        new BigDecimal("2.0"), new BigDecimal("0.50")));
    assertThat(D.carryCap()).isEqualTo(new HedgeConfig.CarryCap(12, new BigDecimal("0.25"), 3));
    assertThat(D.base()).isEqualTo(new HedgeConfig.Base(true, 30, 60, 3, new BigDecimal("0.04"), 0.25, 7));
  }

  @Test
  void revisionTwoKeys_nameTheirKeys() {
    assertThatThrownBy(() -> new HedgeConfig.Base(true, 30, 60, 3, new BigDecimal("1.5"), 0.25, 7))
        .hasMessage("hedge.base.budgetShareOfCondorRisk must be in [0, 1], but was 1.5");
    assertThatThrownBy(() -> new HedgeConfig.Base(true, 30, 20, 3, new BigDecimal("0.04"), 0.25, 7))
        .hasMessage("hedge.base.maxDte must be in [30, 400], but was 20");
    assertThatThrownBy(() -> new HedgeConfig.Base(true, 7, 60, 3, new BigDecimal("0.04"), 0.25, 7))
        .hasMessage("hedge.base.rollAtDte must be below hedge.base.minDte (7), but was 7");
    assertThatThrownBy(() -> new HedgeConfig.Unwind(30, 14.5, 18, 20, 3, 1.05, 3, 5, -0.5))
        .hasMessage("hedge.unwind.beSigmaMargin must be in [0, 10], but was -0.5");
    assertThatThrownBy(() -> new HedgeConfig.Signals(50, 30, 14, 14, 21, 12, 26, 9, true, 1, 0,
        HedgeConfig.Score.DEFAULTS)).hasMessage("hedge.signals.beSigmaHorizonDays must be in [1, 252], but was 0");
  }

  @Test
  void aNegativeTrigger_namesTheFullKey() {
    assertThatThrownBy(() -> withL1L2(new HedgeConfig.Trigger(-3, 1.1, 3, 1.5, HedgeConfig.Layer.L1_DEFAULTS), D.l2()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hedge.l1.vixTrigger must be in [0, 200], but was -3");
  }

  @Test
  void aBadLayerValue_namesTheFullKey() {
    HedgeConfig.Layer tooMuch = new HedgeConfig.Layer(HedgeConfig.LayerInstrument.SPX_PUT_SPREADS, 30, 60, 5,
        new BigDecimal("1.5"), 0.55);
    assertThatThrownBy(() -> withL1L2(D.l1(), new HedgeConfig.Trigger(20, 1.25, 4, 1.0, tooMuch)))
        .hasMessage("hedge.l2.layer.budgetShare must be in [0, 1], but was 1.5");
    HedgeConfig.Layer inverted = new HedgeConfig.Layer(HedgeConfig.LayerInstrument.VIX_CALLS, 60, 30, 5,
        new BigDecimal("0.35"), 0.55);
    assertThatThrownBy(() -> withL1L2(D.l1(), new HedgeConfig.Trigger(20, 1.25, 4, 1.0, inverted)))
        .hasMessage("hedge.l2.layer.maxDte must be in [60, 400], but was 30");
  }

  @Test
  void otherGroups_nameTheirKeys() {
    assertThatThrownBy(() -> new HedgeConfig.Unwind(30, 14.5, 18, 20, 3, 1.05, 3, -1, 0.5))
        .hasMessage("hedge.unwind.coolDownTradingDays must be in [0, 60], but was -1");
    assertThatThrownBy(() -> new HedgeConfig.Signals(50, 30, 14, 14, 21, 26, 12, 9, true, 1, 5, HedgeConfig.Score.DEFAULTS))
        .hasMessage("hedge.signals.macdFastDays must be below hedge.signals.macdSlowDays (12), but was 26");
    assertThatThrownBy(() -> new HedgeConfig.Sizing(new BigDecimal("-0.15"), 60, new BigDecimal("0.5"), 7,
        new BigDecimal("2"), new BigDecimal("0.5")))
        .hasMessage("hedge.sizing.budgetShareOfCondorRisk must be in [0, 1], but was -0.15");
    assertThatThrownBy(() -> new HedgeConfig.Press(26, 0.85, 1.05, BigDecimal.ONE, new BigDecimal("0.5"),
        new BigDecimal("0.25"), null)).hasMessage("hedge.press.spread must be set, but was missing");
  }

  @Test
  void crossGroupRules_nameBothKeys() {
    HedgeConfig.Unwind exitAboveTrigger = new HedgeConfig.Unwind(30, 16.5, 18, 20, 3, 1.05, 3, 5, 0.5);
    assertThatThrownBy(() -> new HedgeConfig(D.signals(), D.watch(), D.l1(), D.l2(), D.l3(), D.press(),
        exitAboveTrigger, D.sizing(), D.carryCap(), D.desk(), D.base()))
        .hasMessage("hedge.unwind.l1ExitVix must be below hedge.l1.vixTrigger (16.0), but was 16.5");
    HedgeConfig.L3 fatL3 = new HedgeConfig.L3(26, 1.5, 2, 0.9, new HedgeConfig.Layer(
        HedgeConfig.LayerInstrument.VIX_CALLS, 60, 120, 10, new BigDecimal("0.50"), 0.8));
    assertThatThrownBy(() -> new HedgeConfig(D.signals(), D.watch(), D.l1(), D.l2(), fatL3, D.press(),
        D.unwind(), D.sizing(), D.carryCap(), D.desk(), D.base()))
        .hasMessage("hedge.l1/l2/l3.layer.budgetShare must add up to at most 1, but add up to 1.05");
  }

  @Test
  void desk_defaultsAndMessagesNameTheFullKey() {
    assertThat(D.desk()).isEqualTo(new HedgeConfig.Desk("paper-config/events.csv", 20, 0.5, 0.1, 1.5,
        new BigDecimal("0.05"), 0.30, 100, 4, 7));
    assertThatThrownBy(() -> new HedgeConfig.Desk("e.csv", 20, 2.0, 0.1, 1.5, new BigDecimal("0.05"), 0.3, 100, 4, 7))
        .hasMessageContaining("hedge.desk.betaFallback").hasMessageContaining("2");
    assertThatThrownBy(() -> new HedgeConfig.Desk(" ", 20, 0.5, 0.1, 1.5, new BigDecimal("0.05"), 0.3, 100, 4, 7))
        .hasMessageContaining("hedge.desk.eventsFile");
    assertThatThrownBy(() -> new HedgeConfig.Desk("e.csv", 20, 0.5, 0.1, 1.5, new BigDecimal("0.05"), 0.3, 0, 4, 7))
        .hasMessageContaining("hedge.desk.putSpreadWidth");
  }

  /** The defaults with {@code l1} and {@code l2}: L1 and L2 are checked where their keys are known. */
  private static HedgeConfig withL1L2(HedgeConfig.Trigger l1, HedgeConfig.Trigger l2) {
    return new HedgeConfig(D.signals(), D.watch(), l1, l2, D.l3(), D.press(), D.unwind(), D.sizing(), D.carryCap(),
        D.desk(), D.base());
  }
}
