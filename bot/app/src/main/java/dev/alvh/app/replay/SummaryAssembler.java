package dev.alvh.app.replay;

import dev.alvh.app.engine.Book;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.paper.chains.ChainIndex;
import dev.alvh.paper.chains.ChainOverlay;
import dev.alvh.paper.market.DailyBar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Puts a {@link Replay}'s {@link ReplaySummary} together once its books have run: the volatility
 * cycles of the replayed VIX closes, each book's measures ({@link BookMetrics}), the lead book's
 * counts (the ALVH book, or the first one run), the option quotes served, ALVH against BASE and
 * the fill model.
 */
final class SummaryAssembler {

  private SummaryAssembler() {
  }

  /**
   * The summary of the replay of {@code scenario} over the days {@code inRange}.
   *
   * @param firstBook      the first book asked for: the lead book when the ALVH book did not run
   * @param startedNanos   {@link System#nanoTime()} when the replay started (for its wall time)
   * @param cyclesPerDay   which cycles of each day ran: all, extremes+last or last
   * @param dataProblems   rows the loader left out
   * @param optionQuotes   where the option quotes came from
   */
  static ReplaySummary assemble(BotConfig config, String scenario, List<DailyBar> inRange, Map<Book, BookRun> runs,
      Book firstBook, long startedNanos, String cyclesPerDay, List<String> dataProblems,
      ReplaySummary.OptionQuotes optionQuotes) {
    LocalDate realFrom = inRange.get(0).date();
    LocalDate realTo = inRange.get(inRange.size() - 1).date();
    NavigableMap<LocalDate, Double> vix = new TreeMap<>();
    inRange.forEach(b -> vix.put(b.date(), b.vixClose()));
    List<VolatilityCycles.VolatilityCycle> cycles = VolatilityCycles.detect(vix, config.replay());
    Map<String, BookMetrics> metrics = new LinkedHashMap<>();
    runs.forEach((b, r) -> metrics.put(b.key(), BookMetrics.of(r, cycles, Clock.MARKET_ZONE)));
    long elapsedMs = (System.nanoTime() - startedNanos) / 1_000_000;
    long allCycles = runs.values().stream().mapToLong(BookRun::cycles).sum();
    BookRun a = runs.getOrDefault(Book.ALVH, runs.get(firstBook));
    return new ReplaySummary(scenario, realFrom, realTo, a.snapshots().size(), a.cycles(),
        Math.round(allCycles * 1000.0 / Math.max(elapsedMs, 1) * 10) / 10.0, a.tranchesOpened(), a.ordersSent(),
        a.fills(), a.startEquity(), a.finalEquity(), metrics.get(a.book().key()).maxDrawdownPct(),
        a.exitReasons(), a.condorPnl(), a.database().toString(), elapsedMs, cyclesPerDay, metrics,
        new ReplaySummary.CycleCount(cycles.size(), cycles), List.copyOf(dataProblems), a.statesVisited(),
        optionQuotes,
        ReplaySummary.AlvhVsBase.of(metrics.get(Book.ALVH.key()), metrics.get(Book.BASE.key())),
        ReplaySummary.FillModel.of(config.paper().fill()));
  }

  /**
   * The option quotes the books' {@code overlays} served, from real chains and from the model,
   * in all and by book, with the days of {@code days} that {@code chains} cover and the chains'
   * load figures.
   */
  static ReplaySummary.OptionQuotes optionQuotes(Map<Book, ChainOverlay> overlays, Map<LocalDate, Instant> days,
      ChainIndex chains, long chainQuotesLoaded, long chainLoadMs) {
    ChainOverlay.Counts all = new ChainOverlay.Counts(0, 0, 0);
    Map<String, ChainOverlay.Counts> byBook = new LinkedHashMap<>();
    for (Map.Entry<Book, ChainOverlay> e : overlays.entrySet()) {
      ChainOverlay.Counts c = e.getValue().counts();
      byBook.put(e.getKey().key(), c);
      all = all.plus(c);
    }
    long chainDays = days.keySet().stream().filter(chains::has).count();
    return new ReplaySummary.OptionQuotes(all.realChain(), all.model(), all.modelOnChainDays(), chainDays,
        chainQuotesLoaded, chainLoadMs, byBook);
  }
}
