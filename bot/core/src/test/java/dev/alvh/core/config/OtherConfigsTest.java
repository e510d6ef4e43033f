package dev.alvh.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RiskConfig, BrokerConfig, MarketConfig, StoreConfig and ConsoleConfig: defaults are valid, bad values name the key. */
class OtherConfigsTest {

  @Test
  void botDefaultsAreBuiltFromEachGroupsDefaults() {
    assertThat(BotConfig.DEFAULTS.condor()).isSameAs(CondorConfig.DEFAULTS);
    assertThat(BotConfig.DEFAULTS.risk()).isSameAs(RiskConfig.DEFAULTS);
    assertThat(BotConfig.DEFAULTS.broker()).isSameAs(BrokerConfig.DEFAULTS);
    assertThat(BotConfig.DEFAULTS.console()).isSameAs(ConsoleConfig.DEFAULTS);
  }

  @Test
  void missingGroupIsRefusedByName() {
    BotConfig d = BotConfig.DEFAULTS;
    assertThatThrownBy(() -> new BotConfig(d.condor(), d.hedge(), null, d.broker(), d.schedule(), d.store(),
        d.console(), d.market())).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("risk ");
  }

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

  // ---- broker -------------------------------------------------------------------------------

  @Test
  void brokerDefaultsArePaperOnLoopbackWithDocumentedCommissions() {
    BrokerConfig d = BrokerConfig.DEFAULTS;
    assertThat(d.type()).isEqualTo("paper");
    assertThat(d.host()).isEqualTo("127.0.0.1");
    assertThat(d.paper().commissionPerContract()).isEqualByComparingTo("0.65");
    assertThat(d.paper().feePerContract()).isEqualByComparingTo("0.60");
  }

  @Test
  void brokerPortOutOfRangeNamesKeyValueAndRange() {
    BrokerConfig d = BrokerConfig.DEFAULTS;
    assertThatThrownBy(() -> new BrokerConfig(d.type(), d.host(), 70000, d.clientId(), d.paper()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("broker.port must be in [1, 65535], but was 70000");
  }

  @Test
  void unknownBrokerTypeNamesKeyAndValue() {
    BrokerConfig d = BrokerConfig.DEFAULTS;
    assertThatThrownBy(() -> new BrokerConfig("tws", d.host(), d.port(), d.clientId(), d.paper()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("broker.type").hasMessageContaining("'tws'").hasMessageContaining("ibkr, paper");
  }

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
    BrokerConfig.Paper d = BrokerConfig.Paper.DEFAULTS;
    assertThatThrownBy(() -> new BrokerConfig.Paper(new BigDecimal("999"), d.commissionPerContract(),
        d.feePerContract())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("broker.paper.startingCash must be in [1000, 1000000000], but was 999");
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

  @Test
  void brokerPaperPartialFillProbabilityAboveOneNamesTheFullKey() {
    BrokerConfig.Paper d = BrokerConfig.Paper.DEFAULTS;
    assertThat(d.partialFillProbability()).isZero();
    assertThatThrownBy(() -> new BrokerConfig.Paper(d.startingCash(), d.commissionPerContract(), d.feePerContract(),
        1.5, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("broker.paper.partialFillProbability must be in [0, 1], but was 1.5");
  }

  // ---- store --------------------------------------------------------------------------------

  @Test
  void storeDatabaseWithASlashNamesKeyAndValue() {
    assertThatThrownBy(() -> new StoreConfig("data", "../alvh")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("store.database").hasMessageContaining("'../alvh'");
  }

  @Test
  void storeBlankDataDirNamesKey() {
    assertThatThrownBy(() -> new StoreConfig(" ", "alvh")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("store.dataDir");
  }

  // ---- console ------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1", "localhost"})
  void consoleAcceptsLoopback(String address) {
    assertThat(new ConsoleConfig(address, 0).bindAddress()).isEqualTo(address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "192.168.1.5", "::", "example.org"})
  void consoleRefusesNonLoopbackBindAddress(String address) {
    assertThatThrownBy(() -> new ConsoleConfig(address, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("console.bindAddress").hasMessageContaining("'" + address + "'");
  }

  @Test
  void consoleRefusesMissingBindAddress() {
    assertThatThrownBy(() -> new ConsoleConfig(null, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("console.bindAddress");
  }

  @Test
  void consolePortOutOfRangeNamesKeyValueAndRange() {
    assertThatThrownBy(() -> new ConsoleConfig("127.0.0.1", -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("console.port must be in [0, 65535], but was -1");
  }
}
