package dev.alvh.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.config.RiskConfig;
import dev.alvh.core.risk.RiskContext;
import dev.alvh.core.risk.RiskGate;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillSwitchFileTest {

  @TempDir
  Path dir;

  @Test
  void creatingTheFileStopsTheNextCycleAndDeletingItResumes() throws Exception {
    KillSwitchFile kill = new KillSwitchFile(dir, RiskConfig.DEFAULTS);
    assertThat(kill.path()).isEqualTo(dir.resolve("KILL"));
    RiskGate gate = new RiskGate(RiskConfig.DEFAULTS);
    BigDecimal nlv = new BigDecimal("100000");
    RiskContext ctx = new RiskContext(new AccountSummary(nlv, nlv), nlv, BigDecimal.ZERO, 0, Optional.empty(),
        Duration.ZERO);
    Instant now = Instant.parse("2024-03-04T15:00:00Z");

    assertThat(gate.beforeCycle(ctx, kill.present(), now).passed()).isTrue();
    Files.writeString(kill.path(), "");
    assertThat(gate.beforeCycle(ctx, kill.present(), now).limit()).isEqualTo("risk.killSwitch");
    Files.delete(kill.path());
    assertThat(gate.beforeCycle(ctx, kill.present(), now).passed()).isTrue();
  }
}
