package dev.alvh.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.store.HedgeStore;
import dev.alvh.app.store.Store;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.hedge.HedgeContext;
import dev.alvh.core.HedgeState;
import dev.alvh.core.port.Clock;
import dev.alvh.core.signal.EventCalendar;
import dev.alvh.core.time.VirtualClock;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.SimulatedMarket;
import dev.alvh.paper.market.SyntheticHistory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk on the synthetic two-cycles market: warm-up refusal, transitions stored, restart resumes. */
class HedgeDeskTest {

  static final BotConfig CFG = BotConfig.DEFAULTS;
  static final NyseCalendar CAL = NyseCalendar.of(CFG.schedule());

  @TempDir
  Path dir;

  final List<DailyBar> bars = SyntheticHistory.twoCycles(CFG.market().seed(), LocalDate.of(2023, 1, 2), 504,
      CFG.market().startSpx(), CAL::isTradingDay);
  final VirtualClock clock = new VirtualClock(bars.get(0).date().atStartOfDay(Clock.MARKET_ZONE).toInstant());
  final SimulatedMarket market = new SimulatedMarket(bars, clock, CFG.market(), CAL::isTradingDay);

  HedgeDesk desk(Store store, Book book) {
    return new HedgeDesk(book, CFG, clock, market, store, EventCalendar.NONE, CAL::isTradingDay);
  }

  void closeOf(HedgeDesk desk, int day) {
    clock.set(ZonedDateTime.of(bars.get(day).date(), LocalTime.of(16, 5), Clock.MARKET_ZONE).toInstant());
    desk.endOfDay();
  }

  ZonedDateTime cycle(int day) {
    ZonedDateTime t = ZonedDateTime.of(bars.get(day).date(), LocalTime.of(9, 45), Clock.MARKET_ZONE);
    clock.set(t.toInstant());
    return t;
  }

  @Test
  void noHedgeOrderUntilWarmSaidOnceAndTheMachineRunsOnceWarm() {
    try (Store store = Store.open(dir, "t")) {
      HedgeDesk d = desk(store, Book.ALVH);
      for (int day = 0; day < 40; day++) {
        closeOf(d, day);
        assertThat(d.plan(cycle(day + 1))).isEmpty();
      }
      assertThat(d.lastSignals().orElseThrow().warm()).isFalse();
      assertThat(store.jdbc().queryOne("SELECT COUNT(*) FROM decision WHERE kind='hedge-not-warm'",
          rs -> rs.getLong(1)).orElseThrow()).isEqualTo(1L);
      for (int day = 40; day < 300; day++) {
        closeOf(d, day);
      }
      assertThat(d.lastSignals().orElseThrow().warm()).isTrue();
      assertThat(d.context().asOf()).isEqualTo(bars.get(299).date());
      assertThat(new HedgeStore(store.jdbc(), "alvh").transitions()).isNotEmpty()
          .allSatisfy(t -> assertThat(t.signals()).contains("\"vixRel\":"));
    }
  }

  @Test
  void aRestartResumesInTheSameStateWithTheSameContextAndHistory() {
    HedgeContext before;
    try (Store store = Store.open(dir, "t")) {
      HedgeDesk d = desk(store, Book.ALVH);
      for (int day = 0; day < 260; day++) {
        closeOf(d, day);
      }
      before = d.context();
    }
    try (Store store = Store.open(dir, "t")) {
      HedgeDesk again = desk(store, Book.ALVH);
      assertThat(again.context()).isEqualTo(before);
      assertThat(again.state()).isEqualTo(before.state());
      assertThat(again.lastSignals().orElseThrow().date()).isEqualTo(bars.get(259).date());
      assertThat(again.lastSignals().orElseThrow().warm()).isTrue();
      closeOf(again, 259);
      assertThat(again.context()).as("a close already evaluated changes nothing").isEqualTo(before);
      closeOf(again, 260);
      assertThat(again.context().asOf()).isEqualTo(bars.get(260).date());
    }
  }

  @Test
  void aRestartKeepsTheBetaOfEachLayer_andTheNextCloseAddsToItAsWithoutTheRestart() {
    List<Double> before;
    List<Double> afterRestart;
    try (Store store = Store.open(dir, "t")) {
      HedgeDesk d = desk(store, Book.ALVH);
      for (int day = 0; day < 120; day++) {
        closeOf(d, day);
      }
      before = d.betas();
    }
    double fallback = CFG.hedge().desk().betaFallback();
    assertThat(before).as("measured, not the fallback: base, L1, L2, L3").hasSize(4).anySatisfy(b -> assertThat(b).isNotEqualTo(fallback));
    try (Store store = Store.open(dir, "t")) {
      HedgeDesk again = desk(store, Book.ALVH);
      assertThat(again.betas()).isEqualTo(before);
      closeOf(again, 120);
      afterRestart = again.betas();
    }
    VirtualClock otherClock = new VirtualClock(bars.get(0).date().atStartOfDay(Clock.MARKET_ZONE).toInstant());
    SimulatedMarket otherMarket = new SimulatedMarket(bars, otherClock, CFG.market(), CAL::isTradingDay);
    try (Store store = Store.open(dir, "uninterrupted")) {
      HedgeDesk d = new HedgeDesk(Book.ALVH, CFG, otherClock, otherMarket, store, EventCalendar.NONE, CAL::isTradingDay);
      for (int day = 0; day <= 120; day++) {
        otherClock.set(ZonedDateTime.of(bars.get(day).date(), LocalTime.of(16, 5), Clock.MARKET_ZONE).toInstant());
        d.endOfDay();
      }
      assertThat(afterRestart).as("the first close after the restart measures its change from the stored closes")
          .isEqualTo(d.betas()).isNotEqualTo(before);
    }
  }

  @Test
  void theRigidAndUnhedgedBooksKeepTheirOwnState() {
    try (Store store = Store.open(dir, "t")) {
      HedgeDesk alvh = desk(store, Book.ALVH);
      HedgeDesk rigid = desk(store, Book.RIGID);
      HedgeDesk none = desk(store, Book.UNHEDGED);
      boolean rigidMoved = false;
      for (int day = 0; day < 503; day++) {
        closeOf(alvh, day);
        closeOf(rigid, day);
        closeOf(none, day);
        rigidMoved |= rigid.state() != HedgeState.CALM;
        assertThat(none.state()).isEqualTo(HedgeState.CALM);
        assertThat(none.plan(cycle(day + 1))).isEmpty();
      }
      assertThat(rigidMoved).isTrue();
      assertThat(new HedgeStore(store.jdbc(), "rigid").transitions()).isNotEmpty()
          .noneMatch(t -> t.to() == HedgeState.PRESS);
      assertThat(new HedgeStore(store.jdbc(), "unhedged").transitions()).isEmpty();
      assertThat(new HedgeStore(store.jdbc(), "alvh").loadContext().orElseThrow().context())
          .isEqualTo(alvh.context());
    }
  }

  @Test
  void anOrderAboveTheRiskLimitIsCappedAndSaysSo() {
    dev.alvh.core.order.OrderIntent o = new dev.alvh.core.order.OrderIntent(new dev.alvh.core.order.OrderRef("r"),
        dev.alvh.core.order.OrderPurpose.OPEN_HEDGE, 0, List.of(dev.alvh.core.instrument.ComboLeg.of(
            dev.alvh.core.instrument.Side.BUY, dev.alvh.core.instrument.OptionContract.vix(LocalDate.of(2024, 2, 14),
                java.math.BigDecimal.TEN, dev.alvh.core.instrument.OptionRight.CALL))), 70,
        dev.alvh.core.order.NetPrice.debit(java.math.BigDecimal.ONE), "L2 ...");
    dev.alvh.core.hedge.HedgeAction a = new dev.alvh.core.hedge.HedgeAction(dev.alvh.core.hedge.HedgeAction.Type.OPEN,
        "L2-x", 2, dev.alvh.core.hedge.HedgeLayerKind.VIX_CALL, o);

    dev.alvh.core.hedge.HedgeAction c = HedgeDesk.capped(a, CFG.risk().maxContractsPerOrder());

    assertThat(c.order().quantity()).isEqualTo(50);
    assertThat(c.order().reason()).isEqualTo("L2 ...; capped at risk.maxContractsPerOrder 50 of 70");
    assertThat(c.order().ref()).isEqualTo(o.ref());
    assertThat(HedgeDesk.capped(c, 50)).isSameAs(c);
  }

  @Test
  void warmUpHistoryMakesTheFirstClosesWarmWithoutEvaluatingThem() {
    List<dev.alvh.core.signal.DailyCloses> history = bars.subList(0, 60).stream()
        .map(b -> dev.alvh.core.signal.DailyCloses.of(b.date(), b.spxClose(), b.vixClose(), b.vix3mClose())).toList();
    try (Store store = Store.open(dir, "t")) {
      HedgeDesk d = desk(store, Book.ALVH);
      d.warmUp(history);
      assertThat(d.context().asOf()).as("warm-up closes are not evaluated").isNull();
      closeOf(d, 60);
      assertThat(d.lastSignals().orElseThrow().warm()).isTrue();
      assertThat(d.context().asOf()).isEqualTo(bars.get(60).date());
      assertThat(new HedgeStore(store.jdbc(), "alvh").closes()).hasSize(61);
      d.warmUp(history);
      assertThat(new HedgeStore(store.jdbc(), "alvh").closes()).as("older closes are skipped").hasSize(61);
    }
  }
}
