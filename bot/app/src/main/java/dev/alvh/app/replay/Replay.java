package dev.alvh.app.replay;

import dev.alvh.app.engine.Book;
import dev.alvh.app.engine.TradingEngine;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.schedule.ScheduledFire;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.app.store.Store;
import dev.alvh.core.account.Position;
import dev.alvh.core.config.BotConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.chains.ChainFiles;
import dev.alvh.paper.chains.ChainIndex;
import dev.alvh.paper.chains.ChainOverlay;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.IntradayPath;
import dev.alvh.paper.market.MarketHistory;
import dev.alvh.paper.market.SimulatedMarket;
import dev.alvh.paper.market.SyntheticHistory;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole bot over history on a virtual clock, four books side by side: the Quartz
 * triggers of {@link TradingSchedule} give the fire times, each book's clock jumps to each, and
 * the same jobs as live run (pre-open, trading cycle, end of day) against the book's own paper
 * broker and simulated market, storing everything in the book's own H2 file.
 *
 * <p>Books: {@link Book#ALVH} in {@code replay.mv.db}, {@link Book#UNHEDGED} in
 * {@code replay-unhedged.mv.db}, {@link Book#RIGID} in {@code replay-rigid.mv.db}, {@link Book#BASE} in
 * {@code replay-base.mv.db}, all in the
 * data directory and recreated by each run, so a replay never mixes with the state of a paper or
 * live bot. Each book has its own market instance built from the same history, so the books run
 * on their own threads without sharing anything mutable.
 *
 * <p>Cycles: the synthetic scenario has an intraday path, so every scheduled cycle runs. On daily
 * history each day follows {@link IntradayPath} (through its high and low, {@code paper.intraday.*});
 * by default the cycles at which the path reaches the day's two extremes and the last scheduled
 * cycle of the day run, with the pre-open and end-of-day jobs ({@code cyclesPerDay}
 * {@code extremes+last}; only the last one when {@code paper.intraday.extremes} is off);
 * {@code replay.dailyAllCycles} runs every cycle instead. Either way the fire times are the schedule's.
 */
public final class Replay {

  private static final Logger LOG = LoggerFactory.getLogger(Replay.class);

  /** The ALVH book's database name inside the data directory. */
  public static final String DATABASE = "replay";

  /** Days of the built-in synthetic scenario: about two years. */
  public static final int TWO_CYCLES_DAYS = 504;
  /** The built-in scenario starts on the first trading day on or after this date. */
  public static final LocalDate TWO_CYCLES_START = LocalDate.of(2023, 1, 2);

  private final BotConfig config;
  private final Path dataDir;
  private Progress progress = Progress.NONE;
  private int threads = Book.values().length;
  private ChainIndex chains = ChainIndex.EMPTY;
  private long chainQuotesLoaded;
  private long chainLoadMs;
  private List<Book> books = List.of(Book.values());
  private boolean inMemory;
  private Fires schedule = (cfg, from, to) -> new TradingSchedule(cfg).firesBetween(from, to);

  /** The scheduled fire times of a configuration between two instants (the Quartz triggers'). */
  @FunctionalInterface
  public interface Fires {
    /** The fires of {@code schedule} from {@code from} to {@code to}. */
    List<ScheduledFire> fires(dev.alvh.core.config.ScheduleConfig schedule, Instant from, Instant to);
  }

  /**
   * Takes the fire times from {@code f} instead of computing them (a sweep computes them once
   * per window for all its points).
   */
  public Replay fires(Fires f) {
    this.schedule = f;
    return this;
  }

  /** A replay with {@code config}, writing its databases under {@code dataDir}. */
  public Replay(BotConfig config, Path dataDir) {
    this.config = config;
    this.dataDir = dataDir;
  }

  /** Reports progress to {@code p}. */
  public Replay progress(Progress p) {
    this.progress = p;
    return this;
  }

  /**
   * Runs the books on at most {@code n} threads. Default: one per book, even on two cores, so the
   * three finish together (about 1.5 books' time) instead of one book running alone at the end.
   */
  public Replay threads(int n) {
    this.threads = Math.max(1, n);
    return this;
  }

  /**
   * Quotes SPX and SPXW options from the real chains of {@code index} where they have the
   * contract, from each quote date's last scheduled cycle to its end of day (see
   * {@link ChainOverlay}); the model elsewhere. Default: no chains.
   */
  public Replay chains(ChainFiles.Loaded loaded) {
    this.chains = loaded.index();
    this.chainQuotesLoaded = loaded.report().quotes();
    this.chainLoadMs = loaded.report().elapsedMs();
    return this;
  }

  /** Runs only {@code selected} (default: every book), in that order. */
  public Replay books(List<Book> selected) {
    if (selected.isEmpty()) {
      throw new IllegalArgumentException("a replay needs at least one book");
    }
    this.books = List.copyOf(selected);
    return this;
  }

  /**
   * Keeps each book's records in a private in-memory H2 database, dropped when the book ends,
   * instead of a file in the data directory (the sweep runs many replays and keeps only their
   * measures).
   */
  public Replay inMemory(boolean yes) {
    this.inMemory = yes;
    return this;
  }

  /** The database name of {@code book}. */
  public static String database(Book book) {
    return book == Book.ALVH ? DATABASE : DATABASE + "-" + book.key();
  }

  /** The built-in synthetic {@code two-cycles} history. */
  public MarketHistory twoCyclesHistory(NyseCalendar cal) {
    return MarketHistory.of(SyntheticHistory.twoCycles(config.market().seed(), TWO_CYCLES_START, TWO_CYCLES_DAYS,
        config.market().startSpx(), cal::isTradingDay));
  }

  /** Replays the built-in {@code two-cycles} synthetic scenario. */
  public ReplaySummary twoCycles() {
    NyseCalendar cal = NyseCalendar.of(config.schedule());
    return runBooks(SyntheticHistory.TWO_CYCLES, twoCyclesHistory(cal), cal, null, null, true, List.of()).summary();
  }

  /** Replays {@code bars}, one per trading day, ascending, running every scheduled cycle. */
  public ReplaySummary run(String scenario, List<DailyBar> bars, NyseCalendar cal) {
    return runBooks(scenario, MarketHistory.of(bars), cal, null, null, true, List.of()).summary();
  }

  /**
   * Replays the four books over {@code history} from {@code from} to {@code to} (null: the
   * history's first or last day). The whole history stays visible to the market, so days before
   * {@code from} can warm up signals.
   *
   * @param intraday     run every scheduled cycle (synthetic history) or, unless
   *                     {@code replay.dailyAllCycles}, only the last one of each day (daily history)
   * @param dataProblems rows the loader left out, for the summary
   * @throws IllegalArgumentException when the range holds no day of the history
   */
  public ReplayResult runBooks(String scenario, MarketHistory history, NyseCalendar cal, LocalDate from, LocalDate to,
      boolean intraday, List<String> dataProblems) {
    long started = System.nanoTime();
    List<DailyBar> bars = history.bars();
    LocalDate first = from != null ? from : bars.get(0).date();
    LocalDate last = to != null ? to : bars.get(bars.size() - 1).date();
    List<DailyBar> inRange = bars.stream().filter(b -> !b.date().isBefore(first) && !b.date().isAfter(last))
        .toList();
    if (inRange.isEmpty()) {
      throw new IllegalArgumentException("no trading day of the history (" + bars.get(0).date() + " to "
          + bars.get(bars.size() - 1).date() + ") lies between --from " + first + " and --to " + last);
    }
    LocalDate realFrom = inRange.get(0).date();
    LocalDate realTo = inRange.get(inRange.size() - 1).date();
    Instant start = realFrom.atStartOfDay(Clock.MARKET_ZONE).toInstant();
    Instant end = realTo.atTime(LocalTime.of(23, 59)).atZone(Clock.MARKET_ZONE).toInstant();
    boolean everyCycle = intraday || config.replay().dailyAllCycles();
    Set<LocalDate> days = new HashSet<>();
    inRange.forEach(b -> days.add(b.date()));
    // Daily history: besides the last cycle, the cycles at which the day's path reaches its
    // extremes (IntradayPath), so stops, profit targets and hedge cash-ins see the high and low.
    IntradayPath path = IntradayPath.of(config.paper().intraday(), config.schedule());
    Map<LocalDate, Set<LocalTime>> turns = new HashMap<>();
    if (!everyCycle && path != null) {
      inRange.stream().filter(IntradayPath::hasExtremes).forEach(b -> turns.put(b.date(), Set.of(path.turnTimes(b))));
    }
    List<ScheduledFire> fires = jobs(schedule.fires(config.schedule(), start, end), days,
        everyCycle, turns);
    String cyclesPerDay = everyCycle ? "all" : !turns.isEmpty() ? "extremes+last" : "last";
    LOG.info("replaying {} from {} to {}: {} jobs per book, cycles per day: {}; fills: {}", scenario, realFrom, realTo,
        fires.size(), cyclesPerDay, config.paper().fill().describe());
    progress.total((long) fires.size() * books.size());

    // The books share the calendar: fill its per-year cache here so the threads only read it.
    for (int y = bars.get(0).date().getYear() - 1; y <= bars.get(bars.size() - 1).date().getYear() + 1; y++) {
      cal.isTradingDay(LocalDate.of(y, 1, 2));
    }
    Map<Book, BookRun> runs = new EnumMap<>(Book.class);
    Map<LocalDate, Instant> servedFrom = lastCycles(fires);
    Map<Book, ChainOverlay> overlays = new EnumMap<>(Book.class);
    for (Book b : books) {
      overlays.put(b, new ChainOverlay(chains, config.market(), servedFrom::get));
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, books.size()), r -> {
      Thread t = new Thread(r, "alvh-replay");
      t.setDaemon(true);
      return t;
    });
    try {
      Map<Book, Future<BookRun>> futures = new EnumMap<>(Book.class);
      for (Book b : books) {
        futures.put(b, pool.submit(() -> runBook(b, history, cal, fires, start, realFrom, realTo, overlays.get(b))));
      }
      for (Map.Entry<Book, Future<BookRun>> f : futures.entrySet()) {
        runs.put(f.getKey(), f.getValue().get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("replay interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("replay failed: " + c, c);
    } finally {
      pool.shutdownNow();
    }

    NavigableMap<LocalDate, Double> vix = new TreeMap<>();
    inRange.forEach(b -> vix.put(b.date(), b.vixClose()));
    List<VolatilityCycles.VolatilityCycle> cycles = VolatilityCycles.detect(vix, config.replay());
    Map<String, BookMetrics> metrics = new LinkedHashMap<>();
    runs.forEach((b, r) -> metrics.put(b.key(), BookMetrics.of(r, cycles, Clock.MARKET_ZONE)));
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    long allCycles = runs.values().stream().mapToLong(BookRun::cycles).sum();
    BookRun a = runs.getOrDefault(Book.ALVH, runs.get(books.get(0)));
    ReplaySummary summary = new ReplaySummary(scenario, realFrom, realTo, a.snapshots().size(), a.cycles(),
        Math.round(allCycles * 1000.0 / Math.max(elapsedMs, 1) * 10) / 10.0, a.tranchesOpened(), a.ordersSent(),
        a.fills(), a.startEquity(), a.finalEquity(), metrics.get(a.book().key()).maxDrawdownPct(),
        a.exitReasons(), a.condorPnl(), a.database().toString(), elapsedMs, cyclesPerDay, metrics,
        new ReplaySummary.CycleCount(cycles.size(), cycles), List.copyOf(dataProblems), a.statesVisited(),
        optionQuotes(overlays, servedFrom),
        ReplaySummary.AlvhVsBase.of(metrics.get(Book.ALVH.key()), metrics.get(Book.BASE.key())),
        ReplaySummary.FillModel.of(config.paper().fill()));
    return new ReplayResult(summary, runs, inRange);
  }

  /** The last trading cycle of each day of {@code fires}: from it on, a day's real chain quotes are served. */
  static Map<LocalDate, Instant> lastCycles(List<ScheduledFire> fires) {
    Map<LocalDate, Instant> out = new HashMap<>();
    for (ScheduledFire f : fires) {
      if (f.kind() == JobKind.CYCLE) {
        out.merge(f.at().atZone(Clock.MARKET_ZONE).toLocalDate(), f.at(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    return out;
  }

  private ReplaySummary.OptionQuotes optionQuotes(Map<Book, ChainOverlay> overlays, Map<LocalDate, Instant> days) {
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

  /** The fires on days of the history, keeping only each day's last cycle unless {@code everyCycle}. */
  static List<ScheduledFire> jobs(List<ScheduledFire> fires, Set<LocalDate> days, boolean everyCycle) {
    return jobs(fires, days, everyCycle, Map.of());
  }

  /**
   * The fires on days of the history: unless {@code everyCycle}, of the cycles only each day's
   * last one and those at the day's {@code alsoAt} times (New York).
   */
  static List<ScheduledFire> jobs(List<ScheduledFire> fires, Set<LocalDate> days, boolean everyCycle,
      Map<LocalDate, Set<LocalTime>> alsoAt) {
    Map<LocalDate, Integer> lastCycle = new HashMap<>();
    for (int i = 0; i < fires.size(); i++) {
      if (fires.get(i).kind() == JobKind.CYCLE) {
        lastCycle.put(fires.get(i).at().atZone(Clock.MARKET_ZONE).toLocalDate(), i);
      }
    }
    List<ScheduledFire> out = new ArrayList<>();
    for (int i = 0; i < fires.size(); i++) {
      ScheduledFire f = fires.get(i);
      java.time.ZonedDateTime local = f.at().atZone(Clock.MARKET_ZONE);
      LocalDate day = local.toLocalDate();
      if (days.contains(day) && (everyCycle || f.kind() != JobKind.CYCLE || lastCycle.get(day) == i
          || alsoAt.getOrDefault(day, Set.of()).contains(local.toLocalTime()))) {
        out.add(f);
      }
    }
    return out;
  }

  private BookRun runBook(Book book, MarketHistory history, NyseCalendar cal, List<ScheduledFire> fires,
      Instant start, LocalDate from, LocalDate to, ChainOverlay overlay) {
    VirtualClock clock = new VirtualClock(start);
    // The whole MarketHistory: its VX futures (when the data has them) make the VX curve.
    SimulatedMarket market = new SimulatedMarket(history, clock, config.market(), cal::isTradingDay,
        IntradayPath.of(config.paper().intraday(), config.schedule()), overlay);
    PaperBroker broker = new PaperBroker(market, clock, config.broker().paper(), config.paper().fill());
    BigDecimal startEquity = broker.account().netLiquidation();
    String name = database(book);
    if (!inMemory) {
      deleteOldDatabase(name);
    }
    try (Store store = inMemory ? Store.openInMemory(name) : Store.open(dataDir, name)) {
      TradingEngine engine = new TradingEngine(book, config, clock, market, broker, store, broker::settleExpiring);
      engine.halt().releaseHaltEachDay(true);
      // The history before the first replayed day warms the hedge's signals up (not evaluated).
      engine.hedgeDesk().warmUp(history.bars().stream().filter(b -> b.date().isBefore(from))
          .map(b -> dev.alvh.core.signal.DailyCloses.of(b.date(), b.spxClose(), b.vixClose(), b.vix3mClose())).toList());
      NavigableMap<LocalDate, DayGreeks> greeks = new TreeMap<>();
      for (ScheduledFire f : fires) {
        clock.set(f.at());
        switch (f.kind()) {
          case PRE_OPEN -> engine.preOpen();
          case CYCLE -> engine.runCycle();
          case END_OF_DAY -> {
            engine.endOfDay(market.spxClose(clock.marketDate()));
            greeks.put(clock.marketDate(), DayGreeks.of(broker.positions(), market, market.indices().spx()));
          }
          default -> throw new IllegalStateException("unknown job kind " + f.kind());
        }
        progress.step();
      }
      TradingEngine.Counters c = engine.counters();
      ReplayQueries q = new ReplayQueries(store);
      List<ReplayQueries.DaySnapshot> snaps = q.snapshots().stream()
          .filter(s -> !s.date().isBefore(from) && !s.date().isAfter(to)).toList();
      List<ReplayQueries.TrancheRisk> tranches = q.trancheRisks();
      NavigableMap<LocalDate, BigDecimal> risk = new TreeMap<>();
      for (ReplayQueries.DaySnapshot s : snaps) {
        BigDecimal sum = BigDecimal.ZERO;
        for (ReplayQueries.TrancheRisk t : tranches) {
          if (t.openAtEndOf(s.date())) {
            sum = sum.add(t.maxLoss());
          }
        }
        risk.put(s.date(), sum);
      }
      List<ReplayQueries.Trade> trades = q.trades();
      BigDecimal premium = BigDecimal.ZERO;
      BigDecimal hedgeCash = BigDecimal.ZERO;
      Set<String> hedgeContracts = new HashSet<>();
      for (ReplayQueries.Trade t : trades) {
        if (!dev.alvh.core.order.OrderPurpose.isHedge(t.purpose())) {
          continue;
        }
        hedgeContracts.add(t.contract());
        BigDecimal gross = t.price().multiply(BigDecimal.valueOf(
            (long) t.quantity() * OptionContract.parseKey(t.contract()).multiplier()));
        if ("BUY".equals(t.side())) {
          premium = premium.add(gross);
          hedgeCash = hedgeCash.subtract(gross);
        } else {
          hedgeCash = hedgeCash.add(gross);
        }
        hedgeCash = hedgeCash.subtract(t.commission());
      }
      BigDecimal hedgePnl = hedgeCash.add(hedgeSettlements(broker.settlements(), hedgeContracts))
          .add(hedgeMark(broker, market, hedgeContracts));
      List<dev.alvh.app.hedge.LayerReasons.HeldLayerView> heldAtEnd = dev.alvh.app.hedge.LayerReasons.of(
          engine.hedgeDesk().held(), new dev.alvh.app.store.HedgeStore(store.jdbc(), book.key()).transitions(), market);
      return new BookRun(book, store.file(), c.cycles(), c.ordersSent(), c.fills(), c.tranchesOpened(), startEquity,
          broker.account().netLiquidation(), store.exitReasons(), store.realizedPnl(), snaps, trades,
          q.transitions(), risk, premium.setScale(2, RoundingMode.HALF_EVEN),
          hedgePnl.setScale(2, RoundingMode.HALF_EVEN), dev.alvh.app.store.HedgeStore.statesVisited(store.jdbc()),
          q.roundTrips(), greeks.subMap(from, true, to, true),
          q.hedgeTrades(), q.trancheCredits(), q.stateSkips(), heldAtEnd,
          dev.alvh.app.replay.ExecutionStats.of(engine.desk().walkEnds()));
    }
  }

  /**
   * Cash the broker settled on expired hedge options: the settlements of the broker's ledger
   * ({@link PaperBroker#settlements()}) whose contract was traded by a hedge order, USD.
   */
  static BigDecimal hedgeSettlements(List<PaperBroker.Settlement> settlements, Set<String> hedgeContracts) {
    BigDecimal sum = BigDecimal.ZERO;
    for (PaperBroker.Settlement st : settlements) {
      if (hedgeContracts.contains(st.contract().key())) {
        sum = sum.add(st.cash());
      }
    }
    return sum;
  }

  /** The mid-market value of the hedge positions still open, USD. */
  private static BigDecimal hedgeMark(PaperBroker broker, SimulatedMarket market, Set<String> hedgeContracts) {
    BigDecimal mark = BigDecimal.ZERO;
    for (Position p : broker.positions()) {
      if (hedgeContracts.contains(p.contract().key())) {
        BigDecimal mid = market.quote(p.contract()).map(OptionQuote::mid).orElse(BigDecimal.ZERO);
        mark = mark.add(mid.multiply(BigDecimal.valueOf(p.quantity() * p.contract().multiplier())));
      }
    }
    return mark;
  }

  private void deleteOldDatabase(String name) {
    try {
      Files.deleteIfExists(dataDir.resolve(name + ".mv.db"));
      Files.deleteIfExists(dataDir.resolve(name + ".trace.db"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot remove the previous replay database in " + dataDir + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * A replay's summary and each book's records, for the report.
   *
   * @param summary the JSON summary
   * @param books   each book's run
   * @param bars    the replayed days' bars
   */
  public record ReplayResult(ReplaySummary summary, Map<Book, BookRun> books, List<DailyBar> bars) {
  }
}
