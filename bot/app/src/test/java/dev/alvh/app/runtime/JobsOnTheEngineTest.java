package dev.alvh.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.alvh.app.engine.TradingEngine;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.schedule.ScheduledFire;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.app.store.Store;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.Clock;
import dev.alvh.core.signal.DailyCloses;
import dev.alvh.core.time.VirtualClock;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.SimulatedMarket;
import dev.alvh.paper.market.SyntheticHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The job runner on a real engine, paper broker and synthetic market, driven as the replay
 * drives it: the broker port is a Mockito mock delegating to the paper broker, so the test sees
 * what the jobs sent. Ten trading days of jobs send orders; the same days after a halt (the
 * kill-switch file present) send none.
 */
class JobsOnTheEngineTest {

  static final BotConfig CFG = BotConfig.DEFAULTS;
  static final NyseCalendar CAL = NyseCalendar.of(CFG.schedule());
  static final List<DailyBar> BARS = SyntheticHistory.twoCycles(CFG.market().seed(), LocalDate.of(2023, 1, 2), 70,
      CFG.market().startSpx(), CAL::isTradingDay);
  static final LocalDate FROM = BARS.get(60).date();
  static final LocalDate TO = BARS.get(69).date();

  @Test
  void tenDaysOfJobsSendOrders() {
    Broker broker = runTenDays(false);
    verify(broker, atLeastOnce()).place(any());
  }

  @Test
  void afterAHaltNoJobSendsAnything() {
    Broker broker = runTenDays(true);
    verify(broker, never()).place(any());
    verify(broker, never()).modify(any(), any());
  }

  /** Runs the ten days' jobs through {@link Jobs}; returns the broker port the engine used. */
  static Broker runTenDays(boolean halted) {
    Instant start = FROM.atStartOfDay(Clock.MARKET_ZONE).toInstant();
    Instant end = TO.atTime(LocalTime.of(23, 59)).atZone(Clock.MARKET_ZONE).toInstant();
    VirtualClock clock = new VirtualClock(start);
    SimulatedMarket market = new SimulatedMarket(BARS, clock, CFG.market(), CAL::isTradingDay);
    PaperBroker paper = new PaperBroker(market, clock, CFG.broker().paper(), CFG.paper().fill());
    Broker broker = mock(Broker.class, delegatesTo(paper));
    try (Store store = Store.openInMemory("jobs-on-the-engine-" + halted)) {
      TradingEngine engine = new TradingEngine(CFG, clock, market, broker, store, paper::settleExpiring);
      engine.hedgeDesk().warmUp(BARS.stream().filter(b -> b.date().isBefore(FROM))
          .map(b -> DailyCloses.of(b.date(), b.spxClose(), b.vixClose(), b.vix3mClose())).toList());
      if (halted) {
        engine.halt().killSwitchFile(() -> true);
      }
      Jobs jobs = new Jobs(Jobs.Steps.of(engine), clock, Jobs.Market.simulated(market, CAL::isTradingDay), broker,
          store.jdbc()::inTransaction, Jobs.Listener.NONE);
      List<ScheduledFire> fires = new TradingSchedule(CFG.schedule()).firesBetween(start, end);
      new ReplayJobDriver(fires, clock, () -> { }).start(jobs::run);
      assertThat(engine.counters().cycles()).as("cycles run").isGreaterThan(200);
    }
    return broker;
  }
}
