package dev.alvh.app.runtime;

import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.core.Check;
import dev.alvh.app.config.BotConfig;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.SyntheticHistory;
import java.time.LocalDate;
import java.util.List;

/**
 * The synthetic market of the live-time paper modes, in one place: {@code alvh paper} (the
 * built-in broker) and {@code alvh paper-tws} (the same paper broker behind the TWS protocol)
 * build the same daily history for the same day and speed, so a bot trading through the protocol
 * sees exactly the market of a bot trading in process.
 *
 * <p>The history: the {@code two-cycles} scenario ({@code market.seed}, {@code market.startSpx}) of
 * {@value #DAYS_BEFORE} NYSE trading days before the day (the signals' warm-up) and
 * {@link #daysAhead(long)} after it.
 */
public final class PaperMarket {

  /** Trading days of synthetic history before today: enough for every signal to be warm. */
  public static final int DAYS_BEFORE = 300;

  private PaperMarket() {
  }

  /**
   * Trading days of market after today for a clock {@code speed} times faster than the wall
   * clock: ten years, and ten more days per unit of speed (a fast clock needs more), at most 15000.
   */
  public static int daysAhead(long speed) {
    Check.isTrue(speed >= 1, "speed", "must be at least 1, but was " + speed);
    return (int) Math.min(15_000, 2_520 + speed * 10);
  }

  /** The daily bars of the paper market for a bot started on {@code today} with {@code daysAhead} days ahead. */
  public static List<DailyBar> history(BotConfig config, LocalDate today, int daysAhead) {
    Check.notNull(config, "config");
    Check.notNull(today, "today");
    NyseCalendar cal = NyseCalendar.of(config.schedule());
    LocalDate from = today.minusDays(DAYS_BEFORE * 7L / 5 + 10);
    return SyntheticHistory.twoCycles(config.market().seed(), from, DAYS_BEFORE + daysAhead,
        config.market().startSpx(), cal::isTradingDay);
  }
}
