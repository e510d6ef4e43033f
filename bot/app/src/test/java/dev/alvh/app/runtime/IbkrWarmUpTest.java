package dev.alvh.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.cli.PaperTws;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.store.HedgeStore;
import dev.alvh.app.config.BotConfig;
import dev.alvh.app.config.BrokerConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.signal.SignalSnapshot;
import dev.alvh.ibkr.broker.IbkrAdapter;
import dev.alvh.ibkr.config.IbkrConfig;
import dev.alvh.ibkr.server.TwsServer;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.config.PaperBrokerConfig;
import dev.alvh.paper.market.SimulatedMarket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot on IBKR starts warm: on start it asks TWS (here the paper TWS) for the daily closes of
 * SPX, VIX and VIX3M, so its signals equal those of the in-process paper bot on the same market and
 * its first end of day is evaluated on warm indicators; a restart asks nothing; without history it
 * starts cold and carries on.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IbkrWarmUpTest {

  /** A Tuesday. */
  static final LocalDate DAY = LocalDate.of(2026, 3, 17);

  @TempDir
  Path tmp;

  private static BotConfig config(int port) {
    BotConfig d = BotConfig.DEFAULTS;
    BrokerConfig b = new BrokerConfig("ibkr", "127.0.0.1", port, 31, PaperBrokerConfig.DEFAULTS,
        IbkrConfig.DEFAULTS.withTiming(10, 60, 50));
    return new BotConfig(d.condor(), d.hedge(), d.risk(), b, d.schedule(), d.store(), d.console(), d.market(),
        d.execution(), d.replay(), d.health(), d.alerts(), d.logging());
  }

  private static Instant at(int hour, int minute) {
    return DAY.atTime(hour, minute).atZone(Clock.MARKET_ZONE).toInstant();
  }

  @Test
  void aBotOnPaperTwsIsWarmOnStartWithTheInProcessBotsSignalsAndOnItsFirstEndOfDay() throws Exception {
    SteppedClock clock = new SteppedClock(at(10, 0), Optional.empty());
    try (TwsServer tws = PaperTws.build(BotConfig.DEFAULTS, clock, Duration.ofMillis(50))) {
      BotConfig cfg = config(tws.start("127.0.0.1", 0));
      SignalSnapshot inProcess;
      List<dev.alvh.core.signal.DailyCloses> inProcessCloses;
      try (Bot paper = Bot.paper(BotConfig.DEFAULTS, tmp.resolve("paper"), clock, 1, PaperMarket.daysAhead(1))) {
        inProcess = paper.engine().hedgeDesk().lastSignals().orElseThrow();
        inProcessCloses = new HedgeStore(paper.store().jdbc(), "alvh").closes();
      }
      try (Bot bot = Bot.ibkr(cfg, tmp.resolve("ibkr"), clock, ibkr(cfg, clock))) {
        assertThat(tws.historyRequestsReceived()).as("SPX, VIX, VIX3M").isEqualTo(3);
        SignalSnapshot s = bot.engine().hedgeDesk().lastSignals().orElseThrow();
        assertThat(s.warm()).as("warm on start: " + s.notWarmReason()).isTrue();
        assertThat(s).as("the in-process bot's signals as of the last close").isEqualTo(inProcess);
        assertThat(s.date()).isEqualTo(DAY.minusDays(1));
        assertThat(new HedgeStore(bot.store().jdbc(), "alvh").closes()).as("the in-process bot's warm-up closes")
            .hasSizeGreaterThan(250).containsExactlyElementsOf(inProcessCloses);

        clock.set(at(16, 15));
        bot.runJob(JobKind.END_OF_DAY, at(16, 15));
        SignalSnapshot eod = bot.engine().hedgeDesk().lastSignals().orElseThrow();
        assertThat(eod.date()).as("the first end of day").isEqualTo(DAY);
        assertThat(eod.warm()).as("warm on the first end of day: " + eod.notWarmReason()).isTrue();
        assertThat(tws.historyRequestsReceived()).as("asked once").isEqualTo(3);
      }
      // A restart on the same store: enough closes up to the last trading day, nothing asked.
      try (Bot again = Bot.ibkr(cfg, tmp.resolve("ibkr"), clock, ibkr(cfg, clock))) {
        assertThat(again.engine().hedgeDesk().lastSignals().orElseThrow().date()).isEqualTo(DAY);
        assertThat(tws.historyRequestsReceived()).isEqualTo(3);
      }
    }
  }

  @Test
  void withoutHistoryTheBotStartsColdAndCarriesOn() throws Exception {
    SteppedClock clock = new SteppedClock(at(10, 0), Optional.empty());
    BotConfig base = BotConfig.DEFAULTS;
    NyseCalendar cal = NyseCalendar.of(base.schedule());
    SimulatedMarket sim = new SimulatedMarket(PaperMarket.history(base, DAY, PaperMarket.daysAhead(1)), clock,
        base.market(), cal::isTradingDay);
    PaperBroker broker = new PaperBroker(sim, clock, base.broker().paper(), base.paper().fill());
    try (TwsServer tws = new TwsServer(broker, withoutHistory(sim), clock, PaperTws.ACCOUNT, Duration.ofMillis(50))) {
      BotConfig cfg = config(tws.start("127.0.0.1", 0));
      try (Bot bot = Bot.ibkr(cfg, tmp.resolve("cold"), clock, ibkr(cfg, clock))) {
        assertThat(tws.historyRequestsReceived()).as("SPX asked, 162 no data").isEqualTo(1);
        assertThat(bot.engine().hedgeDesk().lastSignals()).isEmpty();
        clock.set(at(16, 15));
        bot.runJob(JobKind.END_OF_DAY, at(16, 15));
        SignalSnapshot s = bot.engine().hedgeDesk().lastSignals().orElseThrow();
        assertThat(s.warm()).isFalse();
        assertThat(s.notWarmReason()).isNotEmpty();
        assertThat(tws.historyRequestsReceived()).as("not asked again after an answer").isEqualTo(1);
      }
    }
  }

  /** {@code m} without its daily history (MarketData's default). */
  private static MarketData withoutHistory(SimulatedMarket m) {
    return new MarketData() {
      @Override
      public IndexLevels indices() {
        return m.indices();
      }

      @Override
      public List<LocalDate> expirations(String tradingClass) {
        return m.expirations(tradingClass);
      }

      @Override
      public OptionChain chain(String tradingClass, LocalDate expiry) {
        return m.chain(tradingClass, expiry);
      }

      @Override
      public OptionalDouble vxFuture(LocalDate expiry) {
        return m.vxFuture(expiry);
      }

      @Override
      public Optional<OptionQuote> quote(OptionContract contract) {
        return m.quote(contract);
      }
    };
  }

  private static IbkrAdapter ibkr(BotConfig cfg, Clock clock) {
    BrokerConfig b = cfg.broker();
    return IbkrAdapter.connect(b.host(), b.port(), b.clientId(), b.ibkr(), clock);
  }
}
