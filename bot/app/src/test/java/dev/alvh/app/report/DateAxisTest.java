package dev.alvh.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Month-aligned date positions and labels that name the date at their position. */
class DateAxisTest {

  @Test
  void unitGrowsWithTheRange() {
    assertThat(DateAxis.forRange(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 6, 30)).monthsPerUnit()).isZero();
    assertThat(DateAxis.forRange(LocalDate.of(2024, 1, 2), LocalDate.of(2025, 12, 31)).monthsPerUnit()).isEqualTo(1);
    assertThat(DateAxis.forRange(LocalDate.of(2016, 1, 4), LocalDate.of(2021, 12, 31)).monthsPerUnit()).isEqualTo(3);
    assertThat(DateAxis.forRange(LocalDate.of(2000, 1, 3), LocalDate.of(2021, 12, 31)).monthsPerUnit()).isEqualTo(12);
  }

  @Test
  void aDayInsideAMonthSitsAtItsFractionOfTheMonth() {
    DateAxis a = DateAxis.forRange(LocalDate.of(2024, 1, 2), LocalDate.of(2025, 12, 31));
    double july = a.x(LocalDate.of(2024, 7, 1));
    double august = a.x(LocalDate.of(2024, 8, 1));
    assertThat(august - july).isEqualTo(1.0);
    // 2024-08-05 is 4/31 of the way through August, not two thirds past July
    assertThat(a.x(LocalDate.of(2024, 8, 5)) - august).isCloseTo(4.0 / 31, within(1e-12));
  }

  @Test
  void everyDayRoundTripsAndMonthStartsAreIntegersOfTheUnit() {
    for (int unit : new int[] {0, 1, 3, 12}) {
      LocalDate to = unit == 0 ? LocalDate.of(2024, 3, 1) : unit == 1 ? LocalDate.of(2025, 1, 1) : unit == 3 ? LocalDate.of(2028, 1, 1) : LocalDate.of(2040, 1, 1);
      DateAxis a = DateAxis.forRange(LocalDate.of(2024, 1, 1), to);
      assertThat(a.monthsPerUnit()).isEqualTo(unit);
      for (LocalDate d = LocalDate.of(2015, 12, 20); d.isBefore(LocalDate.of(2026, 2, 1)); d = d.plusDays(1)) {
        assertThat(a.date(a.x(d))).as("unit %d day %s", unit, d).isEqualTo(d);
      }
      double q = a.x(LocalDate.of(2024, 1, 1));
      assertThat(q).isEqualTo(Math.rint(q));
    }
  }

  @Test
  void labelsNameTheDateAtTheirPosition() {
    DateAxis months = DateAxis.forRange(LocalDate.of(2024, 1, 2), LocalDate.of(2025, 12, 31));
    assertThat(months.label(months.x(LocalDate.of(2024, 7, 1)))).isEqualTo("2024-07");
    assertThat(months.label(months.x(LocalDate.of(2024, 7, 16)))).isEqualTo("2024-07-16");
    DateAxis quarters = DateAxis.forRange(LocalDate.of(2016, 1, 4), LocalDate.of(2021, 12, 31));
    assertThat(quarters.label(quarters.x(LocalDate.of(2018, 7, 1)))).isEqualTo("2018-07");
    assertThat(quarters.label(quarters.x(LocalDate.of(2018, 1, 1)) + 0.5)).isEqualTo("2018-02-15");
    DateAxis days = DateAxis.forRange(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 3, 29));
    assertThat(days.label(days.x(LocalDate.of(2024, 2, 1)))).isEqualTo("2024-02-01");
    assertThat(days.x(LocalDate.of(2024, 2, 2)) - days.x(LocalDate.of(2024, 2, 1))).isEqualTo(1.0);
    DateAxis years = DateAxis.forRange(LocalDate.of(2000, 1, 3), LocalDate.of(2021, 12, 31));
    assertThat(years.label(years.x(LocalDate.of(2010, 1, 1)))).isEqualTo("2010");
    assertThat(years.label(years.x(LocalDate.of(2010, 7, 1)))).isEqualTo("2010-07");
  }
}
