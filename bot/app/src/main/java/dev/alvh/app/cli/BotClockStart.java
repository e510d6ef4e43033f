package dev.alvh.app.cli;

import dev.alvh.app.runtime.PaperMarketAnchor;
import dev.alvh.app.runtime.ScaledClock;
import dev.alvh.app.runtime.SteppedClock;
import dev.alvh.app.store.StoreException;
import dev.alvh.core.port.Clock;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Where a started bot's clock begins and how it runs: real time, {@code --speed N} times faster
 * (resuming from the last market time in the books on the built-in broker), a fake TWS's origin
 * ({@code --clock-origin}), or stepped virtual time ({@code --step-clock}).
 */
final class BotClockStart {

  /** The clock, the stepped clock when the time is stepped (else null), or the exit code of a refusal. */
  record Started(Clock clock, SteppedClock stepped, int exitCode) {
    boolean refused() {
      return clock == null;
    }
  }

  private BotClockStart() {
  }

  static Started start(PaperCommand o, boolean ibkr, Path dir, String database, Instant stepFrom) {
    Instant clockStart = Instant.now();
    if (!ibkr && o.speed > 1 && o.clockOrigin == null && o.stepClock == null) {
      // A faster clock runs ahead of the wall clock: a restart resumes from the market time the
      // books reached instead of going back to today (and behind the hedge's last close).
      try {
        Optional<Instant> books = PaperMarketAnchor.lastMarketTime(dir, database);
        if (books.isPresent() && books.get().isAfter(clockStart)) {
          clockStart = books.get();
          System.out.println("paper: the market clock resumes at " + DateTimeFormatter
              .ofPattern("yyyy-MM-dd HH:mm").format(clockStart.atZone(Clock.MARKET_ZONE))
              + " New York, the last market time in the books");
        }
      } catch (StoreException e) {
        System.err.println("paper: " + e.getMessage());
        return new Started(null, null, 1);
      }
    }
    if (o.clockOrigin != null) {
      try {
        String[] p = o.clockOrigin.split("@", 2);
        long wall = Long.parseLong(p[1]);
        clockStart = Instant.parse(p[0]).plusMillis(Math.multiplyExact(System.currentTimeMillis() - wall, o.speed));
      } catch (RuntimeException e) {
        System.err.println(o.name + ": --clock-origin must be MARKET@WALLMILLIS (an ISO instant, @, epoch"
            + " milliseconds), but was '" + o.clockOrigin + "'");
        return new Started(null, null, 2);
      }
    }
    SteppedClock stepped;
    try {
      stepped = stepFrom == null ? null : new SteppedClock(stepFrom, Optional.ofNullable(o.clockFile));
    } catch (UncheckedIOException e) {
      System.err.println(o.name + ": " + e.getMessage());
      return new Started(null, null, 1);
    }
    return new Started(stepped != null ? stepped : new ScaledClock(clockStart, o.speed), stepped, 0);
  }
}
