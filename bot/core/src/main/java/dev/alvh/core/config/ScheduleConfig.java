package dev.alvh.core.config;

import dev.alvh.core.Check;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Placeholder until the schedule branch lands: the trading schedule; YAML group {@code schedule.*}.
 *
 * @param preOpen        pre-open job time
 * @param firstCycle     first trading cycle
 * @param lastCycle      last trading cycle
 * @param cycleMinutes   minutes between cycles
 * @param endOfDay       end-of-day job time
 * @param earlyClose     close on early-close days
 * @param zone           the market's time zone
 * @param extraClosures  one-off full-day closures not in the holiday library
 */
public record ScheduleConfig(
    LocalTime preOpen, LocalTime firstCycle, LocalTime lastCycle, int cycleMinutes, LocalTime endOfDay,
    LocalTime earlyClose, String zone, List<LocalDate> extraClosures) {

  /** The defaults. */
  public static final ScheduleConfig DEFAULTS = new ScheduleConfig(LocalTime.of(9, 0), LocalTime.of(9, 45),
      LocalTime.of(15, 45), 15, LocalTime.of(16, 5), LocalTime.of(13, 0), "America/New_York",
      List.of(LocalDate.of(2018, 12, 5), LocalDate.of(2025, 1, 9)));

  /** Checks every field. */
  public ScheduleConfig {
    Check.inRange(cycleMinutes, 1, 390, "schedule.cycleMinutes");
    extraClosures = List.copyOf(extraClosures);
  }
}
