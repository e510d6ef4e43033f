package dev.alvh.paper.broker;

import dev.alvh.core.Check;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.account.Position;
import dev.alvh.paper.config.PaperBrokerConfig;
import dev.alvh.paper.config.PaperConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.port.SettlementPrices;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A paper broker: fills combo limit orders against the simulated market's quotes, charges
 * commissions, and settles expired options in cash, SPX and VIX options alike (multiplier 100).
 *
 * <p>Fill rule ({@link PaperConfig.Fill}, {@code paper.fill.*}): with {@code s} the share of the
 * spread for the order's number of legs, each leg bought fills at {@code bid + s x spread} and
 * each leg sold at {@code ask - s x spread}, so the combo's model fill price is its bid (the sum
 * of the legs' worse sides) plus {@code s} times its spread (the sum of ratio x leg spread).
 * Defaults: 0.75 for one leg, 0.66 for two, 0.61 for three, 0.56 for four; the {@code MID} model
 * fills every leg at its mid ({@code s = 0.5}). A BUY of the legs (IB's BAG convention, see
 * {@link dev.alvh.core.order.NetPrice}) fills when its signed limit is at or above that price, at
 * that price: never better than the model allows, never worse than the limit, so an order at mid
 * rests until the bot's price walk reaches the model price. Leg prices keep four decimals,
 * rounded against the bot. An order that does not fill
 * rests as Submitted until cancelled; {@link #matchWorking()} tries resting orders again at the
 * market of now.
 *
 * <p>Partial fills (off by default): with {@code broker.paper.partialFillProbability} an order
 * of more than one combo that can fill fills only 1 to n-1 combos, drawn from a generator seeded
 * with {@code broker.paper.partialFillSeed}; the rest keeps working as PartiallyFilled.
 *
 * <p>Commissions: {@code commissionPerContract + feePerContract} per contract of every leg.
 *
 * <p>Settlement: {@link #settleExpiring(LocalDate)} settles every position expiring that day at
 * its class's settlement value ({@link SettlementPrices}): SPXW at the SPX close, SPX monthly AM
 * at the SPX open (SOQ), VIX at the VIX open. Each settled position is written to the
 * {@link #settlements()} ledger.
 *
 * <p>Keeping the account ({@link PaperAccountPort}): built with a port other than
 * {@link PaperAccountPort#NONE}, the broker starts from the saved account (cash, positions with
 * their average cost, the settlement ledger, the order ids and execution sequence) and writes
 * every change through the port in the same {@link PaperAccountPort#atomically} block as the
 * events it hands its listener (the bot stores fills and statuses there): a booking and the bot's
 * record of it are kept together or not at all. Working orders are not kept across a restart,
 * as TWS does not keep an API client's non-persistent orders across its own: the restarted broker
 * reports each order that was still working as cancelled ({@link #completedOrders()}), with what
 * had filled, and the bot's reconciliation marks it so.
 *
 * <p>Not thread-safe: the trading cycle's thread drives it.
 */
public final class PaperBroker implements Broker {

  private static final Logger LOG = LoggerFactory.getLogger(PaperBroker.class);
  /** Leg fill prices keep 4 decimals: mids of 0.05-grid quotes fall on 0.025, and rounding them
   * to the cent would move a combo priced at mid past its own limit. */
  private static final int PRICE_SCALE = 4;

  /**
   * One settled position: on {@code date} the {@code quantity} (signed, negative short) of
   * {@code contract} settled at {@code price} (index points) for {@code cash} USD to the account.
   *
   * @param date     the settlement (expiration) date
   * @param contract the series
   * @param quantity signed contracts that settled
   * @param price    the settlement value of the underlying, points
   * @param cash     cash to the account, USD (intrinsic x quantity x multiplier)
   */
  public record Settlement(LocalDate date, OptionContract contract, int quantity, BigDecimal price, BigDecimal cash) {

    /** Checks every field. */
    public Settlement {
      Check.notNull(date, "date");
      Check.notNull(contract, "contract");
      Check.notNull(price, "price");
      Check.notNull(cash, "cash");
    }
  }

  /** A working order and how much of it has filled. */
  private static final class Working {
    final OrderIntent intent;
    final long id;
    int filled;

    Working(OrderIntent intent, long id) {
      this.intent = intent;
      this.id = id;
    }

    int remaining() {
      return intent.quantity() - filled;
    }
  }

  private final MarketData market;
  private final SettlementPrices settlementPrices;
  private final Clock clock;
  private final PaperBrokerConfig config;
  private final PaperConfig.Fill fillModel;
  private final SplittableRandom partialDraws;
  private final PaperAccountPort port;
  /** Orders that were working when the account was last saved: cancelled by the restart. */
  private final List<OrderUpdate> cancelledByRestart = new ArrayList<>();
  private BigDecimal cash;
  /**
   * Each contract's {@link OptionContract#key()}, by the whole contract: the account's maps are
   * ordered by it, and every lookup compares several keys (building each anew was a share of the
   * replay's CPU time). Entries are kept for every contract ever compared, closed positions'
   * included (a lookup after a close puts it back): one short string per contract traded.
   */
  private final Map<OptionContract, String> keys = new HashMap<>();
  private final Comparator<OptionContract> byKey = (a, b) -> key(a).compareTo(key(b));
  private final Map<OptionContract, Long> positions = new TreeMap<>(byKey);
  private final Map<OptionContract, BigDecimal> costs = new TreeMap<>(byKey);
  private final Map<OrderRef, Working> working = new LinkedHashMap<>();
  private final Map<OrderRef, Long> ids = new LinkedHashMap<>();
  private final List<Settlement> ledger = new ArrayList<>();
  private BrokerListener listener = new BrokerListener() {
    @Override
    public void orderUpdated(OrderUpdate update) {
    }

    @Override
    public void filled(Fill fill) {
    }
  };
  private long nextOrderId = 1;
  private long execSeq = 1;

  /**
   * A paper account with {@code config.startingCash()} in cash and no positions.
   *
   * @param market           quotes to fill against and to mark positions
   * @param settlementPrices settlement values of expiring classes
   * @param clock            the time
   * @param config           cash, commissions and the fill model
   */
  public PaperBroker(MarketData market, SettlementPrices settlementPrices, Clock clock, PaperBrokerConfig config) {
    this(market, settlementPrices, clock, config, PaperAccountPort.NONE);
  }

  /**
   * A paper account kept through {@code port}: the saved account when there is one (working
   * orders of it reported cancelled, see {@link #completedOrders()}), else a new one with
   * {@code config.startingCash()}, saved at once.
   *
   * @param market           quotes to fill against and to mark positions
   * @param settlementPrices settlement values of expiring classes
   * @param clock            the time
   * @param config           cash (of a new account), commissions and the fill model
   * @param port             where the account is kept
   */
  public PaperBroker(MarketData market, SettlementPrices settlementPrices, Clock clock, PaperBrokerConfig config,
      PaperAccountPort port) {
    this(market, settlementPrices, clock, config, PaperConfig.Fill.DEFAULTS, port);
  }

  /**
   * A paper account kept through {@code port} that fills with {@code fillModel}; see
   * {@link #PaperBroker(MarketData, SettlementPrices, Clock, PaperBrokerConfig, PaperAccountPort)}.
   *
   * @param fillModel the price fills take ({@code paper.fill.*})
   */
  public PaperBroker(MarketData market, SettlementPrices settlementPrices, Clock clock, PaperBrokerConfig config,
      PaperConfig.Fill fillModel, PaperAccountPort port) {
    this.market = Check.notNull(market, "market");
    this.fillModel = Check.notNull(fillModel, "fillModel");
    this.settlementPrices = Check.notNull(settlementPrices, "settlementPrices");
    this.clock = Check.notNull(clock, "clock");
    this.config = Check.notNull(config, "config");
    this.port = Check.notNull(port, "port");
    this.cash = config.startingCash();
    this.partialDraws = new SplittableRandom(config.partialFillSeed());
    Optional<PaperAccountPort.Saved> saved = port.load();
    if (saved.isPresent()) {
      restore(saved.get());
      List<PaperAccountPort.SavedOrder> wasWorking = saved.get().orders().stream()
          .filter(PaperAccountPort.SavedOrder::working).toList();
      port.atomically(() -> {
        for (PaperAccountPort.SavedOrder o : wasWorking) {
          cancelledByRestart.add(new OrderUpdate(o.ref(), o.orderId(), OrderStatus.CANCELLED, o.filled(),
              o.quantity() - o.filled(), clock.now(), "cancelled by the paper broker's restart (working orders are"
                  + " not kept across a restart)"));
          port.saveOrder(new PaperAccountPort.SavedOrder(o.ref(), o.orderId(), o.quantity(), o.filled(), false));
        }
      });
      LOG.info("paper account restored: cash {} USD, {} positions, {} settlements, {} orders seen{}",
          cash.setScale(2, RoundingMode.HALF_EVEN).toPlainString(), positions.size(), ledger.size(), ids.size(),
          wasWorking.isEmpty() ? "" : "; " + wasWorking.size() + " working orders reported cancelled by the restart");
    } else if (port != PaperAccountPort.NONE) {
      port.saveAccount(cash, nextOrderId, execSeq);
      LOG.info("new paper account: cash {} USD", cash.toPlainString());
    }
  }

  /** Replaces the in-memory account (not the working orders) by {@code s}. */
  private void restore(PaperAccountPort.Saved s) {
    cash = s.cash();
    nextOrderId = s.nextOrderId();
    execSeq = s.nextExecSeq();
    positions.clear();
    costs.clear();
    for (Position p : s.positions()) {
      positions.put(p.contract(), p.quantity());
      costs.put(p.contract(), p.avgCost());
    }
    ledger.clear();
    ledger.addAll(s.ledger());
    ids.clear();
    s.orders().forEach(o -> ids.put(o.ref(), o.orderId()));
  }

  /** After a failed atomic block: the account as kept, and only the working orders kept as working. */
  private void reload(PaperAccountPort.Saved s) {
    restore(s);
    Map<OrderRef, PaperAccountPort.SavedOrder> kept = new LinkedHashMap<>();
    s.orders().stream().filter(PaperAccountPort.SavedOrder::working).forEach(o -> kept.put(o.ref(), o));
    working.keySet().removeIf(ref -> !kept.containsKey(ref));
    working.forEach((ref, w) -> w.filled = kept.get(ref).filled());
  }

  /**
   * Reloads the account as its port keeps it (cash, positions, ledger, ids; working orders not
   * kept as working are dropped): for a caller whose enclosing transaction, with this broker's
   * writes in it, failed and was undone.
   */
  @Override
  public void transactionUndone() {
    reloadKept();
  }

  /** As {@link #transactionUndone()}. */
  public void reloadKept() {
    port.load().ifPresent(this::reload);
  }

  /**
   * A paper account kept through {@code port} over {@code market}; settlement values as in
   * {@link #PaperBroker(MarketData, Clock, PaperBrokerConfig)}.
   */
  public PaperBroker(MarketData market, Clock clock, PaperBrokerConfig config, PaperAccountPort port) {
    this(market, clock, config, PaperConfig.Fill.DEFAULTS, port);
  }

  /**
   * A paper account kept through {@code port} over {@code market} that fills with
   * {@code fillModel} ({@code paper.fill.*}); settlement values as in
   * {@link #PaperBroker(MarketData, Clock, PaperBrokerConfig)}.
   */
  public PaperBroker(MarketData market, Clock clock, PaperBrokerConfig config, PaperConfig.Fill fillModel,
      PaperAccountPort port) {
    this(market, market instanceof SettlementPrices sp ? sp : (cls, day) -> Optional.empty(), clock, config,
        fillModel, port);
  }

  /** A paper account over {@code market} that fills with {@code fillModel} ({@code paper.fill.*}). */
  public PaperBroker(MarketData market, Clock clock, PaperBrokerConfig config, PaperConfig.Fill fillModel) {
    this(market, clock, config, fillModel, PaperAccountPort.NONE);
  }

  /**
   * Runs {@code work} in the port's atomic block. When it fails, the block's writes are undone
   * by the port, so the in-memory account is reloaded from the port to match what is kept.
   */
  private <T> T atomically(java.util.function.Supplier<T> work) {
    if (port == PaperAccountPort.NONE) {
      return work.get();
    }
    List<T> out = new ArrayList<>(1);
    try {
      port.atomically(() -> out.add(work.get()));
    } catch (RuntimeException e) {
      port.load().ifPresent(this::reload);
      throw e;
    }
    return out.get(0);
  }

  private void atomically(Runnable work) {
    atomically(() -> {
      work.run();
      return Boolean.TRUE;
    });
  }

  /**
   * A paper account over {@code market}; settlement values come from the market when it offers
   * them (the {@link dev.alvh.paper.market.SimulatedMarket} does), else only
   * {@link #settleExpiring(LocalDate, BigDecimal)} can settle (SPXW).
   */
  public PaperBroker(MarketData market, Clock clock, PaperBrokerConfig config) {
    this(market, clock, config, PaperAccountPort.NONE);
  }

  @Override
  public AccountSummary account() {
    BigDecimal value = cash;
    for (Map.Entry<OptionContract, Long> p : positions.entrySet()) {
      BigDecimal mark = market.quote(p.getKey()).map(OptionQuote::mid).orElseGet(() -> intrinsicNow(p.getKey()));
      value = value.add(mark.multiply(BigDecimal.valueOf(p.getValue() * p.getKey().multiplier())));
    }
    return new AccountSummary(value.setScale(2, RoundingMode.HALF_EVEN), cash.setScale(2, RoundingMode.HALF_EVEN));
  }

  @Override
  public List<Position> positions() {
    List<Position> out = new ArrayList<>();
    positions.forEach((c, q) -> out.add(new Position(c, q, costs.getOrDefault(c, BigDecimal.ZERO))));
    return out;
  }

  @Override
  public List<OrderUpdate> openOrders() {
    List<OrderUpdate> out = new ArrayList<>();
    working.forEach((ref, w) -> out.add(new OrderUpdate(ref, w.id,
        w.filled > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.SUBMITTED, w.filled, w.remaining(), clock.now(), "")));
    return out;
  }

  /**
   * Accepts {@code intent}: the order id, the order's record and its first fills are kept in one
   * atomic block with the statuses and fills the listener stores, so after a crash the broker
   * either knows the order (and the bot's journal its status) or neither does.
   */
  @Override
  public long place(OrderIntent intent) {
    Check.notNull(intent, "intent");
    if (ids.containsKey(intent.ref())) {
      throw new IllegalStateException("order ref " + intent.ref() + " was already sent; refusing a duplicate");
    }
    return atomically(() -> {
      long id = nextOrderId++;
      ids.put(intent.ref(), id);
      for (ComboLeg leg : intent.legs()) {
        if (market.quote(leg.contract()).isEmpty()) {
          saveOrder(intent, id, 0, false);
          emit(intent.ref(), id, OrderStatus.INACTIVE, 0, intent.quantity(), "no quote for " + leg.contract().key());
          return id;
        }
      }
      saveOrder(intent, id, 0, true);
      emit(intent.ref(), id, OrderStatus.SUBMITTED, 0, intent.quantity(), "");
      Working w = new Working(intent, id);
      working.put(intent.ref(), w);
      tryFill(w);
      return id;
    });
  }

  private void saveOrder(OrderIntent intent, long id, int filled, boolean isWorking) {
    port.saveOrder(new PaperAccountPort.SavedOrder(intent.ref(), id, intent.quantity(), filled, isWorking));
    port.saveAccount(cash, nextOrderId, execSeq);
  }

  /**
   * Changes the limit of a working order and tries to fill it again at once, keeping its order
   * id and what already filled (as IB does when placeOrder is re-sent with the same id); a ref
   * not working is ignored.
   */
  @Override
  public void modify(OrderRef ref, dev.alvh.core.order.NetPrice newLimit) {
    Working w = working.get(ref);
    if (w == null) {
      return;
    }
    OrderIntent o = w.intent;
    Working next = new Working(new OrderIntent(o.ref(), o.purpose(), o.trancheId(), o.legs(), o.quantity(), newLimit,
        o.reason()), w.id);
    next.filled = w.filled;
    working.put(ref, next);
    atomically(() -> tryFill(next));
  }

  /**
   * Tries every working order again at the market of now (the market moved since it rested).
   * The trading cycle may call this before it reads the account; fills reach the listener.
   *
   * @return how many orders filled in whole or in part
   */
  public int matchWorking() {
    int n = 0;
    for (Working w : List.copyOf(working.values())) {
      if (atomically(() -> tryFill(w))) {
        n++;
      }
    }
    return n;
  }

  @Override
  public void cancel(OrderRef ref) {
    Working w = working.get(ref);
    if (w != null) {
      atomically(() -> {
        working.remove(ref);
        saveOrder(w.intent, w.id, w.filled, false);
        emit(ref, w.id, OrderStatus.CANCELLED, w.filled, w.remaining(), "cancelled by the bot");
      });
    }
  }

  /**
   * Orders the broker completed without the bot seeing it: after a restart, those that were
   * still working, as cancelled with what had filled (IB's completed orders, for the bot's
   * reconciliation). Empty for a new account.
   */
  @Override
  public List<OrderUpdate> completedOrders() {
    return List.copyOf(cancelledByRestart);
  }

  /**
   * The executions at or after {@code since}, oldest first, as kept by the account's port (IB's
   * executions request, for the bot's reconciliation); empty when the account is not kept.
   */
  @Override
  public List<Fill> executionsSince(java.time.Instant since) {
    return port.executionsSince(Check.notNull(since, "since"));
  }

  @Override
  public void setListener(BrokerListener listener) {
    this.listener = Check.notNull(listener, "listener");
  }

  /** The fill model this broker fills with. */
  public PaperConfig.Fill fillModel() {
    return fillModel;
  }

  /**
   * The model fill price per unit of each leg of {@code intent} now: a leg bought at
   * {@code bid + s x spread}, a leg sold at {@code ask - s x spread}, {@code s} the fill model's
   * share for the order's number of legs, 4 decimals rounded against the bot; empty when a leg
   * has no quote.
   */
  public Optional<List<BigDecimal>> modelLegPrices(OrderIntent intent) {
    BigDecimal share = fillModel.share(intent.legs().size());
    List<BigDecimal> out = new ArrayList<>(intent.legs().size());
    for (ComboLeg leg : intent.legs()) {
      Optional<OptionQuote> q = market.quote(leg.contract());
      if (q.isEmpty()) {
        return Optional.empty();
      }
      BigDecimal paid = q.get().spread().multiply(share);
      out.add(leg.side() == Side.BUY
          ? q.get().bid().add(paid).setScale(PRICE_SCALE, RoundingMode.CEILING)
          : q.get().ask().subtract(paid).max(BigDecimal.ZERO).setScale(PRICE_SCALE, RoundingMode.FLOOR));
    }
    return Optional.of(out);
  }

  /** The model net price of one combo of {@code intent} (BAG convention: positive a debit); empty without quotes. */
  public Optional<BigDecimal> modelNetPrice(OrderIntent intent) {
    return modelLegPrices(intent).map(prices -> net(intent, prices));
  }

  private static BigDecimal net(OrderIntent intent, List<BigDecimal> prices) {
    BigDecimal net = BigDecimal.ZERO;
    for (int i = 0; i < prices.size(); i++) {
      ComboLeg leg = intent.legs().get(i);
      net = net.add(leg.perCombo(prices.get(i)));
    }
    return net;
  }

  /** Fills what the model allows of {@code w}; true when something filled. */
  private boolean tryFill(Working w) {
    OrderIntent intent = w.intent;
    Optional<List<BigDecimal>> prices = modelLegPrices(intent);
    if (prices.isEmpty()) {
      return false;
    }
    BigDecimal net = net(intent, prices.get());
    if (intent.limit().bagLimit().compareTo(net) < 0) {
      LOG.debug("{} rests: limit {} below model price {}", intent.ref(), intent.limit().bagLimit(), net);
      return false;
    }
    int qty = w.remaining();
    if (qty > 1 && config.partialFillProbability() > 0 && partialDraws.nextDouble() < config.partialFillProbability()) {
      qty = 1 + partialDraws.nextInt(qty - 1);
    }
    BigDecimal perContract = config.commissionPerContract().add(config.feePerContract());
    for (int i = 0; i < intent.legs().size(); i++) {
      ComboLeg leg = intent.legs().get(i);
      int legQty = leg.ratio() * qty;
      Fill fill = new Fill(intent.ref(), execId(execSeq++), clock.now(),
          leg.contract(), leg.side(), legQty, prices.get().get(i), perContract.multiply(BigDecimal.valueOf(legQty)));
      book(fill);
      // Kept before the listener stores the bot's fill row, in the same atomic block (the callers
      // of tryFill open it): a crash anywhere in here undoes the broker's booking and the bot's
      // rows together, and the restarted broker reports the order cancelled with what was kept.
      port.saveExecution(fill);
      port.savePosition(fill.contract(), positions.getOrDefault(fill.contract(), 0L),
          costs.getOrDefault(fill.contract(), BigDecimal.ZERO));
      listener.filled(fill);
    }
    w.filled += qty;
    saveOrder(intent, w.id, w.filled, w.remaining() > 0);
    if (w.remaining() == 0) {
      working.remove(intent.ref());
      emit(intent.ref(), w.id, OrderStatus.FILLED, w.filled, 0, "");
    } else {
      emit(intent.ref(), w.id, OrderStatus.PARTIALLY_FILLED, w.filled, w.remaining(), "");
    }
    return true;
  }

  /**
   * Settles in cash every SPXW position expiring on {@code date} at {@code settlement} (the SPX
   * close), then every other class expiring that day at its own settlement value
   * ({@link #settleExpiring(LocalDate)}). The account receives or pays the intrinsic value and
   * the position is removed; each one is written to the ledger. Calling it twice settles once.
   *
   * @return the cash that moved, USD
   */
  public BigDecimal settleExpiring(LocalDate date, BigDecimal settlement) {
    Check.notNull(date, "date");
    Check.notNull(settlement, "settlement");
    return atomically(() -> settle(date, OptionContract.SPXW, settlement).add(settleExpiring(date)));
  }

  /**
   * Settles in cash every position expiring on {@code date}, each class at its settlement value
   * of that day: SPXW at the SPX close, SPX monthly at the SPX open (SOQ), VIX at the VIX open.
   * A class whose value the market does not have stays open (and is logged).
   *
   * @return the cash that moved, USD
   */
  public BigDecimal settleExpiring(LocalDate date) {
    Check.notNull(date, "date");
    return atomically(() -> settleAll(date));
  }

  private BigDecimal settleAll(LocalDate date) {
    BigDecimal moved = BigDecimal.ZERO;
    List<String> classes = positions.keySet().stream().filter(c -> c.expiry().equals(date))
        .map(OptionContract::tradingClass).distinct().toList();
    for (String cls : classes) {
      Optional<BigDecimal> price = settlementPrices.settlementPrice(cls, date);
      if (price.isEmpty()) {
        LOG.warn("no settlement value for {} options expiring {}: positions stay open", cls, date);
        continue;
      }
      moved = moved.add(settle(date, cls, price.get()));
    }
    return moved;
  }

  /** Every position settled so far, in order. */
  public List<Settlement> settlements() {
    return List.copyOf(ledger);
  }

  private BigDecimal settle(LocalDate date, String tradingClass, BigDecimal price) {
    BigDecimal moved = BigDecimal.ZERO;
    List<OptionContract> expiring = positions.keySet().stream()
        .filter(c -> c.expiry().equals(date) && tradingClass.equals(c.tradingClass())).toList();
    for (OptionContract c : expiring) {
      long q = positions.remove(c);
      costs.remove(c);
      keys.remove(c);
      BigDecimal flow = c.intrinsic(price).multiply(BigDecimal.valueOf(q * c.multiplier()))
          .setScale(2, RoundingMode.HALF_EVEN);
      cash = cash.add(flow);
      moved = moved.add(flow);
      Settlement s = new Settlement(date, c, Math.toIntExact(q), price, flow);
      ledger.add(s);
      port.savePosition(c, 0, BigDecimal.ZERO);
      port.saveSettlement(s);
    }
    if (!expiring.isEmpty()) {
      port.saveAccount(cash, nextOrderId, execSeq);
      LOG.info("settled {} expiring {} series on {} at {}: {} USD", expiring.size(), tradingClass, date,
          price.toPlainString(), moved.toPlainString());
    }
    return moved;
  }

  private void book(Fill f) {
    cash = cash.add(f.cashFlow());
    long before = positions.getOrDefault(f.contract(), 0L);
    long after = before + f.signedQuantity();
    BigDecimal fillCost = f.price().multiply(BigDecimal.valueOf(f.contract().multiplier()));
    if (after == 0) {
      positions.remove(f.contract());
      costs.remove(f.contract());
      keys.remove(f.contract());
      return;
    }
    positions.put(f.contract(), after);
    if (before == 0 || Long.signum(before) != Long.signum(after)) {
      costs.put(f.contract(), fillCost);
    } else if (Math.abs(after) > Math.abs(before)) {
      BigDecimal old = costs.getOrDefault(f.contract(), fillCost).multiply(BigDecimal.valueOf(Math.abs(before)));
      costs.put(f.contract(), old.add(fillCost.multiply(BigDecimal.valueOf(f.quantity())))
          .divide(BigDecimal.valueOf(Math.abs(after)), 4, RoundingMode.HALF_EVEN));
    }
  }

  /** Intrinsic value now, for a position without a quote: at its settlement value once known, else at the underlying. */
  private BigDecimal intrinsicNow(OptionContract c) {
    LocalDate today = clock.marketDate();
    if (!c.expiry().isAfter(today)) {
      Optional<BigDecimal> settled = settlementPrices.settlementPrice(c.tradingClass(), c.expiry());
      if (settled.isPresent()) {
        return c.intrinsic(settled.get());
      }
    }
    return c.intrinsic(BigDecimal.valueOf(market.settlementUnderlyingNow(c))).setScale(2, RoundingMode.HALF_EVEN);
  }

  private String key(OptionContract c) {
    return keys.computeIfAbsent(c, OptionContract::key);
  }

  /** The execution id of sequence number {@code seq}: {@code paper.} and at least eight digits, as {@code %08d} writes it. */
  static String execId(long seq) {
    String digits = Long.toString(seq);
    if (seq < 0) {
      return String.format(Locale.ROOT, "paper.%08d", seq);
    }
    return digits.length() >= 8 ? "paper." + digits : "paper." + "0".repeat(8 - digits.length()) + digits;
  }

  private void emit(OrderRef ref, long id, OrderStatus status, int filled, int remaining, String reason) {
    listener.orderUpdated(new OrderUpdate(ref, id, status, filled, remaining, clock.now(), reason));
  }
}
