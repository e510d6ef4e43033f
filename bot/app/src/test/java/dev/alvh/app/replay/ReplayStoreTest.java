package dev.alvh.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.store.Store;
import dev.alvh.app.config.BotConfig;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.SyntheticHistory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short synthetic replay: what the summary counts is what the H2 file holds. */
class ReplayStoreTest {

  @TempDir
  static Path dataDir;

  private static ReplaySummary summary;

  @BeforeAll
  static void replayHalfAYear() {
    NyseCalendar cal = NyseCalendar.of(BotConfig.DEFAULTS.schedule());
    List<DailyBar> bars = SyntheticHistory.twoCycles(7L, LocalDate.of(2024, 1, 2), 130, 3000.0, cal::isTradingDay);
    summary = new Replay(BotConfig.DEFAULTS, dataDir).run("test", bars, cal);
  }

  @Test
  void replayOpensTranchesAndRunsEveryScheduledCycle() {
    assertThat(summary.tradingDays()).isEqualTo(130);
    assertThat(summary.cycles()).isBetween(130L * 24, 130L * 25);
    assertThat(summary.tranchesOpened()).isGreaterThanOrEqualTo(10);
  }

  @Test
  void storeHoldsTheTranchesLegsOrdersAndFillsTheSummaryCounts() {
    try (Store store = Store.open(dataDir, Replay.DATABASE)) {
      assertThat(store.count("tranche")).isEqualTo(summary.tranchesOpened());
      assertThat(store.count("leg")).isEqualTo(4 * summary.tranchesOpened());
      assertThat(store.count("orders")).isEqualTo(summary.ordersSent());
      assertThat(store.count("fill")).isEqualTo(summary.fills());
      assertThat(store.count("daily_snapshot")).isEqualTo(summary.tradingDays());
    }
  }

  @Test
  void everyExitIsCountedAndTranchePnlAddsUp() {
    try (Store store = Store.open(dataDir, Replay.DATABASE)) {
      // exitReasons.roll also counts the theta-inversion rolls of tranches that stayed open
      long thetaRolls = store.jdbc().queryOne("SELECT COUNT(*) FROM orders WHERE purpose='ROLL_CONDOR'"
          + " AND outcome='FILLED'", rs -> rs.getLong(1)).orElseThrow();
      long closed = summary.exitReasons().values().stream().mapToLong(Long::longValue).sum() - thetaRolls;
      assertThat(closed + store.openTranches().size()).isEqualTo(summary.tranchesOpened());
      assertThat(store.realizedPnl()).isEqualByComparingTo(summary.condorPnl());
    }
  }

  @Test
  void equityMovesOnlyByTradingAndDrawdownIsMeasured() {
    assertThat(summary.startEquity()).isEqualByComparingTo(new BigDecimal("1000000"));
    assertThat(summary.finalEquity()).isNotEqualByComparingTo(summary.startEquity());
    assertThat(summary.maxDrawdownPct()).isBetween(0.0, 100.0);
  }

  @Test
  void drawdownIsThePeakToTroughFallInPercent() {
    List<BigDecimal> curve = List.of(new BigDecimal("100"), new BigDecimal("120"), new BigDecimal("90"),
        new BigDecimal("130"), new BigDecimal("117"));
    assertThat(ReplaySummary.maxDrawdownPct(curve)).isEqualTo(25.0);
    assertThat(ReplaySummary.maxDrawdownPct(List.of(new BigDecimal("1"), new BigDecimal("2")))).isZero();
  }
}
