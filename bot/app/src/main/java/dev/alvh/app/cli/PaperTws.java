package dev.alvh.app.cli;

import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.core.Check;
import dev.alvh.core.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.server.TwsServer;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.SimulatedMarket;
import dev.alvh.paper.market.SyntheticHistory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@code alvh paper-tws} serves, assembled: the synthetic {@code two-cycles} scenario
 * ({@code market.seed}, {@code market.startSpx}) from one year before the clock's date for
 * {@value #DAYS} NYSE trading days (so today and the next year have bars), the simulated market
 * (SPXW, SPX monthly and VIX options, VX futures derived from VIX/VIX3M), and the paper broker ({@code broker.paper.*}) behind a
 * {@link TwsServer} reporting account {@value #ACCOUNT}. At {@code schedule.endOfDay} each day
 * the paper broker settles the options expiring that day in cash, as IB would. Also used by the system tests.
 */
public final class PaperTws {

  /** Trading days generated. */
  public static final int DAYS = 504;
  /** The account code reported (a paper-style code). */
  public static final String ACCOUNT = "DU0000001";

  private PaperTws() {
  }

  /** The first day of the generated history for a server started on {@code today}. */
  public static LocalDate historyStart(LocalDate today) {
    return today.minusYears(1);
  }

  /** Builds the server (not started) over {@code clock}. */
  public static TwsServer build(BotConfig cfg, Clock clock, Duration tickInterval) {
    Check.notNull(cfg, "config");
    NyseCalendar cal = NyseCalendar.of(cfg.schedule());
    List<DailyBar> bars = SyntheticHistory.twoCycles(cfg.market().seed(), historyStart(clock.marketDate()), DAYS,
        cfg.market().startSpx(), cal::isTradingDay);
    SimulatedMarket market = new SimulatedMarket(bars, clock, cfg.market(), cal::isTradingDay);
    PaperBroker broker = new PaperBroker(market, clock, cfg.broker().paper());
    TwsServer server = new TwsServer(broker, market, clock, ACCOUNT, tickInterval);
    server.onEndOfDay(cfg.schedule().endOfDay(), date -> market.spxClose(date)
        .ifPresent(close -> broker.settleExpiring(date, close)));
    return server;
  }
}
