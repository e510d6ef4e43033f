package dev.alvh.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alvh.app.TestPaths;
import dev.alvh.app.engine.Book;
import dev.alvh.app.store.HedgeStore;
import dev.alvh.app.store.Store;
import dev.alvh.core.config.BotConfig;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.paper.history.HistoryLoader;
import dev.alvh.paper.history.LoadedHistory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's acceptance on the real closes of ../shared/data, 2017-01-03 to 2021-12-31, with the
 * defaults: the ALVH book visits L3, PRESS and UNWIND, and its max drawdown as a share of condor
 * risk capital is lower than the unhedged book's. Skipped without the data.
 */
class AlvhAgainstUnhedgedReplayTest {

  @TempDir
  Path dir;

  @Test
  void alvhVisitsEveryHedgedStateAndDrawsDownLessThanTheUnhedgedBook() {
    Optional<Path> data = TestPaths.sharedData();
    assumeTrue(data.isPresent(), "../shared/data is absent: the 2017-2021 ALVH-against-unhedged replay is skipped");
    NyseCalendar cal = NyseCalendar.of(BotConfig.DEFAULTS.schedule());
    LoadedHistory h = new HistoryLoader(cal::isTradingDay).load(data.get());
    List<String> problems = h.problems().stream().map(Object::toString).toList();

    Replay.ReplayResult r = new Replay(BotConfig.DEFAULTS, dir).runBooks(data.get().toString(), h.history(), cal,
        LocalDate.of(2017, 1, 3), LocalDate.of(2021, 12, 31), false, problems);

    ReplaySummary s = r.summary();
    System.out.println("2017-2021: statesVisited " + s.statesVisited() + "; max drawdown % of risk capital: alvh "
        + s.books().get("alvh").maxDrawdownRiskPct() + ", unhedged " + s.books().get("unhedged").maxDrawdownRiskPct()
        + ", rigid " + s.books().get("rigid").maxDrawdownRiskPct());
    assertThat(s.statesVisited()).containsKeys("L3", "PRESS", "UNWIND");
    assertThat(s.statesVisited().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(s.tradingDays());
    assertThat(s.books().get("alvh").maxDrawdownRiskPct())
        .isLessThan(s.books().get("unhedged").maxDrawdownRiskPct());
    try (Store store = Store.open(dir, Replay.database(Book.ALVH))) {
      List<HedgeStore.TransitionRow> moves = new HedgeStore(store.jdbc(), Book.ALVH.key()).transitions();
      assertThat(moves).filteredOn(t -> t.from().equals("UNWIND") && !t.to().equals("CALM"))
          .as("every re-escalation out of UNWIND names its returned condition")
          .isNotEmpty()
          .allSatisfy(t -> assertThat(t.rule()).contains("the condition having returned"));
    }
  }
}
