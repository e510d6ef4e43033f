package dev.alvh.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alvh.app.TestPaths;
import dev.alvh.app.engine.Book;
import dev.alvh.app.store.HedgeStore;
import dev.alvh.app.store.Store;
import dev.alvh.app.config.BotConfig;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.core.HedgeState;
import dev.alvh.paper.history.HistoryLoader;
import dev.alvh.paper.history.LoadedHistory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hedge machine on the real closes of ../shared/data, 2017-01-03 to 2021-12-31, with the
 * defaults: the ALVH book visits L3, PRESS and UNWIND, every day is in one state, and every
 * re-escalation out of UNWIND names its returned condition. Skipped without the data.
 *
 * <p>This test once also asserted that ALVH draws down less than the unhedged book (as a share of
 * condor risk capital). That held only on the old market model (fills at mid, a flat skew). On the
 * fitted surface with fills that pay part of the spread it does not: alvh 238.5% against unhedged
 * 206.7% over these years. Which book draws down less is a strategy result, measured and reported
 * by the replay and the hedge study (docs/hedge-study.md), not a property of the code; the test
 * checks that both figures are measured.
 */
class AlvhAgainstUnhedgedReplayTest {

  @TempDir
  Path dir;

  @Test
  void alvhVisitsEveryHedgedStateAndBothBooksDrawdownsAreMeasured() {
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
    assertThat(s.books().get("alvh").maxDrawdownRiskPct()).isPositive().isFinite();
    assertThat(s.books().get("unhedged").maxDrawdownRiskPct()).isPositive().isFinite();
    try (Store store = Store.open(dir, Replay.database(Book.ALVH))) {
      List<HedgeStore.TransitionRow> moves = new HedgeStore(store.jdbc(), Book.ALVH.key()).transitions();
      assertThat(moves).filteredOn(t -> t.from() == HedgeState.UNWIND && t.to() != HedgeState.CALM)
          .as("every re-escalation out of UNWIND names its returned condition")
          .isNotEmpty()
          .allSatisfy(t -> assertThat(t.rule()).contains("the condition having returned"));
    }
  }
}
