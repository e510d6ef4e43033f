package dev.alvh.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alvh.app.ops.Alerter.Kind;
import dev.alvh.app.config.AlertsConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alerts mailed through a scripted local SMTP server. */
class EmailAlertTest {

  private ServerSocket server;
  private Thread thread;
  private final List<String> transcripts = new CopyOnWriteArrayList<>();

  /** The server side of RFC 5321 that a plain, unauthenticated submission needs. */
  @BeforeEach
  void startSmtp() throws Exception {
    server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          StringBuilder transcript = new StringBuilder();
          BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
          OutputStream out = s.getOutputStream();
          reply(out, "220 fake ESMTP");
          String line;
          boolean data = false;
          while ((line = in.readLine()) != null) {
            transcript.append(line).append('\n');
            if (data) {
              if (line.equals(".")) {
                data = false;
                reply(out, "250 queued");
              }
              continue;
            }
            String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
            switch (cmd) {
              case "EHLO", "HELO" -> reply(out, "250 fake");
              case "DATA" -> {
                data = true;
                reply(out, "354 end with .");
              }
              case "QUIT" -> {
                reply(out, "221 bye");
                transcripts.add(transcript.toString());
              }
              default -> reply(out, "250 ok");
            }
            if (cmd.equals("QUIT")) {
              break;
            }
          }
        } catch (Exception e) {
          // closed
        }
      }
    }, "fake-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  private static void reply(OutputStream out, String text) throws java.io.IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void anAlertIsMailedToTheOwnerWithItsTextAsSubjectAndBody() {
    AlertsConfig config = new AlertsConfig("", 120, 20, 0, 0, 5, "owner@example.com", "alvh@example.com",
        "127.0.0.1", server.getLocalPort(), false, "");
    try (Alerter a = new Alerter(config, () -> Instant.parse("2024-03-04T15:00:00Z"))) {
      assertThat(a.alert(Kind.HALT, "risk.maxDailyLossPct: loss 5.00% >= limit 5%")).isTrue();
      await().atMost(Duration.ofSeconds(30)).until(() -> a.mailed() == 1);
      assertThat(a.delivered()).isZero();
    }
    assertThat(transcripts).singleElement().satisfies(t -> assertThat(t)
        .contains("MAIL FROM:<alvh@example.com>")
        .contains("RCPT TO:<owner@example.com>")
        .contains("Subject: [ALVH] HALT: risk.maxDailyLossPct: loss 5.00% >= limit 5%")
        .contains("To: owner@example.com"));
  }

  @Test
  void anUnreachableSmtpServerIsRetriedThenGivenUp() throws Exception {
    int port = server.getLocalPort();
    server.close();
    AlertsConfig config = new AlertsConfig("", 120, 20, 1, 0, 2, "owner@example.com", "alvh@example.com",
        "127.0.0.1", port, false, "");
    try (Alerter a = new Alerter(config, () -> Instant.parse("2024-03-04T15:00:00Z"))) {
      a.alert(Kind.RECONCILIATION, "foreign-position SPXW 2024-04-19 4000 P");
      await().atMost(Duration.ofSeconds(30)).until(() -> a.failed() == 1);
      assertThat(a.mailed()).isZero();
    }
  }

  @Test
  void emailSettingsAreCheckedByKey() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlertsConfig("", 120, 20, 0, 0, 5, "owner",
        "alvh@example.com", "localhost", 25, false, "")).hasMessage(
            "alerts.emailTo must be empty or an address like owner@example.com, but was 'owner'");
    assertThat(AlertsConfig.DEFAULTS.emailEnabled()).isFalse();
  }
}
