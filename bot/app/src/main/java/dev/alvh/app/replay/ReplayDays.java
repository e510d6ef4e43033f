package dev.alvh.app.replay;

import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.ScheduledFire;
import dev.alvh.core.port.Clock;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.IntradayPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which days and which scheduled jobs a {@link Replay} runs: the history's days inside the asked
 * range, and of the schedule's fire times those on these days, every cycle or (daily history) only
 * each day's last cycle and the cycles at which the day's intraday path reaches its extremes.
 */
final class ReplayDays {

  private ReplayDays() {
  }

  /**
   * The bars of {@code bars} from {@code from} to {@code to} (null: the history's first or last day).
   *
   * @throws IllegalArgumentException when the range holds no day of the history
   */
  static List<DailyBar> inRange(List<DailyBar> bars, LocalDate from, LocalDate to) {
    LocalDate first = from != null ? from : bars.get(0).date();
    LocalDate last = to != null ? to : bars.get(bars.size() - 1).date();
    List<DailyBar> inRange = bars.stream().filter(b -> !b.date().isBefore(first) && !b.date().isAfter(last))
        .toList();
    if (inRange.isEmpty()) {
      throw new IllegalArgumentException("no trading day of the history (" + bars.get(0).date() + " to "
          + bars.get(bars.size() - 1).date() + ") lies between --from " + first + " and --to " + last);
    }
    return inRange;
  }

  /**
   * The times (New York) at which each day's intraday {@code path} reaches the day's extremes, for
   * the days of {@code bars} that have them; empty when there is no path.
   */
  static Map<LocalDate, Set<LocalTime>> extremeTimes(List<DailyBar> bars, IntradayPath path) {
    Map<LocalDate, Set<LocalTime>> turns = new HashMap<>();
    if (path != null) {
      bars.stream().filter(IntradayPath::hasExtremes).forEach(b -> turns.put(b.date(), Set.of(path.turnTimes(b))));
    }
    return turns;
  }

  /** The last trading cycle of each day of {@code fires}: from it on, a day's real chain quotes are served. */
  static Map<LocalDate, Instant> lastCycles(List<ScheduledFire> fires) {
    Map<LocalDate, Instant> out = new HashMap<>();
    for (ScheduledFire f : fires) {
      if (f.kind() == JobKind.CYCLE) {
        out.merge(f.at().atZone(Clock.MARKET_ZONE).toLocalDate(), f.at(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    return out;
  }

  /** The fires on days of the history, keeping only each day's last cycle unless {@code everyCycle}. */
  static List<ScheduledFire> jobs(List<ScheduledFire> fires, Set<LocalDate> days, boolean everyCycle) {
    return jobs(fires, days, everyCycle, Map.of());
  }

  /**
   * The fires on days of the history: unless {@code everyCycle}, of the cycles only each day's
   * last one and those at the day's {@code alsoAt} times (New York).
   */
  static List<ScheduledFire> jobs(List<ScheduledFire> fires, Set<LocalDate> days, boolean everyCycle,
      Map<LocalDate, Set<LocalTime>> alsoAt) {
    Map<LocalDate, Integer> lastCycle = new HashMap<>();
    for (int i = 0; i < fires.size(); i++) {
      if (fires.get(i).kind() == JobKind.CYCLE) {
        lastCycle.put(fires.get(i).at().atZone(Clock.MARKET_ZONE).toLocalDate(), i);
      }
    }
    List<ScheduledFire> out = new ArrayList<>();
    for (int i = 0; i < fires.size(); i++) {
      ScheduledFire f = fires.get(i);
      java.time.ZonedDateTime local = f.at().atZone(Clock.MARKET_ZONE);
      LocalDate day = local.toLocalDate();
      if (days.contains(day) && (everyCycle || f.kind() != JobKind.CYCLE || lastCycle.get(day) == i
          || alsoAt.getOrDefault(day, Set.of()).contains(local.toLocalTime()))) {
        out.add(f);
      }
    }
    return out;
  }
}
