package dev.alvh.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alvh.app.TestPaths;
import dev.alvh.app.replay.Replay;
import dev.alvh.app.replay.ReplaySummary;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.store.HedgeStore;
import dev.alvh.app.store.Store;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.HedgeState;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot with the ALVH desk over the real history of ../shared/data around the 2020 crash
 * (October 2019 to June 2020; the first 51 days warm the indicators up). Skipped without the data.
 */
class HedgeReplayTest {

  @TempDir
  Path dir;

  @Test
  void theAlvhBookGoesThroughL3PressAndUnwindAndItsHedgePaysInTheCrash() {
    Optional<Path> data = TestPaths.sharedData();
    assumeTrue(data.isPresent(), "../shared/data is absent: real-history replay skipped");
    BotConfig cfg = BotConfig.DEFAULTS;

    ReplaySummary s = new Replay(cfg, dir).run("shared-data",
        SharedHistory.bars(data.get(), LocalDate.of(2019, 10, 1), LocalDate.of(2020, 6, 30)),
        NyseCalendar.of(cfg.schedule()));

    assertThat(s.statesVisited()).containsKeys("L3", "PRESS", "UNWIND");
    assertThat(s.statesVisited().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(s.tradingDays());
    try (Store store = Store.open(dir, Replay.DATABASE)) {
      HedgeStore hedge = new HedgeStore(store.jdbc(), Book.ALVH.key());
      List<HedgeStore.TransitionRow> moves = hedge.transitions();
      assertThat(moves).extracting(HedgeStore.TransitionRow::to).contains(HedgeState.L3, HedgeState.PRESS, HedgeState.UNWIND);
      assertThat(moves).allSatisfy(t -> assertThat(t.signals()).contains("\"vix\":").contains("\"score\":"));
      BigDecimal crash = hedge.realizedSince(LocalDate.of(2020, 2, 20))
          .subtract(hedge.realizedSince(LocalDate.of(2020, 5, 1)));
      assertThat(crash).as("hedge P&L realized from 2020-02-20 to 2020-04-30").isGreaterThan(BigDecimal.ZERO);
    }
  }
}
