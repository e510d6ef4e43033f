package dev.alvh.ibkr.server;

import dev.alvh.core.Check;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.account.Position;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import dev.alvh.ibkr.broker.Contracts;
import dev.alvh.ibkr.msg.ClientCodec;
import dev.alvh.ibkr.msg.ClientMessage;
import dev.alvh.ibkr.msg.Contract;
import dev.alvh.ibkr.msg.ContractDetails;
import dev.alvh.ibkr.msg.Order;
import dev.alvh.ibkr.msg.ServerCodec;
import dev.alvh.ibkr.msg.ServerMessage;
import dev.alvh.ibkr.session.DaemonThreads;
import dev.alvh.ibkr.wire.FieldWriter;
import dev.alvh.ibkr.wire.Frame;
import dev.alvh.ibkr.wire.FrameDecoder;
import dev.alvh.ibkr.wire.Handshake;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server half of the TWS API at server version 178: serves any core {@link Broker} and
 * {@link MarketData} to TWS API clients, so the IBKR path runs end to end without IB
 * ({@code alvh paper-tws}) and tests have a fake TWS with scripted {@link Faults}.
 *
 * <p>What it answers: the handshake (any client range containing 178), startApi (managedAccounts,
 * nextValidId, farm-OK infos 2104/2106/2158, replay of the client's open orders; 326 if the
 * client id is taken), current time, market data (indices, options with a model option
 * computation, VX futures; streaming subscriptions are pushed again every
 * {@code tickInterval}; snapshots end with tickSnapshotEnd), contract details (error 200 for
 * unknown contracts), sec-def option parameters (SPX: SPXW and SPX; VIX: VIX; each if the market lists it),
 * positions, account summary, open orders, executions with commission reports, placeOrder
 * (single options and BAGs, limit orders only, what-if margin previews, modify by re-sending an
 * order id) and cancelOrder / global cancel, historical daily bars of the indices from the market's
 * history (reqHistoricalData, {@code 1 day} bars only).
 *
 * <p>Simplifications, on purpose: every client sees every execution (as TWS's master client id
 * does); a resting order fills only if the wrapped broker fills it; one account.
 *
 * <p>Threads: one accept thread, one thread per client, one pusher for streaming ticks. Calls
 * into the broker and market are serialized on one lock (the paper broker is single-threaded).
 */
public final class TwsServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TwsServer.class);
  private static final DateTimeFormatter CONN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss", Locale.ROOT);
  private static final int FIRST_OPTION_CON_ID = 600_000_000;
  private static final Map<String, Integer> INDEX_CON_IDS = Map.of("SPX", 416904, "VIX", 13455763, "VIX3M", 29588233);

  private final Broker broker;
  private final MarketData market;
  private final Clock clock;
  private final String account;
  private final Duration tickInterval;
  private final Object engine = new Object();
  private final Faults faults = new Faults();

  private final List<Client> clients = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> conIds = new ConcurrentHashMap<>();
  private final Map<Integer, Object> byConId = new ConcurrentHashMap<>();
  private final AtomicInteger nextConId = new AtomicInteger(FIRST_OPTION_CON_ID);
  private final Map<Integer, ServerOrder> orders = new ConcurrentHashMap<>();
  private final Map<String, ServerOrder> byBrokerRef = new ConcurrentHashMap<>();
  private final List<Execution> executions = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> placed = new ConcurrentHashMap<>();
  private final Map<String, Set<Integer>> placedIds = new ConcurrentHashMap<>();
  private final AtomicInteger nextValidId = new AtomicInteger(1);
  private final AtomicInteger permIds = new AtomicInteger(1_000_000);
  private final AtomicInteger execSeq = new AtomicInteger(1);
  private final AtomicInteger historyRequests = new AtomicInteger();
  private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
  private final AtomicInteger historyCancels = new AtomicInteger();
  private final ScheduledExecutorService pusher;
  private ServerSocket listener;
  private volatile boolean closed;
  private volatile java.time.LocalTime endOfDayAt;
  private volatile java.util.function.Consumer<LocalDate> endOfDay;
  private LocalDate lastEndOfDay;

  /** One order as the server tracks it. */
  private static final class ServerOrder {
    final int orderId;
    final int clientId;
    final int permId;
    final OrderRef ref;
    volatile String brokerRef;
    volatile Contract contract;
    volatile Order order;
    volatile OrderIntent intent;
    volatile String status = "PendingSubmit";
    volatile int filled;
    volatile BigDecimal lastPrice = BigDecimal.ZERO;
    /** Sum of the leg fills' price times quantity, signed for a BAG (a leg of the order's own side +). */
    volatile BigDecimal fillValue = BigDecimal.ZERO;
    /** Contracts filled over every leg. */
    volatile int legContracts;
    volatile int modifications;

    ServerOrder(int orderId, int clientId, int permId, OrderRef ref) {
      this.orderId = orderId;
      this.clientId = clientId;
      this.permId = permId;
      this.ref = ref;
    }

    boolean working() {
      return !status.equals("Filled") && !status.equals("Cancelled") && !status.equals("Inactive")
          && !status.equals("ApiCancelled");
    }
  }

  /** One execution of a leg, kept for reqExecutions. */
  private record Execution(ServerMessage.ExecDetails details, ServerMessage.CommissionReport commission) {
  }

  /**
   * A server for {@code broker} and {@code market}; {@link #start} opens the port.
   *
   * @param account the account code reported (e.g. {@code DU0000001}, a paper-style code)
   * @param tickInterval how often streaming market data is pushed again
   */
  public TwsServer(Broker broker, MarketData market, Clock clock, String account, Duration tickInterval) {
    this.broker = Check.notNull(broker, "broker");
    this.market = Check.notNull(market, "market");
    this.clock = Check.notNull(clock, "clock");
    this.account = Check.notBlank(account, "account");
    this.tickInterval = Check.notNull(tickInterval, "tickInterval");
    this.pusher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("tws-server-ticks"));
    broker.setListener(new BrokerListener() {
      @Override
      public void orderUpdated(OrderUpdate update) {
        onOrderUpdate(update);
      }

      @Override
      public void filled(Fill fill) {
        onFill(fill);
      }
    });
  }

  /** The scripted faults (tests). */
  public Faults faults() {
    return faults;
  }

  /**
   * Listens on {@code bindAddress:port} (port 0 picks a free one) and starts accepting.
   *
   * @return the bound port
   */
  public int start(String bindAddress, int port) throws IOException {
    listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
    Thread acceptor = new Thread(this::acceptLoop, "tws-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    long every = Math.max(50, tickInterval.toMillis());
    pusher.scheduleWithFixedDelay(this::pushStreams, every, every, TimeUnit.MILLISECONDS);
    LOG.info("TWS API server (version {}) listening on {}:{}", Handshake.SERVER_VERSION, bindAddress,
        listener.getLocalPort());
    return listener.getLocalPort();
  }

  /**
   * Runs {@code task} once per New York day when the clock passes {@code at} (checked every tick
   * interval), under the lock that serializes broker calls: e.g. the paper broker's cash
   * settlement of expiring options, which a real TWS does by itself.
   */
  public void onEndOfDay(java.time.LocalTime at, java.util.function.Consumer<LocalDate> task) {
    this.endOfDayAt = Check.notNull(at, "at");
    this.endOfDay = Check.notNull(task, "task");
  }

  private void checkEndOfDay() {
    java.util.function.Consumer<LocalDate> task = endOfDay;
    if (task == null) {
      return;
    }
    java.time.ZonedDateTime t = clock.marketTime();
    if (!t.toLocalTime().isBefore(endOfDayAt) && !t.toLocalDate().equals(lastEndOfDay)) {
      lastEndOfDay = t.toLocalDate();
      synchronized (engine) {
        task.accept(t.toLocalDate());
      }
    }
  }

  /** How many placeOrder messages (what-if previews excluded) arrived with {@code orderRef}. */
  public int ordersReceived(String orderRef) {
    AtomicInteger n = placed.get(orderRef);
    return n == null ? 0 : n.get();
  }

  /** Every orderRef received, with how many placeOrder messages carried it. */
  public Map<String, Integer> ordersReceived() {
    Map<String, Integer> out = new LinkedHashMap<>();
    placed.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /**
   * Every orderRef received with the order ids its placeOrder messages carried: a re-send with
   * the same id is a modification, a second id under one ref a duplicate order.
   */
  public Map<String, Set<Integer>> orderIdsReceived() {
    Map<String, Set<Integer>> out = new LinkedHashMap<>();
    placedIds.forEach((k, v) -> out.put(k, Set.copyOf(v)));
    return out;
  }

  /** Every execution reported so far (one per leg fill), oldest first. */
  public List<ServerMessage.ExecDetails> executionsReported() {
    return executions.stream().map(Execution::details).toList();
  }

  /** Clients connected now. */
  public int clientCount() {
    return clients.size();
  }

  @Override
  public void close() {
    closed = true;
    pusher.shutdownNow();
    try {
      if (listener != null) {
        listener.close();
      }
    } catch (IOException e) {
      LOG.debug("close: {}", e.getMessage());
    }
    for (Client c : clients) {
      c.close();
    }
  }

  // --- scripted faults -----------------------------------------------------------------------

  /** Faults a test (or a demo) can script; every method takes effect at once. */
  public final class Faults {
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean frozen;
    private volatile String rejectNext;
    private volatile int rejectCode = 201;
    private volatile boolean dropOnNextOrder;
    private volatile boolean linkLostOnNextOrder;
    private volatile String linkLostOnFillOf;
    private volatile boolean refuseClientIds;
    private volatile int marketDataType = 1;
    private volatile int marketDataError;
    private volatile String marketDataErrorSecType = "";
    private final AtomicInteger ignoredOrders = new AtomicInteger();

    /** placeOrder messages read and ignored while frozen. */
    public int ignoredOrders() {
      return ignoredOrders.get();
    }

    /** Closes every client connection, as a TWS restart would. */
    public void dropConnections() {
      for (Client c : clients) {
        c.close();
      }
    }

    /** Sends errMsg {@code code} (id -1) to every client, e.g. 1100, 1101, 1102, 2104. */
    public void sendError(int code, String message) {
      for (Client c : clients) {
        c.send(new ServerMessage.ErrorMessage(-1, code, message, ""));
      }
    }

    /** Delays every answer by {@code d} (zero to stop). */
    public void delayAnswers(Duration d) {
      delay = Check.notNull(d, "delay");
    }

    /** Stops answering anything while keeping sockets open ("connected but dead"), or resumes. */
    public void freeze(boolean on) {
      frozen = on;
    }

    /** Rejects the next order with error 201 and status Inactive. */
    public void rejectNextOrder(String reason) {
      rejectCode = 201;
      rejectNext = Check.notBlank(reason, "reason");
    }

    /**
     * Rejects the next order with error {@code code} and {@code text} as TWS words it, e.g. 10058
     * ("Invalid combo order: ...") or 10043, and status Inactive.
     */
    public void rejectNextOrder(int code, String text) {
      rejectCode = code;
      rejectNext = "\u0000" + Check.notBlank(text, "text");
    }

    /**
     * Executes the next order, then drops that client's connection before any answer reaches it
     * (a connection lost in the middle of an order).
     */
    public void dropOnNextOrder() {
      dropOnNextOrder = true;
    }

    /**
     * Reports every market-data request from now on with marketDataType {@code type} (1 real-time,
     * 2 frozen, 3 delayed, 4 delayed-frozen) before its ticks, as TWS does without a live subscription.
     */
    public void marketDataType(int type) {
      marketDataType = Check.inRange(type, 1, 4, "type");
    }

    /**
     * Answers market-data requests for contracts of {@code secType} (e.g. {@code OPT}, {@code IND},
     * {@code FUT}) with error {@code code} (354, 10090, 10167, 10168) instead of ticks; 0 stops.
     */
    public void marketDataError(int code, String secType) {
      marketDataErrorSecType = Check.notNull(secType, "secType");
      marketDataError = code;
    }

    /**
     * On the next order: errMsg 1100 (connectivity between TWS and IB lost) to its client, then the
     * order executes while that client hears nothing (its fills happen in the gap); the socket stays
     * open. {@link #restoreLink(int)} ends the gap.
     */
    public void linkLostOnNextOrder() {
      linkLostOnNextOrder = true;
    }

    /**
     * When an order whose orderRef contains {@code refPart} next executes: errMsg 1100 to its
     * client just before the execution is reported, then that client hears nothing from IB (the
     * order's executions, commissions and statuses are made in the gap, e.g. in the middle of a
     * price walk), only TWS's own answers (currentTime, so heartbeats pass); the socket stays open.
     * {@link #restoreLink(int)} ends the gap.
     */
    public void linkLostOnNextFill(String refPart) {
      linkLostOnFillOf = Check.notBlank(refPart, "refPart");
    }

    /** Ends a gap: every client hears again and gets errMsg {@code code} (1101 or 1102). */
    public void restoreLink(int code) {
      for (Client c : clients) {
        c.muted = false;
        c.linkLost = false;
        c.send(new ServerMessage.ErrorMessage(-1, code, code == 1101
            ? "Connectivity between IB and TWS has been restored- data lost."
            : "Connectivity between IB and TWS has been restored- data maintained.", ""));
      }
    }

    /** Sets the next valid order id TWS reports from now on, e.g. lower, as after a TWS restart. */
    public void nextValidId(int id) {
      nextValidId.set(id);
    }

    /** Answers every startApi with 326 (client id in use) while on. */
    public void refuseClientIds(boolean on) {
      refuseClientIds = on;
    }

    /** Sends every client a frame that does not decode (tickPrice with a non-numeric ticker id). */
    public void sendMalformedFrame() {
      byte[] bad = FieldWriter.encode(Frame.of("1", "6", "not-a-number", "1", "1.5", "1", "0"));
      for (Client c : clients) {
        c.sendRaw(bad);
      }
    }
  }

  // --- connections ---------------------------------------------------------------------------

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = listener.accept();
        s.setTcpNoDelay(true);
        Client c = new Client(s);
        clients.add(c);
        if (closed) { // accepted while closing: close() may have missed it
          c.close();
          clients.remove(c);
          return;
        }
        Thread t = new Thread(c::run, "tws-server-client");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("accept failed: {}", e.getMessage());
        }
      }
    }
  }

  /** One API client connection. */
  private final class Client {
    final Socket socket;
    OutputStream out;
    volatile int clientId = -1;
    volatile boolean muted;
    /** TWS's link to IB is lost: only TWS's own answers (currentTime) reach the client. */
    volatile boolean linkLost;
    final Map<Integer, Contract> streams = new ConcurrentHashMap<>();

    Client(Socket socket) {
      this.socket = socket;
    }

    void run() {
      try {
        InputStream in = socket.getInputStream();
        out = socket.getOutputStream();
        if (!handshake(in)) {
          return;
        }
        FrameDecoder decoder = new FrameDecoder();
        byte[] buf = new byte[8192];
        while (true) {
          Frame f;
          while ((f = decoder.poll()) != null) {
            ClientMessage m;
            try {
              m = ClientCodec.decode(f);
            } catch (TwsProtocolException e) {
              LOG.warn("Client {} sent a malformed message: {}", clientId, e.getMessage());
              send(new ServerMessage.ErrorMessage(-1, 320, "Server error when reading an API client request: "
                  + e.getMessage(), ""));
              continue;
            }
            if (faults.frozen) {
              if (m instanceof ClientMessage.PlaceOrder) {
                faults.ignoredOrders.incrementAndGet();
              }
              continue;
            }
            Duration d = faults.delay;
            if (!d.isZero()) {
              Thread.sleep(d.toMillis());
            }
            handle(this, m);
          }
          int n = in.read(buf);
          if (n < 0) {
            return;
          }
          decoder.feed(buf, 0, n);
        }
      } catch (IOException | TwsProtocolException e) {
        LOG.debug("client {} connection ended: {}", clientId, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        close();
        clients.remove(this);
      }
    }

    boolean handshake(InputStream in) throws IOException, TwsProtocolException {
      ByteBuffer buf = ByteBuffer.allocate(2048);
      Handshake.ClientHello hello = null;
      while (hello == null) {
        int b = in.read();
        if (b < 0) {
          return false;
        }
        buf.put((byte) b);
        buf.flip();
        hello = Handshake.decodeClientHello(buf);
        buf.compact();
      }
      int version = hello.negotiate(Handshake.SERVER_VERSION);
      if (version != Handshake.SERVER_VERSION) {
        LOG.warn("Client advertised v{}..{}; this server speaks only {}", hello.minVersion(), hello.maxVersion(),
            Handshake.SERVER_VERSION);
        socket.close();
        return false;
      }
      String time = clock.marketTime().format(CONN_TIME) + " US/Eastern";
      sendRaw(FieldWriter.encode(new Handshake.ServerHello(version, time).toFrame()));
      return true;
    }

    void send(ServerMessage m) {
      if (!muted && (!linkLost || m instanceof ServerMessage.CurrentTime)) {
        sendRaw(ServerCodec.encode(m));
      }
    }

    void sendRaw(byte[] bytes) {
      OutputStream o = out;
      if (o == null) {
        return;
      }
      synchronized (this) {
        try {
          o.write(bytes);
          o.flush();
        } catch (IOException e) {
          LOG.debug("write to client {} failed: {}", clientId, e.getMessage());
        }
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        LOG.debug("close: {}", e.getMessage());
      }
    }
  }

  // --- requests ------------------------------------------------------------------------------

  /** How many messages of each kind (simple record name, e.g. {@code ReqMktData}) arrived from clients. */
  public Map<String, Integer> messagesReceived() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    received.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  private void handle(Client c, ClientMessage m) {
    received.computeIfAbsent(m.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
    if (m instanceof ClientMessage.StartApi s) {
      startApi(c, s);
    } else if (m instanceof ClientMessage.ReqCurrentTime) {
      c.send(new ServerMessage.CurrentTime(clock.now().getEpochSecond()));
    } else if (m instanceof ClientMessage.ReqMarketDataType) {
      LOG.debug("client {} market data type set", c.clientId);
    } else if (m instanceof ClientMessage.ReqMktData r && faults.marketDataError != 0
        && faults.marketDataErrorSecType.equals(r.contract().secType())) {
      int code = faults.marketDataError;
      c.send(new ServerMessage.ErrorMessage(r.tickerId(), code, switch (code) {
        case 354 -> "Requested market data is not subscribed.";
        case 10090 -> "Part of requested market data is not subscribed.";
        case 10167 -> "Requested market data is not subscribed. Displaying delayed market data.";
        case 10168 -> "Requested market data is not subscribed. Delayed market data is not enabled.";
        default -> "Market data error";
      }, ""));
    } else if (m instanceof ClientMessage.ReqMktData r) {
      if (faults.marketDataType != 1) {
        c.send(new ServerMessage.MarketDataType(r.tickerId(), faults.marketDataType));
      }
      if (!r.snapshot()) {
        c.streams.put(r.tickerId(), r.contract());
      }
      synchronized (engine) {
        ticks(c, r.tickerId(), r.contract(), true);
      }
      if (r.snapshot()) {
        c.send(new ServerMessage.TickSnapshotEnd(r.tickerId()));
      }
    } else if (m instanceof ClientMessage.CancelMktData r) {
      c.streams.remove(r.tickerId());
    } else if (m instanceof ClientMessage.ReqContractDetails r) {
      synchronized (engine) {
        contractDetails(c, r);
      }
    } else if (m instanceof ClientMessage.ReqSecDefOptParams r) {
      synchronized (engine) {
        secDef(c, r);
      }
    } else if (m instanceof ClientMessage.ReqPositions) {
      synchronized (engine) {
        for (Position p : broker.positions()) {
          c.send(new ServerMessage.Position(account, optionContract(p.contract()), BigDecimal.valueOf(p.quantity()),
              p.avgCost()));
        }
      }
      c.send(new ServerMessage.PositionEnd());
    } else if (m instanceof ClientMessage.ReqAccountSummary r) {
      AccountSummary a;
      synchronized (engine) {
        a = broker.account();
      }
      for (String tag : r.tags().split(",")) {
        String value = switch (tag.trim()) {
          case "NetLiquidation", "EquityWithLoanValue" -> a.netLiquidation().toPlainString();
          case "TotalCashValue", "AvailableFunds", "SettledCash" -> a.cash().toPlainString();
          case "BuyingPower" -> a.cash().multiply(BigDecimal.valueOf(4)).toPlainString();
          default -> null;
        };
        if (value != null) {
          c.send(new ServerMessage.AccountSummary(r.reqId(), account, tag.trim(), value, "USD"));
        }
      }
      c.send(new ServerMessage.AccountSummaryEnd(r.reqId()));
    } else if (m instanceof ClientMessage.ReqOpenOrders || m instanceof ClientMessage.ReqAllOpenOrders) {
      boolean all = m instanceof ClientMessage.ReqAllOpenOrders;
      for (ServerOrder o : orders.values()) {
        if (o.working() && (all || o.clientId == c.clientId)) {
          sendOrderState(c, o);
        }
      }
      c.send(new ServerMessage.OpenOrderEnd());
    } else if (m instanceof ClientMessage.ReqIds) {
      c.send(new ServerMessage.NextValidId(nextValidId.get()));
    } else if (m instanceof ClientMessage.ReqManagedAccts) {
      c.send(new ServerMessage.ManagedAccounts(List.of(account)));
    } else if (m instanceof ClientMessage.ReqExecutions r) {
      for (Execution e : executions) {
        ServerMessage.ExecDetails d = e.details();
        c.send(new ServerMessage.ExecDetails(r.reqId(), d.orderId(), d.contract(), d.execId(), d.time(),
            d.acctNumber(), d.exchange(), d.side(), d.shares(), d.price(), d.permId(), d.clientId(), d.liquidation(),
            d.cumQty(), d.avgPrice(), d.orderRef(), d.evRule(), d.evMultiplier(), d.modelCode(), d.lastLiquidity(),
            d.pendingPriceRevision()));
      }
      c.send(new ServerMessage.ExecDetailsEnd(r.reqId()));
      for (Execution e : executions) {
        c.send(e.commission());
      }
    } else if (m instanceof ClientMessage.PlaceOrder p) {
      placeOrder(c, p);
    } else if (m instanceof ClientMessage.CancelOrder x) {
      ServerOrder o = orders.get(x.orderId());
      if (o == null || !o.working()) {
        c.send(new ServerMessage.ErrorMessage(x.orderId(), 10147,
            "OrderId " + x.orderId() + " that needs to be cancelled is not found.", ""));
      } else {
        synchronized (engine) {
          broker.cancel(new OrderRef(o.brokerRef));
        }
      }
    } else if (m instanceof ClientMessage.ReqGlobalCancel) {
      synchronized (engine) {
        for (ServerOrder o : orders.values()) {
          if (o.working()) {
            broker.cancel(new OrderRef(o.brokerRef));
          }
        }
      }
    } else if (m instanceof ClientMessage.ReqHistoricalData r) {
      historyRequests.incrementAndGet();
      synchronized (engine) {
        historicalData(c, r);
      }
    } else if (m instanceof ClientMessage.CancelHistoricalData) {
      historyCancels.incrementAndGet();
    } else if (!(m instanceof ClientMessage.CancelPositions || m instanceof ClientMessage.CancelAccountSummary)) {
      LOG.debug("client {}: {} not served", c.clientId, m.getClass().getSimpleName());
    }
  }

  /**
   * Daily bars of an index from the market's history ({@link MarketData#dailyHistory}): the bars of
   * the duration ({@code N D/W/M/Y}, calendar time back from the end date) that ended before the
   * clock's day, each bar open = high = low = close (the history keeps closes), volume 0. Like
   * TWS: 162 "HMDS query returned no data" when there are none, 162 for bar sizes other than
   * {@code 1 day} or a duration it cannot read, 200 for anything but an index.
   */
  private void historicalData(Client c, ClientMessage.ReqHistoricalData r) {
    Contract k = r.contract();
    if (!"IND".equals(k.secType())) {
      c.send(new ServerMessage.ErrorMessage(r.reqId(), 200, "No security definition has been found for the request",
          ""));
      return;
    }
    java.util.regex.Matcher d = java.util.regex.Pattern.compile("(\\d{1,4}) ([DWMY])").matcher(r.durationStr());
    if (!"1 day".equals(r.barSizeSetting()) || !d.matches()) {
      c.send(new ServerMessage.ErrorMessage(r.reqId(), 162, "Historical Market Data Service error message:"
          + "this paper TWS serves 1 day bars over N D, W, M or Y only, not " + r.barSizeSetting() + " over "
          + r.durationStr(), ""));
      return;
    }
    LocalDate today = clock.marketDate();
    LocalDate end = today;
    if (!r.endDateTime().isEmpty()) {
      try {
        end = LocalDate.parse(r.endDateTime().substring(0, Math.min(8, r.endDateTime().length())),
            DateTimeFormatter.BASIC_ISO_DATE).plusDays(1);
      } catch (java.time.format.DateTimeParseException e) {
        c.send(new ServerMessage.ErrorMessage(r.reqId(), 162, "Historical Market Data Service error message:"
            + "cannot read endDateTime '" + r.endDateTime() + "'", ""));
        return;
      }
    }
    int n = Integer.parseInt(d.group(1));
    LocalDate start = switch (d.group(2)) {
      case "D" -> end.minusDays(n);
      case "W" -> end.minusWeeks(n);
      case "M" -> end.minusMonths(n);
      default -> end.minusYears(n);
    };
    LocalDate first = start;
    LocalDate last = end.isAfter(today) ? today : end;
    int calendarDays = (int) Math.min(100_000, java.time.temporal.ChronoUnit.DAYS.between(start, today) + 1);
    List<ServerMessage.HistoricalBar> bars = market.dailyHistory(k.symbol(), calendarDays).stream()
        .filter(b -> !b.date().isBefore(first) && b.date().isBefore(last))
        .map(b -> ServerMessage.HistoricalBar.flat(b.date().format(DateTimeFormatter.BASIC_ISO_DATE), b.close()))
        .toList();
    if (bars.isEmpty()) {
      c.send(new ServerMessage.ErrorMessage(r.reqId(), 162, "Historical Market Data Service error message:"
          + "HMDS query returned no data: " + k.symbol() + "@" + k.exchange() + " " + r.whatToShow(), ""));
      return;
    }
    String time = clock.marketTime().format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)) + " US/Eastern";
    c.send(new ServerMessage.HistoricalData(r.reqId(), first.format(DateTimeFormatter.BASIC_ISO_DATE) + " " + time,
        last.format(DateTimeFormatter.BASIC_ISO_DATE) + " " + time, bars));
  }

  /** reqHistoricalData messages received (all clients). */
  public int historyRequestsReceived() {
    return historyRequests.get();
  }

  /** cancelHistoricalData messages received (all clients). */
  public int historyCancelsReceived() {
    return historyCancels.get();
  }

  private void startApi(Client c, ClientMessage.StartApi s) {
    boolean taken = clients.stream().anyMatch(o -> o != c && o.clientId == s.clientId());
    if (taken || faults.refuseClientIds) {
      c.send(new ServerMessage.ErrorMessage(-1, 326,
          "Unable to connect as the client id is already in use. Retry with a unique client id.", ""));
      c.close();
      return;
    }
    c.clientId = s.clientId();
    c.send(new ServerMessage.ManagedAccounts(List.of(account)));
    c.send(new ServerMessage.NextValidId(nextValidId.get()));
    c.send(new ServerMessage.ErrorMessage(-1, 2104, "Market data farm connection is OK:usfarm", ""));
    c.send(new ServerMessage.ErrorMessage(-1, 2106, "HMDS data farm connection is OK:ushmds", ""));
    c.send(new ServerMessage.ErrorMessage(-1, 2158, "Sec-def data farm connection is OK:secdefnj", ""));
    for (ServerOrder o : orders.values()) {
      if (o.working() && o.clientId == c.clientId) {
        sendOrderState(c, o);
      }
    }
    LOG.info("API client {} connected", c.clientId);
  }

  private void pushStreams() {
    try {
      checkEndOfDay();
      for (Client c : clients) {
        if (faults.frozen || c.clientId < 0) {
          continue;
        }
        synchronized (engine) {
          for (Map.Entry<Integer, Contract> e : c.streams.entrySet()) {
            ticks(c, e.getKey(), e.getValue(), false);
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("pushing market data failed: {}", e.toString());
    }
  }

  /** Sends the current ticks of {@code contract}; on a first request, error 200 if unknown. */
  private void ticks(Client c, int tickerId, Contract contract, boolean first) {
    Optional<Object> what = describe(contract);
    if (what.isPresent() && what.get() instanceof String symbol && INDEX_CON_IDS.containsKey(symbol)) {
      IndexLevels ix = market.indices();
      double v = switch (symbol) {
        case "SPX" -> ix.spx();
        case "VIX" -> ix.vix();
        default -> ix.vix3m();
      };
      // The market's own level, not rounded to the cent as IB's feed is: a bot reading it through the
      // protocol must see exactly what a bot on the in-process paper broker sees (same decisions).
      c.send(new ServerMessage.TickPrice(tickerId, 4, v, Optional.of(BigDecimal.ZERO), 0));
      return;
    }
    if (what.isPresent() && what.get() instanceof LocalDate vxExpiry) {
      OptionalDouble f = market.vxFuture(vxExpiry);
      if (f.isPresent()) {
        double v = f.getAsDouble(); // unrounded, as for the indices
        c.send(new ServerMessage.TickPrice(tickerId, 1, v - 0.05, Optional.of(BigDecimal.TEN), 0));
        c.send(new ServerMessage.TickPrice(tickerId, 2, v + 0.05, Optional.of(BigDecimal.TEN), 0));
        c.send(new ServerMessage.TickPrice(tickerId, 4, v, Optional.of(BigDecimal.ONE), 0));
        return;
      }
    }
    if (what.isPresent() && what.get() instanceof OptionContract oc) {
      Optional<OptionQuote> q = market.quote(oc);
      if (q.isPresent()) {
        OptionQuote quote = q.get();
        c.send(new ServerMessage.TickPrice(tickerId, 1, quote.bid().doubleValue(), Optional.of(BigDecimal.TEN), 0));
        c.send(new ServerMessage.TickPrice(tickerId, 2, quote.ask().doubleValue(), Optional.of(BigDecimal.TEN), 0));
        double und = underlyingOf(oc);
        c.send(new ServerMessage.TickOptionComputation(tickerId, 13, 1, OptionalDouble.of(quote.iv()),
            OptionalDouble.of(quote.delta()), OptionalDouble.of(quote.mid().doubleValue()), OptionalDouble.of(0.0),
            OptionalDouble.of(quote.gamma()), OptionalDouble.of(quote.vega()), OptionalDouble.of(quote.theta()),
            und > 0 ? OptionalDouble.of(und) : OptionalDouble.empty()));
        return;
      }
    }
    if (first) {
      c.send(new ServerMessage.ErrorMessage(tickerId, 200, "No security definition has been found for the request",
          ""));
    }
  }

  private double underlyingOf(OptionContract oc) {
    if (oc.tradingClass().startsWith("VIX")) {
      return market.vxFuture(oc.expiry()).orElse(market.indices().vix());
    }
    return market.indices().spx();
  }

  /**
   * What a wire contract names: an index symbol (String), a VX future expiry (LocalDate) or an
   * option (OptionContract); by conId when given.
   */
  private Optional<Object> describe(Contract c) {
    if (c.conId() != 0) {
      return Optional.ofNullable(byConId.get(c.conId()));
    }
    switch (c.secType()) {
      case "IND":
        return INDEX_CON_IDS.containsKey(c.symbol()) ? Optional.of(c.symbol()) : Optional.empty();
      case "FUT":
        if ("VIX".equals(c.symbol()) && c.lastTradeDateOrContractMonth().length() >= 8) {
          return Optional.of(LocalDate.parse(c.lastTradeDateOrContractMonth().substring(0, 8), Contracts.IB_DATE));
        }
        return Optional.empty();
      case "OPT":
        try {
          return Contracts.toOption(c).map(o -> (Object) o);
        } catch (RuntimeException e) {
          return Optional.empty();
        }
      default:
        return Optional.empty();
    }
  }

  private int conIdOf(Object what) {
    String key = what instanceof OptionContract oc ? oc.key() : String.valueOf(what);
    if (what instanceof String s && INDEX_CON_IDS.containsKey(s)) {
      byConId.putIfAbsent(INDEX_CON_IDS.get(s), s);
      return INDEX_CON_IDS.get(s);
    }
    return conIds.computeIfAbsent(key, k -> {
      int id = nextConId.getAndIncrement();
      byConId.put(id, what);
      return id;
    });
  }

  private Contract optionContract(OptionContract oc) {
    return Contracts.option(oc, conIdOf(oc));
  }

  private void contractDetails(Client c, ClientMessage.ReqContractDetails r) {
    Optional<Object> what = describe(r.contract());
    Optional<ContractDetails> d = what.flatMap(this::details);
    if (d.isEmpty()) {
      c.send(new ServerMessage.ErrorMessage(r.reqId(), 200, "No security definition has been found for the request",
          ""));
      return;
    }
    c.send(new ServerMessage.ContractData(r.reqId(), d.get()));
    c.send(new ServerMessage.ContractDataEnd(r.reqId()));
  }

  private Optional<ContractDetails> details(Object what) {
    if (what instanceof String symbol) {
      Contract k = Contract.of(conIdOf(symbol), symbol, "IND", "", 0.0, "", "", "CBOE", "", "USD", symbol, symbol);
      return Optional.of(details(k, symbol + " index", 0, "", "", 0.01));
    }
    if (what instanceof LocalDate expiry) {
      if (market.vxFuture(expiry).isEmpty()) {
        return Optional.empty();
      }
      String date = expiry.format(Contracts.IB_DATE);
      Contract k = Contract.of(conIdOf(expiry), "VIX", "FUT", date, 0.0, "", "1000", "CFE", "", "USD", "VX" + date,
          "VX");
      return Optional.of(details(k, "Cboe Volatility Index future", conIdOf("VIX"), "VIX", date, 0.05));
    }
    OptionContract oc = (OptionContract) what;
    if (!listed(oc) || market.quote(oc).isEmpty()) {
      return Optional.empty();
    }
    String under = Contracts.underlyingOf(oc.tradingClass());
    return Optional.of(details(optionContract(oc), oc.tradingClass() + " " + oc.expiry() + " " + oc.strike()
        .toPlainString() + " " + oc.right().code(), conIdOf(under), under, oc.expiry().format(Contracts.IB_DATE), 0.05));
  }

  /**
   * Whether the exchange lists {@code oc}, as TWS's contract details know it: its expiry is listed
   * and its strike is one of the chain's or lies on the chain's strike grid (the finest spacing of
   * its strikes), so a strike listed earlier stays listed when the quoted range moves. Anything
   * else is answered with error 200, as TWS does.
   */
  private boolean listed(OptionContract oc) {
    List<LocalDate> exps;
    try {
      exps = market.expirations(oc.tradingClass());
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (!exps.contains(oc.expiry())) {
      return false;
    }
    OptionChain chain = market.chain(oc.tradingClass(), oc.expiry());
    if (chain.find(oc.strike(), oc.right()).isPresent()) {
      return true;
    }
    TreeSet<BigDecimal> strikes = new TreeSet<>();
    chain.quotes().forEach(q -> strikes.add(q.contract().strike()));
    BigDecimal step = null;
    BigDecimal prev = null;
    for (BigDecimal k : strikes) {
      if (prev != null) {
        BigDecimal d = k.subtract(prev);
        step = step == null || d.compareTo(step) < 0 ? d : step;
      }
      prev = k;
    }
    return step != null && step.signum() > 0 && oc.strike().signum() > 0
        && oc.strike().remainder(step).signum() == 0;
  }

  private static ContractDetails details(Contract k, String longName, int underConId, String underSymbol,
      String realExpiry, double minTick) {
    return new ContractDetails(k, "", k.tradingClass(), minTick, "LMT", "SMART,CBOE", 1, underConId, longName, "", "",
        "", "", "US/Central", "", "", "", 0.0, List.of(), 1, underSymbol, underSymbol.isEmpty() ? "" : "IND", "",
        realExpiry, "", Optional.of(BigDecimal.ONE), Optional.of(BigDecimal.ONE), Optional.of(BigDecimal.ONE));
  }

  private void secDef(Client c, ClientMessage.ReqSecDefOptParams r) {
    List<String> classes = "SPX".equals(r.underlyingSymbol()) ? List.of(OptionContract.SPXW, OptionContract.SPX_AM)
        : "VIX".equals(r.underlyingSymbol()) ? List.of(OptionContract.VIX) : List.of();
    for (String tc : classes) {
      List<LocalDate> exps;
      try {
        exps = market.expirations(tc);
      } catch (IllegalArgumentException e) {
        continue; // this market does not list the class
      }
      if (exps.isEmpty()) {
        continue;
      }
      TreeSet<Double> strikes = new TreeSet<>();
      for (LocalDate e : List.of(exps.get(0), exps.get(exps.size() - 1))) {
        OptionChain chain = market.chain(tc, e);
        chain.quotes().forEach(q -> strikes.add(q.contract().strike().doubleValue()));
      }
      c.send(new ServerMessage.SecDefOptParams(r.reqId(), Contracts.OPTION_EXCHANGE, r.underlyingConId(), tc, "100",
          exps.stream().map(d -> d.format(Contracts.IB_DATE)).toList(), new ArrayList<>(strikes)));
    }
    c.send(new ServerMessage.SecDefOptParamsEnd(r.reqId()));
  }

  // --- orders --------------------------------------------------------------------------------

  private void placeOrder(Client c, ClientMessage.PlaceOrder p) {
    Order o = p.order();
    Optional<OrderRef> ref = parseRef(o.orderRef());
    if (ref.isEmpty()) {
      c.send(new ServerMessage.ErrorMessage(p.orderId(), 321, "Error validating request: orderRef must be 1-64"
          + " characters of [A-Za-z0-9._-], but was '" + o.orderRef() + "'", ""));
      return;
    }
    if (!o.orderType().equals("LMT") || o.lmtPrice().isEmpty()) {
      c.send(new ServerMessage.ErrorMessage(p.orderId(), 321, "Error validating request: this server accepts"
          + " limit orders only, but got " + o.orderType(), ""));
      return;
    }
    OrderIntent intent;
    try {
      intent = intentOf(p, ref.get());
    } catch (IllegalArgumentException e) {
      c.send(new ServerMessage.ErrorMessage(p.orderId(), 200, "No security definition has been found for the"
          + " request: " + e.getMessage(), ""));
      return;
    }
    if (o.whatIf()) {
      whatIf(c, p, intent);
      return;
    }
    placed.computeIfAbsent(ref.get().value(), k -> new AtomicInteger()).incrementAndGet();
    placedIds.computeIfAbsent(ref.get().value(), k -> ConcurrentHashMap.newKeySet()).add(p.orderId());
    ServerOrder existing = orders.get(p.orderId());
    if (existing != null) {
      modify(c, p, existing, intent);
      return;
    }
    if (p.orderId() < nextValidId.get()) {
      c.send(new ServerMessage.ErrorMessage(p.orderId(), 103, "Duplicate order id", ""));
      return;
    }
    nextValidId.accumulateAndGet(p.orderId() + 1, Math::max);
    ServerOrder so = new ServerOrder(p.orderId(), c.clientId, permIds.getAndIncrement(), ref.get());
    so.contract = p.contract();
    so.order = o;
    so.intent = intent;
    so.brokerRef = ref.get().value();
    orders.put(so.orderId, so);
    String reject = faults.rejectNext;
    if (reject != null) {
      faults.rejectNext = null;
      so.status = "Inactive";
      int code = faults.rejectCode;
      c.send(new ServerMessage.ErrorMessage(p.orderId(), code, reject.startsWith("\u0000") ? reject.substring(1)
          : "Order rejected - reason:" + reject, ""));
      sendOrderState(c, so);
      return;
    }
    boolean drop = faults.dropOnNextOrder;
    if (drop) {
      faults.dropOnNextOrder = false;
      c.muted = true;
    }
    if (faults.linkLostOnNextOrder) {
      faults.linkLostOnNextOrder = false;
      c.send(new ServerMessage.ErrorMessage(-1, 1100, "Connectivity between IB and TWS has been lost.", ""));
      c.muted = true;
    }
    so.status = "PreSubmitted";
    sendOrderState(c, so);
    byBrokerRef.put(so.brokerRef, so);
    synchronized (engine) {
      try {
        broker.place(intent);
      } catch (RuntimeException e) {
        so.status = "Inactive";
        c.send(new ServerMessage.ErrorMessage(p.orderId(), 201, "Order rejected - reason:" + e.getMessage(), ""));
        sendOrderState(c, so);
      }
    }
    if (drop) {
      LOG.info("Scripted fault: dropping client {} right after order {}", c.clientId, ref.get());
      c.close();
    }
  }

  private void modify(Client c, ClientMessage.PlaceOrder p, ServerOrder so, OrderIntent intent) {
    if (!so.working() || so.clientId != c.clientId) {
      c.send(new ServerMessage.ErrorMessage(p.orderId(), 104, "Cannot modify a filled order.", ""));
      return;
    }
    synchronized (engine) {
      String old = so.brokerRef;
      so.modifications++;
      String next = so.ref.value() + ".m" + so.modifications;
      so.brokerRef = next.length() <= 64 ? next : so.ref.value().substring(0, 60) + ".m" + so.modifications;
      byBrokerRef.remove(old);
      byBrokerRef.put(so.brokerRef, so);
      so.order = p.order();
      broker.cancel(new OrderRef(old)); // its Cancelled event is no longer mapped: the client keeps one order
      so.intent = new OrderIntent(new OrderRef(so.brokerRef), intent.purpose(), 0, intent.legs(), intent.quantity(),
          intent.limit(), intent.reason());
      broker.place(so.intent);
    }
    sendOrderState(c, so);
  }

  private OrderIntent intentOf(ClientMessage.PlaceOrder p, OrderRef ref) {
    Contract k = p.contract();
    Order o = p.order();
    int qty = o.totalQuantity().intValueExact();
    BigDecimal lmt = o.lmtPrice().get();
    List<ComboLeg> legs = new ArrayList<>();
    NetPrice limit;
    if (k.isBag()) {
      boolean sell = "SELL".equals(o.action());
      for (dev.alvh.ibkr.msg.ComboLeg l : k.comboLegs()) {
        Object what = byConId.get(l.conId());
        Check.isTrue(what instanceof OptionContract, "conId", "must be an option conId from contract details, but was "
            + l.conId());
        Side side = Side.valueOf(l.action());
        legs.add(new ComboLeg((OptionContract) what, sell ? side.opposite() : side, l.ratio()));
      }
      limit = new NetPrice(sell ? lmt.negate() : lmt);
    } else {
      Object what = describe(k).orElse(null);
      Check.isTrue(what instanceof OptionContract, "contract", "must be an option, but was " + k.secType() + " "
          + k.symbol());
      Side side = Side.valueOf(o.action());
      legs.add(new ComboLeg((OptionContract) what, side, 1));
      limit = side == Side.BUY ? NetPrice.debit(lmt.abs()) : NetPrice.credit(lmt.abs());
    }
    OrderPurpose purpose = ref.value().contains("hedge") ? OrderPurpose.OPEN_HEDGE : OrderPurpose.OPEN_CONDOR;
    return new OrderIntent(ref, purpose, 0, legs, qty, limit, "via TWS API");
  }

  private void whatIf(Client c, ClientMessage.PlaceOrder p, OrderIntent intent) {
    BigDecimal margin = maxLoss(intent);
    AccountSummary a;
    synchronized (engine) {
      a = broker.account();
    }
    int contracts = intent.legs().stream().mapToInt(l -> l.ratio() * intent.quantity()).sum();
    BigDecimal commission = new BigDecimal("1.25").multiply(BigDecimal.valueOf(contracts));
    ServerMessage.OrderState state = new ServerMessage.OrderState("PreSubmitted", "0.00", "0.00",
        plain(a.netLiquidation()), plain(margin), plain(margin), "0.00", plain(margin), plain(margin),
        plain(a.netLiquidation()), Optional.of(commission), Optional.of(commission), Optional.of(commission), "USD", "");
    Order o = p.order();
    c.send(new ServerMessage.OpenOrder(p.orderId(), p.contract(), o.action(), o.totalQuantity(), o.orderType(),
        o.lmtPrice(), o.auxPrice(), o.tif(), "", account, "", 0, o.orderRef(), c.clientId, 0, false, "", "", 0, "",
        List.of(), true, state));
  }

  /** The worst loss at expiry of the legs (premium left out), USD: the margin of a defined-risk spread. */
  static BigDecimal maxLoss(OrderIntent intent) {
    // the payoff is piecewise linear between strikes: its minimum is at zero, a strike or far above
    TreeSet<BigDecimal> points = new TreeSet<>();
    points.add(BigDecimal.ZERO);
    for (ComboLeg l : intent.legs()) {
      points.add(l.contract().strike());
    }
    points.add(points.last().multiply(BigDecimal.valueOf(2)).add(BigDecimal.ONE));
    BigDecimal worst = BigDecimal.ZERO;
    for (BigDecimal s : points) {
      BigDecimal v = BigDecimal.ZERO;
      for (ComboLeg l : intent.legs()) {
        v = v.add(l.perCombo(l.contract().intrinsic(s)));
      }
      worst = worst.min(v);
    }
    long mult = intent.legs().get(0).contract().multiplier();
    return worst.negate().multiply(BigDecimal.valueOf(mult * intent.quantity())).setScale(2, RoundingMode.HALF_EVEN);
  }

  private void sendOrderState(Client c, ServerOrder o) {
    Order x = o.order;
    c.send(new ServerMessage.OpenOrder(o.orderId, o.contract, x.action(), x.totalQuantity(), x.orderType(),
        x.lmtPrice(), x.auxPrice(), x.tif(), x.ocaGroup(), account, x.openClose(), 0, o.ref.value(), o.clientId,
        o.permId, x.outsideRth(), x.goodAfterTime(), x.goodTillDate(), 0, "", x.smartComboRoutingParams(), false,
        ServerMessage.OrderState.of(o.status)));
    sendStatus(c, o);
  }

  private void sendStatus(Client c, ServerOrder o) {
    int total = o.order.totalQuantity().intValue();
    c.send(new ServerMessage.OrderStatus(o.orderId, o.status, BigDecimal.valueOf(o.filled),
        BigDecimal.valueOf(Math.max(0, total - o.filled)), avgFillPrice(o), o.permId, 0, o.lastPrice, o.clientId, "",
        0.0));
  }

  /**
   * The average fill price TWS reports in orderStatus: per contract for a single option, per combo
   * unit for a BAG (the net of its legs, negative for a credit when bought); 0 before any fill.
   */
  static BigDecimal avgFillPrice(BigDecimal fillValue, int legContracts, int filled, boolean bag) {
    int units = bag ? filled : legContracts;
    if (units <= 0) {
      return BigDecimal.ZERO;
    }
    return fillValue.divide(BigDecimal.valueOf(units), 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
  }

  private static BigDecimal avgFillPrice(ServerOrder o) {
    return avgFillPrice(o.fillValue, o.legContracts, o.filled, o.contract.isBag());
  }

  private Optional<Client> owner(ServerOrder o) {
    return clients.stream().filter(c -> c.clientId == o.clientId).findFirst();
  }

  /** Broker event (under the engine lock). */
  private void onOrderUpdate(OrderUpdate u) {
    ServerOrder o = byBrokerRef.get(u.ref().value());
    if (o == null) {
      return;
    }
    o.status = switch (u.status()) {
      case PARTIALLY_FILLED -> "Submitted";
      case JOURNALED -> "PendingSubmit";
      default -> u.status().wire();
    };
    o.filled = u.filled();
    owner(o).ifPresent(c -> {
      if (u.status().isTerminal() && u.status() != dev.alvh.core.order.OrderStatus.FILLED && !u.reason().isEmpty()) {
        LOG.info("Order {} {}: {}", o.ref, u.status(), u.reason());
      }
      sendStatus(c, o);
    });
  }

  /** Broker event (under the engine lock). */
  private void onFill(Fill f) {
    ServerOrder o = byBrokerRef.get(f.ref().value());
    if (o == null) {
      return;
    }
    String execId = String.format(Locale.ROOT, "%08x.%08x.01.01", o.permId, execSeq.getAndIncrement());
    String time = f.time().atZone(Clock.MARKET_ZONE).format(CONN_TIME) + " America/New_York";
    ServerMessage.ExecDetails d = new ServerMessage.ExecDetails(-1, o.orderId, optionContract(f.contract()), execId,
        time, account, "CBOE", f.side() == Side.BUY ? "BOT" : "SLD", BigDecimal.valueOf(f.quantity()), f.price(),
        o.permId, o.clientId, 0, BigDecimal.valueOf(f.quantity()), f.price(), o.ref.value(), "", 0.0, "", 2, false);
    ServerMessage.CommissionReport cr = new ServerMessage.CommissionReport(execId, Optional.of(f.commission()), "USD",
        Optional.empty(), OptionalDouble.empty(), 0);
    executions.add(new Execution(d, cr));
    o.lastPrice = f.price();
    BigDecimal value = f.price().multiply(BigDecimal.valueOf(f.quantity()));
    if (o.contract.isBag()) {
      boolean sameSide = (f.side() == Side.BUY) == "BUY".equals(o.order.action());
      value = sameSide ? value : value.negate();
    }
    o.fillValue = o.fillValue.add(value);
    o.legContracts += f.quantity();
    String gapOf = faults.linkLostOnFillOf;
    if (gapOf != null && o.ref.value().contains(gapOf)) {
      faults.linkLostOnFillOf = null;
      owner(o).ifPresent(c -> {
        c.send(new ServerMessage.ErrorMessage(-1, 1100, "Connectivity between IB and TWS has been lost.", ""));
        c.linkLost = true;
        LOG.info("Scripted fault: 1100 to client {} as order {} executes", c.clientId, o.ref);
      });
    }
    owner(o).ifPresent(c -> {
      c.send(d);
      c.send(cr);
    });
  }

  private static Optional<OrderRef> parseRef(String text) {
    try {
      return Optional.of(new OrderRef(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String plain(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

}
