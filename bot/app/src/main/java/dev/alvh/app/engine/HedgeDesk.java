package dev.alvh.app.engine;

import dev.alvh.app.hedge.EventsCsv;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.store.HedgeBetaStore;
import dev.alvh.app.store.HedgeStore;
import dev.alvh.app.store.HedgeTradeAction;
import dev.alvh.app.store.Store;
import dev.alvh.core.condor.Tranche;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.hedge.HedgeAction;
import dev.alvh.core.hedge.BetaWindows;
import dev.alvh.core.hedge.HedgeBook;
import dev.alvh.core.hedge.HedgeContext;
import dev.alvh.core.hedge.HedgeDecision;
import dev.alvh.core.hedge.HedgeMeasures;
import dev.alvh.core.hedge.HedgePlan;
import dev.alvh.core.hedge.HedgePlanInput;
import dev.alvh.core.hedge.HedgePlanner;
import dev.alvh.core.HedgeState;
import dev.alvh.core.hedge.HedgeStateMachine;
import dev.alvh.core.hedge.HedgeTransition;
import dev.alvh.core.hedge.HeldLayer;
import dev.alvh.core.market.MarketSnapshot;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.signal.DailyCloses;
import dev.alvh.core.signal.EventCalendar;
import dev.alvh.core.signal.SignalEngine;
import dev.alvh.core.signal.SignalSnapshot;
import dev.alvh.core.signal.TradingDays;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hedge of one book, end to end: daily closes into signals, the state machine on each close,
 * the layers it wants turned into orders each cycle, and the positions they leave, all persisted
 * so that a restart resumes in the same state with the same layers.
 *
 * <p>Daily: {@link #endOfDay()} settles expiring hedge positions, stores the day's closes,
 * computes the signals, evaluates the machine (ALVH: adaptive, RIGID: rigid), stores any
 * transition with every signal value and the machine's context. Until the indicators are warm
 * the desk places no hedge order and says so once.
 *
 * <p>Each cycle: {@link #plan(ZonedDateTime)} asks the {@link HedgePlanner} for the orders of the
 * state decided at the last close; the engine sends them through its order path and reports each
 * fill with {@link #filled}. The {@link Book#UNHEDGED} book has a desk that stays in CALM and
 * plans nothing, so that its condors run with no hedge; the {@link Book#BASE} book's machine has
 * no rule, so it stays in CALM holding the standing base layer alone. Every hedged book holds the
 * base layer while condors are open ({@code hedge.base}, unless switched off).
 *
 * <p>Not thread-safe: the trading thread owns it.
 */
public final class HedgeDesk {

  private static final Logger LOG = LoggerFactory.getLogger(HedgeDesk.class);

  private final Book book;
  private final HedgeConfig config;
  private final Clock clock;
  private final MarketData market;
  private final HedgeMarketReads reads;
  private final Store store;
  private final HedgeStore hedgeStore;
  private final HedgeStateMachine machine;
  private final HedgePlanner planner;
  private final SignalEngine signals;
  private final EventCalendar events;
  private final TradingDays tradingDays;
  private final HedgeBook positions;
  private final int maxContractsPerOrder;

  private HedgeContext ctx;
  private LocalDate stateSince;
  private SignalSnapshot last;
  private boolean saidNotWarm;
  private boolean saidNoPlan;
  private List<String> lastNotes = List.of();
  private LocalDate planDay;
  private int cyclesToday;
  private boolean workPending;

  private final HedgeBetaStore betaStore;
  /** The (dVIX, dVX) pairs of the base layer and of L1 to L3, and the last close's VIX and VX curve. */
  private final BetaWindows betaWindows;

  /**
   * A desk for {@code book}, resuming from {@code store}.
   *
   * @param events      the event calendar
   * @param tradingDays the exchange's trading days (event windows)
   */
  public HedgeDesk(Book book, BotConfig config, Clock clock, MarketData market, Store store, EventCalendar events,
      TradingDays tradingDays) {
    this.book = book;
    this.config = config.hedge();
    this.maxContractsPerOrder = config.risk().maxContractsPerOrder();
    this.clock = clock;
    this.market = market;
    this.reads = new HedgeMarketReads(market);
    this.store = store;
    this.hedgeStore = new HedgeStore(store.jdbc(), book.key());
    this.betaStore = new HedgeBetaStore(store.jdbc(), book.key());
    this.machine = switch (book) {
      case ALVH -> HedgeStateMachine.adaptive(this.config);
      case RIGID -> HedgeStateMachine.rigid(this.config);
      // The base book never leaves CALM: it holds the standing base layer alone.
      case BASE -> new HedgeStateMachine(this.config, List.of(), dev.alvh.core.hedge.LegalMoves.RIGID);
      case UNHEDGED -> null;
    };
    this.planner = new HedgePlanner(this.config);
    this.events = events;
    this.tradingDays = tradingDays;
    this.signals = new SignalEngine(this.config.signals(), tradingDays);
    Optional<HedgeStore.SavedContext> saved = hedgeStore.loadContext();
    this.ctx = saved.map(HedgeStore.SavedContext::context).orElse(HedgeContext.initial());
    this.stateSince = saved.map(HedgeStore.SavedContext::stateSince).orElse(null);
    this.positions = new HedgeBook(hedgeStore.heldLayers());
    for (DailyCloses c : hedgeStore.closes()) {
      last = signals.append(c, Double.POSITIVE_INFINITY, events);
    }
    this.betaWindows = new BetaWindows(this.config);
    for (int level = 0; level <= 3; level++) {
      for (HedgeBetaStore.Pair p : betaStore.pairs(level, this.config.sizing().betaDays())) {
        betaWindows.restore(level, p.dVix(), p.dVx());
      }
    }
    betaStore.last().ifPresent(l -> betaWindows.restoreLast(l.vix(), l.vx()));
    if (saved.isPresent()) {
      LOG.info("hedge ({}): resumed in {} as of {}, {} position(s) held, {} daily closes", book.key(), ctx.state(),
          ctx.asOf(), positions.held().size(), signals.closes());
    }
  }

  /** A desk for {@code book} with the configured event calendar and the NYSE calendar. */
  public static HedgeDesk create(Book book, BotConfig config, Clock clock, MarketData market, Store store) {
    EventCalendar events = EventsCsv.load(config.hedge().desk().eventsFile());
    NyseCalendar cal = NyseCalendar.of(config.schedule());
    return new HedgeDesk(book, config, clock, market, store, events, cal::isTradingDay);
  }

  /** The state decided at the last close (CALM for the unhedged book). */
  public HedgeState state() {
    return ctx.state();
  }

  /** The machine's context after the last close. */
  public HedgeContext context() {
    return ctx;
  }

  /** The positions held now. */
  public List<HeldLayer> held() {
    return positions.held();
  }

  /** The book's stored transitions, oldest first. */
  public List<HedgeStore.TransitionRow> transitions() {
    return hedgeStore.transitions();
  }

  /** The signals of the last close, if any. */
  public Optional<SignalSnapshot> lastSignals() {
    return Optional.ofNullable(last);
  }

  /** Whether {@code date} is within the event window of an FOMC, CPI or PPI date. */
  public boolean eventDay(LocalDate date) {
    return events.isEventDay(date, config.signals().eventWindowTradingDays(), tradingDays);
  }

  /**
   * Warm-up history: appends closes before the first day the desk runs (and stores them), without
   * evaluating the machine on them. Closes not after the last one held are skipped.
   */
  public void warmUp(List<DailyCloses> history) {
    for (DailyCloses c : history) {
      if (last == null || c.date().isAfter(last.date())) {
        hedgeStore.saveClose(c);
        last = signals.append(c, Double.POSITIVE_INFINITY, events);
      }
    }
  }

  // ------------------------------------------------------------------------------------ daily

  /**
   * The end-of-day work: settle expiring positions, store today's closes, compute the signals and
   * run the machine on them.
   */
  public void endOfDay() {
    LocalDate today = clock.marketDate();
    settleExpiring(today);
    if (last != null && !today.isAfter(last.date())) {
      return;
    }
    DailyCloses closes = reads.closes(today);
    // The day's close, the transition and the context are stored together or not at all: a crash
    // between them would leave a close that stops the day from being evaluated again, and a
    // transition to a state the context never reached.
    store.jdbc().inTransaction(() -> evaluateDay(today, closes));
  }

  private void evaluateDay(LocalDate today, DailyCloses closes) {
    hedgeStore.saveClose(closes);
    SignalSnapshot s = signals.append(closes,
        reads.beSigma(today, store.openTranches(), config.signals().beSigmaHorizonDays()), events);
    last = s;
    if (machine == null) {
      return;
    }
    updateBeta(today, closes.vix());
    if (!s.warm() && !saidNotWarm) {
      LOG.info("hedge ({}): placing no hedge orders until the indicators are warm: {}", book.key(), s.notWarmReason());
      store.decision(clock.now(), "hedge-not-warm", "no hedge orders until the indicators are warm",
          s.notWarmReason());
      saidNotWarm = true;
    }
    // UNWIND to CALM waits for the adaptive layers only: the base layer stays while condors are open.
    HedgeContext in = ctx.withLayersHeld(positions.held().stream().anyMatch(HeldLayer::isAdaptive))
        .withCarryCapReached(carryCapReached(today));
    HedgeDecision d = machine.evaluate(in, s);
    Optional<HedgeTransition> moved = d.moved();
    if (moved.isPresent()) {
      HedgeTransition t = moved.get();
      hedgeStore.transition(t, clock.now());
      dev.alvh.app.crash.CrashPoints.reach("hedge-transition");
      stateSince = t.date();
      LOG.info("hedge ({}) {}: {} -> {} ({}); VIX {}, vixRel {}, termRatio {}, score {}", book.key(), t.date(),
          t.from(), t.to(), t.rule(), round(s.vix()), round(s.vixRel()), round(s.termRatio()), s.score());
    }
    ctx = d.context();
    hedgeStore.saveContext(ctx, stateSince, clock.now());
  }

  private boolean carryCapReached(LocalDate today) {
    LocalDate from = HedgeMeasures.carryCapFrom(today, config.carryCap());
    return HedgeMeasures.carryCapReached(hedgeStore.premiumSpent(from, today), hedgeStore.condorCredit(from, today),
        config.carryCap());
  }

  /** Records today's change of VIX and of each layer window's VX future, for {@code beta}. */
  private void updateBeta(LocalDate today, double vix) {
    List<LocalDate> expiries = reads.vixExpirations();
    Map<LocalDate, Double> now = reads.vxCurve(expiries);
    for (BetaWindows.Pair p : betaWindows.close(today, vix, expiries, now)) {
      betaStore.savePair(new HedgeBetaStore.Pair(p.date(), p.level(), p.dVix(), p.dVx()));
    }
    betaStore.saveLast(new HedgeBetaStore.LastCloses(today, vix, now));
  }

  /** The current {@code beta} of the base layer and of L1 to L3, in that order. */
  public List<Double> betas() {
    return betaWindows.betas();
  }

  private void settleExpiring(LocalDate today) {
    for (HeldLayer h : positions.held()) {
      if (h.expiry().isAfter(today)) {
        continue;
      }
      BigDecimal value = HedgeMeasures.settlementValue(h.legs(), reads.settlementUnderlyings(h.legs()));
      HedgeBook.Trade t = positions.settle(h.id(), value, today);
      hedgeStore.trade(t, h.level(), h.kind(), HedgeTradeAction.SETTLE, BigDecimal.ZERO);
      hedgeStore.closeLayer(h.id(), today);
      LOG.info("hedge ({}) {}: {} settled at {} per combo x{}, P&L {}", book.key(), today, h.id(), value.toPlainString(),
          h.quantity(), t.realizedPnl().setScale(2, RoundingMode.HALF_EVEN));
    }
  }

  // ------------------------------------------------------------------------------------ cycles

  /**
   * The hedge orders of this cycle, in sending order; none for the unhedged book, before the
   * indicators are warm, or when the market cannot be read.
   */
  public List<HedgeAction> plan(ZonedDateTime now) {
    return plan(now, Optional.empty());
  }

  /**
   * The hedge orders of this cycle with the operator's forced state (console {@code force})
   * in place of the machine's when present: the layers follow the forced state.
   */
  public List<HedgeAction> plan(ZonedDateTime now, Optional<HedgeState> forced) {
    if (machine == null || last == null || !last.warm()) {
      return List.of();
    }
    HedgeState state = forced.orElse(ctx.state());
    List<Tranche> open = store.openTranches();
    boolean baseWanted = config.base().enabled() && !open.isEmpty();
    if (state.level() == 0 && !positions.any() && !baseWanted) {
      return List.of();
    }
    LocalDate today = now.withZoneSameInstant(Clock.MARKET_ZONE).toLocalDate();
    if (!today.equals(planDay)) {
      planDay = today;
      cyclesToday = 0;
      workPending = true;
    }
    boolean check = cyclesToday++ % config.desk().manageEveryCycles() == 0;
    if (!workPending && !check) {
      return List.of();
    }
    BigDecimal gain = BigDecimal.ZERO;
    boolean spreadsSold = false;
    if (state == HedgeState.PRESS && stateSince != null) {
      gain = HedgeMeasures.pressGainBudget(hedgeStore.realizedSince(stateSince), hedgeStore.topUpsSince(stateSince),
          config.press());
      spreadsSold = hedgeStore.spreadsSoldSince(stateSince);
    }
    HedgePlan p;
    try {
      // One snapshot per plan: the condor legs' quotes (vega), then what the planner names as missing.
      boolean vegaWanted = state.level() > 0 || baseWanted;
      MarketSnapshot snapshot = SnapshotGatherer.withOpeningLegs(market, now.toInstant(), market.indices(),
          vegaWanted ? open : List.of());
      double vega = vegaWanted ? HedgePlanner.condorVega(open, snapshot) : 0;
      HedgePlanInput in = new HedgePlanInput(now, state, snapshot.indices().vix(), eventDay(today),
          HedgePlanner.condorRisk(open), vega, betas(), positions.held(), gain, spreadsSold,
          carryCapReached(today));
      p = SnapshotGatherer.complete(market, snapshot, s -> planner.plan(in, s));
      workPending = !p.actions().isEmpty();
      saidNoPlan = false;
    } catch (IllegalArgumentException e) {
      if (!saidNoPlan) {
        LOG.warn("hedge ({}): no hedge orders planned in {}: {}", book.key(), state, e.getMessage());
        store.decision(clock.now(), "hedge-note", "no hedge orders planned in " + state, e.getMessage());
        saidNoPlan = true;
      }
      return List.of();
    }
    if (!p.notes().equals(lastNotes)) {
      for (String n : p.notes()) {
        if (!lastNotes.contains(n)) {
          store.decision(clock.now(), "hedge-note", n, "");
          LOG.debug("hedge ({}): {}", book.key(), n);
        }
      }
      lastNotes = p.notes();
    }
    return p.actions().stream().map(a -> capped(a, maxContractsPerOrder)).toList();
  }

  /**
   * {@code a} with at most {@code risk.maxContractsPerOrder} combos: the rest follows in later
   * cycles (a layer bought in part is kept; a close in part leaves the rest to close).
   */
  static HedgeAction capped(HedgeAction a, int maxContractsPerOrder) {
    OrderIntent o = a.order();
    if (o.quantity() <= maxContractsPerOrder) {
      return a;
    }
    OrderIntent c = new OrderIntent(o.ref(), o.purpose(), o.trancheId(), o.legs(), maxContractsPerOrder, o.limit(),
        o.reason() + "; capped at risk.maxContractsPerOrder " + maxContractsPerOrder + " of " + o.quantity());
    return new HedgeAction(a.type(), a.layerId(), a.level(), a.kind(), c);
  }

  /**
   * The order of {@code a} filled: updates the positions and stores the trade, and marks the
   * order's combos as in the books (journal, {@code orders.applied_combos}) in the same
   * transaction, so that a restart applies a hedge order's fills exactly once.
   *
   * @param quantity    combos filled
   * @param netPerCombo cash per combo, points, positive when the bot received cash
   * @param commissions commissions of the fills, USD
   */
  public void filled(HedgeAction a, int quantity, BigDecimal netPerCombo, BigDecimal commissions, LocalDate date) {
    store.jdbc().inTransaction(() -> book(a, quantity, netPerCombo, commissions, date));
  }

  private void book(HedgeAction a, int quantity, BigDecimal netPerCombo, BigDecimal commissions, LocalDate date) {
    HedgeBook.Trade t = positions.apply(a, quantity, netPerCombo, date);
    Optional<HeldLayer> h = positions.find(a.layerId());
    if (h.isPresent()) {
      hedgeStore.saveLayer(h.get());
    } else {
      hedgeStore.closeLayer(a.layerId(), date);
    }
    dev.alvh.app.crash.CrashPoints.reach("hedge-layer");
    hedgeStore.trade(t, a.level(), a.kind(), HedgeTradeAction.of(a.type()), commissions);
    new dev.alvh.app.store.OrderJournal(store.jdbc()).markApplied(a.order().ref(), quantity, clock.now());
    LOG.info("hedge ({}) {}: {} {} x{} at {} per combo{}", book.key(), date, a.type(), a.layerId(), quantity,
        netPerCombo.negate().toPlainString(), a.opens() ? "" : ", P&L " + t.realizedPnl().setScale(2,
            RoundingMode.HALF_EVEN));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
