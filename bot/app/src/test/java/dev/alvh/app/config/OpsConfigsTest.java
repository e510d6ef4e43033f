package dev.alvh.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** HealthConfig, AlertsConfig and LoggingConfig: defaults, and bad values named by full key. */
class OpsConfigsTest {

  @Test
  void defaultsAreLoopbackAnyPortNoWebhookAndTextLogs() {
    assertThat(BotConfig.DEFAULTS.health()).isSameAs(HealthConfig.DEFAULTS);
    assertThat(BotConfig.DEFAULTS.alerts()).isSameAs(AlertsConfig.DEFAULTS);
    assertThat(BotConfig.DEFAULTS.logging()).isSameAs(LoggingConfig.DEFAULTS);
    assertThat(HealthConfig.DEFAULTS.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(HealthConfig.DEFAULTS.port()).isZero();
    assertThat(AlertsConfig.DEFAULTS.webhookEnabled()).isFalse();
    assertThat(LoggingConfig.DEFAULTS.json()).isFalse();
  }

  @Test
  void healthRefusesANonLoopbackAddress() {
    assertThatThrownBy(() -> new HealthConfig("0.0.0.0", 0)).hasMessage(
        "health.bindAddress must be a loopback address (127.0.0.1, ::1 or localhost), but was '0.0.0.0'");
    assertThatThrownBy(() -> new HealthConfig("127.0.0.1", 70000))
        .hasMessage("health.port must be in [0, 65535], but was 70000");
  }

  @Test
  void alertsRefuseANonHttpWebhookAndZeroRate() {
    AlertsConfig d = AlertsConfig.DEFAULTS;
    assertThatThrownBy(() -> new AlertsConfig("ftp://x", d.disconnectAlertSeconds(), d.maxPerHour(), d.retries(),
        d.retryBackoffSeconds(), d.timeoutSeconds()))
        .hasMessage("alerts.webhookUrl must be empty or an http(s) URL, but was 'ftp://x'");
    assertThatThrownBy(() -> new AlertsConfig("", d.disconnectAlertSeconds(), 0, d.retries(),
        d.retryBackoffSeconds(), d.timeoutSeconds())).hasMessage("alerts.maxPerHour must be in [1, 3600], but was 0");
    assertThat(new AlertsConfig("https://hooks.example/x", 60, 5, 1, 1, 5).webhookEnabled()).isTrue();
  }

  @Test
  void loggingRefusesAnUnknownLevelAndZeroDays() {
    assertThatThrownBy(() -> new LoggingConfig("LOUD", false, 30))
        .hasMessage("logging.level must be one of ERROR, WARN, INFO, DEBUG, TRACE, but was 'LOUD'");
    assertThatThrownBy(() -> new LoggingConfig("INFO", false, 0))
        .hasMessage("logging.keepDays must be in [1, 3650], but was 0");
  }

  @Test
  void theEightGroupConstructorKeepsTheOpsDefaults() {
    BotConfig d = BotConfig.DEFAULTS;
    BotConfig eight = new BotConfig(d.condor(), d.hedge(), d.risk(), d.broker(), d.schedule(), d.store(), d.console(),
        d.market());
    assertThat(eight).isEqualTo(d);
  }
}
