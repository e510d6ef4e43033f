package dev.alvh.app.config;

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
 * @param timeoutSeconds         one POST (or SMTP session) gives up after this many seconds
 * @param emailTo                alerts are also mailed to this address; empty: no email
 * @param emailFrom              the sender address of alert mails
 * @param smtpHost               the SMTP server (a local relay, or the provider's submission host)
 * @param smtpPort               its port (25 relay, 587 submission with STARTTLS)
 * @param smtpStartTls           true: require STARTTLS before sending
 * @param smtpUser               the SMTP login, empty for none; the password is read from the
 *                               environment variable {@code ALVH_SMTP_PASSWORD}, never from a file
 */
public record AlertsConfig(String webhookUrl, int disconnectAlertSeconds, int maxPerHour, int retries,
    int retryBackoffSeconds, int timeoutSeconds, String emailTo, String emailFrom, String smtpHost, int smtpPort,
    boolean smtpStartTls, String smtpUser) {

  private static final String ADDRESS = "[^@\\s]+@[^@\\s]+";

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

  /** No email. */
  public static final String DEFAULT_EMAIL_TO = "";
  /** {@code alvh@localhost}. */
  public static final String DEFAULT_EMAIL_FROM = "alvh@localhost";
  /** The local mail relay. */
  public static final String DEFAULT_SMTP_HOST = "localhost";
  /** Port 25. */
  public static final int DEFAULT_SMTP_PORT = 25;
  /** No STARTTLS on the local relay. */
  public static final boolean DEFAULT_SMTP_START_TLS = false;
  /** No login. */
  public static final String DEFAULT_SMTP_USER = "";

  /** The defaults. */
  public static final AlertsConfig DEFAULTS = new AlertsConfig(DEFAULT_WEBHOOK_URL, DEFAULT_DISCONNECT_ALERT_SECONDS,
      DEFAULT_MAX_PER_HOUR, DEFAULT_RETRIES, DEFAULT_RETRY_BACKOFF_SECONDS, DEFAULT_TIMEOUT_SECONDS, DEFAULT_EMAIL_TO,
      DEFAULT_EMAIL_FROM, DEFAULT_SMTP_HOST, DEFAULT_SMTP_PORT, DEFAULT_SMTP_START_TLS, DEFAULT_SMTP_USER);


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
    Check.isTrue(emailTo != null && (emailTo.isEmpty() || emailTo.matches(ADDRESS)), "alerts.emailTo",
        "must be empty or an address like owner@example.com, but was '" + emailTo + "'");
    Check.isTrue(emailFrom != null && emailFrom.matches(ADDRESS), "alerts.emailFrom",
        "must be an address like alvh@example.com, but was '" + emailFrom + "'");
    Check.notBlank(smtpHost, "alerts.smtpHost");
    Check.inRange(smtpPort, 1, 65535, "alerts.smtpPort");
    Check.notNull(smtpUser, "alerts.smtpUser");
  }

  /** The webhook-only settings with no email (for callers written before email). */
  public AlertsConfig(String webhookUrl, int disconnectAlertSeconds, int maxPerHour, int retries,
      int retryBackoffSeconds, int timeoutSeconds) {
    this(webhookUrl, disconnectAlertSeconds, maxPerHour, retries, retryBackoffSeconds, timeoutSeconds,
        DEFAULT_EMAIL_TO, DEFAULT_EMAIL_FROM, DEFAULT_SMTP_HOST, DEFAULT_SMTP_PORT, DEFAULT_SMTP_START_TLS,
        DEFAULT_SMTP_USER);
  }

  /** True when alerts are also mailed. */
  public boolean emailEnabled() {
    return !emailTo.isEmpty();
  }

  /** True when a webhook is set. */
  public boolean webhookEnabled() {
    return !webhookUrl.isEmpty();
  }
}
