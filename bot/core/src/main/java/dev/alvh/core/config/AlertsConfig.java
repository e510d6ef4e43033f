package dev.alvh.core.config;

import dev.alvh.core.Check;

/**
 * Alerts to the owner (halts, long disconnects, order rejects, hedge state changes,
 * reconciliation differences); YAML group {@code alerts.*}.
 *
 * @param webhookUrl             where alerts are POSTed as Slack-compatible JSON {@code {"text": ...}};
 *                               empty: alerts are only logged
 * @param disconnectAlertSeconds a broker disconnect longer than this raises an alert
 * @param maxPerHour             at most this many alerts are sent in any hour; the rest are logged and counted
 * @param retries                a failed POST is retried this many times ...
 * @param retryBackoffSeconds    ... after this many seconds, doubling each time
 * @param timeoutSeconds         one POST gives up after this many seconds
 */
public record AlertsConfig(String webhookUrl, int disconnectAlertSeconds, int maxPerHour, int retries,
    int retryBackoffSeconds, int timeoutSeconds) {

  /** No webhook: alerts go to the log only. */
  public static final String DEFAULT_WEBHOOK_URL = "";
  /** Alert after two minutes without the broker. */
  public static final int DEFAULT_DISCONNECT_ALERT_SECONDS = 120;
  /** At most 20 alerts an hour. */
  public static final int DEFAULT_MAX_PER_HOUR = 20;
  /** Three retries. */
  public static final int DEFAULT_RETRIES = 3;
  /** First retry after 5 s, then 10 s, 20 s. */
  public static final int DEFAULT_RETRY_BACKOFF_SECONDS = 5;
  /** Ten seconds per POST. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 10;

  /** The defaults. */
  public static final AlertsConfig DEFAULTS = new AlertsConfig(DEFAULT_WEBHOOK_URL, DEFAULT_DISCONNECT_ALERT_SECONDS,
      DEFAULT_MAX_PER_HOUR, DEFAULT_RETRIES, DEFAULT_RETRY_BACKOFF_SECONDS, DEFAULT_TIMEOUT_SECONDS);

  /** Checks every field. */
  public AlertsConfig {
    Check.notNull(webhookUrl, "alerts.webhookUrl");
    Check.isTrue(webhookUrl.isEmpty() || webhookUrl.matches("https?://[^\\s]+"), "alerts.webhookUrl",
        "must be empty or an http(s) URL, but was '" + webhookUrl + "'");
    Check.inRange(disconnectAlertSeconds, 1, 86_400, "alerts.disconnectAlertSeconds");
    Check.inRange(maxPerHour, 1, 3600, "alerts.maxPerHour");
    Check.inRange(retries, 0, 10, "alerts.retries");
    Check.inRange(retryBackoffSeconds, 0, 3600, "alerts.retryBackoffSeconds");
    Check.inRange(timeoutSeconds, 1, 300, "alerts.timeoutSeconds");
  }

  /** True when a webhook is set. */
  public boolean webhookEnabled() {
    return !webhookUrl.isEmpty();
  }
}
