package dev.alvh.ibkr.config;

import dev.alvh.core.Check;
import java.util.List;

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
public record IbkrConfig(
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
  public static final IbkrConfig DEFAULTS = new IbkrConfig(DEFAULT_BACKUP_CLIENT_IDS, DEFAULT_ACCOUNT,
      DEFAULT_CONNECT_TIMEOUT_SECONDS, DEFAULT_REQUEST_TIMEOUT_SECONDS, DEFAULT_HEARTBEAT_SECONDS,
      DEFAULT_HEARTBEAT_TIMEOUT_SECONDS, DEFAULT_RECONNECT_INITIAL_MILLIS, DEFAULT_RECONNECT_MAX_SECONDS,
      DEFAULT_RECONNECT_JITTER, DEFAULT_MAX_MESSAGES_PER_SECOND, DEFAULT_BREAKER_FAILURE_RATE_PCT,
      DEFAULT_BREAKER_WINDOW, DEFAULT_BREAKER_OPEN_SECONDS, DEFAULT_MARKET_DATA_TYPE,
      DEFAULT_SNAPSHOT_TIMEOUT_SECONDS, DEFAULT_MAX_CONCURRENT_SNAPSHOTS, DEFAULT_CHAIN_WIDTH_PCT,
      DEFAULT_QUOTE_CACHE_SECONDS, DEFAULT_VIX_CHAIN_WIDTH_PCT, DEFAULT_HISTORY_DAYS,
      DEFAULT_HISTORY_TIMEOUT_SECONDS, DEFAULT_RESTART_TIME, DEFAULT_RESTART_QUIET_MINUTES,
      DEFAULT_ALERT_AFTER_MINUTES);

  /** Checks every field; messages name the full key. */
  public IbkrConfig {
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
  public IbkrConfig withTiming(int timeoutSeconds, int heartbeatSeconds, int reconnectMillis) {
    return with(timeoutSeconds, timeoutSeconds, heartbeatSeconds, timeoutSeconds, reconnectMillis,
        maxMessagesPerSecond, marketDataType, timeoutSeconds, timeoutSeconds);
  }

  /** These settings with another message rate limit. */
  public IbkrConfig withMaxMessagesPerSecond(int perSecond) {
    return with(connectTimeoutSeconds, requestTimeoutSeconds, heartbeatSeconds, heartbeatTimeoutSeconds,
        reconnectInitialMillis, perSecond, marketDataType, snapshotTimeoutSeconds, historyTimeoutSeconds);
  }

  /** These settings with another market data type. */
  public IbkrConfig withMarketDataType(int type) {
    return with(connectTimeoutSeconds, requestTimeoutSeconds, heartbeatSeconds, heartbeatTimeoutSeconds,
        reconnectInitialMillis, maxMessagesPerSecond, type, snapshotTimeoutSeconds, historyTimeoutSeconds);
  }

  /** These settings with the given timing, rate and market data type; the rest stays. */
  private IbkrConfig with(int connectTimeout, int requestTimeout, int heartbeat, int heartbeatTimeout,
      int reconnectMillis, int perSecond, int type, int snapshotTimeout, int historyTimeout) {
    return new IbkrConfig(backupClientIds, account, connectTimeout, requestTimeout, heartbeat, heartbeatTimeout,
        reconnectMillis, reconnectMaxSeconds, reconnectJitter, perSecond, breakerFailureRatePct,
        breakerWindow, breakerOpenSeconds, type, snapshotTimeout, maxConcurrentSnapshots, chainWidthPct,
        quoteCacheSeconds, vixChainWidthPct, historyDays, historyTimeout, restartTime, restartQuietMinutes,
        alertAfterMinutes);
  }
}
