package dev.alvh.app.runtime;

import dev.alvh.app.engine.HedgeDesk;
import dev.alvh.core.Check;
import dev.alvh.core.market.DailyClose;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.signal.DailyCloses;
import dev.alvh.core.signal.SignalSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signals' warm-up from a market's daily history on start (issue 4: "warm-up history loaded on
 * start"), for bots whose market is not the built-in synthetic one (IBKR): when the store holds
 * too few closes for the signals, or misses trading days since its last close (the bot was off),
 * the daily closes of SPX, VIX and VIX3M ({@link MarketData#dailyHistory}) on the days all three
 * have go to {@link HedgeDesk#warmUp} before the first cycle (stored; the machine is not evaluated
 * on them). Without VX closes: the VIX RSIs then run on spot VIX, and beta keeps its fallback until
 * it has measured enough days.
 *
 * <p>Logged once: what was loaded ({@code warm-up: 300 daily closes 2025-01-16..2026-03-16 from
 * IBKR}), or that history is not available and why; the hedge desk's own not-warm refusal stays.
 * While the market is not connected yet (an unattended start before TWS is up) it tries again
 * before each job until it has an answer.
 */
final class HistoryWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryWarmUp.class);
  /** The indices the signals are computed from. */
  static final List<String> SYMBOLS = List.of("SPX", "VIX", "VIX3M");

  /** What one attempt came to. */
  enum Outcome {
    /** Closes were appended. */
    LOADED,
    /** The store already held enough closes, up to the last trading day. */
    NOT_NEEDED,
    /** The market answered with nothing usable, or refused: the bot starts cold. */
    UNAVAILABLE,
    /** The market is not reachable yet: try again later. */
    NOT_CONNECTED,
    /** Turned off by configuration. */
    OFF
  }

  private final MarketData market;
  private final HedgeDesk desk;
  private final Clock clock;
  private final Predicate<LocalDate> tradingDay;
  private final int days;
  private final String source;
  private boolean pending = true;
  private boolean saidNotConnected;

  /**
   * @param days   trading days of history to ask for ({@code broker.ibkr.historyDays}); 0 asks for none
   * @param source where the history comes from, for the log ({@code IBKR})
   */
  HistoryWarmUp(MarketData market, HedgeDesk desk, Clock clock, Predicate<LocalDate> tradingDay, int days,
      String source) {
    this.market = Check.notNull(market, "market");
    this.desk = Check.notNull(desk, "desk");
    this.clock = Check.notNull(clock, "clock");
    this.tradingDay = Check.notNull(tradingDay, "tradingDay");
    this.days = days;
    this.source = Check.notBlank(source, "source");
  }

  /** Runs the warm-up unless an earlier attempt got an answer; cheap when nothing is pending. */
  Outcome runIfPending() {
    if (!pending) {
      return Outcome.NOT_NEEDED;
    }
    Outcome o = run();
    pending = o == Outcome.NOT_CONNECTED;
    return o;
  }

  private Outcome run() {
    LocalDate today = clock.marketDate();
    SignalSnapshot last = desk.lastSignals().orElse(null);
    LocalDate lastTradingDay = previousTradingDay(today);
    boolean cold = last == null || !last.warm();
    boolean gap = last != null && last.date().isBefore(lastTradingDay);
    if (!cold && !gap) {
      return Outcome.NOT_NEEDED;
    }
    String why = cold ? (last == null ? "no daily closes stored" : "the signals are not warm (" + last.notWarmReason()
        + ")") : "the last stored close is " + last.date() + ", before " + lastTradingDay;
    if (days <= 0) {
      LOG.info("warm-up: {}, but broker.ibkr.historyDays is 0: no history asked from {}", why, source);
      return Outcome.OFF;
    }
    Map<LocalDate, double[]> byDate = new TreeMap<>();
    try {
      for (int i = 0; i < SYMBOLS.size(); i++) {
        for (DailyClose c : market.dailyHistory(SYMBOLS.get(i), days)) {
          if (c.date().isBefore(today)) {
            byDate.computeIfAbsent(c.date(), d -> new double[SYMBOLS.size()])[i] = c.close();
          }
        }
      }
    } catch (RuntimeException e) {
      if (notConnected(e)) {
        if (!saidNotConnected) {
          LOG.warn("warm-up: {}; {} is not connected yet ({}), trying again before the next job", why, source,
              e.getMessage());
          saidNotConnected = true;
        }
        return Outcome.NOT_CONNECTED;
      }
      LOG.warn("warm-up: {}; daily history from {} is not available: {}. Carrying on: no hedge orders until the"
          + " signals are warm", why, source, e.getMessage());
      return Outcome.UNAVAILABLE;
    }
    List<DailyCloses> closes = new ArrayList<>();
    byDate.forEach((d, v) -> {
      if (v[0] > 0 && v[1] > 0 && v[2] > 0 && (last == null || d.isAfter(last.date()))) {
        closes.add(DailyCloses.of(d, v[0], v[1], v[2]));
      }
    });
    if (closes.isEmpty()) {
      LOG.warn("warm-up: {}; {} has no daily closes of {} on common days{}. Carrying on: no hedge orders until the"
          + " signals are warm", why, source, SYMBOLS, last == null ? "" : " after " + last.date());
      return Outcome.UNAVAILABLE;
    }
    desk.warmUp(closes);
    SignalSnapshot now = desk.lastSignals().orElseThrow();
    LOG.info("warm-up: {} daily closes {}..{} from {} ({}); signals {}", closes.size(), closes.get(0).date(),
        closes.get(closes.size() - 1).date(), source, why, now.warm() ? "warm" : "still not warm: " + now.notWarmReason());
    return Outcome.LOADED;
  }

  private LocalDate previousTradingDay(LocalDate today) {
    LocalDate d = today.minusDays(1);
    for (int i = 0; i < 30 && !tradingDay.test(d); i++) {
      d = d.minusDays(1);
    }
    return d;
  }

  /** True when the failure says nothing reached the market (not connected yet), so a retry makes sense. */
  private static boolean notConnected(RuntimeException e) {
    return e instanceof dev.alvh.ibkr.session.TwsRequestException t
        && t.code() == dev.alvh.ibkr.session.TwsRequestException.NOT_SENT
        && String.valueOf(t.getMessage()).startsWith("not connected");
  }
}
