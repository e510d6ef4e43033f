package dev.alvh.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.config.ScheduleConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NyseCalendarTest {

  private static final NyseCalendar NYSE = NyseCalendar.of(ScheduleConfig.DEFAULTS);
  private static final LocalTime ONE_PM = LocalTime.of(13, 0);

  @ParameterizedTest(name = "{0} closed: {1}")
  @CsvSource({
      "2016-03-25, Good Friday",
      "2020-04-10, Good Friday",
      "2024-03-29, Good Friday",
      "2027-03-26, Good Friday",
      "2022-06-20, Juneteenth on a Sunday observed Monday",
      "2023-06-19, Juneteenth",
      "2027-06-18, Juneteenth on a Saturday observed Friday",
      "2021-12-24, Christmas on a Saturday observed Friday",
      "2022-12-26, Christmas on a Sunday observed Monday",
      "2027-07-05, Independence Day on a Sunday observed Monday",
      "2020-07-03, Independence Day on a Saturday observed Friday",
      "2026-07-03, Independence Day on a Saturday observed Friday",
      "2017-01-02, New Year on a Sunday observed Monday",
      "2019-11-28, Thanksgiving",
      "2024-11-28, Thanksgiving",
      "2019-01-21, Martin Luther King Jr. Day",
      "2024-01-15, Martin Luther King Jr. Day",
      "2019-02-18, Washington's Birthday",
      "2025-02-17, Washington's Birthday",
      "2019-05-27, Memorial Day",
      "2026-05-25, Memorial Day",
      "2019-09-02, Labor Day",
      "2027-09-06, Labor Day",
      "2018-12-05, national day of mourning for George H. W. Bush",
      "2025-01-09, national day of mourning for Jimmy Carter",
  })
  void exchangeIsClosedOnHolidays(LocalDate date, String why) {
    assertThat(NYSE.isTradingDay(date)).as(why).isFalse();
    assertThat(NYSE.isClosure(date)).as(why).isTrue();
    assertThat(NYSE.isEarlyClose(date)).isFalse();
  }

  @ParameterizedTest(name = "{0} open all day: {1}")
  @CsvSource({
      "2021-06-18, Juneteenth was not an exchange holiday before 2022",
      "2021-06-21, Juneteenth was not an exchange holiday before 2022",
      "2021-12-31, New Year on a Saturday is not moved to the Friday before",
      "2022-01-03, New Year on a Saturday is not moved to the Monday after",
      "2020-07-02, no early close before an Independence Day observed on Friday",
      "2019-11-27, the day before Thanksgiving",
      "2018-12-06, the day after the Bush closure",
      "2016-03-28, Easter Monday",
      "2019-10-14, Columbus Day",
      "2019-11-11, Veterans Day",
  })
  void exchangeIsOpenUntilFourOnOrdinaryDays(LocalDate date, String why) {
    assertThat(NYSE.isTradingDay(date)).as(why).isTrue();
    assertThat(NYSE.isEarlyClose(date)).as(why).isFalse();
    assertThat(NYSE.closeTime(date)).isEqualTo(NyseCalendar.REGULAR_CLOSE);
  }

  @ParameterizedTest(name = "{0} closes at 13:00: {1}")
  @CsvSource({
      "2018-07-03, day before Independence Day",
      "2019-07-03, day before Independence Day",
      "2023-07-03, day before Independence Day on a Monday",
      "2024-07-03, day before Independence Day",
      "2016-11-25, day after Thanksgiving",
      "2019-11-29, day after Thanksgiving",
      "2024-11-29, day after Thanksgiving",
      "2018-12-24, Christmas Eve",
      "2019-12-24, Christmas Eve",
      "2024-12-24, Christmas Eve",
  })
  void exchangeClosesEarlyOnTheEveOfSomeHolidays(LocalDate date, String why) {
    assertThat(NYSE.isTradingDay(date)).as(why).isTrue();
    assertThat(NYSE.isEarlyClose(date)).as(why).isTrue();
    assertThat(NYSE.closeTime(date)).isEqualTo(ONE_PM);
  }

  @Test
  void weekendsAreNotTradingDays() {
    assertThat(NYSE.isTradingDay(LocalDate.of(2021, 3, 13))).isFalse();
    assertThat(NYSE.isTradingDay(LocalDate.of(2021, 3, 14))).isFalse();
    assertThat(NYSE.isClosure(LocalDate.of(2021, 3, 14))).isFalse();
    assertThat(NYSE.isEarlyClose(LocalDate.of(2022, 12, 24))).as("Christmas Eve on a Saturday").isFalse();
  }

  @Test
  void closeTimeOfANonTradingDayIsRejected() {
    assertThatThrownBy(() -> NYSE.closeTime(LocalDate.of(2021, 12, 24)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("date must be a trading day, but was 2021-12-24 (FRIDAY)");
  }

  @Test
  void nextTradingDaySkipsWeekendsAndHolidays() {
    assertThat(NYSE.nextTradingDay(LocalDate.of(2021, 12, 23))).isEqualTo(LocalDate.of(2021, 12, 27));
    assertThat(NYSE.nextTradingDay(LocalDate.of(2020, 4, 9))).isEqualTo(LocalDate.of(2020, 4, 13));
  }

  @Test
  void extraClosuresFromConfigCloseTheExchange() {
    LocalDate unplanned = LocalDate.of(2030, 3, 6);
    NyseCalendar withExtra = new NyseCalendar(List.of(unplanned), ONE_PM);
    assertThat(NYSE.isTradingDay(unplanned)).isTrue();
    assertThat(withExtra.isTradingDay(unplanned)).isFalse();
    assertThat(withExtra.isTradingDay(unplanned.plusDays(1))).isTrue();
  }

  @Test
  void tradingDaysFrom2016To2021AreExactlyTheDatesOfTheSpxHistory() throws IOException {
    Optional<Path> spx = sharedData("spx.csv");
    Assumptions.assumeTrue(spx.isPresent(), "shared/data/spx.csv not found above " + System.getProperty("user.dir"));
    Set<LocalDate> fromFile;
    try (Stream<String> lines = Files.lines(spx.get(), StandardCharsets.UTF_8)) {
      fromFile = lines.skip(1).filter(line -> !line.isBlank())
          .map(line -> LocalDate.parse(line.substring(0, line.indexOf(','))))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<LocalDate> computed = new TreeSet<>();
    for (LocalDate d = LocalDate.of(2016, 1, 4); !d.isAfter(LocalDate.of(2021, 12, 31)); d = d.plusDays(1)) {
      if (NYSE.isTradingDay(d)) {
        computed.add(d);
      }
    }
    assertThat(computed).hasSize(1511).isEqualTo(fromFile);
  }

  /** Finds {@code shared/data/<file>} in the working directory or any directory above it. */
  static Optional<Path> sharedData(String file) {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data").resolve(file);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
