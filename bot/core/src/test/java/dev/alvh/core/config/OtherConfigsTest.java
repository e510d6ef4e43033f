package dev.alvh.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** RiskConfig and MarketConfig: defaults are valid, bad values name the key. */
class OtherConfigsTest {

  // ---- risk ---------------------------------------------------------------------------------
  @Test
  void riskMaxContractsPerOrderZeroNamesKeyValueAndRange() {
    RiskConfig d = RiskConfig.DEFAULTS;
    assertThatThrownBy(() -> new RiskConfig(0, d.maxOpenTranches(), d.maxDailyLossPct(), d.maxMarginUsePct(),
        d.priceBandPct(), d.maxQuoteAgeSeconds())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("risk.maxContractsPerOrder must be in [1, 10000], but was 0");
  }

  @Test
  void riskDailyLossAboveHundredPercentNamesKeyValueAndRange() {
    RiskConfig d = RiskConfig.DEFAULTS;
    assertThatThrownBy(() -> new RiskConfig(d.maxContractsPerOrder(), d.maxOpenTranches(), new BigDecimal("101"),
        d.maxMarginUsePct(), d.priceBandPct(), d.maxQuoteAgeSeconds())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("risk.maxDailyLossPct must be in [0.1, 100], but was 101");
  }

  @Test
  void riskBackstopAllowsAtLeastTheStrategysOpenTranches() {
    assertThat(RiskConfig.DEFAULTS.maxOpenTranches()).isGreaterThanOrEqualTo(CondorConfig.DEFAULTS.maxOpenTranches());
  }

  // ---- market -------------------------------------------------------------------------------
  @Test
  void marketStrikeStepZeroNamesKeyValueAndRange() {
    MarketConfig d = MarketConfig.DEFAULTS;
    assertThatThrownBy(() -> new MarketConfig(d.seed(), d.ratePct(), d.dividendYieldPct(), 0, d.startSpx()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("market.strikeStep must be in [0.5, 100], but was 0");
  }

  @Test
  void marketMaxSpreadBelowMinSpreadIsRefused() {
    MarketConfig.Spread d = MarketConfig.Spread.DEFAULTS;
    assertThatThrownBy(() -> new MarketConfig.Spread(d.coefficient(), d.priceExponent(), d.dteExponent(),
        d.moneynessExponent(), d.vixExponent(), d.refVix(), 0.5, 0.2, d.maxPriceFraction(), d.tick()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("market.spread.maxSpread must be in [0.5, 100], but was 0.2");
  }

  @Test
  void marketSurfaceNegativePutSlopeNamesTheNestedKey() {
    MarketConfig.Surface d = MarketConfig.Surface.DEFAULTS;
    assertThatThrownBy(() -> new MarketConfig.Surface(d.vix9dRatio(), d.vixRatio(), d.vix3mRatio(),
        d.minForwardFactor(), -0.1, d.putCurvature(), d.callSlope(), d.callCurvature(), d.skewTermExponent(),
        d.minVolFactor(), d.maxVolFactor()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("market.surface.putSlope must be in [0, 2], but was -0.1");
  }

  @Test
  void marketVixVolOfVolMaxBelowMinNamesTheFullKey() {
    MarketConfig.VixOptions d = MarketConfig.VixOptions.DEFAULTS;
    assertThatThrownBy(() -> new MarketConfig.VixOptions(d.volOfVolBase(), d.volOfVolSlope(), d.volOfVolRefVix(),
        0.9, 0.5, d.volOfVolTermDecay(), d.volOfVolInversion(), d.skew(), d.minSkewFactor(), d.strikeStep(), d.fineStrikesUpTo(),
        d.wideStrikeStep(), d.lowestStrikeFactor(), d.highestStrikeFactor(), d.spreadPct(), d.minSpread(),
        d.maxSpread(), d.tickBreak(), d.smallTick(), d.largeTick()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("market.vix.volOfVolMax must be in [0.9, 5], but was 0.5");
  }

  @Test
  void marketVxCurveListedExpiriesZeroNamesTheFullKey() {
    MarketConfig.VxCurve d = MarketConfig.VxCurve.DEFAULTS;
    assertThatThrownBy(() -> new MarketConfig.VxCurve(d.longRunVix(), d.meanReversionPerYear(),
        d.futuresDiscount(), d.futuresDiscountDays(), d.minForwardFactor(), 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("market.vxCurve.listedExpiries must be in [1, 12], but was 0");
  }

  @Test
  void marketVixDefaultsFollowCboesTicksAndAnUpwardSkew() {
    MarketConfig.VixOptions d = MarketConfig.DEFAULTS.vix();
    assertThat(d.tickBreak()).isEqualTo(3.0);
    assertThat(d.smallTick()).isEqualTo(0.05);
    assertThat(d.largeTick()).isEqualTo(0.10);
    assertThat(d.skew()).isPositive();
    assertThat(d.volOfVolSlope()).isPositive();
    assertThat(MarketConfig.DEFAULTS.vxCurve()).isSameAs(MarketConfig.VxCurve.DEFAULTS);
  }
}
