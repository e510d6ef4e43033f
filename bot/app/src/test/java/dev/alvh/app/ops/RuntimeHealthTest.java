package dev.alvh.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.config.RiskConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.core.risk.RiskGate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RuntimeHealthTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-03-04T15:00:00Z"));
  private final Clock clock = now::get;

  @Test
  void reportsAgesOutcomesAndRiskAndKeepsTheGaugesInStep() {
    BotMetrics metrics = new BotMetrics();
    RuntimeHealth h = new RuntimeHealth(clock, metrics, null);
    HealthStatus first = h.health();
    assertThat(first.brokerConnected()).isFalse();
    assertThat(first.heartbeatAge()).isEmpty();
    assertThat(first.lastCycleOutcome()).isEqualTo("none");

    h.connection(true);
    assertThat(PrometheusText.parse(metrics.scrape())).containsEntry("alvh_reconnects_total", 0.0);
    now.set(now.get().plusSeconds(10));
    h.heartbeat();
    h.cycleEnded("skipped", "risk.maxQuoteAgeSeconds: quotes 61 s old > limit 60 s", Duration.ofMillis(20));
    h.hedgeState("WATCH");
    now.set(now.get().plusSeconds(5));
    RiskGate gate = new RiskGate(RiskConfig.DEFAULTS);
    gate.halt("console: operator", now.get());
    h.risk(gate);

    HealthStatus s = h.health();
    assertThat(s.brokerConnected()).isTrue();
    assertThat(s.heartbeatAge()).contains(Duration.ofSeconds(5));
    assertThat(s.lastCycleAge()).contains(Duration.ofSeconds(5));
    assertThat(s.lastCycleOutcome()).isEqualTo("skipped: risk.maxQuoteAgeSeconds: quotes 61 s old > limit 60 s");
    assertThat(s.hedgeState()).isEqualTo("WATCH");
    assertThat(s.halted()).isTrue();
    assertThat(s.haltReason()).isEqualTo("console: operator");
    assertThat(s.ok()).isFalse();

    h.connection(false);
    h.connection(true);
    Map<String, Double> samples = PrometheusText.parse(metrics.scrape());
    assertThat(samples).containsEntry("alvh_reconnects_total", 1.0).containsEntry("alvh_halted", 1.0)
        .containsEntry("alvh_broker_connected", 1.0)
        .containsEntry("alvh_cycle_duration_seconds_count{outcome=\"skipped\"}", 1.0);
  }
}
