package dev.alvh.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.alvh.app.ops.Alerter.Kind;
import dev.alvh.app.config.AlertsConfig;
import dev.alvh.core.port.Clock;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alerts POSTed to a local webhook: Slack JSON, retries, rate limit, never blocking, long disconnects. */
class AlerterTest {

  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();
  private final AtomicInteger failFirst = new AtomicInteger();
  private final AtomicInteger attempts = new AtomicInteger();
  private volatile CountDownLatch hold = new CountDownLatch(0);
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-03-04T15:00:00Z"));
  private final Clock clock = now::get;

  @BeforeEach
  void startWebhook() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", ex -> {
      attempts.incrementAndGet();
      try {
        hold.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int status = failFirst.getAndDecrement() > 0 ? 500 : 200;
      if (status == 200) {
        bodies.add(body);
        contentTypes.add(ex.getRequestHeaders().getFirst("Content-Type"));
      }
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
  }

  @AfterEach
  void stop() {
    hold.countDown();
    server.stop(0);
  }

  private AlertsConfig config(int maxPerHour, int retries, int disconnectSeconds) {
    return new AlertsConfig("http://127.0.0.1:" + server.getAddress().getPort() + "/hook", disconnectSeconds,
        maxPerHour, retries, 0, 5);
  }

  @Test
  void anAlertIsPostedAsSlackCompatibleJson() throws Exception {
    try (Alerter a = new Alerter(config(20, 0, 60), clock)) {
      assertThat(a.alert(Kind.HALT, "risk.maxDailyLossPct: loss 5.00% >= limit 5%")).isTrue();
      await().atMost(Duration.ofSeconds(20)).until(() -> a.delivered() == 1);
    }
    assertThat(bodies).hasSize(1);
    assertThat(new ObjectMapper().readTree(bodies.get(0)).get("text").asText())
        .isEqualTo("[ALVH] HALT: risk.maxDailyLossPct: loss 5.00% >= limit 5%");
    assertThat(contentTypes).containsExactly("application/json");
  }

  @Test
  void aFailedPostIsRetriedUntilItIsAccepted() {
    failFirst.set(2);
    try (Alerter a = new Alerter(config(20, 3, 60), clock)) {
      a.alert(Kind.ORDER_REJECT, "alvh-T0001-open-202403041000 rejected: 201 margin");
      await().atMost(Duration.ofSeconds(20)).until(() -> a.delivered() == 1);
      assertThat(attempts.get()).isEqualTo(3);
      assertThat(a.failed()).isZero();
    }
  }

  @Test
  void anAlertIsGivenUpAfterEveryRetryFailed() {
    failFirst.set(100);
    try (Alerter a = new Alerter(config(20, 2, 60), clock)) {
      a.alert(Kind.HEDGE_STATE, "CALM -> WATCH");
      await().atMost(Duration.ofSeconds(20)).until(() -> a.failed() == 1);
      assertThat(attempts.get()).isEqualTo(3);
      assertThat(a.delivered()).isZero();
    }
  }

  @Test
  void atMostMaxPerHourAreSentAndTheWindowSlides() {
    try (Alerter a = new Alerter(config(2, 0, 60), clock)) {
      assertThat(a.alert(Kind.RECONCILIATION, "one")).isTrue();
      assertThat(a.alert(Kind.RECONCILIATION, "two")).isTrue();
      assertThat(a.alert(Kind.RECONCILIATION, "three")).isFalse();
      assertThat(a.suppressed()).isEqualTo(1);
      now.set(now.get().plus(Duration.ofMinutes(61)));
      assertThat(a.alert(Kind.RECONCILIATION, "four")).isTrue();
      await().atMost(Duration.ofSeconds(20)).until(() -> a.delivered() == 3);
    }
    assertThat(bodies).noneMatch(b -> b.contains("three"));
  }

  @Test
  void raisingAnAlertNeverWaitsForTheWebhook() {
    hold = new CountDownLatch(1);
    try (Alerter a = new Alerter(config(20, 0, 60), clock)) {
      assertThat(a.alert(Kind.HALT, "first")).isTrue();
      assertThat(a.alert(Kind.HALT, "second")).isTrue();
      // both calls returned while the webhook is still holding the first request
      assertThat(hold.getCount()).isEqualTo(1);
      assertThat(a.delivered()).isZero();
      hold.countDown();
      await().atMost(Duration.ofSeconds(20)).until(() -> a.delivered() == 2);
    }
  }

  @Test
  void aDisconnectLongerThanTheLimitRaisesOneAlertAShortOneNone() {
    try (Alerter a = new Alerter(config(20, 0, 1), clock)) {
      a.connectionChanged(false);
      a.connectionChanged(true);
      await().atMost(Duration.ofSeconds(20)).until(() -> a.disconnectChecks() == 1);
      assertThat(bodies).isEmpty();

      a.connectionChanged(false);
      await().atMost(Duration.ofSeconds(20)).until(() -> a.delivered() == 1);
      assertThat(bodies.get(0)).contains("DISCONNECT").contains("alerts.disconnectAlertSeconds");
    }
  }

  @Test
  void withoutAWebhookAlertsAreOnlyLogged() {
    try (Alerter a = new Alerter(AlertsConfig.DEFAULTS, clock)) {
      assertThat(a.alert(Kind.KILL_SWITCH, "data/KILL created")).isTrue();
      assertThat(a.delivered()).isZero();
    }
    assertThat(attempts.get()).isZero();
  }
}
