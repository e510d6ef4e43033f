package dev.alvh.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.alvh.app.engine.Book;
import dev.alvh.app.config.BotConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A point's key names its values, windows, data and base configuration, the same in every JVM. */
class SweepKeyTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void setsWrittenInAnyOrderGiveTheSameCanonicalText() throws Exception {
    // condor.entryStates is a set: its YAML order changes from one JVM run to the next
    String a = Sweep.canonical(YAML.readTree("condor: {entryStates: [UNWIND, CALM, WATCH], dteMin: 45}"));
    String b = Sweep.canonical(YAML.readTree("condor: {entryStates: [WATCH, UNWIND, CALM], dteMin: 45}"));
    assertThat(a).isEqualTo(b);
    assertThat(Sweep.canonical(YAML.readTree("condor: {entryStates: [CALM], dteMin: 45}"))).isNotEqualTo(a);
    assertThat(Sweep.canonical(YAML.readTree("condor: {entryStates: [UNWIND, CALM, WATCH], dteMin: 46}")))
        .isNotEqualTo(a);
  }

  @Test
  void keyHoldsTheValuesTheWindowsTheDataAndTheConfiguration() {
    List<Sweep.Window> windows = List.of(new Sweep.Window("train", LocalDate.of(2016, 1, 4), LocalDate.of(2018, 12, 31)),
        new Sweep.Window("test", LocalDate.of(2019, 1, 2), LocalDate.of(2021, 12, 31)));
    Sweep.Market market = new Sweep.Market("/data", null, false);
    Sweep s = new Sweep(BotConfig.DEFAULTS, "defaults", market, windows, List.of(Book.ALVH), Path.of("out"));
    String key = s.key(Map.of("hedge.l1.vixTrigger", "16.0"));
    assertThat(key).startsWith("hedge.l1.vixTrigger=16.0 | train 2016-01-04..2018-12-31 | test 2019-01-02..2021-12-31"
        + " | /data | config ");
    assertThat(new Sweep(BotConfig.DEFAULTS, "other name", market, windows, List.of(Book.UNHEDGED), Path.of("x"))
        .key(Map.of("hedge.l1.vixTrigger", "16.0"))).isEqualTo(key);
    Sweep otherData = new Sweep(BotConfig.DEFAULTS, "defaults", new Sweep.Market("/other", null, false), windows,
        List.of(Book.ALVH), Path.of("out"));
    assertThat(otherData.key(Map.of("hedge.l1.vixTrigger", "16.0"))).isNotEqualTo(key);
  }
}
