package dev.alvh.app.engine;

import dev.alvh.app.store.Store;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.config.BotConfig;
import dev.alvh.core.cycle.CycleDecision;
import dev.alvh.core.cycle.CycleInput;
import dev.alvh.core.cycle.TradingCycle;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the trading cycle with its side effects, the same in live, paper and replay: snapshot,
 * decide ({@link TradingCycle}), journal every intent before sending it, send, and turn the
 * broker's order events into stored fills and tranche changes.
 *
 * <p>Orders start at mid on the tick grid; an order still working at the end of its cycle is
 * cancelled and the decision is taken again next cycle. Not thread-safe: one trading thread
 * calls it, and the broker's events arrive on that thread or are handed to it.
 */
public final class TradingEngine implements BrokerListener {

  private static final Logger LOG = LoggerFactory.getLogger(TradingEngine.class);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final BotConfig config;
  private final Clock clock;
  private final MarketData market;
  private final Broker broker;
  private final Store store;
  private final TradingCycle cycle;
  private final BiFunction<LocalDate, BigDecimal, BigDecimal> settlement;
  private final Book book;

  private final Map<OrderRef, Pending> pending = new HashMap<>();
  private final Set<OrderRef> working = new HashSet<>();
  private final Counters counters = new Counters();
  private String hedgeState = "CALM";
  private final HedgeDesk hedge;
  private final Map<OrderRef, dev.alvh.core.hedge.HedgeAction> hedgeOrders = new HashMap<>();

  /**
   * An engine over the given ports.
   *
   * @param settlement settles expiring positions at the broker on a date at a settlement price
   *                   and returns the cash moved (the paper broker does this; IB does it itself)
   */
  public TradingEngine(BotConfig config, Clock clock, MarketData market, Broker broker, Store store,
      BiFunction<LocalDate, BigDecimal, BigDecimal> settlement) {
    this(Book.ALVH, config, clock, market, broker, store, settlement);
  }

  /**
   * An engine running {@code book}'s hedge over the given ports.
   *
   * @param settlement settles expiring positions at the broker on a date at a settlement price
   *                   and returns the cash moved (the paper broker does this; IB does it itself)
   */
  public TradingEngine(Book book, BotConfig config, Clock clock, MarketData market, Broker broker, Store store,
      BiFunction<LocalDate, BigDecimal, BigDecimal> settlement) {
    this.book = book;
    this.config = config;
    this.clock = clock;
    this.market = market;
    this.broker = broker;
    this.store = store;
    this.cycle = new TradingCycle(config);
    this.settlement = settlement;
    this.hedge = HedgeDesk.create(book, config, clock, market, store);
    broker.setListener(this);
  }

  /** The hedge desk of this engine's book. */
  public HedgeDesk hedgeDesk() {
    return hedge;
  }

  /** The hedge this engine runs. */
  public Book book() {
    return book;
  }

  /** What the engine has done so far. */
  public Counters counters() {
    return counters;
  }

  /** The pre-open job: nothing to reconcile against the paper broker yet; logs the account. */
  public void preOpen() {
    AccountSummary a = broker.account();
    LOG.debug("pre-open {}: net liquidation {}", clock.marketDate(), a.netLiquidation());
  }

  /** One trading cycle. */
  public void runCycle() {
    ZonedDateTime now = clock.marketTime();
    counters.cycles++;
    List<Tranche> open = store.openTranches();
    Set<Long> busy = new HashSet<>();
    working.forEach(r -> Optional.ofNullable(pending.get(r)).ifPresent(p -> busy.add(p.intent.trancheId())));
    hedgeState = hedge.state().name();
    CycleInput in = new CycleInput(now, broker.account(), market.indices(), hedgeState, hedge.eventDay(now.toLocalDate()), open,
        store.lastEntry(), store.nextTrancheId(), busy);
    CycleDecision d = cycle.decide(in, market);
    d.entrySkip().ifPresent(s -> {
      if (!s.rule().startsWith("at most one new tranche")) {
        store.decision(clock.now(), "entry-skipped", s.rule(), s.detail());
      }
    });
    d.rejected().forEach(r -> store.decision(clock.now(), "risk-rejected", r, ""));
    d.notes().forEach(n -> store.decision(clock.now(), "note", n, ""));
    for (CycleDecision.PlannedExit e : d.exits()) {
      send(e.order(), new Pending(e.order(), Optional.of(e.reason())));
    }
    d.entry().ifPresent(e -> send(e.order(), new Pending(e.order(), Optional.empty())));
    for (dev.alvh.core.hedge.HedgeAction a : hedge.plan(now)) {
      hedgeOrders.put(a.order().ref(), a);
      send(a.order(), new Pending(a.order(), Optional.empty()));
    }
    for (OrderRef ref : new ArrayList<>(working)) {
      broker.cancel(ref);
    }
  }

  /**
   * The end-of-day job: settles tranches expiring today at the SPX close, then stores the
   * day's snapshot.
   */
  public void endOfDay(Optional<BigDecimal> spxClose) {
    LocalDate today = clock.marketDate();
    if (spxClose.isPresent()) {
      settlement.apply(today, spxClose.get());
      for (Tranche t : store.openTranches()) {
        if (!t.expiry().isAfter(today)) {
          BigDecimal value = t.settlementValue(spxClose.get());
          BigDecimal commissions = store.trancheCommissions(t.id());
          BigDecimal pnl = t.credit().subtract(value).multiply(HUNDRED).multiply(BigDecimal.valueOf(t.quantity()))
              .subtract(commissions);
          store.closeTranche(t.id(), today, value, ExitReason.SETTLED, commissions, pnl);
          LOG.info("tranche {} settled at {}: owes {} per condor, P&L {}", t.id(), spxClose.get(), value, pnl);
        }
      }
    }
    hedge.endOfDay();
    hedgeState = hedge.state().name();
    AccountSummary a = broker.account();
    IndexLevels ix = market.indices();
    store.snapshot(today, a.netLiquidation(), a.cash(), ix.spx(), ix.vix(), ix.vix3m(), hedgeState,
        store.openTranches().size());
  }

  private void send(OrderIntent o, Pending p) {
    store.journal(o, clock.now());
    pending.put(o.ref(), p);
    working.add(o.ref());
    counters.ordersSent++;
    LOG.info("sending {} {}: {} x{} at {} ({})", o.purpose(), o.ref(), o.legs().size() + " legs", o.quantity(),
        o.limit(), o.reason());
    broker.place(o);
  }

  @Override
  public void orderUpdated(OrderUpdate u) {
    store.orderStatus(u.ref(), u.status(), u.brokerId(), u.filled(), u.reason(), u.time());
    if (!u.status().isTerminal()) {
      return;
    }
    working.remove(u.ref());
    if (u.status() != dev.alvh.core.order.OrderStatus.FILLED) {
      hedgeOrders.remove(u.ref());
    }
    Pending p = pending.remove(u.ref());
    if (p == null || u.status() != dev.alvh.core.order.OrderStatus.FILLED) {
      return;
    }
    onFilled(p);
  }

  @Override
  public void filled(Fill f) {
    if (store.fill(f)) {
      counters.fills++;
      Pending p = pending.get(f.ref());
      if (p != null) {
        p.fills.add(f);
      }
    }
  }

  private void onFilled(Pending p) {
    OrderIntent o = p.intent;
    BigDecimal net = BigDecimal.ZERO;
    BigDecimal commissions = BigDecimal.ZERO;
    for (Fill f : p.fills) {
      net = net.add(f.price().multiply(BigDecimal.valueOf((long) -f.side().sign() * f.quantity())));
      commissions = commissions.add(f.commission());
    }
    BigDecimal perCombo = net.divide(BigDecimal.valueOf(o.quantity()), 4, RoundingMode.HALF_EVEN);
    LocalDate today = clock.marketDate();
    dev.alvh.core.hedge.HedgeAction hedgeAction = hedgeOrders.remove(o.ref());
    if (hedgeAction != null) {
      hedge.filled(hedgeAction, o.quantity(), perCombo, commissions, today);
    } else if (o.purpose() == OrderPurpose.OPEN_CONDOR) {
      Tranche t = trancheFrom(o, today, perCombo);
      store.openTranche(t, commissions);
      counters.tranchesOpened++;
      LOG.info("tranche {} opened: {} x{} credit {}", t.id(), t.expiry(), t.quantity(), perCombo);
    } else if (o.purpose() == OrderPurpose.CLOSE_CONDOR) {
      Tranche t = store.openTranches().stream().filter(x -> x.id() == o.trancheId()).findFirst().orElseThrow();
      BigDecimal debit = perCombo.negate();
      BigDecimal allCommissions = store.trancheCommissions(t.id()).add(commissions);
      BigDecimal pnl = t.credit().subtract(debit).multiply(HUNDRED).multiply(BigDecimal.valueOf(t.quantity()))
          .subtract(allCommissions);
      store.closeTranche(t.id(), today, debit, p.exit.orElseThrow(), allCommissions, pnl);
      LOG.info("tranche {} closed ({}): debit {}, P&L {}", t.id(), p.exit.get().key(), debit, pnl);
    }
  }

  private static Tranche trancheFrom(OrderIntent o, LocalDate today, BigDecimal credit) {
    BigDecimal lp = null;
    BigDecimal sp = null;
    BigDecimal sc = null;
    BigDecimal lc = null;
    for (var leg : o.legs()) {
      boolean put = leg.contract().right() == OptionRight.PUT;
      boolean sell = leg.side() == dev.alvh.core.instrument.Side.SELL;
      BigDecimal k = leg.contract().strike();
      if (put && sell) {
        sp = k;
      } else if (put) {
        lp = k;
      } else if (sell) {
        sc = k;
      } else {
        lc = k;
      }
    }
    return new Tranche(o.trancheId(), today, o.legs().get(0).contract().expiry(), lp, sp, sc, lc, o.quantity(),
        credit);
  }

  private static final class Pending {
    final OrderIntent intent;
    final Optional<ExitReason> exit;
    final List<Fill> fills = new ArrayList<>();

    Pending(OrderIntent intent, Optional<ExitReason> exit) {
      this.intent = intent;
      this.exit = exit;
    }
  }

  /** Running totals of one engine. */
  public static final class Counters {
    long cycles;
    long ordersSent;
    long fills;
    long tranchesOpened;

    /** Cycles run. */
    public long cycles() {
      return cycles;
    }

    /** Orders sent to the broker. */
    public long ordersSent() {
      return ordersSent;
    }

    /** Fills received and stored. */
    public long fills() {
      return fills;
    }

    /** Tranches opened. */
    public long tranchesOpened() {
      return tranchesOpened;
    }
  }
}
