package dev.alvh.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.signal.TradingDays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpirationsTest {

  /** Weekdays less the NYSE holidays these tests touch. */
  private static final Set<LocalDate> HOLIDAYS = Set.of(
      LocalDate.of(2021, 4, 2),   // Good Friday
      LocalDate.of(2022, 4, 15),  // Good Friday, the third Friday of April 2022
      LocalDate.of(2024, 6, 19),  // Juneteenth, a Wednesday
      LocalDate.of(2025, 4, 18),  // Good Friday, the third Friday of April 2025
      LocalDate.of(2018, 12, 5),  // national day of mourning (G. H. W. Bush), a Wednesday
      LocalDate.of(2020, 1, 20)); // Martin Luther King Jr. Day, a Monday
  private static final TradingDays NYSE = d -> TradingDays.WEEKDAYS.isTradingDay(d) && !HOLIDAYS.contains(d);
  private final Expirations cal = new Expirations(NYSE);

  @ParameterizedTest(name = "VIX {0} expires {1}")
  @CsvSource({
      "2016-01, 2016-01-20",
      "2017-05, 2017-05-17",
      "2018-02, 2018-02-14",
      "2018-12, 2018-12-19",
      "2019-04, 2019-04-17",
      "2020-03, 2020-03-18",
      "2021-11, 2021-11-17",
  })
  void vixExpiresOnTheWednesdayThirtyDaysBeforeNextMonthsSpxMonthly(String month, String expiry) {
    LocalDate d = cal.vix(YearMonth.parse(month));
    assertThat(d).isEqualTo(LocalDate.parse(expiry));
    assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
  }

  @Test
  void vixBeforeAGoodFridayThirdFridayIsThirtyDaysBeforeTheThursday() {
    // April 2022's third Friday was Good Friday: SPX AM settled Thursday 2022-04-14, VIX Tuesday 2022-03-15
    assertThat(cal.spxMonthly(YearMonth.of(2022, 4))).isEqualTo(LocalDate.of(2022, 4, 14));
    assertThat(cal.vix(YearMonth.of(2022, 3))).isEqualTo(LocalDate.of(2022, 3, 15));
    assertThat(cal.vix(YearMonth.of(2025, 3))).isEqualTo(LocalDate.of(2025, 3, 18));
  }

  @Test
  void vixOnAWednesdayHolidayMovesToTheTradingDayBefore() {
    assertThat(cal.vix(YearMonth.of(2024, 6))).isEqualTo(LocalDate.of(2024, 6, 18));
    assertThat(cal.vix(YearMonth.of(2024, 7))).isEqualTo(LocalDate.of(2024, 7, 17));
  }

  @Test
  void spxMonthlyIsTheThirdFriday() {
    assertThat(cal.spxMonthly(YearMonth.of(2020, 3))).isEqualTo(LocalDate.of(2020, 3, 20));
    assertThat(cal.spxMonthly(YearMonth.of(2018, 3))).isEqualTo(LocalDate.of(2018, 3, 16));
    assertThat(cal.spxMonthly(YearMonth.of(2021, 1))).isEqualTo(LocalDate.of(2021, 1, 15));
    assertThat(cal.spxMonthly(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31))).hasSize(12)
        .allSatisfy(d -> assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY))
        .contains(LocalDate.of(2020, 3, 20), LocalDate.of(2020, 12, 18));
  }

  @Test
  void vixListOverAYearHasOneExpirationPerMonthAllWithinTheRange() {
    List<LocalDate> v = cal.vix(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31));
    assertThat(v).hasSize(12).isSorted().contains(LocalDate.of(2018, 2, 14), LocalDate.of(2018, 12, 19));
    assertThat(v.stream().map(LocalDate::getMonth).distinct()).hasSize(12);
  }

  @Test
  void vixAfterSkipsTheExpiringContractOnItsOwnDay() {
    LocalDate expiry = LocalDate.of(2018, 2, 14);
    assertThat(cal.vixAfter(expiry, 2)).containsExactly(LocalDate.of(2018, 3, 21), LocalDate.of(2018, 4, 18));
    assertThat(cal.vixAfter(expiry.minusDays(1), 1)).containsExactly(expiry);
    assertThat(cal.vixAfter(LocalDate.of(2016, 1, 4), 8)).hasSize(8).isSorted().doesNotHaveDuplicates()
        .startsWith(LocalDate.of(2016, 1, 20), LocalDate.of(2016, 2, 17));
  }

  @Test
  void spxwBefore2022IsMondayWednesdayFridayAndAFridayHolidayMovesToThursday() {
    List<LocalDate> w = cal.spxw(LocalDate.of(2021, 3, 29), LocalDate.of(2021, 4, 9));
    assertThat(w).containsExactly(LocalDate.of(2021, 3, 29), LocalDate.of(2021, 3, 31), LocalDate.of(2021, 4, 1),
        LocalDate.of(2021, 4, 5), LocalDate.of(2021, 4, 7), LocalDate.of(2021, 4, 9));
  }

  @Test
  void spxwSkipsAMondayHoliday() {
    assertThat(cal.spxw(LocalDate.of(2020, 1, 17), LocalDate.of(2020, 1, 22)))
        .containsExactly(LocalDate.of(2020, 1, 17), LocalDate.of(2020, 1, 22));
  }

  @Test
  void spxwFrom2022IsEveryTradingDay() {
    List<LocalDate> w = cal.spxw(LocalDate.of(2022, 1, 3), LocalDate.of(2022, 1, 9));
    assertThat(w).hasSize(5).extracting(LocalDate::getDayOfWeek).containsExactly(DayOfWeek.MONDAY,
        DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    assertThat(cal.isSpxw(LocalDate.of(2024, 6, 19))).isFalse();
    assertThat(cal.isSpxw(LocalDate.of(2024, 6, 18))).isTrue();
  }

  @Test
  void ofDispatchesOnTradingClassAndRefusesOthersByName() {
    LocalDate from = LocalDate.of(2020, 3, 1);
    LocalDate to = LocalDate.of(2020, 3, 31);
    assertThat(cal.of(OptionContract.VIX, from, to)).containsExactly(LocalDate.of(2020, 3, 18));
    assertThat(cal.of(OptionContract.SPX_AM, from, to)).containsExactly(LocalDate.of(2020, 3, 20));
    assertThat(cal.of(OptionContract.SPXW, from, to)).hasSize(13); // 5 Mondays, 4 Wednesdays, 4 Fridays
    assertThatThrownBy(() -> cal.of("ES", from, to)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tradingClass must be one of [SPXW, SPX, VIX], but was 'ES'");
  }
}
