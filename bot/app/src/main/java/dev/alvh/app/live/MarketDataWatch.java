package dev.alvh.app.live;

import dev.alvh.app.ops.Alerter;
import dev.alvh.core.Check;
import dev.alvh.ibkr.msg.Contract;
import dev.alvh.ibkr.msg.ServerMessage;
import dev.alvh.ibkr.session.TwsSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trading only on real-time data: a market-data answer that is delayed or frozen (marketDataType
 * 2, 3, 4) or an error saying a subscription is missing (354, 10090, 10167, 10168) stops new orders
 * and raises one {@link Alerter.Kind#MARKET_DATA} alert naming the subscription (SPX index, SPXW
 * options, VIX options, VX futures...). Real-time ticks of the same subscription clear it.
 *
 * <p>Weekends, holidays and hours when the market is closed are not errors: what TWS says then is
 * remembered, but alerted only once the market is open ({@code marketOpen}) and the problem is still
 * there.
 */
public final class MarketDataWatch implements TwsSession.Listener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MarketDataWatch.class);
  /** TWS codes for a market-data subscription that is missing or not real-time. */
  static final java.util.Set<Integer> CODES = java.util.Set.of(354, 10090, 10167, 10168);

  private final TwsSession session;
  private final BooleanSupplier marketOpen;
  private volatile Alerter alerter;
  /** Per subscription: why it is not real-time. */
  private final Map<String, String> problems = new ConcurrentHashMap<>();
  private final Map<String, Boolean> alerted = new ConcurrentHashMap<>();
  /** Requests TWS marked not real-time. */
  private final Map<Integer, Integer> types = new ConcurrentHashMap<>();
  private int alerts;
  private String lastText = "";
  private boolean flushPending;
  /** Problems found within this long of each other make one alert (a cycle asks for many quotes at once). */
  static final long GROUP_MILLIS = 1000;
  private final java.util.concurrent.ScheduledExecutorService timer =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alvh-market-data-alerts");
        t.setDaemon(true);
        return t;
      });

  /**
   * Watches {@code session}'s market data; adds itself as its listener, so make it before the
   * session connects (the streaming subscriptions' first answers count).
   */
  public MarketDataWatch(TwsSession session, BooleanSupplier marketOpen) {
    this.session = Check.notNull(session, "session");
    this.marketOpen = Check.notNull(marketOpen, "marketOpen");
    session.addListener(this);
  }

  /** Alerts go through {@code a}. */
  public void alerter(Alerter a) {
    this.alerter = a;
  }

  /** The subscription a contract needs, in IB's words. */
  static String subscription(Contract c) {
    String sym = c.symbol();
    return switch (c.secType()) {
      case "IND" -> sym + " index (Cboe indexes)";
      case "FUT" -> "VX futures (CFE)";
      case "OPT" -> (c.tradingClass().isEmpty() ? sym : c.tradingClass()) + " options (OPRA / Cboe)";
      default -> sym + " " + c.secType();
    };
  }

  @Override
  public void onMessage(ServerMessage m) {
    if (m instanceof ServerMessage.MarketDataType t) {
      if (t.marketDataType() == 1) {
        types.remove(t.tickerId());
      } else {
        types.put(t.tickerId(), t.marketDataType());
        problem(t.tickerId(), switch (t.marketDataType()) {
          case 2 -> "frozen";
          case 3 -> "delayed";
          default -> "delayed-frozen";
        } + " data instead of real-time (marketDataType " + t.marketDataType() + ")");
      }
    } else if (m instanceof ServerMessage.ErrorMessage e && CODES.contains(e.code())) {
      problem(e.requestId(), "TWS " + e.code() + ": " + e.message());
    } else if (m instanceof ServerMessage.TickPrice p && !types.containsKey(p.tickerId())) {
      session.marketDataContract(p.tickerId()).map(MarketDataWatch::subscription).ifPresent(this::cleared);
    }
  }

  private void problem(int tickerId, String why) {
    String sub = session.marketDataContract(tickerId).map(MarketDataWatch::subscription).orElse("market data");
    if (problems.putIfAbsent(sub, why) == null) {
      LOG.warn("Market data for {} is not real-time: {}; no new orders until it is", sub, why);
    }
    maybeAlert();
  }

  private void cleared(String sub) {
    if (problems.remove(sub) != null) {
      alerted.remove(sub);
      LOG.info("Market data for {} is real-time again; orders allowed", sub);
    }
  }

  private synchronized void maybeAlert() {
    if (flushPending || !marketOpen.getAsBoolean()
        || problems.keySet().stream().allMatch(alerted::containsKey)) {
      return;
    }
    flushPending = true;
    try {
      timer.schedule(this::flush, GROUP_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      flushPending = false;
    }
  }

  /** One alert for every problem not alerted yet. */
  private void flush() {
    String text;
    synchronized (this) {
      flushPending = false;
      Map<String, String> now = new LinkedHashMap<>(problems);
      now.keySet().removeIf(alerted::containsKey);
      if (now.isEmpty()) {
        return;
      }
      now.keySet().forEach(k -> alerted.put(k, true));
      alerts++;
      text = "no real-time market data for " + String.join("; ", now.entrySet().stream()
          .map(e -> e.getKey() + " (" + e.getValue() + ")").toList()) + ": no new orders until it returns; check the"
          + " account's market-data subscriptions (IB Client Portal, Settings, Market Data Subscriptions)";
      lastText = text;
    }
    Alerter.raise(alerter, Alerter.Kind.MARKET_DATA, text);
  }

  /** Stops the alert timer. */
  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** Why no new order may be sent now, or empty. */
  public Optional<String> refusal() {
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    maybeAlert();
    return Optional.of("market data not real-time: " + String.join("; ", problems.entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
  }

  /** Alerts raised so far. */
  public synchronized int alerts() {
    return alerts;
  }

  /** The last alert's text. */
  public synchronized String lastText() {
    return lastText;
  }
}
