package dev.alvh.ibkr.session;

import dev.alvh.core.Check;
import dev.alvh.ibkr.config.IbkrConfig;
import dev.alvh.ibkr.msg.ClientMessage;
import dev.alvh.ibkr.msg.Contract;
import dev.alvh.ibkr.msg.ErrorClass;
import dev.alvh.ibkr.msg.ServerMessage;
import dev.alvh.ibkr.wire.TwsProtocolException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TWS API session that stays up unattended: connects (trying the backup client ids on 326),
 * waits for readiness, correlates requests with their answers under time limits, hands out order
 * ids, keeps market-data subscriptions, and reconnects by itself.
 *
 * <p>Threads: the connection's reader thread only decodes; one dispatcher thread per connection
 * routes each message (answers to the waiting request, ticks to their {@link Ticker}, everything
 * to the {@link Listener}s, whose {@code onMessage} must be quick and must not call requests);
 * a scheduler thread sends heartbeats; a reconnect thread runs the reconnect loop and the
 * listeners' {@code onConnected} (reconciliation). Requests may be called from any other thread.
 *
 * <p>How a call is wrapped (outermost first), see also the module README:
 * <ol>
 *   <li>orders only: the {@link CircuitBreaker} ({@code broker.ibkr.breaker*}), forced open while
 *       disconnected, while TWS reports 1100, and until reconciliation after a reconnect;</li>
 *   <li>the {@link RateLimiter} ({@code broker.ibkr.maxMessagesPerSecond}) on every message sent,
 *       heartbeats included;</li>
 *   <li>the socket write;</li>
 *   <li>the {@link TimeLimiter} on the wait for the answer ({@code requestTimeoutSeconds},
 *       {@code heartbeatTimeoutSeconds}, {@code snapshotTimeoutSeconds}).</li>
 * </ol>
 * {@link Retry} (exponential backoff with jitter) wraps only the reconnect, never a request:
 * an order is never re-sent by this class.
 */
public final class TwsSession implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TwsSession.class);

  /** What the session tells the adapter. */
  public interface Listener {

    /**
     * Every decoded message, on the dispatcher thread, after routing. Must be quick; must not
     * call requests (their answers come through this same thread).
     */
    default void onMessage(ServerMessage message) {
    }

    /**
     * The session is connected (again), before any order may be sent: reconcile here. Runs on the
     * connecting thread, so requests are allowed. An exception drops the connection and, on a
     * reconnect, retries.
     */
    default void onConnected(TwsSession session, boolean reconnect) {
    }

    /** The connection was lost; pending requests have failed. */
    default void onDisconnected(String reason) {
    }

    /**
     * TWS's link to IB is back (1101 or 1102) after a 1100, on the same socket; runs on the session's
     * scheduler thread, so requests are allowed: e.g. read the executions made in the gap.
     */
    default void onLinkRestored(TwsSession session) {
    }
  }

  /** The session's state, for logs and status. */
  public enum State {
    /** Not connected; a reconnect may be under way. */
    DISCONNECTED,
    /** Connected and reconciled: orders may be sent. */
    READY,
    /** Connected but TWS lost its link to IB (1100): no orders until 1101/1102. */
    PAUSED,
    /** Closed by {@link #close()}. */
    CLOSED
  }

  private final String host;
  private final int port;
  private final int clientId;
  private final IbkrConfig cfg;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  private volatile TwsConnection connection;
  private volatile int clientIdInUse = -1;
  private volatile List<String> accounts = List.of();
  private volatile boolean ready;
  private volatile boolean paused;
  private volatile boolean closed;
  private final AtomicInteger nextOrderId = new AtomicInteger(-1);
  /** The lowest order id this session may hand out: above every id journaled by earlier runs. */
  private final AtomicInteger orderIdFloor = new AtomicInteger(-1);
  /** Checks the managed accounts before anything else is sent; a refusal closes the session for good. */
  private volatile java.util.function.Function<List<String>, Optional<String>> accountGuard = a -> Optional.empty();
  private final CompletableFuture<Void> firstReady = new CompletableFuture<>();
  private volatile boolean everFailedToConnect;
  /**
   * Request and ticker ids start far above any order id, because errMsg carries either kind in
   * the same field: an error about request 5 must never be taken for one about order 5.
   */
  public static final int FIRST_REQUEST_ID = 1 << 30;
  private final AtomicInteger nextRequestId = new AtomicInteger(FIRST_REQUEST_ID);
  private final AtomicLong connections = new AtomicLong();
  private final AtomicBoolean reconnecting = new AtomicBoolean();
  private final AtomicBoolean heartbeatStarted = new AtomicBoolean();
  /** System.nanoTime() of the last message received; 0 before the first. */
  private volatile long lastMessageNanos;

  private final Map<Object, Pending> pending = new ConcurrentHashMap<>();
  private final Map<Object, ReentrantLock> keyLocks = new ConcurrentHashMap<>();
  private final Map<Integer, Ticker> tickers = new ConcurrentHashMap<>();
  /** Streaming subscriptions, made again after a reconnect or 1101. */
  private final Map<Integer, ClientMessage.ReqMktData> streams = new ConcurrentHashMap<>();
  private final Semaphore snapshotSlots;
  /** The contract of each recent market-data request (streams and snapshots), to name it in errors. */
  private final Map<Integer, Contract> marketDataRequests = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Contract> eldest) {
          return size() > 4096;
        }
      });

  private final RateLimiter rateLimiter;
  private final CircuitBreaker breaker;
  private final TimeLimiter requestLimiter;
  private final TimeLimiter heartbeatLimiter;
  private final TimeLimiter snapshotLimiter;
  private final TimeLimiter historyLimiter;
  private final HistoryPacer historyPacer = new HistoryPacer(System::nanoTime);
  /** IB allows at most 50 historical-data requests open at once. */
  static final int MAX_OPEN_HISTORY_REQUESTS = 50;
  private final Semaphore historySlots = new Semaphore(MAX_OPEN_HISTORY_REQUESTS);
  private final Retry reconnectRetry;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService reconnector;

  /**
   * A session to {@code host:port} as {@code clientId} (then {@code cfg.backupClientIds()}).
   * Nothing is connected until {@link #connect()}.
   */
  public TwsSession(String host, int port, int clientId, IbkrConfig cfg) {
    this.host = Check.notBlank(host, "broker.host");
    this.port = Check.inRange(port, 1, 65535, "broker.port");
    this.clientId = Check.inRange(clientId, 0, 999_999, "broker.clientId");
    this.cfg = Check.notNull(cfg, "broker.ibkr");
    this.snapshotSlots = new Semaphore(cfg.maxConcurrentSnapshots());
    this.rateLimiter = RateLimiter.of("tws-messages", RateLimiterConfig.custom()
        .limitForPeriod(cfg.maxMessagesPerSecond())
        .limitRefreshPeriod(Duration.ofSeconds(1))
        .timeoutDuration(Duration.ofSeconds(cfg.requestTimeoutSeconds()))
        .build());
    this.breaker = CircuitBreaker.of("tws-orders", CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(cfg.breakerWindow())
        .minimumNumberOfCalls(cfg.breakerWindow())
        .failureRateThreshold(cfg.breakerFailureRatePct())
        .waitDurationInOpenState(Duration.ofSeconds(cfg.breakerOpenSeconds()))
        .build());
    this.breaker.transitionToForcedOpenState();
    this.requestLimiter = TimeLimiter.of("tws-requests",
        TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(cfg.requestTimeoutSeconds())).build());
    this.heartbeatLimiter = TimeLimiter.of("tws-heartbeat",
        TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(cfg.heartbeatTimeoutSeconds())).build());
    this.snapshotLimiter = TimeLimiter.of("tws-snapshots",
        TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(cfg.snapshotTimeoutSeconds())).build());
    this.historyLimiter = TimeLimiter.of("tws-history",
        TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(cfg.historyTimeoutSeconds())).build());
    this.reconnectRetry = Retry.of("tws-reconnect", RetryConfig.custom()
        .maxAttempts(Integer.MAX_VALUE)
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(cfg.reconnectInitialMillis(), 2.0,
            cfg.reconnectJitter(), cfg.reconnectMaxSeconds() * 1000L))
        .retryOnException(e -> !closed && !(e instanceof TwsRequestException t
            && t.code() == TwsRequestException.ACCOUNT_REFUSED))
        .build());
    this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("tws-heartbeat"));
    this.reconnector = Executors.newSingleThreadExecutor(DaemonThreads.named("tws-reconnect"));
  }

  /**
   * Sets the check of TWS's managed accounts, run on every connect right after TWS named them and
   * before anything but the handshake and startApi was sent: a refusal (its text) closes the socket,
   * fails the connect with {@link TwsRequestException#ACCOUNT_REFUSED} and ends reconnecting.
   */
  public void accountGuard(java.util.function.Function<List<String>, Optional<String>> guard) {
    this.accountGuard = Check.notNull(guard, "guard");
  }

  /**
   * Order ids handed out from now on are at least {@code floor} (e.g. one above the highest id the
   * journal holds), whatever nextValidId TWS sends after a restart: an id is never used twice.
   */
  public void orderIdsAbove(int floor) {
    orderIdFloor.accumulateAndGet(floor, Math::max);
    if (nextOrderId.get() >= 0) {
      nextOrderId.accumulateAndGet(floor, Math::max);
    }
  }

  /**
   * Completes when the session is ready for the first time, or fails when the account was refused
   * ({@link TwsRequestException#ACCOUNT_REFUSED}) or the session was closed first.
   */
  public CompletableFuture<Void> firstReady() {
    return firstReady;
  }

  /** True if a connect attempt has failed since the session was made (TWS was not there). */
  public boolean everFailedToConnect() {
    return everFailedToConnect;
  }

  /** Adds a listener; add them before {@link #connect()}. */
  public void addListener(Listener listener) {
    listeners.add(Check.notNull(listener, "listener"));
  }

  /**
   * Connects (blocking), runs the listeners' reconciliation, starts the heartbeat. After this the
   * session reconnects by itself whenever the connection drops.
   *
   * @throws TwsRequestException if TWS cannot be reached or does not become ready; nothing is
   *     retried by this first connect, so a command-line check fails fast
   */
  public void connect() {
    Check.isTrue(!closed, "session", "is closed");
    try {
      connectOnce(false);
    } catch (TwsRequestException e) {
      if (e.code() == TwsRequestException.ACCOUNT_REFUSED) {
        firstReady.completeExceptionally(e);
      }
      everFailedToConnect = true;
      throw e;
    } catch (Exception e) {
      everFailedToConnect = true;
      throw new TwsRequestException("cannot connect to TWS at " + host + ":" + port + ": " + e.getMessage(),
          TwsRequestException.NO_CODE, e);
    }
    startHeartbeat();
  }

  /**
   * Connects like {@link #connect()}, but if TWS is not there yet (an unattended start before TWS
   * came up, or during its daily restart) keeps trying in the background with the reconnect
   * backoff instead of failing.
   *
   * @return true if connected now, false if the background reconnect is under way
   */
  public boolean connectOrKeepTrying() {
    try {
      connect();
      return true;
    } catch (TwsRequestException e) {
      if (e.code() == TwsRequestException.ACCOUNT_REFUSED) {
        throw e;
      }
      LOG.warn("TWS not reachable yet ({}); trying again in the background with exponential backoff ({} ms"
          + " doubling up to {} s); this is said once", e.getMessage(), cfg.reconnectInitialMillis(),
          cfg.reconnectMaxSeconds());
      startHeartbeat();
      scheduleReconnect();
      return false;
    }
  }

  private void startHeartbeat() {
    if (heartbeatStarted.compareAndSet(false, true)) {
      long hb = cfg.heartbeatSeconds();
      scheduler.scheduleWithFixedDelay(this::heartbeat, hb, hb, TimeUnit.SECONDS);
    }
  }

  /**
   * How long ago the last message from TWS arrived (any message: a heartbeat's answer, a tick, an
   * order status); empty before the first. {@code /health} reports it as {@code heartbeatAgeSeconds}.
   */
  public java.util.Optional<java.time.Duration> sinceLastMessage() {
    long at = lastMessageNanos;
    return at == 0 ? java.util.Optional.empty() : java.util.Optional.of(java.time.Duration.ofNanos(System.nanoTime() - at));
  }

  /** The state now. */
  public State state() {
    if (closed) {
      return State.CLOSED;
    }
    if (connection == null || !ready) {
      return State.DISCONNECTED;
    }
    return paused ? State.PAUSED : State.READY;
  }

  /** True if orders may be sent now. */
  public boolean tradingAllowed() {
    return state() == State.READY;
  }

  /** The client id of the current (or last) connection, -1 before the first. */
  public int clientIdInUse() {
    return clientIdInUse;
  }

  /** The negotiated server version, or empty when not connected. */
  public Optional<Integer> serverVersion() {
    TwsConnection c = connection;
    return c == null ? Optional.empty() : Optional.of(c.serverHello().serverVersion());
  }

  /** The connection time TWS reported, or empty. */
  public Optional<String> connectionTime() {
    TwsConnection c = connection;
    return c == null ? Optional.empty() : Optional.of(c.serverHello().connectionTime());
  }

  /** The managed accounts from the last connect. */
  public List<String> accounts() {
    return accounts;
  }

  /** How many times the session has become ready (1 after the first connect). */
  public long connectionCount() {
    return connections.get();
  }

  /** The order circuit breaker's state (for status and tests). */
  public CircuitBreaker.State breakerState() {
    return breaker.getState();
  }

  /** A fresh request / ticker id, unique for this session and disjoint from order ids. */
  public int nextRequestId() {
    return nextRequestId.getAndIncrement();
  }

  /**
   * The next order id: at least TWS's last nextValidId and above every id this session handed
   * out, so an id is never used twice.
   */
  public int nextOrderId() {
    int id = nextOrderId.getAndIncrement();
    if (id < 0) {
      throw new TwsRequestException("no order id yet: TWS has not sent nextValidId");
    }
    return id;
  }

  /** The contract of market-data request {@code tickerId} (a recent stream or snapshot), if known. */
  public Optional<Contract> marketDataContract(int tickerId) {
    return Optional.ofNullable(marketDataRequests.get(tickerId));
  }

  /** The messages a second this client may send: {@code broker.ibkr.maxMessagesPerSecond} unless {@link #paceForTests}. */
  public int messagesPerSecond() {
    return rateLimiter.getRateLimiterConfig().getLimitForPeriod();
  }

  /**
   * Tests against the in-process paper TWS only (the test launcher's {@code --messages-per-second},
   * not a configuration key): {@code perSecond} replaces {@code broker.ibkr.maxMessagesPerSecond}
   * from the next second on. The limit exists for a real TWS, which disconnects a client above 50
   * messages a second; a paper TWS in the test's JVM has no such limit, and a bot on a clock 600
   * times faster than real time otherwise spends each restart's first cycle quoting its chain at 49
   * messages a second (half an hour of its market time). Only the pacing changes; it says so in a
   * warning.
   */
  public void paceForTests(int perSecond) {
    Check.inRange(perSecond, 1, 1_000_000, "--messages-per-second");
    LOG.warn("Client-side message rate {} per second instead of broker.ibkr.maxMessagesPerSecond {}: for tests"
        + " against a paper TWS only (a real TWS disconnects a client above 50 messages a second)", perSecond,
        cfg.maxMessagesPerSecond());
    rateLimiter.changeLimitForPeriod(perSecond);
  }

  /** Sends one message under the rate limiter. */
  public void send(ClientMessage message) {
    TwsConnection c = connection;
    if (c == null || closed) {
      throw TwsRequestException.notSent("not connected to TWS; cannot send " + message.getClass().getSimpleName(), null);
    }
    if (!rateLimiter.acquirePermission()) {
      throw TwsRequestException.notSent("rate limiter gave no permit within " + cfg.requestTimeoutSeconds()
          + " s for " + message.getClass().getSimpleName(), null);
    }
    try {
      c.send(message);
    } catch (IOException e) {
      throw new TwsRequestException("sending " + message.getClass().getSimpleName() + " failed: "
          + e.getMessage(), TwsRequestException.NO_CODE, e);
    }
  }

  /**
   * Sends an order (placeOrder or cancelOrder) through the circuit breaker: refused while not
   * connected, not reconciled, paused by 1100, or after too many failed sends.
   */
  public void sendOrder(ClientMessage message) {
    try {
      breaker.executeRunnable(() -> {
        if (!tradingAllowed()) {
          throw TwsRequestException.notSent("orders are paused: session is " + state(), null);
        }
        send(message);
      });
    } catch (CallNotPermittedException e) {
      throw TwsRequestException.notSent("orders refused: the broker is unhealthy (" + state()
          + ", circuit breaker " + breaker.getState() + ")", e);
    }
  }

  /**
   * Sends {@code request} and collects the answers routed to {@code key} until {@code isEnd}
   * accepts one (that one included), within the request time limit.
   *
   * @param name what is asked, for messages
   * @param key the request id, or a name for answers that carry none (positions, open orders)
   */
  public List<ServerMessage> call(String name, Object key, ClientMessage request,
      Predicate<ServerMessage> isEnd) {
    return call(name, key, request, isEnd, requestLimiter);
  }

  private List<ServerMessage> call(String name, Object key, ClientMessage request,
      Predicate<ServerMessage> isEnd, TimeLimiter limiter) {
    ReentrantLock lock = key instanceof String ? keyLocks.computeIfAbsent(key, k -> new ReentrantLock()) : null;
    if (lock != null) {
      lock.lock();
    }
    Pending p = new Pending(name, isEnd);
    try {
      if (pending.putIfAbsent(key, p) != null) {
        throw new TwsRequestException(name + ": request id " + key + " is already waiting for an answer");
      }
      send(request);
      return limiter.executeFutureSupplier(() -> p.future);
    } catch (TimeoutException e) {
      throw new TwsRequestException(name + ": no answer from TWS within "
          + limiter.getTimeLimiterConfig().getTimeoutDuration().toSeconds() + " s", TwsRequestException.NO_CODE, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof TwsRequestException t ? t
          : new TwsRequestException(name + " failed: " + cause, TwsRequestException.NO_CODE, cause);
    } catch (TwsRequestException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TwsRequestException(name + " interrupted");
    } catch (Exception e) {
      throw new TwsRequestException(name + " failed: " + e.getMessage(), TwsRequestException.NO_CODE, e);
    } finally {
      pending.remove(key, p);
      if (lock != null) {
        lock.unlock();
      }
    }
  }

  /** Asks TWS for its time (the heartbeat request). */
  public long currentTime() {
    List<ServerMessage> r = call("reqCurrentTime", "currentTime", new ClientMessage.ReqCurrentTime(),
        m -> m instanceof ServerMessage.CurrentTime, heartbeatLimiter);
    return ((ServerMessage.CurrentTime) r.get(r.size() - 1)).epochSeconds();
  }

  /**
   * Subscribes to streaming market data; the subscription is made again after a reconnect and
   * after 1101. The returned ticker fills in as ticks arrive.
   */
  public Ticker subscribe(Contract contract, String genericTicks) {
    int id = nextRequestId();
    Ticker t = new Ticker(id);
    ClientMessage.ReqMktData req = new ClientMessage.ReqMktData(id, contract, genericTicks, false, false);
    tickers.put(id, t);
    streams.put(id, req);
    marketDataRequests.put(id, contract);
    send(req);
    return t;
  }

  /** Ends a streaming subscription. */
  public void unsubscribe(Ticker ticker) {
    if (streams.remove(ticker.tickerId()) != null && connection != null) {
      tickers.remove(ticker.tickerId());
      send(new ClientMessage.CancelMktData(ticker.tickerId()));
    }
  }

  /**
   * One snapshot of {@code contract}: waits for TWS's tickSnapshotEnd, at most
   * {@code snapshotTimeoutSeconds}, and returns what arrived (possibly nothing).
   *
   * @throws TwsRequestException if TWS answered with an error (200 no such contract, 354 not
   *     subscribed, ...) or the connection dropped
   */
  public Ticker snapshot(Contract contract) {
    return snapshot(contract, t -> false);
  }

  /**
   * One snapshot of {@code contract} that ends early, as soon as {@code enough} holds for the
   * ticks so far (TWS may take ~11 s to send tickSnapshotEnd while the wanted ticks came at once).
   */
  public Ticker snapshot(Contract contract, Predicate<Ticker> enough) {
    int id = nextRequestId();
    Ticker t = new Ticker(id);
    try {
      if (!snapshotSlots.tryAcquire(cfg.snapshotTimeoutSeconds(), TimeUnit.SECONDS)) {
        throw new TwsRequestException("snapshot: no free market-data slot within "
            + cfg.snapshotTimeoutSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TwsRequestException("snapshot interrupted");
    }
    tickers.put(id, t);
    marketDataRequests.put(id, contract);
    try {
      call("reqMktData snapshot", id, new ClientMessage.ReqMktData(id, contract, "", true, false),
          m -> m instanceof ServerMessage.TickSnapshotEnd || (t.updates() > 0 && enough.test(t)), snapshotLimiter);
    } catch (TwsRequestException e) {
      if (!(e.getCause() instanceof TimeoutException)) {
        throw e;
      }
      LOG.debug("snapshot {} of {} {} ended by its time limit with {} ticks", id, contract.symbol(),
          contract.secType(), t.updates());
    } finally {
      tickers.remove(id);
      snapshotSlots.release();
    }
    return t;
  }

  /**
   * Daily {@code TRADES} bars of {@code contract} in regular hours up to now (reqHistoricalData,
   * {@code 1 day} bars over {@code durationStr}, e.g. {@code 2 Y}), oldest first as TWS sends
   * them. Paced by IB's historical-data rules ({@link HistoryPacer}: waits when a rule asks for it,
   * fails at once when the wait would exceed {@code broker.ibkr.historyTimeoutSeconds}); at most
   * {@value #MAX_OPEN_HISTORY_REQUESTS} open at once; the answer within
   * {@code historyTimeoutSeconds}, else the request is cancelled (cancelHistoricalData).
   *
   * @throws TwsRequestException with TWS's code when refused (162 HMDS error, e.g. no data or a
   *     pacing violation; 200 no such contract; 354 not subscribed), on the time limit, or when
   *     not connected
   */
  public ServerMessage.HistoricalData dailyBars(Contract contract, String durationStr) {
    int id = nextRequestId();
    ClientMessage.ReqHistoricalData req = ClientMessage.ReqHistoricalData.dailyBars(id, contract, durationStr);
    String what = contract.symbol() + " " + contract.secType() + "@" + contract.exchange();
    String name = "reqHistoricalData " + what + " " + durationStr;
    if (connection == null || closed) {
      throw TwsRequestException.notSent("not connected to TWS; cannot send " + name, null);
    }
    Duration wait = historyPacer.reserve(what + "|" + contract.conId() + "|" + contract.lastTradeDateOrContractMonth()
        + "|" + req.endDateTime() + "|" + req.durationStr() + "|" + req.barSizeSetting() + "|" + req.whatToShow()
        + "|" + req.useRth(), what + "|" + req.whatToShow(), "BID_ASK".equals(req.whatToShow()));
    if (wait.toSeconds() >= cfg.historyTimeoutSeconds()) {
      throw TwsRequestException.notSent(name + ": IB's historical-data pacing allows it only in " + wait.toSeconds()
          + " s, beyond broker.ibkr.historyTimeoutSeconds (" + cfg.historyTimeoutSeconds() + " s)", null);
    }
    try {
      if (!wait.isZero()) {
        LOG.info("{}: waiting {} ms for IB's historical-data pacing", name, wait.toMillis());
        Thread.sleep(wait.toMillis());
      }
      if (!historySlots.tryAcquire(cfg.historyTimeoutSeconds(), TimeUnit.SECONDS)) {
        throw TwsRequestException.notSent(name + ": " + MAX_OPEN_HISTORY_REQUESTS
            + " historical-data requests are open already", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TwsRequestException(name + " interrupted");
    }
    try {
      List<ServerMessage> answer = call(name, id, req, m -> m instanceof ServerMessage.HistoricalData, historyLimiter);
      return (ServerMessage.HistoricalData) answer.get(answer.size() - 1);
    } catch (TwsRequestException e) {
      if (e.getCause() instanceof TimeoutException && connection != null) {
        try {
          send(new ClientMessage.CancelHistoricalData(id));
        } catch (TwsRequestException cancel) {
          LOG.debug("cancelling {} failed: {}", name, cancel.getMessage());
        }
      }
      throw e;
    } finally {
      historySlots.release();
    }
  }

  /** Closes the socket and stops reconnecting. */
  @Override
  public void close() {
    closed = true;
    ready = false;
    firstReady.completeExceptionally(new TwsRequestException("session closed"));
    scheduler.shutdownNow();
    reconnector.shutdownNow();
    TwsConnection c = connection;
    if (c != null) {
      c.close();
    }
    failPending("session closed");
  }

  /** Drops the current socket as if the network failed (tests, and the heartbeat). */
  public void dropConnection(String why) {
    TwsConnection c = connection;
    if (c != null) {
      LOG.warn("Dropping the TWS connection: {}", why);
      c.close();
    }
  }

  // --- connecting ---------------------------------------------------------------------------

  private void connectOnce(boolean reconnect) throws Exception {
    List<Integer> ids = new ArrayList<>();
    ids.add(clientId);
    cfg.backupClientIds().stream().filter(i -> !ids.contains(i)).forEach(ids::add);
    Duration timeout = Duration.ofSeconds(cfg.connectTimeoutSeconds());
    for (int i = 0; i < ids.size(); i++) {
      int id = ids.get(i);
      TwsConnection c;
      try {
        c = TwsConnection.open(host, port, id, timeout);
      } catch (IOException e) {
        throw new TwsRequestException("cannot connect to TWS at " + host + ":" + port + " (" + e.getMessage()
            + "); is TWS/IB Gateway running with API socket clients enabled on this port?", 502, e);
      } catch (TwsProtocolException e) {
        throw new TwsRequestException("TWS at " + host + ":" + port + " answered the handshake wrongly: "
            + e.getMessage(), TwsRequestException.NO_CODE, e);
      }
      Readiness r = new Readiness();
      Thread dispatcher = new Thread(() -> dispatchLoop(c, r), "tws-dispatch-" + id);
      dispatcher.setDaemon(true);
      dispatcher.start();
      String failure;
      try {
        r.future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        failure = null;
      } catch (ExecutionException e) {
        failure = e.getCause().getMessage();
      } catch (TimeoutException e) {
        c.close();
        throw new TwsRequestException("TWS did not send nextValidId and managedAccounts within "
            + timeout.toSeconds() + " s (client id " + id + ")");
      }
      if (failure != null) {
        c.close();
        String next = i + 1 < ids.size() ? "; trying client id " + ids.get(i + 1) : "";
        LOG.warn("Client id {} refused: {}{}", id, failure, next);
        continue;
      }
      Optional<String> refusal = accountGuard.apply(accounts);
      if (refusal.isPresent()) {
        c.close();
        throw new TwsRequestException(refusal.get(), TwsRequestException.ACCOUNT_REFUSED, null);
      }
      connection = c;
      clientIdInUse = id;
      paused = false;
      becomeReady(c, reconnect);
      return;
    }
    throw new TwsRequestException("every configured client id " + ids + " is in use or refused (326)", 326, null);
  }

  private void becomeReady(TwsConnection c, boolean reconnect) {
    try {
      send(new ClientMessage.ReqMarketDataType(cfg.marketDataType()));
      resubscribe();
      for (Listener l : listeners) {
        l.onConnected(this, reconnect);
      }
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
    ready = true;
    connections.incrementAndGet();
    breaker.transitionToClosedState();
    firstReady.complete(null);
    LOG.info("TWS session ready as client {} ({} accounts, next order id {}){}", clientIdInUse,
        accounts.size(), nextOrderId.get(), reconnect ? " after a reconnect; orders reconciled" : "");
  }

  private void resubscribe() {
    for (ClientMessage.ReqMktData req : streams.values()) {
      send(req);
    }
    if (!streams.isEmpty()) {
      LOG.info("Market data: {} subscriptions made again", streams.size());
    }
  }

  private void scheduleReconnect() {
    if (closed || !reconnecting.compareAndSet(false, true)) {
      return;
    }
    try {
      reconnector.execute(() -> {
        try {
          Retry.decorateCheckedRunnable(reconnectRetry, () -> {
            if (!closed) {
              connectOnce(true);
            }
          }).run();
        } catch (Throwable e) {
          LOG.error("Reconnecting to TWS stopped: {}", e.getMessage());
          firstReady.completeExceptionally(e);
        } finally {
          reconnecting.set(false);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      reconnecting.set(false);
    }
  }

  private void heartbeat() {
    if (closed || connection == null || !ready) {
      return;
    }
    try {
      currentTime();
    } catch (TwsRequestException e) {
      if (e.code() == TwsRequestException.NOT_SENT) {
        LOG.debug("Heartbeat not sent ({}); the socket is not judged by it", e.getMessage());
      } else if (connection != null && !closed) {
        LOG.warn("Heartbeat failed ({}); TWS is connected but dead, dropping the socket to reconnect",
            e.getMessage());
        dropConnection("heartbeat unanswered");
      }
    } catch (RuntimeException e) {
      LOG.warn("Heartbeat error: {}", e.toString());
    }
  }

  // --- dispatching ---------------------------------------------------------------------------

  /** What the connect waits for: nextValidId and managedAccounts, or a refusal. */
  private static final class Readiness {
    final CompletableFuture<Void> future = new CompletableFuture<>();
    volatile boolean id;
    volatile boolean accounts;

    void check() {
      if (id && accounts) {
        future.complete(null);
      }
    }
  }

  private void dispatchLoop(TwsConnection c, Readiness r) {
    try {
      while (true) {
        TwsEvent e = c.events().take();
        if (e instanceof TwsEvent.Received rec) {
          lastMessageNanos = System.nanoTime();
          try {
            handle(c, rec.message(), r);
          } catch (RuntimeException ex) {
            LOG.error("Error handling {}: {}", rec.message().getClass().getSimpleName(), ex.toString(), ex);
          }
        } else if (e instanceof TwsEvent.Malformed m) {
          LOG.warn("Malformed message from TWS skipped: {}", m.error().getMessage());
        } else if (e instanceof TwsEvent.Disconnected d) {
          r.future.completeExceptionally(new TwsRequestException("connection closed before ready ("
              + d.reason() + "; client id in use?)"));
          onDisconnected(c, d.reason());
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(TwsConnection c, ServerMessage m, Readiness r) {
    if (m instanceof ServerMessage.NextValidId n) {
      int before = nextOrderId.get();
      int next = nextOrderId.accumulateAndGet(Math.max(n.orderId(), orderIdFloor.get()), Math::max);
      if (before >= 0 && n.orderId() < before) {
        LOG.warn("TWS sent nextValidId {} below the ids already used; orders go on from {} (an id is never reused)",
            n.orderId(), next);
      }
      r.id = true;
      r.check();
    } else if (m instanceof ServerMessage.ManagedAccounts a) {
      accounts = a.accounts();
      r.accounts = true;
      r.check();
    } else if (m instanceof ServerMessage.ErrorMessage err) {
      handleError(c, err, r);
    }
    Integer tickerId = tickerId(m);
    if (tickerId != null) {
      Ticker t = tickers.get(tickerId);
      if (t != null) {
        t.apply(m);
      }
    }
    Object key = tickerId != null ? tickerId : routeKey(m);
    if (key != null) {
      Pending p = pending.get(key);
      if (p != null) {
        p.accept(m);
      }
    }
    for (Listener l : listeners) {
      try {
        l.onMessage(m);
      } catch (RuntimeException e) {
        LOG.error("Listener failed on {}: {}", m.getClass().getSimpleName(), e.toString(), e);
      }
    }
  }

  private void handleError(TwsConnection c, ServerMessage.ErrorMessage err, Readiness r) {
    ErrorClass cls = ErrorClass.of(err.code());
    switch (cls) {
      case INFO, FARM_OK -> LOG.debug("TWS {} {}", err.code(), err.message());
      case FARM_DOWN, WARNING, PACING -> LOG.warn("TWS {} (id {}): {}", err.code(), err.requestId(), err.message());
      case LINK_LOST -> {
        paused = true;
        breaker.transitionToForcedOpenState();
        LOG.warn("TWS {}: {}; trading paused until connectivity is restored", err.code(), err.message());
      }
      case LINK_RESTORED_DATA_LOST -> {
        LOG.warn("TWS {}: {}; making {} market-data subscriptions again", err.code(), err.message(), streams.size());
        resubscribeLater();
        linkRestoredLater();
        unpause();
      }
      case LINK_RESTORED -> {
        LOG.info("TWS {}: {}; data kept, trading resumes", err.code(), err.message());
        linkRestoredLater();
        unpause();
      }
      case SESSION_FATAL -> {
        LOG.error("TWS {}: {}; dropping the session", err.code(), err.message());
        if (err.code() == 326) {
          r.future.completeExceptionally(new TwsRequestException("client id in use (326)", 326, null));
        }
        c.close();
      }
      default -> LOG.info("TWS {} (id {}): {}", err.code(), err.requestId(), err.message());
    }
    if (err.requestId() >= 0 && (cls == ErrorClass.REQUEST_FAILED || cls == ErrorClass.ORDER_TERMINAL
        || cls == ErrorClass.ORDER_REQUEST_REFUSED)) {
      Pending p = pending.get(err.requestId());
      if (p == null) {
        p = pending.get("whatIf:" + err.requestId()); // a what-if order refused by its order id
      }
      if (p != null) {
        p.future.completeExceptionally(new TwsRequestException(p.name + " refused by TWS: " + err.code() + " "
            + err.message(), err.code(), null));
      }
    }
  }

  private void unpause() {
    paused = false;
    if (ready) {
      breaker.transitionToClosedState();
    }
  }

  private void linkRestoredLater() {
    try {
      scheduler.execute(() -> {
        for (Listener l : listeners) {
          try {
            l.onLinkRestored(this);
          } catch (RuntimeException e) {
            LOG.warn("After the link to IB came back: {}", e.getMessage());
          }
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("session closing; nothing after the link came back");
    }
  }

  private void resubscribeLater() {
    // The dispatcher must not block on the rate limiter for many messages; the scheduler sends.
    try {
      scheduler.execute(() -> {
        try {
          resubscribe();
        } catch (RuntimeException e) {
          LOG.warn("Making market-data subscriptions again failed: {}", e.getMessage());
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("session closing; no resubscription");
    }
  }

  private void onDisconnected(TwsConnection c, String reason) {
    if (connection != c && connection != null) {
      return;
    }
    boolean wasReady = ready;
    ready = false;
    breaker.transitionToForcedOpenState();
    failPending("connection to TWS lost (" + reason + ")");
    if (connection == c) {
      if (wasReady) {
        LOG.warn("TWS connection lost: {}; orders paused, reconnecting", reason);
      }
      for (Listener l : listeners) {
        try {
          l.onDisconnected(reason);
        } catch (RuntimeException e) {
          LOG.error("Listener failed on disconnect: {}", e.toString());
        }
      }
      if (!closed) {
        scheduleReconnect();
      }
    }
  }

  private void failPending(String why) {
    for (Map.Entry<Object, Pending> e : pending.entrySet()) {
      e.getValue().future.completeExceptionally(new TwsRequestException(e.getValue().name + ": " + why));
    }
  }

  private static Object routeKey(ServerMessage m) {
    if (m instanceof ServerMessage.Answer x) {
      return x.reqId();
    } else if (m instanceof ServerMessage.TickSnapshotEnd x) {
      return x.tickerId();
    } else if (m instanceof ServerMessage.Position || m instanceof ServerMessage.PositionEnd) {
      return "positions";
    } else if (m instanceof ServerMessage.OpenOrder o && o.whatIf()) {
      return "whatIf:" + o.orderId();
    } else if (m instanceof ServerMessage.OpenOrder || m instanceof ServerMessage.OrderStatus
        || m instanceof ServerMessage.OpenOrderEnd) {
      return "openOrders";
    } else if (m instanceof ServerMessage.CurrentTime) {
      return "currentTime";
    }
    return null;
  }

  private static Integer tickerId(ServerMessage m) {
    if (m instanceof ServerMessage.TickPrice x) {
      return x.tickerId();
    } else if (m instanceof ServerMessage.TickOptionComputation x) {
      return x.tickerId();
    }
    return null;
  }

  /** A request waiting for its answers. */
  private static final class Pending {
    final String name;
    final Predicate<ServerMessage> isEnd;
    final List<ServerMessage> answers = new ArrayList<>();
    final CompletableFuture<List<ServerMessage>> future = new CompletableFuture<>();

    Pending(String name, Predicate<ServerMessage> isEnd) {
      this.name = name;
      this.isEnd = isEnd;
    }

    /** Dispatcher thread only. */
    void accept(ServerMessage m) {
      answers.add(m);
      if (isEnd.test(m)) {
        future.complete(List.copyOf(answers));
      }
    }
  }
}
