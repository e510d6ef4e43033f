package dev.alvh.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.app.ops.BotMetrics.OrderOutcome;
import dev.alvh.app.config.HealthConfig;
import dev.alvh.core.HedgeState;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HealthStatus healthy() {
    return new HealthStatus(true, Optional.of(Duration.ofSeconds(3)), Optional.of(Duration.ofSeconds(125)), "ok", HedgeState.L1,
        false, "", false);
  }

  @Test
  void healthAnswersJsonWithEveryFieldOnLoopback() throws Exception {
    AtomicReference<HealthStatus> now = new AtomicReference<>(healthy());
    try (HealthServer s = HealthServer.start(HealthConfig.DEFAULTS, now::get, new BotMetrics())) {
      assertThat(s.port()).isPositive();
      assertThat(s.healthUrl()).isEqualTo("http://127.0.0.1:" + s.port() + "/health");
      HttpResponse<String> r = get(s.healthUrl());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
      JsonNode j = new ObjectMapper().readTree(r.body());
      assertThat(j.get("status").asText()).isEqualTo("ok");
      assertThat(j.get("brokerConnected").asBoolean()).isTrue();
      assertThat(j.get("heartbeatAgeSeconds").asLong()).isEqualTo(3);
      assertThat(j.get("lastCycleAgeSeconds").asLong()).isEqualTo(125);
      assertThat(j.get("lastCycleOutcome").asText()).isEqualTo("ok");
      assertThat(j.get("hedgeState").asText()).isEqualTo("L1");
      assertThat(j.get("halted").asBoolean()).isFalse();
      assertThat(j.get("killSwitch").asBoolean()).isFalse();

      now.set(new HealthStatus(false, Optional.empty(), Optional.empty(), "none", HedgeState.CALM, true,
          "risk.maxDailyLossPct: loss 5.10%", false));
      HttpResponse<String> down = get(s.healthUrl());
      assertThat(down.statusCode()).isEqualTo(503);
      JsonNode d = new ObjectMapper().readTree(down.body());
      assertThat(d.get("status").asText()).isEqualTo("degraded");
      assertThat(d.get("heartbeatAgeSeconds").isNull()).isTrue();
      assertThat(d.get("haltReason").asText()).isEqualTo("risk.maxDailyLossPct: loss 5.10%");

      assertThat(get(s.healthUrl().replace("/health", "/nope")).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void metricsParseAsPrometheusTextWithTheBotsMeters() throws Exception {
    BotMetrics m = new BotMetrics();
    m.cycle("ok", Duration.ofMillis(250));
    m.cycle("ok", Duration.ofMillis(750));
    m.cycle("skipped", Duration.ofMillis(5));
    m.order(OrderOutcome.SENT);
    m.order(OrderOutcome.SENT);
    m.order(OrderOutcome.FILLED);
    m.order(OrderOutcome.RISK_REJECTED);
    m.reconnected();
    m.pnl(new BigDecimal("1250.50"), new BigDecimal("-300"), new BigDecimal("-42.25"), new BigDecimal("1001250.50"));
    m.greeks(-12.5, -0.8, -150.0, 95.0);
    m.state(true, false);
    try (HealthServer s = HealthServer.start(HealthConfig.DEFAULTS, HealthServerTest::healthy, m)) {
      HttpResponse<String> r = get(s.metricsUrl());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).contains(HealthServer.PROMETHEUS_TEXT);
      Map<String, Double> samples = PrometheusText.parse(r.body());
      assertThat(samples).containsEntry("alvh_orders_total{outcome=\"sent\"}", 2.0)
          .containsEntry("alvh_orders_total{outcome=\"filled\"}", 1.0)
          .containsEntry("alvh_orders_total{outcome=\"risk_rejected\"}", 1.0)
          .containsEntry("alvh_orders_total{outcome=\"cancelled\"}", 0.0)
          .containsEntry("alvh_reconnects_total", 1.0)
          .containsEntry("alvh_cycle_duration_seconds_count{outcome=\"ok\"}", 2.0)
          .containsEntry("alvh_cycle_duration_seconds_sum{outcome=\"ok\"}", 1.0)
          .containsEntry("alvh_cycle_duration_seconds_count{outcome=\"skipped\"}", 1.0)
          .containsEntry("alvh_pnl_usd{kind=\"realized\"}", 1250.5)
          .containsEntry("alvh_pnl_usd{kind=\"day\"}", -42.25)
          .containsEntry("alvh_equity_usd", 1001250.5)
          .containsEntry("alvh_greek{name=\"vega\"}", -150.0)
          .containsEntry("alvh_broker_connected", 1.0)
          .containsEntry("alvh_halted", 0.0);
    }
  }

  @Test
  void theStateGaugesFollowHealthAtEveryScrape_evenBeforeAnyJobSetThem() throws Exception {
    BotMetrics m = new BotMetrics();
    AtomicReference<HealthStatus> now = new AtomicReference<>(healthy());
    try (HealthServer s = HealthServer.start(HealthConfig.DEFAULTS, now::get, m)) {
      assertThat(PrometheusText.parse(get(s.metricsUrl()).body())).containsEntry("alvh_broker_connected", 1.0)
          .containsEntry("alvh_halted", 0.0);
      now.set(new HealthStatus(false, Optional.empty(), Optional.empty(), "none", HedgeState.CALM, true, "halted by an operator",
          false));
      assertThat(PrometheusText.parse(get(s.metricsUrl()).body())).containsEntry("alvh_broker_connected", 0.0)
          .containsEntry("alvh_halted", 1.0);
    }
  }

  @Test
  void theParserRejectsTextThatIsNotPrometheus() {
    assertThatThrownBy(() -> PrometheusText.parse("alvh_x 1\n")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("no TYPE");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE alvh_x gauge\nalvh_x{a=b} 1\n"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("not a sample");
    assertThat(PrometheusText.parse("# TYPE alvh_x gauge\nalvh_x{a=\"b\"} 1.5\n")).containsEntry("alvh_x{a=\"b\"}", 1.5);
  }

  @Test
  void anUnknownCycleOutcomeIsRefused() {
    assertThatThrownBy(() -> new BotMetrics().cycle("maybe", Duration.ZERO))
        .hasMessage("outcome must be ok, skipped or failed, but was 'maybe'");
  }

  @Test
  void aTakenPortIsReportedWithTheKey() throws Exception {
    try (HealthServer first = HealthServer.start(HealthConfig.DEFAULTS, HealthServerTest::healthy, new BotMetrics())) {
      assertThatThrownBy(() -> HealthServer.start(new HealthConfig("127.0.0.1", first.port()),
          HealthServerTest::healthy, new BotMetrics())).hasMessageContaining("(health.port)");
    }
  }
}
