package dev.alvh.app.replay;

import dev.alvh.app.engine.Book;
import dev.alvh.app.engine.TradingEngine;
import dev.alvh.app.runtime.Jobs;
import dev.alvh.app.runtime.ReplayJobDriver;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.schedule.ScheduledFire;
import dev.alvh.app.store.ReplayQueries;
import dev.alvh.app.store.Store;
import dev.alvh.core.account.Position;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.time.VirtualClock;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.chains.ChainOverlay;
import dev.alvh.paper.market.IntradayPath;
import dev.alvh.paper.market.MarketHistory;
import dev.alvh.paper.market.SimulatedMarket;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs one book of a {@link Replay}: the live jobs (pre-open, trading cycle, end of day; the one
 * job runner {@link Jobs}, driven by a {@link ReplayJobDriver}) at each fire time against the
 * book's own virtual clock, simulated market, paper broker and store, then
 * reads back its records and hedge accounting into a {@link BookRun}. One runner serves every
 * book of a replay; books run on their own threads, and what they share is thread-safe: the
 * model chains of {@link SimulatedMarket.ChainMemo} (immutable lists) and the {@link BookPacer}
 * that keeps them within reach of each other (both only when every book has its own thread).
 */
final class BookRunner {

  private final BotConfig config;
  private final Path dataDir;
  private final boolean inMemory;
  private final Progress progress;
  /** The books' markets share their model chains through it; null: each prices its own. */
  private SimulatedMarket.ChainMemo chainMemo;
  /** The calendar, trading-day test and intraday path the sharing markets are built with (one each). */
  private NyseCalendar sharedCalendar;
  private java.util.function.Predicate<LocalDate> sharedTradingDays;
  private IntradayPath sharedPath;
  private BookPacer pacer;
  private java.util.function.ToIntFunction<Book> bookIndex;

  /**
   * A runner with {@code config}: each book's store is a file under {@code dataDir} (recreated)
   * or, when {@code inMemory}, a private in-memory database; each job run is a step of {@code progress}.
   */
  BookRunner(BotConfig config, Path dataDir, boolean inMemory, Progress progress) {
    this.config = config;
    this.dataDir = dataDir;
    this.inMemory = inMemory;
    this.progress = progress;
  }

  /**
   * Lets the markets of the {@code books} books this runner runs at once share their model chains
   * (the books pass the same fire times on the same history: the same chains at the same instants),
   * keeping at most {@code capacity} chains not yet taken by every book.
   */
  BookRunner shareChains(int books, int capacity) {
    this.chainMemo = new SimulatedMarket.ChainMemo(books, capacity);
    return this;
  }

  /**
   * Keeps the books within {@code slack} fires of each other ({@link BookPacer}), each book
   * numbered by {@code index}; only for books that all run at once.
   */
  BookRunner pace(BookPacer pacer, java.util.function.ToIntFunction<Book> index) {
    this.pacer = pacer;
    this.bookIndex = index;
    return this;
  }

  /** The memo the books share chains through, if they do. */
  java.util.Optional<SimulatedMarket.ChainMemo> chainMemo() {
    return java.util.Optional.ofNullable(chainMemo);
  }

  /** One trading-day test and one path for every sharing market: the memo admits markets over the same ones. */
  private synchronized void sharedInputs(NyseCalendar cal) {
    if (sharedCalendar == null) {
      sharedCalendar = cal;
      sharedTradingDays = cal::isTradingDay;
      sharedPath = IntradayPath.of(config.paper().intraday(), config.schedule());
    }
  }

  /**
   * Runs {@code book} through {@code fires} on its own clock, market, paper broker and store, and
   * reads back what it did over {@code from} to {@code to}.
   */
  BookRun run(Book book, MarketHistory history, NyseCalendar cal, List<ScheduledFire> fires,
      Instant start, LocalDate from, LocalDate to, ChainOverlay overlay) {
    try {
      return runBook(book, history, cal, fires, start, from, to, overlay);
    } finally {
      // Done or failed, anywhere: the other books no longer wait for this one.
      if (pacer != null) {
        pacer.finished(bookIndex.applyAsInt(book));
      }
    }
  }

  private BookRun runBook(Book book, MarketHistory history, NyseCalendar cal, List<ScheduledFire> fires,
      Instant start, LocalDate from, LocalDate to, ChainOverlay overlay) {
    VirtualClock clock = new VirtualClock(start);
    // The whole MarketHistory: its VX futures (when the data has them) make the VX curve.
    SimulatedMarket market;
    if (chainMemo != null) {
      sharedInputs(cal);
      market = new SimulatedMarket(history, clock, config.market(), sharedTradingDays, sharedPath, overlay);
      if (cal == sharedCalendar) {
        market.shareChains(chainMemo);
      }
    } else {
      market = new SimulatedMarket(history, clock, config.market(), cal::isTradingDay,
          IntradayPath.of(config.paper().intraday(), config.schedule()), overlay);
    }
    PaperBroker broker = new PaperBroker(market, clock, config.broker().paper(), config.paper().fill());
    BigDecimal startEquity = broker.account().netLiquidation();
    String name = Replay.database(book);
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
      // The live jobs on this book's market and broker; each day's greeks once its end of day ran.
      Jobs jobs = new Jobs(Jobs.Steps.of(engine), clock, Jobs.Market.simulated(market, cal::isTradingDay), broker,
          store.jdbc()::inTransaction, new Jobs.Listener() {
            @Override
            public void dayEnded(LocalDate day) {
              greeks.put(day, DayGreeks.of(broker.positions(), market, market.indices().spx()));
            }
          });
      Runnable afterEach = progress::step;
      if (pacer != null) {
        int me = bookIndex.applyAsInt(book);
        afterEach = () -> {
          progress.step();
          pacer.passed(me);
        };
      }
      try (ReplayJobDriver driver = new ReplayJobDriver(fires, clock, afterEach)) {
        driver.start(jobs::run);
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
      // one read of the book's transitions serves the layers' reasons and the report
      List<dev.alvh.app.store.HedgeStore.TransitionRow> transitions = engine.hedgeDesk().transitions();
      List<dev.alvh.app.hedge.LayerReasons.HeldLayerView> heldAtEnd = dev.alvh.app.hedge.LayerReasons.of(
          engine.hedgeDesk().held(), transitions, market);
      return new BookRun(book, store.file(), c.cycles(), c.ordersSent(), c.fills(), c.tranchesOpened(), startEquity,
          broker.account().netLiquidation(), store.exitReasons(), store.realizedPnl(), snaps, trades,
          transitions, risk, premium.setScale(2, RoundingMode.HALF_EVEN),
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
}
