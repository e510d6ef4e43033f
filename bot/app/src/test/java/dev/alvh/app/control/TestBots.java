package dev.alvh.app.control;

import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.runtime.Bot;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;

/** Paper bots on a virtual clock for handler tests: real store, market, broker and engine. */
final class TestBots {

  /** Tuesday 2024-03-05, 10:00 New York: a regular trading day. */
  static final LocalDateTime START = LocalDateTime.of(2024, 3, 5, 10, 0);

  private TestBots() {
  }

  static VirtualClock clock() {
    return new VirtualClock(START.atZone(Clock.MARKET_ZONE).toInstant());
  }

  /** The defaults with fills at mid ({@code paper.fill.model: MID}): orders fill at once. */
  static final BotConfig AT_MID = ConfigLoader.withOverrides(BotConfig.DEFAULTS, Map.of("paper.fill.model", "MID"),
      "test");

  /** A paper bot with {@link #AT_MID}. */
  static Bot bot(Path dir, VirtualClock clock) {
    return Bot.paper(AT_MID, dir, clock, 1, 80);
  }

  /** Orders at mid rest at the paper broker (it fills at the far side of the spread). */
  static Bot restingBot(Path dir, VirtualClock clock) {
    BotConfig c = ConfigLoader.withOverrides(BotConfig.DEFAULTS, Map.of("paper.fill.shareOneLeg", "1",
        "paper.fill.shareTwoLegs", "1", "paper.fill.shareFourLegs", "1"), "test");
    return Bot.paper(c, dir, clock, 1, 80);
  }
}
