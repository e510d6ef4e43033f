package dev.alvh.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.config.CondorConfig;
import dev.alvh.core.config.ExecutionConfig;
import dev.alvh.core.config.RiskConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BotConfig, BrokerConfig, StoreConfig and ConsoleConfig: defaults are valid, bad values name the key. */
class AppConfigsTest {

  @Test
  void botDefaultsAreBuiltFromEachGroupsDefaults() {
    assertThat(BotConfig.DEFAULTS.condor()).isSameAs(CondorConfig.DEFAULTS);
    assertThat(BotConfig.DEFAULTS.risk()).isSameAs(RiskConfig.DEFAULTS);
    assertThat(BotConfig.DEFAULTS.broker()).isSameAs(BrokerConfig.DEFAULTS);
    assertThat(BotConfig.DEFAULTS.console()).isSameAs(ConsoleConfig.DEFAULTS);
    assertThat(BotConfig.DEFAULTS.execution()).isEqualTo(ExecutionConfig.DEFAULTS);
  }

  @Test
  void missingGroupIsRefusedByName() {
    BotConfig d = BotConfig.DEFAULTS;
    assertThatThrownBy(() -> new BotConfig(d.condor(), d.hedge(), null, d.broker(), d.schedule(), d.store(),
        d.console(), d.market())).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("risk ");
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
