package dev.alvh.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted {@code --speed N} bot resumes its market clock at the last market time of its
 * books, not at the wall clock's today (which is behind a fast clock's market time).
 */
class StoredMarketTimeTest {

  @TempDir
  Path dir;

  @Test
  void aNewDataDirectoryHasNoMarketTime() {
    assertThat(PaperMarketAnchor.lastMarketTime(dir, "alvh")).isEmpty();
  }

  @Test
  void theBooksKeepTheLastMarketTimeTheBotReached() {
    Instant open = LocalDateTime.of(2024, 3, 5, 10, 0).atZone(Clock.MARKET_ZONE).toInstant();
    Instant close = LocalDateTime.of(2024, 3, 5, 16, 15).atZone(Clock.MARKET_ZONE).toInstant();
    Instant stop = LocalDateTime.of(2024, 3, 5, 17, 40).atZone(Clock.MARKET_ZONE).toInstant();
    VirtualClock clock = new VirtualClock(open);
    try (Bot bot = Bot.paper(BotConfig.DEFAULTS, dir, clock, 600, 80)) {
      bot.runJob(JobKind.CYCLE, clock.now());
      clock.set(close);
      bot.runJob(JobKind.END_OF_DAY, clock.now());
      clock.set(stop);
      bot.saveSwitches(); // what a graceful stop does last
    }
    assertThat(PaperMarketAnchor.lastMarketTime(dir, "alvh")).contains(stop);
  }
}
