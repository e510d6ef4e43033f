package dev.alvh.app.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.core.Check;
import dev.alvh.core.config.AlertsConfig;
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
 * <p>Email is not built: no mail library is among the project's chosen, offline-available
 * dependencies. A mail-to-webhook bridge covers it.
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
    RECONCILIATION
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
      if (!config.webhookEnabled()) {
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

  /** Alerts given up after every retry. */
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
    String last = "";
    for (int attempt = 0; attempt <= config.retries(); attempt++) {
      if (attempt > 0) {
        try {
          Thread.sleep(config.retryBackoffSeconds() * 1000L * (1L << (attempt - 1)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      try {
        HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 == 2) {
          delivered.incrementAndGet();
          return;
        }
        last = "HTTP " + r.statusCode();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    failed.incrementAndGet();
    LOG.error("alert not delivered after {} attempts ({}): {}", config.retries() + 1, last, line);
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
