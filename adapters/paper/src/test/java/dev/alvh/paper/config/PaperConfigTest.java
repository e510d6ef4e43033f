package dev.alvh.paper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** PaperConfig and PaperBrokerConfig: defaults, and bad values named by full key. */
class PaperConfigTest {

  @Test
  void paperFillDefaultsPayAShareOfTheSpreadByLegCount() {
    PaperConfig.Fill d = PaperConfig.DEFAULTS.fill();
    assertThat(d.model()).isEqualTo(PaperConfig.FillModel.SHARE_OF_SPREAD);
    assertThat(d.share(1)).isEqualByComparingTo("0.75");
    assertThat(d.share(2)).isEqualByComparingTo("0.66");
    assertThat(d.share(3)).as("three legs: halfway between two and four").isEqualByComparingTo("0.61");
    assertThat(d.share(4)).isEqualByComparingTo("0.56");
    assertThat(d.share(6)).isEqualByComparingTo("0.56");
    assertThat(PaperConfig.Fill.AT_MID.share(1)).isEqualByComparingTo("0.5");
    assertThat(PaperConfig.Fill.AT_MID.share(4)).isEqualByComparingTo("0.5");
    assertThat(d.describe()).contains("SHARE_OF_SPREAD").contains("0.75").contains("0.56");
  }

  @Test
  void paperIntradayDefaultsVisitTheExtremesAndABadBetaNamesTheNestedKey() {
    PaperConfig.Intraday d = PaperConfig.DEFAULTS.intraday();
    assertThat(d.extremes()).isTrue();
    assertThat(d.vxBeta30()).isEqualTo(0.43);
    assertThat(d.vxBetaDecay()).isEqualTo(0.4);
    assertThatThrownBy(() -> new PaperConfig.Intraday(true, 2.5, 0.4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("paper.intraday.vxBeta30 must be in [0, 2], but was 2.5");
  }

  @Test
  void paperFillShareOutsideMidToNaturalNamesTheNestedKey() {
    PaperConfig.Fill d = PaperConfig.Fill.DEFAULTS;
    assertThatThrownBy(() -> new PaperConfig.Fill(d.model(), d.shareOneLeg(), d.shareTwoLegs(),
        new BigDecimal("1.5"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("paper.fill.shareFourLegs must be in [0.5, 1], but was 1.5");
    assertThatThrownBy(() -> new PaperConfig.Fill(d.model(), new BigDecimal("0.4"), d.shareTwoLegs(),
        d.shareFourLegs())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("paper.fill.shareOneLeg must be in [0.5, 1], but was 0.4");
  }

  @Test
  void paperStartingCashBelowMinimumNamesTheNestedKey() {
    PaperBrokerConfig d = PaperBrokerConfig.DEFAULTS;
    assertThatThrownBy(() -> new PaperBrokerConfig(new BigDecimal("999"), d.commissionPerContract(),
        d.feePerContract())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("broker.paper.startingCash must be in [1000, 1000000000], but was 999");
  }

  @Test
  void brokerPaperPartialFillProbabilityAboveOneNamesTheFullKey() {
    PaperBrokerConfig d = PaperBrokerConfig.DEFAULTS;
    assertThat(d.partialFillProbability()).isZero();
    assertThatThrownBy(() -> new PaperBrokerConfig(d.startingCash(), d.commissionPerContract(), d.feePerContract(),
        1.5, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("broker.paper.partialFillProbability must be in [0, 1], but was 1.5");
  }
}
