package dev.alvh.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.alvh.app.engine.Book;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.schedule.ScheduledFire;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.app.store.Store;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.paper.market.MarketHistory;
import dev.alvh.paper.market.SyntheticHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three books on one synthetic market, daily mode: their own stores, every metric, reproducible. */
class ReplayBooksTest {

  private static final NyseCalendar CAL = NyseCalendar.of(BotConfig.DEFAULTS.schedule());
  private static final MarketHistory HISTORY = MarketHistory.of(
      SyntheticHistory.twoCycles(11L, LocalDate.of(2024, 1, 2), 160, 4000.0, CAL::isTradingDay));

  @TempDir
  static Path dataDir;
  @TempDir
  static Path otherDir;

  private static Replay.ReplayResult result;

  @BeforeAll
  static void replay() {
    result = new Replay(BotConfig.DEFAULTS, dataDir).runBooks("test", HISTORY, CAL, null, null, false, List.of());
  }

  @Test
  void eachBookHasItsOwnDatabaseWithOneSnapshotPerDay() {
    for (Book b : Book.values()) {
      assertThat(dataDir.resolve(Replay.database(b) + ".mv.db")).exists();
      try (Store s = Store.open(dataDir, Replay.database(b))) {
        assertThat(s.count("daily_snapshot")).isEqualTo(160);
        assertThat(s.count("fill")).isEqualTo(result.books().get(b).fills());
      }
    }
    assertThat(Replay.database(Book.ALVH)).isEqualTo("replay");
    assertThat(Replay.database(Book.UNHEDGED)).isEqualTo("replay-unhedged");
    assertThat(Replay.database(Book.RIGID)).isEqualTo("replay-rigid");
  }

  @Test
  void dailyModeRunsOneCyclePerDayAndTheSummaryDescribesTheAlvhBook() {
    ReplaySummary s = result.summary();
    assertThat(s.cyclesPerDay()).isEqualTo("last");
    assertThat(s.tradingDays()).isEqualTo(160);
    assertThat(s.cycles()).isEqualTo(160);
    assertThat(s.tranchesOpened()).isEqualTo(result.books().get(Book.ALVH).tranchesOpened()).isPositive();
    assertThat(s.books()).containsOnlyKeys("alvh", "unhedged", "rigid", "base");
    assertThat(s.alvhVsBase()).isNotNull();
    assertThat(s.maxDrawdownPct()).isEqualTo(s.books().get("alvh").maxDrawdownPct());
    assertThat(s.books().get("unhedged").hedgePremium()).isZero();
    assertThat(s.books().get("unhedged").riskCapital()).isPositive();
  }

  @Test
  void riskCapitalIsTheSummedMaxLossOfOpenTranchesAtEachDayEnd() {
    BookRun a = result.books().get(Book.ALVH);
    try (Store s = Store.open(dataDir, Replay.database(Book.ALVH))) {
      LocalDate last = a.snapshots().get(a.snapshots().size() - 1).date();
      java.math.BigDecimal open = s.openTranches().stream().map(t -> t.maxLoss())
          .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
      assertThat(a.riskCapital().get(last)).isEqualByComparingTo(open);
    }
  }

  @Test
  void sameSeedSameSummaryApartFromTimingsAndPaths() throws Exception {
    Replay.ReplayResult again = new Replay(BotConfig.DEFAULTS, otherDir).runBooks("test", HISTORY, CAL, null, null,
        false, List.of());
    assertThat(comparable(again.summary())).isEqualTo(comparable(result.summary()));
  }

  @Test
  void booksRunOneAtATimeWithoutSharedChainsGiveTheSameSummary() throws Exception {
    // The default runs the books side by side, sharing model chains and paced; one thread shares nothing.
    Replay.ReplayResult alone = new Replay(BotConfig.DEFAULTS, otherDir.resolve("alone")).threads(1).runBooks("test",
        HISTORY, CAL, null, null, false, List.of());
    assertThat(comparable(alone.summary())).isEqualTo(comparable(result.summary()));
  }

  @Test
  void fromAndToLimitTheReplayedDays() {
    LocalDate from = HISTORY.bars().get(20).date();
    LocalDate to = HISTORY.bars().get(59).date();
    Replay.ReplayResult r = new Replay(BotConfig.DEFAULTS, otherDir.resolve("range")).runBooks("test", HISTORY, CAL,
        from, to, false, List.of());
    assertThat(r.summary().from()).isEqualTo(from);
    assertThat(r.summary().to()).isEqualTo(to);
    assertThat(r.summary().tradingDays()).isEqualTo(40);
    assertThatThrownBy(() -> new Replay(BotConfig.DEFAULTS, otherDir).runBooks("test", HISTORY, CAL,
        LocalDate.of(1990, 1, 1), LocalDate.of(1990, 2, 1), false, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--from 1990-01-01");
  }

  @Test
  void dailyJobsKeepPreOpenEndOfDayAndOnlyTheLastCycleOfEachDay() {
    LocalDate day = LocalDate.of(2024, 11, 29); // an early close (13:00)
    LocalDate next = LocalDate.of(2024, 12, 2);
    List<ScheduledFire> all = new TradingSchedule(BotConfig.DEFAULTS.schedule()).firesBetween(
        day.atStartOfDay(Clock.MARKET_ZONE).toInstant(),
        next.atTime(LocalTime.of(23, 0)).atZone(Clock.MARKET_ZONE).toInstant());
    List<ScheduledFire> daily = ReplayDays.jobs(all, Set.of(day, next), false);
    Map<LocalDate, List<String>> byDay = daily.stream().collect(Collectors.groupingBy(
        f -> f.at().atZone(Clock.MARKET_ZONE).toLocalDate(), java.util.TreeMap::new,
        Collectors.mapping(f -> f.kind() + "@" + f.at().atZone(Clock.MARKET_ZONE).toLocalTime(),
            Collectors.toList())));
    assertThat(byDay.get(day)).containsExactly("PRE_OPEN@09:00", "CYCLE@12:45", "END_OF_DAY@16:05");
    assertThat(byDay.get(next)).containsExactly("PRE_OPEN@09:00", "CYCLE@15:45", "END_OF_DAY@16:05");
    assertThat(ReplayDays.jobs(all, Set.of(next), true).stream().filter(f -> f.kind() == JobKind.CYCLE)).hasSize(25);
    // daily history with intraday extremes: the cycles at the day's turning points run as well
    assertThat(ReplayDays.jobs(all, Set.of(next), false, Map.of(next, Set.of(LocalTime.of(11, 0), LocalTime.of(14, 30))))
        .stream().map(f -> f.kind() + "@" + f.at().atZone(Clock.MARKET_ZONE).toLocalTime()))
        .containsExactly("PRE_OPEN@09:00", "CYCLE@11:00", "CYCLE@14:30", "CYCLE@15:45", "END_OF_DAY@16:05");
  }

  private static JsonNode comparable(ReplaySummary s) throws Exception {
    ObjectMapper m = new ObjectMapper().registerModule(new JavaTimeModule());
    ObjectNode n = (ObjectNode) m.readTree(m.writeValueAsString(s));
    n.remove(List.of("elapsedMs", "cyclesPerSecond", "database"));
    n.get("books").forEach(b -> ((ObjectNode) b).remove("database"));
    return n;
  }

  @Test
  void comparableSummaryStillHoldsTheMetrics() throws Exception {
    JsonNode n = comparable(result.summary());
    assertThat(n.get("books").get("alvh").has("sharpe")).isTrue();
    assertThat(Files.exists(dataDir)).isTrue();
  }
}
