package dev.alvh.core.config;

import dev.alvh.core.Check;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Which broker the bot trades with and how to reach it; YAML group {@code broker.*}.
 *
 * @param type        {@code paper} (the in-process paper broker) or {@code ibkr} (TWS / IB Gateway)
 * @param host        TWS host; loopback by default
 * @param port        TWS API port (7497 paper TWS, 7496 live TWS, 4002/4001 IB Gateway)
 * @param clientId    API client id
 * @param paper       the paper broker's settings
 * @param ibkr        the TWS / IB Gateway session's settings
 */
public record BrokerConfig(String type, String host, int port, int clientId, Paper paper, Ibkr ibkr) {

  /** The in-process paper broker. */
  public static final String DEFAULT_TYPE = "paper";
  /** TWS on this machine. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** TWS paper trading port. */
  public static final int DEFAULT_PORT = 7497;
  /** API client id 17. */
  public static final int DEFAULT_CLIENT_ID = 17;

  /** The broker types known. */
  public static final Set<String> TYPES = Set.of("paper", "ibkr");

  /** The defaults. */
  public static final BrokerConfig DEFAULTS =
      new BrokerConfig(DEFAULT_TYPE, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_CLIENT_ID, Paper.DEFAULTS, Ibkr.DEFAULTS);

  /** The settings with the default {@link Ibkr} part. */
  public BrokerConfig(String type, String host, int port, int clientId, Paper paper) {
    this(type, host, port, clientId, paper, Ibkr.DEFAULTS);
  }

  /** Checks every field; messages name the full key. */
  public BrokerConfig {
    Check.isTrue(type != null && TYPES.contains(type), "broker.type",
        "must be one of [ibkr, paper], but was '" + type + "'");
    Check.notBlank(host, "broker.host");
    Check.inRange(port, 1, 65535, "broker.port");
    Check.inRange(clientId, 0, 999_999, "broker.clientId");
    Check.notNull(paper, "broker.paper");
    Check.notNull(ibkr, "broker.ibkr");
  }

  /**
   * The paper broker: starting cash, commissions and partial fills; YAML group
   * {@code broker.paper.*}. The price a fill takes is {@link PaperConfig.Fill} ({@code paper.fill.*}).
   *
   * @param startingCash           cash at the start of a run, USD
   * @param commissionPerContract  broker commission per option contract, USD (IB: about 0.65)
   * @param feePerContract         exchange and regulatory fees per option contract, USD
   * @param partialFillProbability chance that an order which can fill fills only in part (the
   *                               rest keeps working); 0 turns partial fills off
   * @param partialFillSeed        seed of the partial-fill draws (same seed, same fills)
   */
  public record Paper(
      BigDecimal startingCash, BigDecimal commissionPerContract, BigDecimal feePerContract,
      double partialFillProbability, long partialFillSeed) {

    /** One million USD to start. */
    public static final BigDecimal DEFAULT_STARTING_CASH = new BigDecimal("1000000");
    /** 0.65 USD per contract, near IB's tiered rate. */
    public static final BigDecimal DEFAULT_COMMISSION_PER_CONTRACT = new BigDecimal("0.65");
    /** 0.60 USD per contract of exchange and regulatory fees (Cboe index option fees are of this order). */
    public static final BigDecimal DEFAULT_FEE_PER_CONTRACT = new BigDecimal("0.60");
    /** Partial fills off: an order that can fill fills completely. */
    public static final double DEFAULT_PARTIAL_FILL_PROBABILITY = 0.0;
    /** Seed 7 for the partial-fill draws. */
    public static final long DEFAULT_PARTIAL_FILL_SEED = 7L;

    /** The defaults. */
    public static final Paper DEFAULTS = new Paper(
        DEFAULT_STARTING_CASH, DEFAULT_COMMISSION_PER_CONTRACT, DEFAULT_FEE_PER_CONTRACT,
        DEFAULT_PARTIAL_FILL_PROBABILITY, DEFAULT_PARTIAL_FILL_SEED);

    /** Cash and commissions; partial fills off. */
    public Paper(BigDecimal startingCash, BigDecimal commissionPerContract, BigDecimal feePerContract) {
      this(startingCash, commissionPerContract, feePerContract, DEFAULT_PARTIAL_FILL_PROBABILITY,
          DEFAULT_PARTIAL_FILL_SEED);
    }

    /** Checks every field. */
    public Paper {
      Check.inRange(startingCash, new BigDecimal("1000"), new BigDecimal("1000000000"), "broker.paper.startingCash");
      Check.inRange(commissionPerContract, BigDecimal.ZERO, BigDecimal.TEN, "broker.paper.commissionPerContract");
      Check.inRange(feePerContract, BigDecimal.ZERO, BigDecimal.TEN, "broker.paper.feePerContract");
      Check.inRange(partialFillProbability, 0, 1, "broker.paper.partialFillProbability");
    }
  }

  /**
   * The TWS / IB Gateway session: YAML group {@code broker.ibkr.*}. Used when {@code broker.type}
   * is {@code ibkr}, by {@code alvh ibkr-check} and by the IBKR adapter.
   *
   * @param backupClientIds        client ids tried in order when TWS answers 326 (id in use)
   * @param account                account code for orders and account values; empty = the only
   *                               (or first) managed account
   * @param connectTimeoutSeconds  limit for TCP connect plus handshake plus readiness
   *                               (nextValidId and managedAccounts)
   * @param requestTimeoutSeconds  limit for every request that waits for an answer
   * @param heartbeatSeconds       a reqCurrentTime is sent this often
   * @param heartbeatTimeoutSeconds a heartbeat unanswered this long drops the socket ("connected
   *                               but dead" is found within heartbeatSeconds + this)
   * @param reconnectInitialMillis first reconnect delay; doubles per failed attempt
   * @param reconnectMaxSeconds    reconnect delay cap
   * @param reconnectJitter        random spread of each delay, a fraction (0.5 = plus or minus 50%)
   * @param maxMessagesPerSecond   client-side message rate limit, below IB's 50 per second
   * @param breakerFailureRatePct  order-send failures (percent of the window) that open the breaker
   * @param breakerWindow          order sends the breaker looks back over
   * @param breakerOpenSeconds     how long an open breaker refuses orders before probing
   * @param marketDataType         1 live, 2 frozen, 3 delayed, 4 delayed-frozen
   * @param snapshotTimeoutSeconds limit for one quote snapshot (IB ends snapshots within ~11 s)
   * @param maxConcurrentSnapshots snapshot requests in flight at once (market-data lines)
   * @param chainWidthPct          strikes quoted in a chain: out of the money within this percent
   *                               of the underlying
   * @param quoteCacheSeconds      chains and quotes are reused this long (one trading cycle reads a
   *                               chain several times)
   * @param vixChainWidthPct       VIX option chains: out-of-the-money strikes within this percent of
   *                               the VX future (hedge calls sit far above it)
   * @param historyDays            daily closes asked from IB on start when the store holds too few
   * @param historyTimeoutSeconds  limit for one historical-data answer
   * @param restartTime            New York time of TWS / IB Gateway's daily restart (IBC's
   *                               {@code AutoRestartTime}); the connection drops then for a minute or two
   * @param restartQuietMinutes    no new order is sent from this many minutes before {@code restartTime}
   *                               until the session has reconnected and reconciled after the restart
   * @param alertAfterMinutes      not connected to TWS for longer than this (at start or later): one
   *                               alert, then one every hour while it lasts (a failed Sunday logon that
   *                               waits for a person's second factor)
   */
  public record Ibkr(
      List<Integer> backupClientIds, String account, int connectTimeoutSeconds, int requestTimeoutSeconds,
      int heartbeatSeconds, int heartbeatTimeoutSeconds, int reconnectInitialMillis, int reconnectMaxSeconds,
      double reconnectJitter, int maxMessagesPerSecond, int breakerFailureRatePct, int breakerWindow,
      int breakerOpenSeconds, int marketDataType, int snapshotTimeoutSeconds, int maxConcurrentSnapshots,
      double chainWidthPct, int quoteCacheSeconds, double vixChainWidthPct, int historyDays,
      int historyTimeoutSeconds, java.time.LocalTime restartTime, int restartQuietMinutes, int alertAfterMinutes) {

    /** Two spare ids after the default 17. */
    public static final List<Integer> DEFAULT_BACKUP_CLIENT_IDS = List.of(18, 19);
    /** The default (single) account. */
    public static final String DEFAULT_ACCOUNT = "";
    /** 10 s to connect and become ready. */
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
    /** 20 s per request. */
    public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 20;
    /** A heartbeat every 30 s. */
    public static final int DEFAULT_HEARTBEAT_SECONDS = 30;
    /** 10 s for the heartbeat's answer: a dead socket is found within 40 s. */
    public static final int DEFAULT_HEARTBEAT_TIMEOUT_SECONDS = 10;
    /** First reconnect after about 1 s. */
    public static final int DEFAULT_RECONNECT_INITIAL_MILLIS = 1000;
    /** Reconnect at least once a minute. */
    public static final int DEFAULT_RECONNECT_MAX_SECONDS = 60;
    /** Plus or minus 50% jitter. */
    public static final double DEFAULT_RECONNECT_JITTER = 0.5;
    /** 40 messages per second, as stoqey/ib; IB allows 50 (tws-protocol.md 5.3). */
    public static final int DEFAULT_MAX_MESSAGES_PER_SECOND = 40;
    /** Half the sends failing opens the breaker. */
    public static final int DEFAULT_BREAKER_FAILURE_RATE_PCT = 50;
    /** Over the last 10 sends. */
    public static final int DEFAULT_BREAKER_WINDOW = 10;
    /** Closed to orders for 60 s before a probe. */
    public static final int DEFAULT_BREAKER_OPEN_SECONDS = 60;
    /** Live data: the bot never trades on delayed quotes by default. */
    public static final int DEFAULT_MARKET_DATA_TYPE = 1;
    /** 12 s per snapshot (IB: about 11 s). */
    public static final int DEFAULT_SNAPSHOT_TIMEOUT_SECONDS = 12;
    /** 40 snapshots at once, well below the 100 market-data lines. */
    public static final int DEFAULT_MAX_CONCURRENT_SNAPSHOTS = 40;
    /** Out-of-the-money strikes within 15% of the underlying (16-delta shorts at 45 DTE sit
     * within about 10% even with VIX at 40). */
    public static final double DEFAULT_CHAIN_WIDTH_PCT = 15.0;
    /** Quotes reused for 60 s, well inside the 15-minute cycle. */
    public static final int DEFAULT_QUOTE_CACHE_SECONDS = 60;
    /** VIX strikes up to twice the VX future: the hedge's calls (VX + offset) and PRESS spreads
     * (VX front + 5, 5 wide) lie within it even with VX at 12. */
    public static final double DEFAULT_VIX_CHAIN_WIDTH_PCT = 100.0;
    /** Daily closes of SPX, VIX and VIX3M asked from IB on start when the store holds too few for
     * the signals (51 with the defaults): two years of trading days, so the 50-day EMA has long
     * forgotten its seed, asked as "2 Y"; 0 asks for none. */
    public static final int DEFAULT_HISTORY_DAYS = 504;
    /** 60 s for one historical-data answer (IB's historical farm is slower than quotes). */
    public static final int DEFAULT_HISTORY_TIMEOUT_SECONDS = 60;

    /** 23:45 New York, TWS's own default auto-restart time (after the 16:15 option close, before Asia). */
    public static final java.time.LocalTime DEFAULT_RESTART_TIME = java.time.LocalTime.of(23, 45);
    /** No new order from 10 minutes before the restart: a walk (5 steps a minute apart) ends before it. */
    public static final int DEFAULT_RESTART_QUIET_MINUTES = 10;
    /** Alert after 10 minutes without TWS: longer than a normal daily restart (1-3 minutes). */
    public static final int DEFAULT_ALERT_AFTER_MINUTES = 10;

    /** The defaults. */
    public static final Ibkr DEFAULTS = new Ibkr(DEFAULT_BACKUP_CLIENT_IDS, DEFAULT_ACCOUNT,
        DEFAULT_CONNECT_TIMEOUT_SECONDS, DEFAULT_REQUEST_TIMEOUT_SECONDS, DEFAULT_HEARTBEAT_SECONDS,
        DEFAULT_HEARTBEAT_TIMEOUT_SECONDS, DEFAULT_RECONNECT_INITIAL_MILLIS, DEFAULT_RECONNECT_MAX_SECONDS,
        DEFAULT_RECONNECT_JITTER, DEFAULT_MAX_MESSAGES_PER_SECOND, DEFAULT_BREAKER_FAILURE_RATE_PCT,
        DEFAULT_BREAKER_WINDOW, DEFAULT_BREAKER_OPEN_SECONDS, DEFAULT_MARKET_DATA_TYPE,
        DEFAULT_SNAPSHOT_TIMEOUT_SECONDS, DEFAULT_MAX_CONCURRENT_SNAPSHOTS, DEFAULT_CHAIN_WIDTH_PCT,
        DEFAULT_QUOTE_CACHE_SECONDS, DEFAULT_VIX_CHAIN_WIDTH_PCT, DEFAULT_HISTORY_DAYS,
        DEFAULT_HISTORY_TIMEOUT_SECONDS, DEFAULT_RESTART_TIME, DEFAULT_RESTART_QUIET_MINUTES,
        DEFAULT_ALERT_AFTER_MINUTES);

    /** Checks every field; messages name the full key. */
    public Ibkr {
      Check.notNull(backupClientIds, "broker.ibkr.backupClientIds");
      Check.isTrue(backupClientIds.size() <= 31, "broker.ibkr.backupClientIds",
          "must hold at most 31 ids (TWS serves 32 clients), but held " + backupClientIds.size());
      for (Integer id : backupClientIds) {
        Check.isTrue(id != null && id >= 0 && id <= 999_999, "broker.ibkr.backupClientIds",
            "must hold ids in [0, 999999], but held " + id);
      }
      backupClientIds = List.copyOf(backupClientIds);
      Check.notNull(account, "broker.ibkr.account");
      Check.isTrue(account.matches("[A-Za-z0-9]*"), "broker.ibkr.account",
          "must be letters and digits only, but was '" + account + "'");
      Check.inRange(connectTimeoutSeconds, 1, 300, "broker.ibkr.connectTimeoutSeconds");
      Check.inRange(requestTimeoutSeconds, 1, 600, "broker.ibkr.requestTimeoutSeconds");
      Check.inRange(heartbeatSeconds, 1, 3600, "broker.ibkr.heartbeatSeconds");
      Check.inRange(heartbeatTimeoutSeconds, 1, 600, "broker.ibkr.heartbeatTimeoutSeconds");
      Check.inRange(reconnectInitialMillis, 10, 600_000, "broker.ibkr.reconnectInitialMillis");
      Check.inRange(reconnectMaxSeconds, 1, 3600, "broker.ibkr.reconnectMaxSeconds");
      Check.isTrue(reconnectMaxSeconds * 1000L >= reconnectInitialMillis, "broker.ibkr.reconnectMaxSeconds",
          "must be at least broker.ibkr.reconnectInitialMillis (" + reconnectInitialMillis + " ms), but was "
              + reconnectMaxSeconds + " s");
      Check.inRange(reconnectJitter, 0.0, 0.99, "broker.ibkr.reconnectJitter");
      Check.inRange(maxMessagesPerSecond, 1, 49, "broker.ibkr.maxMessagesPerSecond");
      Check.inRange(breakerFailureRatePct, 1, 100, "broker.ibkr.breakerFailureRatePct");
      Check.inRange(breakerWindow, 1, 1000, "broker.ibkr.breakerWindow");
      Check.inRange(breakerOpenSeconds, 1, 3600, "broker.ibkr.breakerOpenSeconds");
      Check.inRange(marketDataType, 1, 4, "broker.ibkr.marketDataType");
      Check.inRange(snapshotTimeoutSeconds, 1, 120, "broker.ibkr.snapshotTimeoutSeconds");
      Check.inRange(maxConcurrentSnapshots, 1, 90, "broker.ibkr.maxConcurrentSnapshots");
      Check.inRange(chainWidthPct, 1.0, 50.0, "broker.ibkr.chainWidthPct");
      Check.inRange(quoteCacheSeconds, 0, 3600, "broker.ibkr.quoteCacheSeconds");
      Check.inRange(vixChainWidthPct, 1.0, 500.0, "broker.ibkr.vixChainWidthPct");
      Check.inRange(historyDays, 0, 5000, "broker.ibkr.historyDays");
      Check.inRange(historyTimeoutSeconds, 1, 600, "broker.ibkr.historyTimeoutSeconds");
      Check.notNull(restartTime, "broker.ibkr.restartTime");
      Check.inRange(restartQuietMinutes, 0, 120, "broker.ibkr.restartQuietMinutes");
      Check.inRange(alertAfterMinutes, 1, 1440, "broker.ibkr.alertAfterMinutes");
    }

    /**
     * These settings with one time limit for connect, requests, heartbeat answers, snapshots and history,
     * a heartbeat every {@code heartbeatSeconds} and reconnects from {@code reconnectMillis}
     * (tests and short command-line checks).
     */
    public Ibkr withTiming(int timeoutSeconds, int heartbeatSeconds, int reconnectMillis) {
      return new Ibkr(backupClientIds, account, timeoutSeconds, timeoutSeconds, heartbeatSeconds, timeoutSeconds,
          reconnectMillis, reconnectMaxSeconds, reconnectJitter, maxMessagesPerSecond, breakerFailureRatePct,
          breakerWindow, breakerOpenSeconds, marketDataType, timeoutSeconds, maxConcurrentSnapshots, chainWidthPct,
          quoteCacheSeconds, vixChainWidthPct, historyDays, timeoutSeconds, restartTime, restartQuietMinutes,
          alertAfterMinutes);
    }

    /** These settings with another message rate limit. */
    public Ibkr withMaxMessagesPerSecond(int perSecond) {
      return new Ibkr(backupClientIds, account, connectTimeoutSeconds, requestTimeoutSeconds, heartbeatSeconds,
          heartbeatTimeoutSeconds, reconnectInitialMillis, reconnectMaxSeconds, reconnectJitter, perSecond,
          breakerFailureRatePct, breakerWindow, breakerOpenSeconds, marketDataType, snapshotTimeoutSeconds,
          maxConcurrentSnapshots, chainWidthPct, quoteCacheSeconds, vixChainWidthPct, historyDays,
          historyTimeoutSeconds, restartTime, restartQuietMinutes, alertAfterMinutes);
    }

    /** These settings with another market data type. */
    public Ibkr withMarketDataType(int type) {
      return new Ibkr(backupClientIds, account, connectTimeoutSeconds, requestTimeoutSeconds, heartbeatSeconds,
          heartbeatTimeoutSeconds, reconnectInitialMillis, reconnectMaxSeconds, reconnectJitter, maxMessagesPerSecond,
          breakerFailureRatePct, breakerWindow, breakerOpenSeconds, type, snapshotTimeoutSeconds,
          maxConcurrentSnapshots, chainWidthPct, quoteCacheSeconds, vixChainWidthPct, historyDays,
          historyTimeoutSeconds, restartTime, restartQuietMinutes, alertAfterMinutes);
    }
  }
}
