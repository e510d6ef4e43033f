package dev.alvh.ibkr.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alvh.core.port.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The served broker's end-of-day task runs once per day after its time. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EndOfDayTest {

  @Test
  void runsOncePerDayOnceTheClockPassesItsTime() throws Exception {
    try (PaperTws tws = PaperTws.start()) {
      List<LocalDate> runs = new CopyOnWriteArrayList<>();
      LocalDate today = tws.clock.marketDate();
      tws.server.onEndOfDay(LocalTime.of(16, 5), runs::add);
      Thread.sleep(600); // three tick intervals at 11:00: nothing may run
      assertThat(runs).isEmpty();
      tws.clock.set(today.atTime(16, 10).atZone(Clock.MARKET_ZONE).toInstant());
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.size() == 1);
      Thread.sleep(600);
      assertThat(runs).containsExactly(today);
      LocalDate next = today.plusDays(1);
      tws.clock.set(next.atTime(16, 6).atZone(Clock.MARKET_ZONE).toInstant());
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.size() == 2);
      assertThat(runs).containsExactly(today, next);
    }
  }
}
