package dev.alvh.app.cli;

import dev.alvh.app.runtime.PaperMarket;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.core.Check;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.server.TwsServer;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.SimulatedMarket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@code alvh paper-tws} serves, assembled: the market of {@code alvh paper} on the clock's
 * day ({@link PaperMarket}: the synthetic {@code two-cycles} scenario, {@code market.seed},
 * {@code market.startSpx}, the same bars for the same day and speed), the simulated market (SPXW,
 * SPX monthly and VIX options, VX futures derived from VIX/VIX3M), and the paper broker
 * ({@code broker.paper.*}) behind a {@link TwsServer} reporting account {@value #ACCOUNT}. So
 * {@code alvh paper --broker ibkr} against it trades the market {@code alvh paper} trades in
 * process. At {@code schedule.endOfDay} each day the paper broker settles the options expiring
 * that day in cash, as IB would. Also used by the system tests.
 */
public final class PaperTws {

  /** Trading days generated. */
  public static final int DAYS = 504;
  /** The account code reported (a paper-style code). */
  public static final String ACCOUNT = "DU0000001";

  private PaperTws() {
  }

  /**
   * The first day of a one-year-back history of {@value #DAYS} days for {@code today} (the crash
   * suite's own scenario; the server itself serves {@link PaperMarket}'s history).
   */
  public static LocalDate historyStart(LocalDate today) {
    return today.minusYears(1);
  }

  /** Builds the server (not started) over {@code clock}: the market of {@code alvh paper} at speed 1. */
  public static TwsServer build(BotConfig cfg, Clock clock, Duration tickInterval) {
    return build(cfg, clock, tickInterval, 1);
  }

  /**
   * Builds the server (not started) over {@code clock}, serving the market {@code alvh paper
   * --speed speed} builds on the clock's day.
   */
  public static TwsServer build(BotConfig cfg, Clock clock, Duration tickInterval, long speed) {
    return build(cfg, clock, tickInterval, speed, ACCOUNT);
  }

  /**
   * As {@link #build(BotConfig, Clock, Duration, long)}, reporting {@code account} as its managed
   * account: e.g. {@code U1234567} to stand in for a live account in tests of {@code alvh live}.
   */
  public static TwsServer build(BotConfig cfg, Clock clock, Duration tickInterval, long speed, String account) {
    Check.notNull(cfg, "config");
    NyseCalendar cal = NyseCalendar.of(cfg.schedule());
    List<DailyBar> bars = PaperMarket.history(cfg, clock.marketDate(), PaperMarket.daysAhead(speed));
    SimulatedMarket market = new SimulatedMarket(bars, clock, cfg.market(), cal::isTradingDay);
    PaperBroker broker = new PaperBroker(market, clock, cfg.broker().paper(), cfg.paper().fill());
    TwsServer server = new TwsServer(broker, market, clock, account, tickInterval);
    server.onEndOfDay(cfg.schedule().endOfDay(), date -> market.spxClose(date)
        .ifPresent(close -> broker.settleExpiring(date, close)));
    return server;
  }
}
