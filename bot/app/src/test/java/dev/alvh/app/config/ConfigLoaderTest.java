package dev.alvh.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.alvh.app.TestPaths;
import dev.alvh.core.HedgeState;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

  private static final Path BOT_YAML = TestPaths.checkoutRoot().resolve("paper-config/bot.yaml");

  @Test
  void shippedBotYamlHoldsExactlyTheDefaults() {
    assertThat(ConfigLoader.load(BOT_YAML)).isEqualTo(BotConfig.DEFAULTS);
  }

  @Test
  void shippedBotYamlListsEveryKey() throws Exception {
    JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(BOT_YAML.toFile());
    List<String> inFile = new ArrayList<>();
    collect(tree, "", inFile);
    assertThat(inFile).containsExactlyInAnyOrderElementsOf(ConfigLoader.keys());
    assertThat(inFile).contains("hedge.l1.vixTrigger", "condor.dteMin", "risk.maxContractsPerOrder",
        "broker.port", "schedule.firstCycle", "store.dataDir", "console.bindAddress");
  }

  @Test
  void emptyFileGivesTheDefaults() {
    assertThat(ConfigLoader.parse("", "empty.yaml")).isEqualTo(BotConfig.DEFAULTS);
  }

  @Test
  void aFileMaySetOnlySomeKeysAndTheRestKeepTheirDefaults() {
    BotConfig c = ConfigLoader.parse("condor:\n  dteMin: 40\nhedge:\n  l1:\n    vixTrigger: 17.5\n", "part.yaml");
    assertThat(c.condor().dteMin()).isEqualTo(40);
    assertThat(c.condor().dteMax()).isEqualTo(60);
    assertThat(c.hedge().l1().vixTrigger()).isEqualTo(17.5);
    assertThat(c.hedge().l2().vixTrigger()).isEqualTo(BotConfig.DEFAULTS.hedge().l2().vixTrigger());
    assertThat(c.risk()).isEqualTo(BotConfig.DEFAULTS.risk());
  }

  @Test
  void unknownKeyIsNamedWithTheKnownKeysBesideIt() {
    assertThatThrownBy(() -> ConfigLoader.parse("hedge:\n  l1:\n    vixTriger: 15\n", "broken.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("broken.yaml: unknown key 'hedge.l1.vixTriger'")
        .hasMessageContaining("vixTrigger");
  }

  @Test
  void unknownTopLevelGroupIsNamed() {
    assertThatThrownBy(() -> ConfigLoader.parse("hedging:\n  x: 1\n", "b.yaml"))
        .hasMessageContaining("unknown key 'hedging'").hasMessageContaining("condor");
  }

  @Test
  void outOfRangeValueNamesKeyValueAndRange() {
    assertThatThrownBy(() -> ConfigLoader.parse("condor:\n  dteMin: 0\n", "b.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("b.yaml: condor.dteMin must be in [1, 365], but was 0");
  }

  @Test
  void outOfRangeHedgeValueNamesTheFullKey() {
    assertThatThrownBy(() -> ConfigLoader.parse("hedge:\n  l1:\n    vixTrigger: -3\n", "b.yaml"))
        .hasMessageContaining("hedge.l1.vixTrigger").hasMessageContaining("-3");
  }

  @Test
  void wrongTypeNamesKeyAndValue() {
    assertThatThrownBy(() -> ConfigLoader.parse("condor:\n  dteMin: soon\n", "b.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("b.yaml: condor.dteMin = 'soon' is not a valid whole number");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"[CALM, PANIC]|PANIC", "[calm]|calm", "[1]|1", "[1.5]|1.5", "[true]|true",
      "[~]|null"})
  void entryStateThatNamesNoHedgeStateIsQuotedWithTheStatesAllowed(String yaml, String had) {
    assertThatThrownBy(() -> ConfigLoader.parse("condor:\n  entryStates: " + yaml + "\n", "b.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("b.yaml: condor.entryStates must contain only [CALM, WATCH, L1, L2, L3, PRESS, UNWIND], but had '"
            + had + "'");
  }

  @Test
  void entryStatesAreReadByNameAndWrittenBack() {
    BotConfig c = ConfigLoader.parse("condor:\n  entryStates: [UNWIND, L2, CALM]\n", "b.yaml");
    assertThat(c.condor().entryStates()).containsExactlyInAnyOrder(HedgeState.CALM, HedgeState.L2, HedgeState.UNWIND);
    assertThat(ConfigLoader.toYaml(c)).contains("entryStates:\n  - \"CALM\"\n  - \"L2\"\n  - \"UNWIND\"\n");
    assertThat(ConfigLoader.withOverrides(c, Map.of("condor.entryStates", "[WATCH]"), "set").condor().entryStates())
        .containsExactly(HedgeState.WATCH);
    assertThatThrownBy(() -> ConfigLoader.parse("condor:\n  entryStates: [CALM, [L1]]\n", "b.yaml"))
        .hasMessageStartingWith("b.yaml: condor.entryStates[1] must be a String (");
  }

  @Test
  void fractionForAWholeNumberIsRefusedNotTruncated() {
    assertThatThrownBy(() -> ConfigLoader.parse("condor:\n  dteMin: 45.5\n", "b.yaml"))
        .hasMessageContaining("condor.dteMin");
  }

  @Test
  void scalarWhereAGroupBelongsIsRefused() {
    assertThatThrownBy(() -> ConfigLoader.parse("condor: 5\n", "b.yaml"))
        .hasMessage("b.yaml: condor must be a group of keys, but was '5'");
  }

  @Test
  void invalidYamlSaysWhere() {
    assertThatThrownBy(() -> ConfigLoader.parse("condor:\n  dteMin: [1,\n", "b.yaml"))
        .hasMessageStartingWith("b.yaml is not valid YAML");
  }

  @Test
  void nonLoopbackConsoleIsRefused() {
    assertThatThrownBy(() -> ConfigLoader.parse("console:\n  bindAddress: 0.0.0.0\n", "b.yaml"))
        .hasMessageContaining("console.bindAddress").hasMessageContaining("0.0.0.0");
  }

  @Test
  void missingFileIsNamed() {
    assertThatThrownBy(() -> ConfigLoader.load(Path.of("no-such-dir/none.yaml")))
        .hasMessage("config file no-such-dir/none.yaml does not exist");
  }

  @Test
  void overridesAreValidatedLikeTheFile() {
    BotConfig c = ConfigLoader.withOverrides(BotConfig.DEFAULTS, Map.of("hedge.l1.vixTrigger", "15"), "set");
    assertThat(c.hedge().l1().vixTrigger()).isEqualTo(15.0);
    assertThatThrownBy(() -> ConfigLoader.withOverrides(BotConfig.DEFAULTS,
        Map.of("condor.trancheRiskPct", "0"), "set")).hasMessageContaining("condor.trancheRiskPct");
    assertThat(ConfigLoader.withOverrides(BotConfig.DEFAULTS, Map.of("condor.trancheRiskPct", "3"), "set")
        .condor().trancheRiskPct()).isEqualByComparingTo(new BigDecimal("3"));
  }

  private static void collect(JsonNode node, String prefix, List<String> out) {
    node.fieldNames().forEachRemaining(n -> {
      JsonNode child = node.get(n);
      if (child.isObject()) {
        collect(child, prefix + n + ".", out);
      } else {
        out.add(prefix + n);
      }
    });
  }
}
