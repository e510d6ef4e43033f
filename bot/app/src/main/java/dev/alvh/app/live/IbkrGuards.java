package dev.alvh.app.live;

import dev.alvh.app.ops.Alerter;
import dev.alvh.app.runtime.Bot;
import dev.alvh.app.store.OrderJournalRepository;
import dev.alvh.core.Check;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.ibkr.broker.IbkrAdapter;
import dev.alvh.ibkr.session.TwsSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an IBKR run ({@code alvh paper --broker ibkr}, {@code alvh live}) adds around the engine:
 * the gates every order passes before it is sent (TWS's daily restart window, real-time market
 * data, and for a live account the what-if margin of opening orders), order ids above every id
 * the journal holds, the not-connected alert, and for {@code alvh live} approval mode from
 * {@code live.approvalMode}.
 */
public final class IbkrGuards implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IbkrGuards.class);
  /** How often the connection is looked at for the not-connected alert. */
  static final long WATCH_SECONDS = TwsDownWatch.CHECK_SECONDS;

  private final RestartWindow restart;
  private MarketDataWatch marketData;
  private final List<Function<OrderIntent, Optional<String>>> gates = new ArrayList<>();
  private final ScheduledExecutorService timer;

  private IbkrGuards(RestartWindow restart, ScheduledExecutorService timer) {
    this.restart = restart;
    this.timer = timer;
  }

  /**
   * Wires the guards of {@code bot} over {@code ib}; call after the first reconciliation, before the
   * schedule starts.
   *
   * @param live true for {@code alvh live}
   */
  public static IbkrGuards wire(Bot bot, IbkrAdapter ib, Alerter alerter, TwsDownWatch downWatch,
      MarketDataWatch md, boolean live) {
    Check.notNull(bot, "bot");
    Check.notNull(ib, "ib");
    BotConfig cfg = bot.config();
    TwsSession session = ib.session();
    RestartWindow window = new RestartWindow(bot.clock(), cfg.broker().ibkr().restartTime(),
        cfg.broker().ibkr().restartQuietMinutes());
    window.ready();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "alvh-tws-watch");
      t.setDaemon(true);
      return t;
    });
    IbkrGuards g = new IbkrGuards(window, timer);
    session.addListener(new TwsSession.Listener() {
      @Override
      public void onConnected(TwsSession s, boolean reconnect) {
        window.ready();
      }
    });
    session.addListener(new TwsSession.Listener() {
      @Override
      public void onMessage(dev.alvh.ibkr.msg.ServerMessage m) {
        if (m instanceof dev.alvh.ibkr.msg.ServerMessage.ErrorMessage e && REJECTIONS.contains(e.code())) {
          ib.broker().refOf(e.requestId()).ifPresent(ref -> g.rejected(alerter, ref.value(), e.code(), e.message()));
        }
      }
    });
    long floor = new OrderJournalRepository(bot.store()).maxBrokerId();
    if (floor > 0 && floor < Integer.MAX_VALUE) {
      session.orderIdsAbove((int) floor + 1);
      LOG.info("Order ids start above {}, the highest the journal holds", floor);
    }
    g.gates.add(i -> window.refusal());
    md.alerter(alerter);
    g.marketData = md;
    g.gates.add(i -> md.refusal());
    if (live) {
      MarginGate margin = new MarginGate(ib.broker(), cfg.live().maxInitMarginPct());
      g.gates.add(i -> {
        Optional<String> r = margin.refusal(i);
        r.ifPresent(why -> alerter.alert(Alerter.Kind.ORDER_REJECT, "order " + i.ref() + " not sent: " + why));
        return r;
      });
    }
    bot.engine().desk().brokerGate(g::refusal);
    if (downWatch != null) {
      downWatch.alerter(alerter);
      timer.scheduleWithFixedDelay(() -> {
        try {
          downWatch.check();
        } catch (RuntimeException e) {
          LOG.warn("TWS watch failed: {}", e.toString());
        }
      }, WATCH_SECONDS, WATCH_SECONDS, TimeUnit.SECONDS);
    }
    if (live && cfg.live().approvalMode()) {
      bot.controls().approvalRequired(true);
      LOG.info("Approval mode (live.approvalMode): every order waits for 'alvh ctl approve REF'");
    }
    return g;
  }

  /** NYSE's regular open, New York. */
  static final java.time.LocalTime REGULAR_OPEN = java.time.LocalTime.of(9, 30);
  /** Cboe's close of SPX/SPXW and VIX options, New York (15 minutes after the stocks). */
  static final java.time.LocalTime OPTIONS_CLOSE = java.time.LocalTime.of(16, 15);

  /**
   * The market-data watch of {@code session}, alerting only while index options trade on
   * {@code clock} (weekends, holidays and closed hours are not errors); make it before connecting.
   */
  public static MarketDataWatch marketDataWatch(TwsSession session, dev.alvh.core.port.Clock clock, BotConfig cfg) {
    dev.alvh.app.schedule.NyseCalendar cal = dev.alvh.app.schedule.NyseCalendar.of(cfg.schedule());
    return new MarketDataWatch(session, () -> marketOpen(cal, cfg, clock.marketTime()));
  }

  /** Whether index options trade at {@code t} (a trading day, regular hours, early closes kept). */
  static boolean marketOpen(dev.alvh.app.schedule.NyseCalendar cal, BotConfig cfg, java.time.ZonedDateTime t) {
    java.time.LocalDate d = t.toLocalDate();
    if (!cal.isTradingDay(d)) {
      return false;
    }
    java.time.LocalTime close = cal.isEarlyClose(d) ? cfg.schedule().earlyClose() : OPTIONS_CLOSE;
    return !t.toLocalTime().isBefore(REGULAR_OPEN) && t.toLocalTime().isBefore(close);
  }

  /** The market-data watch. */
  public MarketDataWatch marketData() {
    return marketData;
  }

  /**
   * TWS codes of an order TWS or IB refused: 201 (rejected, with its reason), 10043
   * and 10058 (combo orders IB does not accept as sent), 110 (price not on the tick grid).
   */
  static final java.util.Set<Integer> REJECTIONS = java.util.Set.of(110, 201, 10043, 10058);

  private int rejections;

  /** Rejection alerts raised so far. */
  public synchronized int rejections() {
    return rejections;
  }

  private synchronized void rejected(Alerter alerter, String ref, int code, String text) {
    rejections++;
    String line = "order " + ref + " rejected by TWS " + code + ": " + text + " (shown in 'alvh ctl orders')";
    Alerter.raise(alerter, Alerter.Kind.ORDER_REJECT, line);
  }

  /** Adds a gate (tests and further checks). */
  public void addGate(Function<OrderIntent, Optional<String>> gate) {
    gates.add(Check.notNull(gate, "gate"));
  }

  /** The restart window. */
  public RestartWindow restartWindow() {
    return restart;
  }

  /** Why {@code intent} must not be sent now, or empty. */
  public Optional<String> refusal(OrderIntent intent) {
    for (Function<OrderIntent, Optional<String>> g : gates) {
      Optional<String> r = g.apply(intent);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    if (marketData != null) {
      marketData.close();
    }
  }
}
