package dev.alvh.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.port.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** broker.ibkr.restartTime 23:45, restartQuietMinutes 10: closed from 23:35 until reconnected after the restart. */
class RestartWindowTest {

  private final AtomicReference<Instant> now = new AtomicReference<>();
  private final RestartWindow w = new RestartWindow(now::get, LocalTime.of(23, 45), 10);

  private void at(int day, int h, int m) {
    now.set(LocalDateTime.of(2026, 3, day, h, m).atZone(Clock.MARKET_ZONE).toInstant());
  }

  @Test
  void closedFromQuietMinutesBeforeTheRestartUntilReconnected() {
    at(16, 9, 0);
    w.ready();
    at(16, 23, 34);
    assertThat(w.refusal()).isEmpty();
    at(16, 23, 35);
    assertThat(w.refusal()).get().asString().contains("TWS restarts at 23:45");
    at(16, 23, 47);
    assertThat(w.refusal()).as("restarted, not reconnected yet").get().asString().contains("waiting for the reconnect");
    at(16, 23, 48);
    w.ready();
    assertThat(w.refusal()).as("reconnected and reconciled").isEmpty();
    at(17, 0, 30);
    assertThat(w.refusal()).isEmpty();
  }

  @Test
  void aConnectionThatStaysUpThroughTheRestartTimeResumesAfterQuietMinutes() {
    at(16, 9, 0);
    w.ready();
    at(16, 23, 50);
    assertThat(w.refusal()).isPresent();
    at(16, 23, 55);
    assertThat(w.refusal()).isEmpty();
  }

  @Test
  void aWindowAcrossMidnight() {
    RestartWindow early = new RestartWindow(now::get, LocalTime.of(0, 5), 10);
    at(16, 12, 0);
    early.ready();
    at(16, 23, 58);
    assertThat(early.refusal()).as("the window of 00:05 tomorrow began at 23:55").isPresent();
    at(17, 0, 2);
    assertThat(early.refusal()).isPresent();
  }
}
