package dev.alvh.paper.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alvh.paper.market.DailyBar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both file formats, every kind of bad row, and the files that stop a run. */
class HistoryLoaderTest {

  /** Weekdays except 2024-01-15 (a holiday for these tests). */
  private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
      && d.getDayOfWeek() != DayOfWeek.SUNDAY && !d.equals(LocalDate.of(2024, 1, 15));

  @TempDir
  Path dir;

  private final HistoryLoader loader = new HistoryLoader(WEEKDAYS);

  private void write(String name, String... lines) throws IOException {
    Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }

  private void writeGoodIso() throws IOException {
    write("spx.csv", "date,open,high,low,close,volume", "2024-01-11,4700,4720,4690,4710,100",
        "2024-01-12,4710,4730,4700,4720,100", "2024-01-16,4720,4725,4680,4700,100");
    write("vix.csv", "date,open,high,low,close", "2024-01-11,13,14,12.5,13.5", "2024-01-12,13.5,14,13,13.8",
        "2024-01-16,13.8,15,13.7,14.9");
    write("vix3m.csv", "date,open,high,low,close", "2024-01-11,15,15.5,14.8,15.2", "2024-01-12,15.2,15.6,15,15.4",
        "2024-01-16,15.4,16,15.3,15.9");
  }

  @Test
  void isoFilesMakeOneBarPerDayWithOpensAndCloses() throws IOException {
    writeGoodIso();
    LoadedHistory h = loader.load(dir);
    assertThat(h.problems()).isEmpty();
    assertThat(h.history().bars()).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 1, 11),
        LocalDate.of(2024, 1, 12), LocalDate.of(2024, 1, 16));
    DailyBar last = h.history().bars().get(2);
    assertThat(last.spxOpen()).isEqualTo(4720.0);
    assertThat(last.spxClose()).isEqualTo(4700.0);
    assertThat(last.vixClose()).isEqualTo(14.9);
    assertThat(last.vix3mOpen()).isEqualTo(15.4);
    assertThat(h.history().vxFutures()).isEmpty();
    assertThat(h.vix9d()).isEmpty();
    assertThat(h.files()).containsExactly("spx.csv", "vix.csv", "vix3m.csv");
  }

  @Test
  void cboeFilesWithSlashDatesAndUpperCaseHeaderReadTheSame() throws IOException {
    writeGoodIso();
    write("vix.csv", "DATE,OPEN,HIGH,LOW,CLOSE", "01/11/2024,13.000000,14.000000,12.500000,13.500000",
        "01/12/2024,13.5,14,13,13.8", "01/16/2024,13.8,15,13.7,14.9");
    LoadedHistory h = loader.load(dir);
    assertThat(h.problems()).isEmpty();
    assertThat(h.history().bars()).hasSize(3);
    assertThat(h.history().bars().get(0).vixOpen()).isEqualTo(13.0);
    assertThat(h.history().bars().get(2).vixClose()).isEqualTo(14.9);
  }

  @Test
  void optionalVix9dAndVxFuturesAreRead() throws IOException {
    writeGoodIso();
    write("vix9d.csv", "date,open,high,low,close", "2024-01-11,12,13,11.5,12.5");
    write("vx_m1_m8_close.csv", "date,m1,m2,m3,m4,m5,m6,m7,m8",
        "2024-01-11,14.1,15.2,16,16.5,17,17.2,17.4,17.5");
    LoadedHistory h = loader.load(dir);
    assertThat(h.vix9d()).containsEntry(LocalDate.of(2024, 1, 11), 12.5);
    assertThat(h.history().vxFutures().get(LocalDate.of(2024, 1, 11))).hasSize(8).startsWith(14.1, 15.2)
        .endsWith(17.5);
    assertThat(h.files()).contains("vix9d.csv", "vx_m1_m8_close.csv");
  }

  @Test
  void unparseableDateAndNumberAreReportedWithFileAndLine() throws IOException {
    writeGoodIso();
    write("spx.csv", "date,open,high,low,close,volume", "2024-01-11,4700,4720,4690,4710,100",
        "2024-13-12,4710,4730,4700,4720,100", "2024-01-16,4720,abc,4680,4700,100");
    LoadedHistory h = loader.load(dir);
    assertThat(h.problems()).extracting(BadRow::toString).contains(
        "spx.csv line 3: unparseable date '2024-13-12'",
        "spx.csv line 4: unparseable high 'abc' on 2024-01-16");
    assertThat(h.history().bars()).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 1, 11));
  }

  @Test
  void highBelowLowIsReported() throws IOException {
    writeGoodIso();
    write("vix3m.csv", "date,open,high,low,close", "2024-01-11,15,15.5,14.8,15.2", "2024-01-12,15.2,14.9,15,15.4",
        "2024-01-16,15.4,16,15.3,15.9");
    LoadedHistory h = loader.load(dir);
    assertThat(h.problems()).containsExactly(new BadRow("vix3m.csv", 3, "high 14.9 < low 15 on 2024-01-12"),
        new BadRow("vix3m.csv", 4, "missing trading day 2024-01-12 (between 2024-01-11 and 2024-01-16)"));
    assertThat(h.history().bars()).hasSize(2);
  }

  @Test
  void missingTradingDayIsReportedButHolidaysAndWeekendsAreNot() throws IOException {
    writeGoodIso();
    write("vix.csv", "date,open,high,low,close", "2024-01-10,13,14,12.5,13.5", "2024-01-12,13.5,14,13,13.8",
        "2024-01-16,13.8,15,13.7,14.9");
    LoadedHistory h = loader.load(dir);
    assertThat(h.problems()).containsExactly(
        new BadRow("vix.csv", 3, "missing trading day 2024-01-11 (between 2024-01-10 and 2024-01-12)"));
    assertThat(h.history().bars()).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 1, 12),
        LocalDate.of(2024, 1, 16));
  }

  @Test
  void wrongColumnCountNonPositiveRepeatedAndBackwardDatesAreReported() throws IOException {
    writeGoodIso();
    write("spx.csv", "date,open,high,low,close,volume", "2024-01-11,4700,4720,4690,4710,100",
        "2024-01-11,4700,4720,4690,4710,100", "2024-01-10,4700,4720,4690,4710,100", "2024-01-12,4710,4730",
        "2024-01-12,0,4730,4700,4720,100", "2024-01-16,4720,4725,4680,4700,100");
    List<String> p = loader.load(dir).problems().stream().map(BadRow::toString).toList();
    assertThat(p).contains("spx.csv line 3: date 2024-01-11 repeats",
        "spx.csv line 4: date 2024-01-10 goes back from 2024-01-11",
        "spx.csv line 5: expected 6 columns, but found 3 in '2024-01-12,4710,4730'",
        "spx.csv line 6: open must be a positive number, but was '0' on 2024-01-12");
  }

  @Test
  void aVxDayWithOneMissingContractIsKeptWithTheGapFilledFromItsNeighboursAndReported() throws IOException {
    writeGoodIso();
    write("vx.csv", "date,m1,m2,m3,m4,m5,m6,m7,m8", "2024-01-11,14.1,15.2,16,16.5,17,17.2,17.4,17.5",
        "2024-01-12,14.1,,16,16.5,17,17.2,17.4,17.5");
    LoadedHistory h = loader.load(dir);
    assertThat(h.history().vxFutures()).hasSize(2);
    assertThat(h.history().vxFutures().get(LocalDate.of(2024, 1, 12)))
        .containsExactly(14.1, 15.05, 16.0, 16.5, 17.0, 17.2, 17.4, 17.5);
    assertThat(h.problems()).containsExactly(new BadRow("vx.csv", 3,
        "m2 missing: filled in with 15.0500 (halfway between m1 and m3) on 2024-01-12; the day is kept"));
  }

  @Test
  void aMissingFrontOrLastMonthIsFilledFlatFromItsNeighbour() throws IOException {
    writeGoodIso();
    write("vx.csv", "date,m1,m2,m3,m4,m5,m6,m7,m8", "2024-01-11,NaN,15.2,16,16.5,17,17.2,17.4,17.5",
        "2024-01-12,14.1,15.2,16,16.5,17,17.2,17.4,NA");
    LoadedHistory h = loader.load(dir);
    assertThat(h.history().vxFutures().get(LocalDate.of(2024, 1, 11))).startsWith(15.2, 15.2);
    assertThat(h.history().vxFutures().get(LocalDate.of(2024, 1, 12))).endsWith(17.4, 17.4);
    assertThat(h.problems()).extracting(BadRow::reason).containsExactly(
        "m1 missing: filled in with 15.2000 (flat from m2) on 2024-01-11; the day is kept",
        "m8 missing: filled in with 17.4000 (flat from m7) on 2024-01-12; the day is kept");
  }

  @Test
  void aVxDayWithTwoMissingContractsOrABadValueIsLeftOut() throws IOException {
    writeGoodIso();
    write("vx.csv", "date,m1,m2,m3,m4,m5,m6,m7,m8", "2024-01-11,14.1,15.2,16,16.5,17,17.2,17.4,17.5",
        "2024-01-12,14.1,,16,16.5,,17.2,17.4,17.5", "2024-01-16,14.1,-1,16,16.5,17,17.2,17.4,17.5");
    LoadedHistory h = loader.load(dir);
    assertThat(h.history().vxFutures()).containsOnlyKeys(LocalDate.of(2024, 1, 11));
    assertThat(h.problems()).containsExactly(
        new BadRow("vx.csv", 3, "2 contracts missing (m2, m5); only a day with one missing contract is filled in"
            + " on 2024-01-12"),
        new BadRow("vx.csv", 4, "m2 must be a positive number, but was '-1' on 2024-01-16"));
  }

  @Test
  void missingRequiredFileStopsTheRunNamingIt() throws IOException {
    writeGoodIso();
    Files.delete(dir.resolve("vix3m.csv"));
    assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(HistoryFileException.class)
        .hasMessageStartingWith("vix3m.csv: missing");
  }

  @Test
  void missingFolderStopsTheRunNamingIt() {
    Path nowhere = dir.resolve("nowhere");
    assertThatThrownBy(() -> loader.load(nowhere)).isInstanceOf(HistoryFileException.class)
        .hasMessageContaining(nowhere.toString()).hasMessageContaining("does not exist");
  }

  @Test
  void emptyFileWrongHeaderAndNoUsableRowsStopTheRun() throws IOException {
    writeGoodIso();
    write("vix.csv", "");
    assertThatThrownBy(() -> loader.load(dir)).hasMessage("vix.csv: empty file (no header)");
    write("vix.csv", "day,o,h,l,c", "2024-01-11,13,14,12.5,13.5");
    assertThatThrownBy(() -> loader.load(dir)).hasMessageStartingWith("vix.csv: header must be")
        .hasMessageContaining("'day,o,h,l,c'");
    write("vix.csv", "date,open,high,low,close");
    assertThatThrownBy(() -> loader.load(dir)).hasMessage("vix.csv: no data rows after the header");
    write("vix.csv", "date,open,high,low,close", "2024-01-11,13,12,12.5,13.5");
    assertThatThrownBy(() -> loader.load(dir)).hasMessage("vix.csv: no usable rows (1 rows, all left out)");
  }

  @Test
  void filesWithNoCommonDayStopTheRun() throws IOException {
    writeGoodIso();
    write("vix.csv", "date,open,high,low,close", "2023-01-11,13,14,12.5,13.5");
    assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(HistoryFileException.class)
        .hasMessageContaining("no day of");
  }

  @Test
  void sharedDevelopmentDataLoadsCleanly() {
    Optional<Path> shared = sharedData();
    assumeTrue(shared.isPresent(), "../shared/data is absent; skipping the real-history load");
    // Weekdays only: the real NYSE calendar lives in bot/app; here holidays show up as gaps.
    LoadedHistory h = new HistoryLoader(d -> false).load(shared.get());
    assertThat(h.problems()).isEmpty();
    assertThat(h.history().bars()).hasSize(1511);
    assertThat(h.history().bars().get(0).date()).isEqualTo(LocalDate.of(2016, 1, 4));
    DailyBar feb5 = h.history().bars().stream().filter(b -> b.date().equals(LocalDate.of(2018, 2, 5)))
        .findFirst().orElseThrow();
    assertThat(feb5.vixClose()).isEqualTo(37.32);
    assertThat(feb5.spxClose()).isEqualTo(2648.94);
    assertThat(h.history().vxFutures()).hasSize(342);
    assertThat(h.vix9d()).hasSize(1511);
  }

  /** {@code shared/data} above the working directory, when present. */
  static Optional<Path> sharedData() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path d = p.resolve("shared").resolve("data");
      if (Files.isRegularFile(d.resolve("spx.csv"))) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
