package dev.alvh.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.app.config.BotConfig;
import dev.alvh.core.config.HedgeConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grid files: the Cartesian product, explicit points, and one line naming the key for a bad one. */
class SweepGridTest {

  private static List<SweepGrid.Point> parse(String yaml) {
    return SweepGrid.parse(yaml, "g.yaml", BotConfig.DEFAULTS);
  }

  @Test
  void gridIsTheCartesianProductFirstKeySlowestWithEachPointsConfigBuilt() {
    List<SweepGrid.Point> points = parse("""
        grid:
          hedge.l1.vixTrigger: [15.0, 17.5]
          hedge.sizing.budgetShareOfCondorRisk: [0.10, 0.15, 0.20]
        """);
    assertThat(points).hasSize(6);
    assertThat(points).extracting(SweepGrid.Point::index).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(points.get(0).values()).containsExactly(Map.entry("hedge.l1.vixTrigger", "15.0"),
        Map.entry("hedge.sizing.budgetShareOfCondorRisk", "0.10"));
    assertThat(points.get(5).label()).isEqualTo("hedge.l1.vixTrigger=17.5; hedge.sizing.budgetShareOfCondorRisk=0.20");
    assertThat(points).extracting(p -> p.config().hedge().l1().vixTrigger())
        .containsExactly(15.0, 15.0, 15.0, 17.5, 17.5, 17.5);
    assertThat(points).extracting(p -> p.config().hedge().sizing().budgetShareOfCondorRisk())
        .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("0.10"), new BigDecimal("0.15"),
            new BigDecimal("0.20"), new BigDecimal("0.10"), new BigDecimal("0.15"), new BigDecimal("0.20"));
    // keys the grid does not set keep the base configuration's value
    assertThat(points.get(0).config().hedge().l2()).isEqualTo(BotConfig.DEFAULTS.hedge().l2());
  }

  @Test
  void nestedGroupsReadAsDottedKeysAndDuplicatesRunOnce() {
    List<SweepGrid.Point> points = parse("""
        grid:
          hedge:
            l2: {vixTrigger: [20.0, 22.0, 20.0]}
        """);
    assertThat(points).extracting(SweepGrid.Point::label)
        .containsExactly("hedge.l2.vixTrigger=20.0", "hedge.l2.vixTrigger=22.0");
    assertThat(points.get(1).config().hedge().l2().vixTrigger()).isEqualTo(22.0);
  }

  @Test
  void explicitPointsAreRunAsGivenEachSettingItsOwnKeys() {
    List<SweepGrid.Point> points = parse("""
        points:
          - {hedge.l1.vixTrigger: 15.0, hedge.unwind.l2ExitVix: 17.0}
          - {hedge.l1.layer.instrument: VIX_CALLS}
          - hedge.carryCap.months: 6
        """);
    assertThat(points).hasSize(3);
    assertThat(points.get(0).config().hedge().l1().vixTrigger()).isEqualTo(15.0);
    assertThat(points.get(0).config().hedge().unwind().l2ExitVix()).isEqualTo(17.0);
    assertThat(points.get(1).values()).containsExactly(Map.entry("hedge.l1.layer.instrument", "VIX_CALLS"));
    assertThat(points.get(1).config().hedge().l1().vixTrigger())
        .isEqualTo(BotConfig.DEFAULTS.hedge().l1().vixTrigger());
    assertThat(points.get(2).config().hedge().carryCap().months()).isEqualTo(6);
    assertThat(points.get(2).config().hedge().carryCap()).isNotEqualTo(HedgeConfig.CarryCap.DEFAULTS);
  }

  @Test
  void sampleHedgeGridOfTheCheckoutIsSixtyValidPoints() {
    List<SweepGrid.Point> points = SweepGrid.load(
        dev.alvh.app.TestPaths.checkoutRoot().resolve("paper-config/sweep-hedge.yaml"), BotConfig.DEFAULTS);
    assertThat(points).hasSize(60);
    assertThat(points.get(59).values()).containsKeys("hedge.sizing.budgetShareOfCondorRisk", "hedge.l1.beSigmaBelow",
        "hedge.l2.beSigmaBelow");
  }

  private static String error(String yaml) {
    try {
      parse(yaml);
    } catch (SweepGridException e) {
      assertThat(e.getMessage()).doesNotContain("\n");
      return e.getMessage();
    }
    throw new AssertionError("grid accepted: " + yaml);
  }

  @Test
  void badGridsNameTheKeyOnOneLine() {
    assertThat(error("grid:\n  hedge.l1.vixTrigga: [15.0]\n")).startsWith("sweep grid g.yaml: unknown key")
        .contains("'hedge.l1.vixTrigga'");
    assertThat(error("grid:\n  hedge.l1.vixTrigger: [15.0, lots]\n")).contains("hedge.l1.vixTrigger")
        .contains("lots");
    assertThat(error("grid:\n  hedge.l1.vixTrigger: [-3.0]\n")).contains("hedge.l1.vixTrigger");
    assertThat(error("grid:\n  hedge.l1.vixTrigger: []\n")).isEqualTo(
        "sweep grid g.yaml: grid.hedge.l1.vixTrigger is an empty list; give at least one value");
    assertThat(error("grid:\n  hedge.l1.vixTrigger: 15.0\n")).contains("grid.hedge.l1.vixTrigger must be a list");
    assertThat(error("grid: [hedge.l1.vixTrigger\n")).startsWith("sweep grid g.yaml is not valid YAML");
    assertThat(error("gird:\n  hedge.l1.vixTrigger: [15.0]\n")).contains("unknown key 'gird'");
    assertThat(error("points: []\n")).contains("points must be a non-empty list");
    assertThat(error("points:\n  - {hedge.nope: 1}\n")).contains("'hedge.nope'");
    assertThat(error("grid: {a: [1]}\npoints: [{a: 1}]\n")).contains("either 'grid' or 'points'");
  }
}
