package dev.alvh.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.ops.Alerter;
import dev.alvh.app.config.AlertsConfig;
import dev.alvh.core.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Not connected longer than broker.ibkr.alertAfterMinutes: one alert, then one an hour, none once back. */
class TwsDownWatchTest {

  @Test
  void alertsOnceAfterTheLimitThenHourlyAndStopsWhenConnected() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-15T22:00:00Z"));
    Clock clock = now::get;
    AtomicBoolean up = new AtomicBoolean(false);
    TwsDownWatch w = new TwsDownWatch(clock, 10, up::get, "127.0.0.1:4001");
    w.alerter(new Alerter(AlertsConfig.DEFAULTS, clock));
    for (int s = 0; s <= 10 * 60; s += 15) { // the first ten minutes: nothing
      w.check();
      now.set(now.get().plusSeconds(15));
    }
    assertThat(w.alerts()).isEqualTo(1);
    assertThat(w.lastText()).contains("not connected to TWS at 127.0.0.1:4001 for 10 min");
    for (int s = 0; s < 3 * 3600; s += 15) {
      w.check();
      now.set(now.get().plusSeconds(15));
    }
    assertThat(w.alerts()).as("then once every hour").isEqualTo(4);
    up.set(true);
    w.check();
    up.set(false);
    for (int s = 0; s < 9 * 60; s += 15) {
      w.check();
      now.set(now.get().plusSeconds(15));
    }
    assertThat(w.alerts()).as("a new outage counts from its own start").isEqualTo(4);
  }

  @Test
  void aShortRestartDoesNotAlert() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-16T03:45:00Z"));
    AtomicBoolean up = new AtomicBoolean(false);
    TwsDownWatch w = new TwsDownWatch(now::get, 10, up::get, "h:1");
    w.alerter(new Alerter(AlertsConfig.DEFAULTS, now::get));
    w.check();
    now.set(now.get().plus(Duration.ofMinutes(3)));
    w.check();
    up.set(true);
    now.set(now.get().plus(Duration.ofMinutes(30)));
    w.check();
    assertThat(w.alerts()).isZero();
  }
}
