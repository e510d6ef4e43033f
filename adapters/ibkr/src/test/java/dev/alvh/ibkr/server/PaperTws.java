package dev.alvh.ibkr.server;

import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.time.VirtualClock;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.config.PaperBrokerConfig;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.SimulatedMarket;
import dev.alvh.paper.market.SyntheticHistory;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Predicate;

/** A fake TWS for tests: the paper broker and the simulated market (SPXW and VIX options) on a TwsServer. */
public final class PaperTws implements AutoCloseable {

  public static final String ACCOUNT = "DU0012345";

  public final VirtualClock clock;
  public final MarketData market;
  public final PaperBroker broker;
  public final TwsServer server;
  public final int port;

  private PaperTws(Duration tickInterval, int listenPort) throws IOException {
    Predicate<LocalDate> weekday = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    List<DailyBar> bars = SyntheticHistory.twoCycles(7L, LocalDate.of(2023, 1, 2), 200, 4000.0, weekday);
    LocalDate today = bars.get(60).date();
    clock = new VirtualClock(today.atTime(LocalTime.of(11, 0)).atZone(Clock.MARKET_ZONE).toInstant());
    market = new SimulatedMarket(bars, clock, MarketConfig.DEFAULTS, weekday);
    broker = new PaperBroker(market, clock, PaperBrokerConfig.DEFAULTS);
    server = new TwsServer(broker, market, clock, ACCOUNT, tickInterval);
    port = server.start("127.0.0.1", listenPort);
  }

  /** Starts a server on a free loopback port, pushing streaming ticks every 200 ms. */
  public static PaperTws start() throws IOException {
    return new PaperTws(Duration.ofMillis(200), 0);
  }

  /** Starts a server on {@code port}. */
  public static PaperTws startOn(int port) throws IOException {
    return new PaperTws(Duration.ofMillis(200), port);
  }

  /** The index levels now. */
  public IndexLevels indices() {
    return market.indices();
  }

  @Override
  public void close() {
    server.close();
  }
}
