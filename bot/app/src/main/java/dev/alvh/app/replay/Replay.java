package dev.alvh.app.replay;

import dev.alvh.app.engine.Book;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.schedule.ScheduledFire;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.paper.chains.ChainFiles;
import dev.alvh.paper.chains.ChainIndex;
import dev.alvh.paper.chains.ChainOverlay;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.IntradayPath;
import dev.alvh.paper.market.MarketHistory;
import dev.alvh.paper.market.SyntheticHistory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole bot over history on a virtual clock, four books side by side: the Quartz
 * triggers of {@link TradingSchedule} give the fire times, each book's clock jumps to each, and
 * the same jobs as live run (pre-open, trading cycle, end of day: the one job runner,
 * {@code runtime/Jobs}, driven by {@code runtime/ReplayJobDriver}) against the book's own paper
 * broker and simulated market, storing everything in the book's own H2 file.
 *
 * <p>Books: {@link Book#ALVH} in {@code replay.mv.db}, {@link Book#UNHEDGED} in
 * {@code replay-unhedged.mv.db}, {@link Book#RIGID} in {@code replay-rigid.mv.db}, {@link Book#BASE} in
 * {@code replay-base.mv.db}, all in the
 * data directory and recreated by each run, so a replay never mixes with the state of a paper or
 * live bot. Each book has its own market instance built from the same history and runs on its own
 * thread; the markets share only their model chains, immutable, through a synchronized memo
 * ({@link BookRunner}).
 *
 * <p>Cycles: the synthetic scenario has an intraday path, so every scheduled cycle runs. On daily
 * history each day follows {@link IntradayPath} (through its high and low, {@code paper.intraday.*});
 * by default the cycles at which the path reaches the day's two extremes and the last scheduled
 * cycle of the day run, with the pre-open and end-of-day jobs ({@code cyclesPerDay}
 * {@code extremes+last}; only the last one when {@code paper.intraday.extremes} is off);
 * {@code replay.dailyAllCycles} runs every cycle instead. Either way the fire times are the schedule's.
 *
 * <p>{@link ReplayDays} picks the days and jobs, a {@link BookRunner} runs each book, and the
 * {@link SummaryAssembler} puts the summary together from the books' runs.
 */
public final class Replay {

  private static final Logger LOG = LoggerFactory.getLogger(Replay.class);

  /** The ALVH book's database name inside the data directory. */
  public static final String DATABASE = "replay";

  /** Days of the built-in synthetic scenario: about two years. */
  public static final int TWO_CYCLES_DAYS = 504;
  /** The built-in scenario starts on the first trading day on or after this date. */
  public static final LocalDate TWO_CYCLES_START = LocalDate.of(2023, 1, 2);

  /**
   * How many model chains the books' markets keep for each other at most: the books' threads
   * drift apart, and a chain the others have not taken within this many newer ones is dropped
   * (they price it themselves: the same numbers, only the work is not saved).
   */
  static final int SHARED_CHAINS = 128;
  /** How many fires a book may run ahead of the slowest (about eight trading days). */
  static final int PACE_FIRES = 40;

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
    List<DailyBar> inRange = ReplayDays.inRange(bars, from, to);
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
    Map<LocalDate, Set<LocalTime>> turns = everyCycle ? Map.of() : ReplayDays.extremeTimes(inRange, path);
    List<ScheduledFire> fires = ReplayDays.jobs(schedule.fires(config.schedule(), start, end), days,
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
    Map<LocalDate, Instant> servedFrom = ReplayDays.lastCycles(fires);
    Map<Book, ChainOverlay> overlays = new EnumMap<>(Book.class);
    for (Book b : books) {
      overlays.put(b, new ChainOverlay(chains, config.market(), servedFrom::get));
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, books.size()), r -> {
      Thread t = new Thread(r, "alvh-replay");
      t.setDaemon(true);
      return t;
    });
    BookRunner runner = new BookRunner(config, dataDir, inMemory, progress);
    if (books.size() > 1 && threads >= books.size()) {
      // Books running side by side ask for the same chains at the same fire times: each is priced
      // once, the books kept close enough in time for the others to find it.
      runner.shareChains(books.size(), SHARED_CHAINS).pace(new BookPacer(books.size(), PACE_FIRES), books::indexOf);
    }
    try {
      Map<Book, Future<BookRun>> futures = new EnumMap<>(Book.class);
      for (Book b : books) {
        futures.put(b, pool.submit(() -> runner.run(b, history, cal, fires, start, realFrom, realTo, overlays.get(b))));
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
    runner.chainMemo().ifPresent(m -> LOG.info("model chains priced once for {} books: {} priced, {} taken by another book",
        books.size(), m.priced(), m.taken()));

    ReplaySummary summary = SummaryAssembler.assemble(config, scenario, inRange, runs, books.get(0), started,
        cyclesPerDay, dataProblems, SummaryAssembler.optionQuotes(overlays, servedFrom, chains, chainQuotesLoaded,
            chainLoadMs));
    return new ReplayResult(summary, runs, inRange);
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
