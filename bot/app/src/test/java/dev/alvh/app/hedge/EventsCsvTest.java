package dev.alvh.app.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.app.TestPaths;
import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.signal.EventCalendar;
import dev.alvh.core.signal.TradingDays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsCsvTest {

  static final Path SHIPPED = TestPaths.checkoutRoot().resolve("paper-config/events.csv");

  @Test
  void theShippedCalendarHasEightFomcDaysAYearAndMonthlyCpiAndPpiFrom2016To2027() {
    List<EventsCsv.Event> events = EventsCsv.read(SHIPPED);
    Map<String, Long> perYearKind = events.stream()
        .collect(Collectors.groupingBy(e -> e.date().getYear() + " " + e.kind(), Collectors.counting()));
    for (int y = 2016; y <= 2027; y++) {
      assertThat(perYearKind.get(y + " FOMC")).as("FOMC days in " + y).isEqualTo(8L);
      // 2025: the October CPI was never published and the PPI releases were moved (shutdown);
      // 2026: the October+November 2025 PPI came on 01-14 and the December 2025 PPI on 01-30
      assertThat(perYearKind.get(y + " CPI")).as("CPI days in " + y).isEqualTo(y == 2025 ? 11L : 12L);
      assertThat(perYearKind.get(y + " PPI")).as("PPI days in " + y)
          .isEqualTo(y == 2025 ? 10L : y == 2026 ? 13L : 12L);
    }
    assertThat(events).filteredOn(e -> e.date().getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue())
        .extracting(EventsCsv.Event::date).containsExactly(LocalDate.of(2020, 3, 15));
    // 2027: the Fed published its meetings (2025-09-05); BLS had not published its 2027 CPI/PPI dates
    assertThat(events).filteredOn(e -> e.date().getYear() == 2027 && !e.kind().equals("FOMC"))
        .hasSize(24).allMatch(e -> e.note().equals("projected"));
    assertThat(events).filteredOn(e -> e.date().getYear() == 2027 && e.kind().equals("FOMC"))
        .allMatch(e -> e.note().isEmpty()).extracting(e -> e.date().toString())
        .containsExactly("2027-01-27", "2027-03-17", "2027-04-28", "2027-06-09", "2027-07-28", "2027-09-15",
            "2027-10-27", "2027-12-08");
    assertThat(events).extracting(EventsCsv.Event::date)
        .contains(LocalDate.of(2018, 1, 31), LocalDate.of(2020, 3, 11), LocalDate.of(2019, 2, 13));
  }

  @Test
  void publishedAnchorDatesAndThe2025ShutdownChangesAreInTheShippedCalendar() {
    List<String> events = EventsCsv.read(SHIPPED).stream().map(e -> e.date() + " " + e.kind()).toList();
    assertThat(events).contains("2020-03-15 FOMC", "2018-02-14 CPI", "2017-01-13 PPI", "2016-11-16 PPI",
        "2025-10-24 CPI", "2025-12-18 CPI", "2025-11-25 PPI", "2026-01-14 PPI", "2026-01-30 PPI",
        "2026-02-13 CPI");
    // dates these releases were scheduled for before they were cancelled or moved, and a corrected row
    assertThat(events).doesNotContain("2020-03-18 FOMC", "2025-10-15 CPI", "2025-11-13 CPI", "2025-12-10 CPI",
        "2025-10-16 PPI", "2025-11-14 PPI", "2025-12-11 PPI", "2026-02-11 CPI", "2017-01-18 PPI");
  }

  @Test
  void theDefaultPathResolvesFromTheCheckoutAndMakesTheDayBeforeOfAndAfterAnEventEventDays() {
    EventCalendar cal = EventsCsv.load(HedgeConfig.Desk.DEFAULTS.eventsFile());
    // FOMC on Wednesday 2018-01-31: Tuesday, Wednesday and Thursday are event days, Monday is not
    assertThat(cal.isEventDay(LocalDate.of(2018, 1, 30), 1, TradingDays.WEEKDAYS)).isTrue();
    assertThat(cal.isEventDay(LocalDate.of(2018, 2, 1), 1, TradingDays.WEEKDAYS)).isTrue();
    assertThat(cal.isEventDay(LocalDate.of(2018, 1, 29), 1, TradingDays.WEEKDAYS)).isFalse();
  }

  static String lines(String... body) {
    return "# comment\ndate,kind,note\n" + String.join("\n", body) + "\n";
  }

  void bad(Path dir, String text, String message) throws Exception {
    Path f = dir.resolve("e.csv");
    Files.writeString(f, text);
    assertThatThrownBy(() -> EventsCsv.read(f)).hasMessage("events file " + f + " " + message);
  }

  @Test
  void badLinesAreRefusedNamingFileAndLine(@TempDir Path dir) throws Exception {
    bad(dir, lines("2024-01-31,FOMC,", "2024-02-30,CPI,"), "line 4: date must be YYYY-MM-DD, but was '2024-02-30'");
    bad(dir, lines("2024-01-31,NFP,"), "line 3: kind must be one of [FOMC, CPI, PPI], but was 'NFP'");
    bad(dir, lines("2024-01-31,FOMC,", "2024-01-31,fomc,"), "line 4: duplicate event 2024-01-31 FOMC");
    bad(dir, lines("2024-02-13,CPI,", "2024-01-31,FOMC,"), "line 4: dates must ascend, but 2024-01-31 comes after 2024-02-13");
    bad(dir, lines("2024-01-31"), "line 3: must be 'YYYY-MM-DD,KIND[,note]', but was '2024-01-31'");
    bad(dir, "2024-01-31,FOMC,\n", "line 1: the header must be 'date,kind,note', but was '2024-01-31,FOMC,'");
  }

  @Test
  void aCpiAndAPpiOnTheSameDayAreBothKeptAndCommentsAndBlankLinesAreSkipped(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("e.csv");
    Files.writeString(f, lines("2016-01-20,CPI,", "", "# PPI the same day", "2016-01-20,PPI,x"));
    assertThat(EventsCsv.read(f)).containsExactly(new EventsCsv.Event(LocalDate.of(2016, 1, 20), "CPI", ""),
        new EventsCsv.Event(LocalDate.of(2016, 1, 20), "PPI", "x"));
  }

  @Test
  void aMissingFileIsRefusedNamingTheKey(@TempDir Path dir) {
    assertThatThrownBy(() -> EventsCsv.resolve("no/such/events.csv"))
        .hasMessageStartingWith("hedge.desk.eventsFile: 'no/such/events.csv' not found; looked in");
    assertThatThrownBy(() -> EventsCsv.resolve(dir.resolve("x.csv").toString()))
        .hasMessageContaining("does not exist");
  }
}
