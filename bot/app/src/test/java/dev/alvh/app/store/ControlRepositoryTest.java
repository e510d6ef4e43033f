package dev.alvh.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control rows: overrides in key order, switches with null values, decisions newest first, the write delay. */
class ControlRepositoryTest {

  private static final Instant T = Instant.parse("2024-01-08T15:00:00Z");

  private Store store;
  private ControlRepository rows;

  @BeforeEach
  void open() {
    store = Store.openInMemory("control-repository");
    rows = new ControlRepository(store.jdbc());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void overridesAreReplacedRemovedAndClearedInKeyOrder() {
    rows.putOverride("hedge.b", "2", T, "console");
    rows.putOverride("hedge.a", "1", T, "console");
    rows.putOverride("hedge.b", "3", T, "ctl");
    assertThat(rows.overrides()).containsExactly(Map.entry("hedge.a", "1"), Map.entry("hedge.b", "3"));
    assertThat(rows.removeOverride("hedge.a")).isTrue();
    assertThat(rows.removeOverride("hedge.a")).isFalse();
    rows.putOverride("hedge.c", "4", T, "console");
    assertThat(rows.clearOverrides()).isEqualTo(2);
    assertThat(rows.overrides()).isEmpty();
  }

  @Test
  void switchesKeepTheirNullValues() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("paused", "true");
    m.put("forced", null);
    rows.saveSwitches(m, T);
    m.put("paused", "false");
    rows.saveSwitches(m, T.plusSeconds(1));
    Map<String, String> stored = rows.switches();
    assertThat(stored).containsEntry("paused", "false").containsKey("forced").hasSize(2);
    assertThat(stored.get("forced")).isNull();
  }

  @Test
  void decisionsAreReadNewestFirst() {
    rows.approval("r1", true, T, "console");
    rows.approval("r2", false, T.plusSeconds(60), "ctl");
    assertThat(rows.approval("r1")).contains("APPROVED");
    assertThat(rows.approval("r3")).isEmpty();
    assertThat(rows.approvals(5)).containsExactly("r2 REJECTED", "r1 APPROVED");
    assertThat(rows.approvals(1)).containsExactly("r2 REJECTED");
  }

  @Test
  void commitsAreWrittenAtOnce(@TempDir Path dir) {
    try (Store file = Store.open(dir, "durability")) {
      assertThat(writeDelay(file)).as("H2's default batches commits").doesNotContain("0");
      StoreDurability.writeEachCommitAtOnce(file);
      assertThat(writeDelay(file)).containsOnly("0");
    }
  }

  private static List<String> writeDelay(Store s) {
    return s.jdbc().withHandle("test", h -> h.createQuery(
        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME='WRITE_DELAY'")
        .mapTo(String.class).list());
  }
}
