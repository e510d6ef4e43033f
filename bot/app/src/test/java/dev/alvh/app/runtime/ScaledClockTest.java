package dev.alvh.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ScaledClockTest {

  private static final Instant START = Instant.parse("2024-03-05T15:00:00Z");

  @Test
  void marketTimeRunsSpeedTimesFasterThanTheWallClock() {
    AtomicLong nanos = new AtomicLong(1_000);
    ScaledClock c = new ScaledClock(START, 600, nanos::get);
    assertThat(c.now()).isEqualTo(START);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(c.now()).isEqualTo(START.plus(Duration.ofMinutes(10)));
    assertThat(c.wallUntil(START.plus(Duration.ofMinutes(25)))).isEqualTo(Duration.ofMillis(1500));
    assertThat(c.wallUntil(START)).isZero();
  }

  @Test
  void atSpeedOneItFollowsTheWallClock() {
    AtomicLong nanos = new AtomicLong();
    ScaledClock c = new ScaledClock(START, 1, nanos::get);
    nanos.set(Duration.ofMinutes(3).toNanos());
    assertThat(c.now()).isEqualTo(START.plus(Duration.ofMinutes(3)));
  }

  @Test
  void aSpeedOutOfRangeIsRefused() {
    assertThatThrownBy(() -> new ScaledClock(START, 0)).hasMessage("speed must be in [1, 100000], but was 0");
    assertThatThrownBy(() -> new ScaledClock(START, 100_001)).hasMessageContaining("but was 100001");
  }
}
