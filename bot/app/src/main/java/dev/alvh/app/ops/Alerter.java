package dev.alvh.app.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.core.Check;
import dev.alvh.app.config.AlertsConfig;
import dev.alvh.core.port.Clock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the owner: halts, disconnects longer than {@code alerts.disconnectAlertSeconds}, order
 * rejects, hedge state changes, reconciliation differences, the kill switch.
 *
 * <p>Every alert is logged once at WARN. With {@code alerts.webhookUrl} set it is also POSTed as
 * Slack-compatible JSON {@code {"text": "..."}} by a sender thread of its own: {@link #alert}
 * only queues, so a trading cycle never waits on the network. A failed POST (an I/O error or a
 * status outside 2xx) is retried {@code alerts.retries} times after {@code retryBackoffSeconds},
 * doubling. At most {@code alerts.maxPerHour} alerts are accepted in any hour (by the bot's
 * clock); the rest are logged, counted ({@link #suppressed}) and not sent. The queue holds
 * {@value #QUEUE_CAPACITY} alerts; beyond that new ones are dropped the same way.
 *
 * <p>With {@code alerts.emailTo} set, each alert is also mailed (Jakarta Mail on Eclipse Angus)
 * through {@code alerts.smtpHost}, on the same thread with the same retries; the SMTP password
 * comes only from the environment variable {@code ALVH_SMTP_PASSWORD}.
 */
public final class Alerter implements AutoCloseable {

  /** What an alert is about. */
  public enum Kind {
    /** The risk gate halted the bot. */
    HALT,
    /** The kill switch was engaged or released. */
    KILL_SWITCH,
    /** The broker has been gone longer than the configured time. */
    DISCONNECT,
    /** The broker or the risk gate rejected an order. */
    ORDER_REJECT,
    /** The hedge state machine moved. */
    HEDGE_STATE,
    /** Reconciliation found differences between the journal and the broker. */
    RECONCILIATION,
    /** Not connected to TWS longer than {@code broker.ibkr.alertAfterMinutes} (repeated hourly). */
    TWS_DOWN,
    /** Market data is not real-time (delayed, frozen, or a missing subscription); no new orders. */
    MARKET_DATA
  }

  /** Alerts waiting to be sent at most. */
  public static final int QUEUE_CAPACITY = 100;

  private static final Logger LOG = LoggerFactory.getLogger(Alerter.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POISON = "\u0000stop";

  private final AlertsConfig config;
  private final Clock clock;
  private final HttpClient http;
  private final BlockingQueue<String> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
  private final Deque<Instant> acceptedLastHour = new ArrayDeque<>();
  private final Thread sender;
  private final ScheduledExecutorService timer;
  private final AtomicLong suppressed = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong mailed = new AtomicLong();
  private final AtomicLong disconnectChecks = new AtomicLong();
  private long disconnectEpisode;
  private boolean connected = true;

  /** An alerter over {@code config}; starts its sender and timer threads (daemons). */
  public Alerter(AlertsConfig config, Clock clock) {
    this.config = Check.notNull(config, "config");
    this.clock = Check.notNull(clock, "clock");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(config.timeoutSeconds())).build();
    this.sender = new Thread(this::sendLoop, "alvh-alerts");
    sender.setDaemon(true);
    sender.start();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "alvh-alert-timer");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Raises an alert through {@code alerter}, or logs it at WARN when there is none (alerts not
   * wired yet, or a test without them).
   */
  public static void raise(Alerter alerter, Kind kind, String text) {
    if (alerter != null) {
      alerter.alert(kind, text);
    } else {
      LOG.warn("alert {}", text);
    }
  }

  /**
   * Raises an alert; never blocks.
   *
   * @return true when it was accepted for sending (or logging), false when rate-limited or the queue was full
   */
  public boolean alert(Kind kind, String text) {
    Check.notNull(kind, "kind");
    Check.notBlank(text, "text");
    String line = "[ALVH] " + kind + ": " + text;
    LOG.warn("alert {}", line);
    synchronized (acceptedLastHour) {
      Instant now = clock.now();
      while (!acceptedLastHour.isEmpty() && !acceptedLastHour.peekFirst().isAfter(now.minus(Duration.ofHours(1)))) {
        acceptedLastHour.removeFirst();
      }
      if (acceptedLastHour.size() >= config.maxPerHour()) {
        suppressed.incrementAndGet();
        LOG.warn("alert not sent: alerts.maxPerHour {} reached", config.maxPerHour());
        return false;
      }
      if (!config.webhookEnabled() && !config.emailEnabled()) {
        acceptedLastHour.addLast(now);
        return true;
      }
      if (!queue.offer(line)) {
        suppressed.incrementAndGet();
        LOG.warn("alert not sent: {} alerts already waiting", QUEUE_CAPACITY);
        return false;
      }
      acceptedLastHour.addLast(now);
      return true;
    }
  }

  /**
   * The broker connection went down or came back; a disconnect that lasts longer than
   * {@code alerts.disconnectAlertSeconds} raises one {@link Kind#DISCONNECT} alert.
   */
  public synchronized void connectionChanged(boolean up) {
    if (up == connected) {
      return;
    }
    connected = up;
    long episode = ++disconnectEpisode;
    if (!up) {
      Instant since = clock.now();
      timer.schedule(() -> checkDisconnect(episode, since), config.disconnectAlertSeconds(), TimeUnit.SECONDS);
    }
  }

  private void checkDisconnect(long episode, Instant since) {
    boolean still;
    synchronized (this) {
      still = !connected && episode == disconnectEpisode;
    }
    if (still) {
      alert(Kind.DISCONNECT, "broker disconnected since " + since + ", longer than "
          + config.disconnectAlertSeconds() + " s (alerts.disconnectAlertSeconds)");
    }
    disconnectChecks.incrementAndGet();
  }

  /** Alerts not sent because of the rate limit or a full queue. */
  public long suppressed() {
    return suppressed.get();
  }

  /** Alerts the webhook accepted. */
  public long delivered() {
    return delivered.get();
  }

  /** Alerts the SMTP server accepted. */
  public long mailed() {
    return mailed.get();
  }

  /** Alerts given up after every retry (per channel). */
  public long failed() {
    return failed.get();
  }

  /** Disconnect timers that have run (for tests). */
  long disconnectChecks() {
    return disconnectChecks.get();
  }

  private void sendLoop() {
    while (true) {
      String line;
      try {
        line = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (POISON.equals(line)) {
        return;
      }
      deliver(line);
    }
  }

  private void deliver(String line) {
    if (config.webhookEnabled()) {
      withRetries("webhook", line, () -> post(line), delivered);
    }
    if (config.emailEnabled()) {
      withRetries("email", line, () -> mail(line), mailed);
    }
  }

  /** One attempt; returns null on success, else why it failed. */
  @FunctionalInterface
  private interface Attempt {
    String once() throws InterruptedException;
  }

  private void withRetries(String channel, String line, Attempt attempt, AtomicLong success) {
    String last = "";
    for (int i = 0; i <= config.retries(); i++) {
      try {
        if (i > 0) {
          Thread.sleep(config.retryBackoffSeconds() * 1000L * (1L << (i - 1)));
        }
        last = attempt.once();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (last == null) {
        success.incrementAndGet();
        return;
      }
    }
    failed.incrementAndGet();
    LOG.error("alert not delivered by {} after {} attempts ({}): {}", channel, config.retries() + 1, last, line);
  }

  private String post(String line) throws InterruptedException {
    String body;
    try {
      body = JSON.writeValueAsString(java.util.Map.of("text", line));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(config.webhookUrl()))
        .timeout(Duration.ofSeconds(config.timeoutSeconds()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
      return r.statusCode() / 100 == 2 ? null : "HTTP " + r.statusCode();
    } catch (IOException e) {
      return e.toString();
    }
  }

  private String mail(String line) {
    java.util.Properties p = new java.util.Properties();
    String ms = Long.toString(config.timeoutSeconds() * 1000L);
    p.put("mail.smtp.host", config.smtpHost());
    p.put("mail.smtp.port", Integer.toString(config.smtpPort()));
    p.put("mail.smtp.connectiontimeout", ms);
    p.put("mail.smtp.timeout", ms);
    p.put("mail.smtp.writetimeout", ms);
    if (config.smtpStartTls()) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    jakarta.mail.Authenticator auth = null;
    if (!config.smtpUser().isEmpty()) {
      p.put("mail.smtp.auth", "true");
      String password = System.getenv().getOrDefault("ALVH_SMTP_PASSWORD", "");
      auth = new jakarta.mail.Authenticator() {
        @Override
        protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
          return new jakarta.mail.PasswordAuthentication(config.smtpUser(), password);
        }
      };
    }
    try {
      jakarta.mail.Session session = jakarta.mail.Session.getInstance(p, auth);
      jakarta.mail.internet.MimeMessage m = new jakarta.mail.internet.MimeMessage(session);
      m.setFrom(new jakarta.mail.internet.InternetAddress(config.emailFrom()));
      m.setRecipients(jakarta.mail.Message.RecipientType.TO, config.emailTo());
      m.setSubject(line.length() > 100 ? line.substring(0, 100) : line, "UTF-8");
      m.setText(line + "\n", "UTF-8");
      jakarta.mail.Transport.send(m);
      return null;
    } catch (jakarta.mail.MessagingException e) {
      return e.toString();
    }
  }

  /** Sends what is queued (waiting at most {@code wait}), then stops the threads. */
  public void close(Duration wait) {
    timer.shutdownNow();
    queue.offer(POISON);
    try {
      sender.join(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sender.interrupt();
  }

  /** Sends what is queued for at most five seconds, then stops. */
  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }
}
