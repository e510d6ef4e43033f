package dev.alvh.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleConfigTest {

  private static final ScheduleConfig D = ScheduleConfig.DEFAULTS;

  private static ScheduleConfig withCycles(LocalTime first, LocalTime last, int minutes) {
    return new ScheduleConfig(D.preOpen(), first, last, minutes, D.endOfDay(), D.earlyClose(), D.zone(),
        D.extraClosures());
  }

  @Test
  void defaultsAreTheDocumentedExchangeTimes() {
    assertThat(D).isEqualTo(new ScheduleConfig(LocalTime.of(9, 0), LocalTime.of(9, 45), LocalTime.of(15, 45), 15,
        LocalTime.of(16, 5), LocalTime.of(13, 0), "America/New_York", List.of()));
    assertThat(D.zoneId()).isEqualTo(ZoneId.of("America/New_York"));
  }

  @Test
  void defaultDayHasTwentyFiveCyclesEveryQuarterHourFrom0945To1545() {
    List<LocalTime> times = D.cycleTimes();
    assertThat(times).hasSize(25).startsWith(LocalTime.of(9, 45)).endsWith(LocalTime.of(15, 45))
        .contains(LocalTime.of(12, 0), LocalTime.of(12, 45));
  }

  @Test
  void cycleTimesStopAtTheLastStepNotAfterLastCycle() {
    assertThat(withCycles(LocalTime.of(9, 45), LocalTime.of(10, 30), 20).cycleTimes())
        .containsExactly(LocalTime.of(9, 45), LocalTime.of(10, 5), LocalTime.of(10, 25));
  }

  @Test
  void extraClosuresAreAnUnmodifiableCopy() {
    List<LocalDate> dates = new ArrayList<>(List.of(LocalDate.of(2030, 1, 2)));
    ScheduleConfig config = new ScheduleConfig(D.preOpen(), D.firstCycle(), D.lastCycle(), D.cycleMinutes(),
        D.endOfDay(), D.earlyClose(), D.zone(), dates);
    dates.add(LocalDate.of(2030, 1, 3));
    assertThat(config.extraClosures()).containsExactly(LocalDate.of(2030, 1, 2));
    assertThatThrownBy(() -> config.extraClosures().add(LocalDate.of(2030, 1, 4)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  static Stream<Arguments> badConfigs() {
    LocalTime t0930 = LocalTime.of(9, 30);
    return Stream.of(
        bad("schedule.cycleMinutes must be in [1, 390], but was 0",
            () -> withCycles(D.firstCycle(), D.lastCycle(), 0)),
        bad("schedule.lastCycle must be after schedule.firstCycle (09:45), but was 09:30",
            () -> withCycles(D.firstCycle(), t0930, 15)),
        bad("schedule.firstCycle must be set, but was missing", () -> withCycles(null, D.lastCycle(), 15)),
        bad("schedule.firstCycle must be a whole minute, but was 09:45:30",
            () -> withCycles(LocalTime.of(9, 45, 30), D.lastCycle(), 15)),
        bad("schedule.firstCycle must be after schedule.preOpen (09:00), but was 08:30",
            () -> withCycles(LocalTime.of(8, 30), D.lastCycle(), 15)),
        bad("schedule.endOfDay must be after schedule.lastCycle (15:45), but was 15:00",
            () -> new ScheduleConfig(D.preOpen(), D.firstCycle(), D.lastCycle(), 15, LocalTime.of(15, 0),
                D.earlyClose(), D.zone(), List.of())),
        bad("schedule.earlyClose must be after schedule.firstCycle (09:45), but was 09:30",
            () -> new ScheduleConfig(D.preOpen(), D.firstCycle(), D.lastCycle(), 15, D.endOfDay(), t0930, D.zone(),
                List.of())),
        bad("schedule.zone must be a time zone id such as America/New_York, but was 'New York'",
            () -> new ScheduleConfig(D.preOpen(), D.firstCycle(), D.lastCycle(), 15, D.endOfDay(), D.earlyClose(),
                "New York", List.of())),
        bad("schedule.zone must not be blank, but was ''",
            () -> new ScheduleConfig(D.preOpen(), D.firstCycle(), D.lastCycle(), 15, D.endOfDay(), D.earlyClose(),
                "", List.of())),
        bad("schedule.extraClosures must be set, but was missing",
            () -> new ScheduleConfig(D.preOpen(), D.firstCycle(), D.lastCycle(), 15, D.endOfDay(), D.earlyClose(),
                D.zone(), null)),
        bad("schedule.extraClosures[1] must be set, but was missing",
            () -> new ScheduleConfig(D.preOpen(), D.firstCycle(), D.lastCycle(), 15, D.endOfDay(), D.earlyClose(),
                D.zone(), Arrays.asList(LocalDate.of(2030, 1, 2), null))));
  }

  private static Arguments bad(String message, Executable construction) {
    return Arguments.of(message, construction);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void badConfigIsRejectedWithTheFullKeyAndTheBadValue(String message, Executable construction) {
    assertThatThrownBy(construction::execute).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
