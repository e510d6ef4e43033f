package dev.alvh.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.store.OrderStore;
import dev.alvh.app.store.Store;
import dev.alvh.core.condor.ExitReason;
import dev.alvh.app.config.BotConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole two-cycles synthetic scenario through the real Replay: every tranche ends by one of
 * the five exits, and the tranche accounting adds up to the book's cash flows. Fills at mid
 * ({@code paper.fill.model: MID}): this checks the lifecycle's accounting, and under the default
 * share-of-spread fills no theta-inversion roll of this scenario fills within its maximum debit
 * ({@code condor.rollMaxDebit} 1.00), so the roll accounting would go unchecked.
 */
class CondorLifecycleReplayTest {

  @TempDir
  static Path dataDir;

  private static ReplaySummary summary;

  @BeforeAll
  static void replay() {
    summary = new Replay(dev.alvh.app.config.ConfigLoader.withOverrides(BotConfig.DEFAULTS,
        java.util.Map.of("paper.fill.model", "MID"), "test"), dataDir).twoCycles();
  }

  @Test
  void exitReasonsListAllFiveKeysIncludingZeroCounts() {
    // Every strategy exit; "manual" (an operator's flatten) appears only when it happened.
    assertThat(summary.exitReasons()).containsOnlyKeys(
        Arrays.stream(ExitReason.values()).filter(r -> r != ExitReason.MANUAL).map(ExitReason::key).toList());
    assertThat(summary.exitReasons().keySet())
        .containsExactlyInAnyOrder("profitTarget", "stop", "timeExit", "roll", "settled");
  }

  @Test
  void everyClosedTrancheEndedByOneOfTheFiveExits() {
    try (Store store = Store.open(dataDir, Replay.DATABASE)) {
      List<String> reasons = store.jdbc().query("SELECT exit_reason FROM tranche WHERE status='CLOSED'",
          rs -> rs.getString(1));
      assertThat(reasons).isNotEmpty().allSatisfy(r -> assertThat(summary.exitReasons()).containsKey(r));
      // every reason counts closed tranches, except roll, which also counts the theta-inversion rolls of
      // tranches that stayed open (and later closed for another reason)
      long thetaRolls = store.jdbc().queryOne("SELECT COUNT(*) FROM orders WHERE purpose='ROLL_CONDOR'"
          + " AND outcome='FILLED'", rs -> rs.getLong(1)).orElseThrow();
      long closed = summary.exitReasons().values().stream().mapToLong(Long::longValue).sum() - thetaRolls;
      assertThat(closed).isEqualTo(reasons.size());
      assertThat(store.jdbc().queryOne("SELECT COUNT(*) FROM tranche WHERE status NOT IN ('OPEN', 'CLOSED')",
          rs -> rs.getLong(1))).contains(0L);
    }
  }

  @Test
  void sumOfTranchePnlEqualsTheBooksCondorPnlFromCashFlows() {
    try (Store store = Store.open(dataDir, Replay.DATABASE)) {
      BigDecimal tranches = store.realizedPnl();
      BigDecimal book = new OrderStore(store).bookCondorPnl();
      assertThat(tranches).isEqualByComparingTo(summary.condorPnl());
      assertThat(book).isEqualByComparingTo(tranches);
      assertThat(tranches.signum()).isNotZero();
    }
  }

  @Test
  void thetaInversionRollsHappenAtMostOncePerTrancheAndAreAccounted() {
    try (Store store = Store.open(dataDir, Replay.DATABASE)) {
      long rolled = store.jdbc().queryOne("SELECT COUNT(*) FROM tranche WHERE rolls > 0", rs -> rs.getLong(1))
          .orElseThrow();
      assertThat(rolled).isPositive();
      assertThat(store.jdbc().queryOne("SELECT MAX(rolls) FROM tranche", rs -> rs.getInt(1))).contains(1);
      // whole-life credit = opening credit + roll credit for every rolled tranche
      assertThat(store.jdbc().queryOne("SELECT COUNT(*) FROM tranche WHERE rolls > 0"
          + " AND credit <> opening_credit + roll_credit", rs -> rs.getLong(1))).contains(0L);
      assertThat(store.jdbc().queryOne("SELECT COUNT(*) FROM orders WHERE purpose='ROLL_CONDOR' AND outcome='FILLED'",
          rs -> rs.getLong(1))).contains(rolled);
    }
  }

  @Test
  void exitReasonsCountEveryRoll() {
    try (Store store = Store.open(dataDir, Replay.DATABASE)) {
      long rollOrdersFilled = store.jdbc().queryOne("SELECT COUNT(DISTINCT f.ref) FROM fill f JOIN orders o"
          + " ON o.ref = f.ref WHERE o.purpose='ROLL_CONDOR'", rs -> rs.getLong(1)).orElseThrow();
      long closedByRoll = store.jdbc().queryOne("SELECT COUNT(*) FROM tranche WHERE exit_reason='roll'",
          rs -> rs.getLong(1)).orElseThrow();
      assertThat(rollOrdersFilled).isPositive();
      assertThat(summary.exitReasons().get("roll")).isEqualTo(rollOrdersFilled + closedByRoll);
    }
  }

  @Test
  void everySentOrderHasItsStepsAndOutcomeStored() {
    try (Store store = Store.open(dataDir, Replay.DATABASE)) {
      assertThat(store.jdbc().queryOne("SELECT COUNT(*) FROM orders WHERE outcome IS NULL", rs -> rs.getLong(1)))
          .contains(0L);
      assertThat(store.jdbc().queryOne("SELECT COUNT(*) FROM orders o WHERE NOT EXISTS"
          + " (SELECT 1 FROM order_step s WHERE s.ref=o.ref AND s.step=0)", rs -> rs.getLong(1))).contains(0L);
      assertThat(store.count("orders")).isEqualTo(summary.ordersSent());
    }
  }

  @Test
  void whyNoCondorIsAnsweredFromTheStoreByCode() {
    try (Store store = Store.open(dataDir, Replay.DATABASE)) {
      // entries skipped for a reason other than the weekly cadence carry a stable code
      assertThat(store.jdbc().queryOne("SELECT COUNT(*) FROM decision WHERE kind='entry-skipped' AND"
          + " (code IS NULL OR code='')", rs -> rs.getLong(1))).contains(0L);
      long coded = new OrderStore(store).skipCounts().values().stream().mapToLong(Long::longValue).sum();
      assertThat(coded).isEqualTo(store.jdbc().queryOne("SELECT COUNT(*) FROM decision WHERE kind IN"
          + " ('entry-skipped', 'order-skipped', 'risk-rejected')", rs -> rs.getLong(1)).orElseThrow());
    }
  }

  @Test
  void everyTradingDayWithoutANewTrancheSaysWhyInTheStore() {
    try (Store store = Store.open(dataDir, Replay.DATABASE)) {
      OrderStore orders = new OrderStore(store);
      java.util.Set<java.time.LocalDate> opened = new java.util.HashSet<>(store.jdbc().query(
          "SELECT opened_on FROM tranche", rs -> rs.getDate(1).toLocalDate()));
      List<java.time.LocalDate> quiet = store.equityCurve().keySet().stream().filter(d -> !opened.contains(d))
          .toList();
      assertThat(quiet).hasSizeGreaterThan(300);
      for (java.time.LocalDate d : quiet) {
        java.time.Instant from = d.atStartOfDay(dev.alvh.core.port.Clock.MARKET_ZONE).toInstant();
        java.time.Instant to = d.plusDays(1).atStartOfDay(dev.alvh.core.port.Clock.MARKET_ZONE).toInstant();
        assertThat(orders.whyNoCondor(from, to)).as("why no condor on %s", d).isNotEmpty();
      }
      // one row per reason and day, not one per cycle
      assertThat(store.jdbc().queryOne("SELECT COUNT(*) FROM (SELECT CAST(occurred_at AS DATE), code, COUNT(*) n"
          + " FROM decision WHERE kind='entry-skipped' GROUP BY CAST(occurred_at AS DATE), code HAVING n > 1)",
          rs -> rs.getLong(1))).contains(0L);
    }
  }
}
