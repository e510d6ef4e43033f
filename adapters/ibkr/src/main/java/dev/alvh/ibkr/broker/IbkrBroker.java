package dev.alvh.ibkr.broker;

import dev.alvh.core.Check;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.account.Position;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.msg.ClientMessage;
import dev.alvh.ibkr.msg.Contract;
import dev.alvh.ibkr.msg.ErrorClass;
import dev.alvh.ibkr.msg.Order;
import dev.alvh.ibkr.msg.ServerMessage;
import dev.alvh.ibkr.session.TwsRequestException;
import dev.alvh.ibkr.session.TwsSession;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core {@link Broker} over a {@link TwsSession}: account summary, positions, open orders,
 * order entry (single options and BAG combos) and the order events.
 *
 * <p>Orders never go out twice: every order carries the intent's {@code orderRef}; a ref already
 * sent in this process, seen in TWS's open orders or in today's executions is refused. After
 * every (re)connect, before any new order may be sent, open orders and executions are read back
 * ({@link #onConnected}), so fills made while disconnected are delivered, each execution id once.
 *
 * <p>Events reach the {@link BrokerListener} on one thread of their own ({@code ibkr-events}), in
 * order, never on the socket's threads, so the listener may call this broker.
 *
 * <p>Sign convention (brief §4.6, {@link NetPrice}): a BAG is always bought with the legs' own
 * actions at the signed net price (negative = credit). A single option is bought at a debit or
 * sold at a credit, with a positive limit.
 */
public final class IbkrBroker implements Broker, TwsSession.Listener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IbkrBroker.class);
  private static final BigDecimal SPX_PACKAGE_TICK = new BigDecimal("0.05");
  private static final String SUMMARY_TAGS = "NetLiquidation,TotalCashValue";
  private static final int NOT_AN_ORDER = Integer.MAX_VALUE;

  private final TwsSession session;
  private final ContractResolver resolver;
  private final Clock clock;
  private final String account;

  /** Every ref sent or seen, with its order id; never shrinks while the process runs. */
  private final Map<String, Integer> refs = new ConcurrentHashMap<>();
  private final Map<Integer, OrderRef> byId = new ConcurrentHashMap<>();
  /** What was sent per order id, for modify. */
  private final Map<Integer, ClientMessage.PlaceOrder> sent = new ConcurrentHashMap<>();
  /** Order ids TWS has said anything about (open order, status, execution, error). */
  private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
  /** Order ids reported lost in flight, so they are reported once. */
  private final Set<Integer> lost = ConcurrentHashMap.newKeySet();
  /** Execution keys (execId without its correction suffix) already turned into fills. */
  private final Set<String> filled = ConcurrentHashMap.newKeySet();
  private final Map<String, ServerMessage.ExecDetails> awaitingCommission = new ConcurrentHashMap<>();
  private final Map<String, ServerMessage.CommissionReport> earlyCommission = new ConcurrentHashMap<>();
  private final ExecutorService ownEvents;
  private volatile Thread eventThread;
  private volatile java.util.concurrent.Executor events;
  private volatile Runnable afterRoundTrip = () -> { };
  /** Every fill of a bot order reported in this session (reqExecutions at connect and live ones). */
  private final List<Fill> executions = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile BrokerListener listener = new BrokerListener() {
    @Override
    public void orderUpdated(OrderUpdate update) {
    }

    @Override
    public void filled(Fill fill) {
    }
  };

  /**
   * A broker over {@code session}; registers itself as the session's listener, so create it
   * before {@link TwsSession#connect()}.
   *
   * @param account the account for orders and values, or empty for the first managed account
   */
  public IbkrBroker(TwsSession session, ContractResolver resolver, Clock clock, String account) {
    this.session = Check.notNull(session, "session");
    this.resolver = Check.notNull(resolver, "resolver");
    this.clock = Check.notNull(clock, "clock");
    this.account = Check.notNull(account, "account");
    this.ownEvents = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "ibkr-events");
      t.setDaemon(true);
      eventThread = t;
      return t;
    });
    this.events = ownEvents;
    session.addListener(this);
  }

  /** The account this broker trades: the configured one, else the first managed account. */
  public String accountCode() {
    if (!account.isEmpty()) {
      return account;
    }
    List<String> all = session.accounts();
    return all.isEmpty() ? "" : all.get(0);
  }

  /**
   * Delivers listener events through {@code executor} instead of the broker's own
   * {@code ibkr-events} thread, e.g. the runtime's cycle thread, whose engine is single-threaded.
   * The executor must run tasks in submission order.
   */
  public void setEventExecutor(java.util.concurrent.Executor executor) {
    setEventExecutor(executor, () -> { });
  }

  /**
   * As {@link #setEventExecutor(java.util.concurrent.Executor)}, and after each order action's
   * round trip (place, modify, cancel) runs {@code afterRoundTrip} on the calling thread: e.g. a
   * queue's drain, so the events the round trip flushed reach the listener before the action
   * returns, as with the broker's own event thread.
   */
  public void setEventExecutor(java.util.concurrent.Executor executor, Runnable afterRoundTrip) {
    this.afterRoundTrip = Check.notNull(afterRoundTrip, "afterRoundTrip");
    this.events = Check.notNull(executor, "executor");
  }

  /** {@link #setEventExecutor(java.util.concurrent.Executor, Runnable)}; IB's events need it. */
  @Override
  public boolean deliverEventsThrough(java.util.concurrent.Executor executor, Runnable afterRoundTrip) {
    setEventExecutor(executor, afterRoundTrip);
    return true;
  }

  @Override
  public void setListener(BrokerListener listener) {
    this.listener = Check.notNull(listener, "listener");
  }

  // --- reads ---------------------------------------------------------------------------------

  @Override
  public AccountSummary account() {
    return new AccountSummary(value("NetLiquidation"), value("TotalCashValue"));
  }

  /** Account values by tag for the traded account (reqAccountSummary, then cancelled). */
  public Map<String, BigDecimal> accountValues() {
    int reqId = session.nextRequestId();
    List<ServerMessage> answers;
    try {
      answers = session.call("reqAccountSummary", reqId,
          new ClientMessage.ReqAccountSummary(reqId, "All", SUMMARY_TAGS),
          m -> m instanceof ServerMessage.AccountSummaryEnd);
    } finally {
      cancelQuietly(new ClientMessage.CancelAccountSummary(reqId));
    }
    String acct = accountCode();
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (ServerMessage m : answers) {
      if (m instanceof ServerMessage.AccountSummary s && (acct.isEmpty() || acct.equals(s.account()))) {
        try {
          out.put(s.tag(), new BigDecimal(s.value()));
        } catch (NumberFormatException e) {
          LOG.warn("Account value {} is not a number: '{}'", s.tag(), s.value());
        }
      }
    }
    return out;
  }

  private BigDecimal value(String tag) {
    BigDecimal v = accountValues().get(tag);
    if (v == null) {
      throw new TwsRequestException("TWS sent no " + tag + " for account " + mask(accountCode()));
    }
    return v;
  }

  @Override
  public List<Position> positions() {
    List<ServerMessage> answers;
    try {
      answers = session.call("reqPositions", "positions", new ClientMessage.ReqPositions(),
          m -> m instanceof ServerMessage.PositionEnd);
    } finally {
      cancelQuietly(new ClientMessage.CancelPositions());
    }
    String acct = accountCode();
    List<Position> out = new ArrayList<>();
    for (ServerMessage m : answers) {
      if (m instanceof ServerMessage.Position p && p.position().signum() != 0
          && (acct.isEmpty() || acct.equals(p.account()))) {
        Optional<OptionContract> c = Contracts.toOption(p.contract());
        if (c.isPresent()) {
          out.add(new Position(c.get(), p.position().longValueExact(), p.avgCost()));
        } else {
          LOG.debug("Position in {} {} is not an option the bot trades; left out", p.contract().symbol(),
              p.contract().secType());
        }
      }
    }
    return out;
  }

  @Override
  public List<OrderUpdate> openOrders() {
    List<ServerMessage> answers = session.call("reqOpenOrders", "openOrders", new ClientMessage.ReqOpenOrders(),
        m -> m instanceof ServerMessage.OpenOrderEnd);
    Map<Integer, ServerMessage.OpenOrder> orders = new LinkedHashMap<>();
    Map<Integer, ServerMessage.OrderStatus> statuses = new LinkedHashMap<>();
    for (ServerMessage m : answers) {
      if (m instanceof ServerMessage.OpenOrder o && !o.whatIf()) {
        orders.put(o.orderId(), o);
        learn(o.orderRef(), o.orderId());
      } else if (m instanceof ServerMessage.OrderStatus s) {
        statuses.put(s.orderId(), s);
      }
    }
    List<OrderUpdate> out = new ArrayList<>();
    for (ServerMessage.OpenOrder o : orders.values()) {
      Optional<OrderRef> ref = parseRef(o.orderRef());
      if (ref.isEmpty()) {
        continue;
      }
      ServerMessage.OrderStatus s = statuses.get(o.orderId());
      OrderUpdate u = s != null ? toUpdate(ref.get(), s)
          : new OrderUpdate(ref.get(), o.orderId(), map(o.state().status(), 0, 0), 0,
              o.totalQuantity().intValue(), clock.now(), "");
      if (!u.status().isTerminal()) {
        out.add(u);
      }
    }
    return out;
  }

  // --- orders --------------------------------------------------------------------------------

  @Override
  public long place(OrderIntent intent) {
    Check.notNull(intent, "intent");
    String ref = intent.ref().value();
    Integer known = refs.get(ref);
    if (known != null) {
      throw new IllegalStateException("order ref " + ref + " was already sent (order id " + known
          + "); refusing a duplicate");
    }
    ClientMessage.PlaceOrder msg;
    int orderId = session.nextOrderId();
    msg = new ClientMessage.PlaceOrder(orderId, contractOf(intent), orderOf(intent, false));
    if (refs.putIfAbsent(ref, orderId) != null) {
      throw new IllegalStateException("order ref " + ref + " was sent concurrently; refusing a duplicate");
    }
    byId.put(orderId, intent.ref());
    try {
      session.sendOrder(msg);
    } catch (TwsRequestException e) {
      if (e.code() == TwsRequestException.NOT_SENT) {
        refs.remove(ref, orderId); // never written to the socket: the ref may be sent later
        byId.remove(orderId);
      }
      throw e;
    }
    sent.put(orderId, msg);
    LOG.info("Sent order {} as id {}: {} x{} {} ({} legs)", ref, orderId, msg.order().action(),
        msg.order().totalQuantity().toPlainString(), intent.limit(), intent.legs().size());
    settle();
    return orderId;
  }

  /**
   * Moves a working order's limit (price walking): placeOrder again with the same order id and
   * the new limit (brief §3.3, "Modifying Orders").
   *
   * @throws IllegalArgumentException if {@code ref} was not sent by this broker
   */
  public void modify(OrderRef ref, NetPrice limit) {
    Integer id = refs.get(ref.value());
    ClientMessage.PlaceOrder before = id == null ? null : sent.get(id);
    Check.isTrue(before != null, "orderRef", "must be an order this broker sent, but was " + ref);
    Order o = before.order();
    BigDecimal lmt = before.contract().isBag() ? limit.bagLimit() : limit.amount();
    Order changed = new Order(o.action(), o.totalQuantity(), o.orderType(), Optional.of(lmt), o.auxPrice(), o.tif(),
        o.ocaGroup(), o.ocaType(), o.account(), o.openClose(), o.orderRef(), o.transmit(), o.parentId(),
        o.outsideRth(), o.goodAfterTime(), o.goodTillDate(), o.whatIf(), o.smartComboRoutingParams());
    ClientMessage.PlaceOrder msg = new ClientMessage.PlaceOrder(id, before.contract(), changed);
    session.sendOrder(msg);
    sent.put(id, msg);
    LOG.info("Modified order {} (id {}) to {}", ref, id, limit);
    settle();
  }

  @Override
  public void cancel(OrderRef ref) {
    Integer id = refs.get(ref.value());
    if (id == null) {
      LOG.debug("Cancel of unknown order {} ignored", ref);
      return;
    }
    session.send(ClientMessage.CancelOrder.of(id));
    LOG.info("Cancel sent for order {} (id {})", ref, id);
    settle();
  }

  /**
   * After an order action (place, modify, cancel): waits until TWS has answered everything sent
   * before on this connection and those answers have reached the listener, so the caller sees the
   * acknowledgement, and the fills TWS made at once, before it goes on, as it does with the
   * in-process paper broker (whose place, modify and cancel report synchronously). One
   * reqCurrentTime round trip (TWS handles a connection's messages in order; the heartbeat's time
   * limit, {@code broker.ibkr.heartbeatTimeoutSeconds}), then the event thread is drained. Best
   * effort: without an answer the events come as they come (a dropped connection is handled by the
   * reconciliation after the reconnect).
   */
  private void settle() {
    try {
      session.currentTime();
    } catch (TwsRequestException e) {
      LOG.debug("No round trip after an order action ({}); its events come when they come", e.getMessage());
      return;
    }
    if (events == ownEvents && Thread.currentThread() != eventThread) {
      drainEvents();
    } else if (events != ownEvents) {
      afterRoundTrip.run();
    }
  }

  /** The margin preview of {@code intent} (IB's whatIf flag): never routed, never executed. */
  public WhatIf whatIf(OrderIntent intent) {
    int orderId = session.nextOrderId();
    ClientMessage.PlaceOrder msg = new ClientMessage.PlaceOrder(orderId, contractOf(intent), orderOf(intent, true));
    List<ServerMessage> answers = session.call("what-if order", "whatIf:" + orderId, msg,
        m -> m instanceof ServerMessage.OpenOrder o && o.whatIf());
    ServerMessage.OpenOrder o = (ServerMessage.OpenOrder) answers.get(answers.size() - 1);
    ServerMessage.OrderState s = o.state();
    return new WhatIf(s.initMarginBefore(), s.initMarginChange(), s.initMarginAfter(), s.maintMarginChange(),
        s.equityWithLoanChange(), s.commission(), s.commissionCurrency(), s.warningText());
  }

  /** A what-if answer: margin figures as TWS sent them (text; empty or huge when unknown). */
  public record WhatIf(String initMarginBefore, String initMarginChange, String initMarginAfter,
      String maintMarginChange, String equityWithLoanChange, Optional<BigDecimal> commission,
      String commissionCurrency, String warningText) {
  }

  private Contract contractOf(OrderIntent intent) {
    if (intent.legs().size() == 1) {
      OptionContract c = intent.legs().get(0).contract();
      return Contracts.option(c, resolver.conId(c));
    }
    List<dev.alvh.ibkr.msg.ComboLeg> legs = new ArrayList<>();
    for (ComboLeg leg : intent.legs()) {
      legs.add(dev.alvh.ibkr.msg.ComboLeg.of(resolver.conId(leg.contract()), leg.ratio(), leg.side().name(),
          Contracts.OPTION_EXCHANGE));
    }
    return Contract.bag(intent.legs().get(0).contract().symbol(), Contracts.OPTION_EXCHANGE, legs);
  }

  private Order orderOf(OrderIntent intent, boolean whatIf) {
    NetPrice limit = intent.limit();
    String action;
    BigDecimal quantity;
    BigDecimal lmt;
    if (intent.legs().size() == 1) {
      ComboLeg leg = intent.legs().get(0);
      action = leg.side().name();
      quantity = BigDecimal.valueOf((long) leg.ratio() * intent.quantity());
      boolean consistent = leg.side() == Side.BUY ? limit.signed().signum() >= 0 : limit.signed().signum() <= 0;
      Check.isTrue(consistent, "limit", "of a single " + leg.side() + " leg must be a "
          + (leg.side() == Side.BUY ? "debit" : "credit") + ", but was " + limit + " (" + intent.ref() + ")");
      lmt = limit.amount();
    } else {
      action = "BUY";
      quantity = BigDecimal.valueOf(intent.quantity());
      lmt = limit.bagLimit();
      if ("SPX".equals(intent.legs().get(0).contract().symbol())) {
        Check.isTrue(lmt.remainder(SPX_PACKAGE_TICK).signum() == 0, "limit",
            "of an SPX combo must be a multiple of 0.05 (Cboe package tick), but was " + lmt.toPlainString()
                + " (" + intent.ref() + ")");
      }
    }
    return Order.builder(action, quantity, "LMT").lmtPrice(lmt).tif("DAY").account(accountCode())
        .orderRef(intent.ref().value()).whatIf(whatIf).build();
  }

  // --- events (dispatcher thread: quick, no requests) ----------------------------------------

  @Override
  public void onMessage(ServerMessage m) {
    if (m instanceof ServerMessage.OpenOrder o) {
      acknowledged.add(o.orderId());
    } else if (m instanceof ServerMessage.OrderStatus s) {
      acknowledged.add(s.orderId());
    } else if (m instanceof ServerMessage.ExecDetails x) {
      acknowledged.add(x.orderId());
    } else if (m instanceof ServerMessage.ErrorMessage e && e.requestId() >= 0
        && e.requestId() < TwsSession.FIRST_REQUEST_ID) {
      acknowledged.add(e.requestId());
    }
    if (m instanceof ServerMessage.OpenOrder o && !o.whatIf()) {
      learn(o.orderRef(), o.orderId());
    } else if (m instanceof ServerMessage.OrderStatus s) {
      OrderRef ref = byId.get(s.orderId());
      if (ref != null) {
        OrderUpdate u = toUpdate(ref, s);
        deliver(() -> listener.orderUpdated(u));
      }
    } else if (m instanceof ServerMessage.ErrorMessage e && e.requestId() >= 0
        && e.requestId() < TwsSession.FIRST_REQUEST_ID) {
      OrderRef ref = byId.get(e.requestId());
      if (ref != null && ErrorClass.of(e.code()).endsOrder()) {
        OrderUpdate u = new OrderUpdate(ref, e.requestId(), OrderStatus.INACTIVE, 0, 0, clock.now(),
            "TWS " + e.code() + ": " + e.message());
        deliver(() -> listener.orderUpdated(u));
      }
    } else if (m instanceof ServerMessage.ExecDetails x) {
      onExecution(x);
    } else if (m instanceof ServerMessage.CommissionReport c) {
      onCommission(c);
    }
  }

  @Override
  public void onConnected(TwsSession s, boolean reconnect) {
    List<OrderUpdate> open = openOrders();
    int reqId = s.nextRequestId();
    List<ServerMessage> execs = s.call("reqExecutions", reqId, ClientMessage.ReqExecutions.all(reqId),
        m -> m instanceof ServerMessage.ExecDetailsEnd);
    long count = execs.stream().filter(m -> m instanceof ServerMessage.ExecDetails).count();
    LOG.info("Reconciled with TWS{}: {} open orders of the bot, {} executions today", reconnect ? " after reconnect" : "",
        open.size(), count);
    for (OrderUpdate u : open) {
      deliver(() -> listener.orderUpdated(u));
    }
    for (Map.Entry<Integer, ClientMessage.PlaceOrder> e : sent.entrySet()) {
      int id = e.getKey();
      if (!acknowledged.contains(id) && lost.add(id)) {
        OrderRef ref = byId.get(id);
        LOG.warn("Order {} (id {}) was never acknowledged by TWS before the connection dropped and is not"
            + " among its open orders or executions: reported Inactive (its ref stays refused)", ref, id);
        OrderUpdate u = new OrderUpdate(ref, id, OrderStatus.INACTIVE, 0, e.getValue().order().totalQuantity()
            .intValue(), clock.now(), "lost in flight: TWS never acknowledged it before the connection dropped");
        deliver(() -> listener.orderUpdated(u));
      }
    }
  }

  /**
   * After a 1100 gap (1101/1102 on the same socket): today's executions are read again, so fills
   * made while TWS was cut off from IB are booked; each execution id once, as always.
   */
  @Override
  public void onLinkRestored(TwsSession s) {
    int reqId = s.nextRequestId();
    List<ServerMessage> execs = s.call("reqExecutions", reqId, ClientMessage.ReqExecutions.all(reqId),
        m -> m instanceof ServerMessage.ExecDetailsEnd);
    LOG.info("Link to IB restored: {} executions today read again (each booked once)",
        execs.stream().filter(m -> m instanceof ServerMessage.ExecDetails).count());
  }

  @Override
  public void onDisconnected(String reason) {
    LOG.info("Broker events paused: {}", reason);
  }

  /**
   * Every execution of a bot order TWS reported in this session, each once: those of the day
   * requested at connect (which may arrive before a listener is set) and those since. The
   * reconciliation reads them to store fills that happened while the bot was down.
   */
  public List<Fill> executions() {
    return List.copyOf(executions);
  }

  /**
   * The {@link #executions()} at or after {@code since}: IB reports the day's executions; the
   * reconciliation skips those already stored (by exec id).
   */
  @Override
  public List<Fill> executionsSince(java.time.Instant since) {
    return executions().stream().filter(f -> !f.time().isBefore(since)).toList();
  }

  /** The bot order behind TWS order id {@code orderId}, if it is one. */
  public Optional<OrderRef> refOf(int orderId) {
    return Optional.ofNullable(byId.get(orderId));
  }

  /** True if {@code ref} has been sent or seen at TWS (open order or execution). */
  public boolean knows(OrderRef ref) {
    return refs.containsKey(ref.value());
  }

  private void learn(String orderRef, int orderId) {
    Optional<OrderRef> ref = parseRef(orderRef);
    if (ref.isPresent() && orderId != 0 && orderId != NOT_AN_ORDER) {
      refs.putIfAbsent(ref.get().value(), orderId);
      byId.putIfAbsent(orderId, ref.get());
    }
  }

  private void onExecution(ServerMessage.ExecDetails x) {
    Optional<OrderRef> ref = parseRef(x.orderRef());
    if (ref.isEmpty() && byId.containsKey(x.orderId())) {
      ref = Optional.of(byId.get(x.orderId()));
    }
    if (ref.isPresent()) {
      learn(ref.get().value(), x.orderId());
    }
    if ("BAG".equals(x.contract().secType()) || ref.isEmpty()) {
      return;
    }
    String key = execKey(x.execId());
    if (filled.contains(key)) {
      if (!x.execId().equals(key) && !awaitingCommission.containsKey(x.execId())) {
        LOG.debug("Execution {} already booked (correction or replay) - not booked again", x.execId());
      }
      return;
    }
    ServerMessage.CommissionReport c = earlyCommission.remove(x.execId());
    if (c != null) {
      emitFill(x, c);
    } else {
      awaitingCommission.put(x.execId(), x);
    }
  }

  private void onCommission(ServerMessage.CommissionReport c) {
    ServerMessage.ExecDetails x = awaitingCommission.remove(c.execId());
    if (x != null) {
      emitFill(x, c);
    } else if (!filled.contains(execKey(c.execId()))) {
      earlyCommission.put(c.execId(), c);
    }
  }

  private void emitFill(ServerMessage.ExecDetails x, ServerMessage.CommissionReport c) {
    if (!filled.add(execKey(x.execId()))) {
      return;
    }
    Optional<OptionContract> contract = Contracts.toOption(x.contract());
    OrderRef ref = parseRef(x.orderRef()).orElseGet(() -> byId.get(x.orderId()));
    if (contract.isEmpty() || ref == null) {
      LOG.warn("Execution {} in {} {} is not an option leg of a bot order; not booked", x.execId(),
          x.contract().symbol(), x.contract().secType());
      return;
    }
    Side side = "BOT".equals(x.side()) ? Side.BUY : Side.SELL;
    Fill fill = new Fill(ref, x.execId(), parseTime(x.time()), contract.get(), side, x.shares().intValueExact(),
        x.price(), c.commission().orElse(BigDecimal.ZERO).abs());
    executions.add(fill);
    deliver(() -> listener.filled(fill));
  }

  private OrderUpdate toUpdate(OrderRef ref, ServerMessage.OrderStatus s) {
    int filledQty = s.filled().intValue();
    int remaining = s.remaining().intValue();
    return new OrderUpdate(ref, s.orderId(), map(s.status(), filledQty, remaining), filledQty, remaining,
        clock.now(), s.whyHeld());
  }

  /** TWS order status text to the core status (brief §5.4). */
  static OrderStatus map(String status, int filledQty, int remaining) {
    switch (status) {
      case "PendingSubmit", "ApiPending":
        return OrderStatus.PENDING_SUBMIT;
      case "PreSubmitted":
        return OrderStatus.PRE_SUBMITTED;
      case "Submitted", "PendingCancel", "PreCancelled":
        return filledQty > 0 && remaining > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.SUBMITTED;
      case "Filled":
        return OrderStatus.FILLED;
      case "Cancelled":
        return OrderStatus.CANCELLED;
      case "ApiCancelled":
        return OrderStatus.API_CANCELLED;
      case "Inactive":
        return OrderStatus.INACTIVE;
      default:
        LOG.warn("Unknown TWS order status '{}'; treated as Submitted", status);
        return OrderStatus.SUBMITTED;
    }
  }

  /** The execution id without a correction suffix: corrections differ only after the last dot. */
  static String execKey(String execId) {
    int dot = execId.lastIndexOf('.');
    return dot > 0 && execId.indexOf('.') != dot ? execId.substring(0, dot) : execId;
  }

  private static final DateTimeFormatter EXEC_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter EXEC_TIME_UTC = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss", Locale.ROOT);

  /** Execution time: {@code yyyyMMdd HH:mm:ss zone}, {@code yyyyMMdd-HH:mm:ss} (UTC) or local. */
  Instant parseTime(String text) {
    try {
      String t = text.trim().replaceAll(" +", " ");
      if (t.length() == 17 && t.charAt(8) == '-') {
        return LocalDateTime.parse(t, EXEC_TIME_UTC).toInstant(ZoneOffset.UTC);
      }
      String[] p = t.split(" ");
      LocalDateTime local = LocalDateTime.parse(p[0] + " " + p[1], EXEC_TIME);
      ZoneId zone = p.length > 2 ? ZoneId.of(p[2]) : Clock.MARKET_ZONE;
      return local.atZone(zone).toInstant();
    } catch (RuntimeException e) {
      LOG.debug("Execution time '{}' not understood; using now", text);
      return clock.now();
    }
  }

  private static Optional<OrderRef> parseRef(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new OrderRef(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void deliver(Runnable r) {
    events.execute(() -> {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.error("Broker listener failed: {}", e.toString(), e);
      }
    });
  }

  private void cancelQuietly(ClientMessage m) {
    try {
      session.send(m);
    } catch (TwsRequestException e) {
      LOG.debug("{} not sent: {}", m.getClass().getSimpleName(), e.getMessage());
    }
  }

  /**
   * An account code masked for logs and output, keeping its letter prefix, which tells the
   * account's type (IB: {@code DU}/{@code DF} paper, {@code U} individual, {@code F} advisor), and
   * its last three digits (fewer for short codes): {@code DU0000001} becomes {@code DU****001},
   * {@code U1234567} becomes {@code U****567}.
   */
  public static String mask(String accountCode) {
    if (accountCode == null || accountCode.isEmpty()) {
      return "(default)";
    }
    int letters = 0;
    while (letters < accountCode.length() && Character.isLetter(accountCode.charAt(letters))) {
      letters++;
    }
    int rest = accountCode.length() - letters;
    int keep = Math.min(3, Math.max(0, rest - 1));
    return accountCode.substring(0, letters) + "*".repeat(rest - keep)
        + accountCode.substring(accountCode.length() - keep);
  }

  /** Stops the broker's own event thread (events already queued are dropped). */
  @Override
  public void close() {
    ownEvents.shutdownNow();
  }

  /**
   * Waits until every event so far has reached the listener through the broker's own event
   * thread (tests, orderly shutdown); not for events routed by {@link #setEventExecutor}.
   */
  @Override
  public void drainEvents() {
    try {
      ownEvents.submit(() -> { }).get();
    } catch (Exception e) {
      Thread.currentThread().interrupt();
    }
  }
}
