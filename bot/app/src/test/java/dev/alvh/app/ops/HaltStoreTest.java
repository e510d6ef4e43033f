package dev.alvh.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.store.Store;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.config.RiskConfig;
import dev.alvh.core.risk.HaltState;
import dev.alvh.core.risk.RiskContext;
import dev.alvh.core.risk.RiskGate;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A halt survives a restart until a person releases it. */
class HaltStoreTest {

  @TempDir
  Path dir;

  @Test
  void aDailyLossHaltSurvivesARestartUntilReleased() {
    Instant at = Instant.parse("2024-03-04T15:00:00Z");
    BigDecimal base = new BigDecimal("1000000");
    BigDecimal down = new BigDecimal("940000");
    try (Store store = Store.open(dir, "alvh")) {
      RiskGate gate = new RiskGate(RiskConfig.DEFAULTS, new HaltStore(store).load());
      assertThat(gate.halted()).isFalse();
      gate.beforeCycle(new RiskContext(new AccountSummary(down, down), base, BigDecimal.ZERO, 0, Optional.empty(),
          Duration.ZERO), false, at);
      new HaltStore(store).save(gate.haltState());
    }
    try (Store store = Store.open(dir, "alvh")) {
      HaltStore halts = new HaltStore(store);
      HaltState restored = halts.load();
      assertThat(restored.halted()).isTrue();
      assertThat(restored.reason()).startsWith("risk.maxDailyLossPct: loss 6.00%");
      assertThat(restored.since()).contains(at);
      RiskGate gate = new RiskGate(RiskConfig.DEFAULTS, restored);
      gate.release(base);
      halts.save(gate.haltState());
    }
    try (Store store = Store.open(dir, "alvh")) {
      assertThat(new HaltStore(store).load()).isEqualTo(HaltState.RUNNING);
    }
  }
}
