package dev.alvh.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alvh.app.TestPaths;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.config.BotConfig;
import dev.alvh.paper.history.BadRow;
import dev.alvh.paper.history.HistoryLoader;
import dev.alvh.paper.history.LoadedHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real 2016-2021 files against the real NYSE calendar: no gap; a day removed is found. */
class SharedHistoryTest {

  private static final NyseCalendar CAL = NyseCalendar.of(BotConfig.DEFAULTS.schedule());

  @TempDir
  Path dir;

  @Test
  void sharedDataHasEveryNyseTradingDayAndNoBadRow() {
    Optional<Path> shared = TestPaths.sharedData();
    assumeTrue(shared.isPresent(), "../shared/data is absent; skipping the real-history check");
    LoadedHistory h = new HistoryLoader(CAL::isTradingDay).load(shared.get());
    assertThat(h.problems()).isEmpty();
    assertThat(h.history().bars()).hasSize(1511);
    assertThat(h.files()).contains("vix9d.csv", "vx_m1_m8_close.csv");
  }

  @Test
  void aTradingDayRemovedFromTheRealSpxFileIsReportedWithItsLine() throws IOException {
    Optional<Path> shared = TestPaths.sharedData();
    assumeTrue(shared.isPresent(), "../shared/data is absent; skipping the real-history check");
    for (String f : List.of("vix.csv", "vix3m.csv")) {
      Files.copy(shared.get().resolve(f), dir.resolve(f));
    }
    List<String> spx = new ArrayList<>(Files.readAllLines(shared.get().resolve("spx.csv")));
    int line = 0;
    for (int i = 1; i < spx.size(); i++) {
      if (spx.get(i).startsWith("2020-03-16,")) {
        line = i;
      }
    }
    spx.remove(line);
    Files.write(dir.resolve("spx.csv"), spx);
    LoadedHistory h = new HistoryLoader(CAL::isTradingDay).load(dir);
    assertThat(h.problems()).containsExactly(new BadRow("spx.csv", line + 1,
        "missing trading day 2020-03-16 (between 2020-03-13 and 2020-03-17)"));
    assertThat(h.history().bars()).hasSize(1510).noneMatch(b -> b.date().equals(LocalDate.of(2020, 3, 16)));
  }
}
