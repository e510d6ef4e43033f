package dev.alvh.core.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.HedgeState;
import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.port.Clock;
import dev.alvh.core.signal.SignalSnapshot;
import dev.alvh.core.signal.TradingDays;
import dev.alvh.core.testdata.FakeVixMarket;
import dev.alvh.core.testdata.Gather;
import dev.alvh.core.testdata.Snapshots;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Recorded events with orders: a hand-made sequence of closes (and the VIX they leave in a fake
 * market) in; the whole list of transitions and hedge order intents out, compared as one list.
 * Each trading day runs a 09:45 cycle on the state of the previous close (every order fills at its
 * limit) and then the close.
 */
class HedgeRecordedOrdersTest {

  /** The adaptive layers alone (revision 1): these tests are about L1 to L3 and PRESS; the base layer has its own. */
  static final HedgeConfig C = HedgeBaseLayerTest.withoutBase(HedgeConfig.DEFAULTS);
  static final BigDecimal RISK = new BigDecimal("100000");
  static final double CONDOR_VEGA = 6_000;
  static final List<Double> BETAS = List.of(0.6, 0.45, 0.35);

  private final List<SignalSnapshot> closes = new ArrayList<>();
  private LocalDate date = Snapshots.START;

  private HedgeRecordedOrdersTest day(UnaryOperator<Snapshots> s) {
    closes.add(s.apply(Snapshots.calm().date(date)).build());
    date = TradingDays.WEEKDAYS.shift(date, 1);
    return this;
  }

  private HedgeRecordedOrdersTest days(int n, UnaryOperator<Snapshots> s) {
    for (int i = 0; i < n; i++) {
      day(s);
    }
    return this;
  }

  /** One line per transition or order, as a person reads the log. */
  static String line(OrderIntent o) {
    return o.ref().value() + " " + o.purpose() + " x" + o.quantity() + " " + o.limit() + " ["
        + o.legs().stream().map(l -> l.side() + " " + l.contract().key()).collect(Collectors.joining(", ")) + "]";
  }

  List<String> run() {
    HedgeStateMachine machine = HedgeStateMachine.adaptive(C);
    HedgePlanner planner = new HedgePlanner(C);
    HedgeBook book = new HedgeBook();
    FakeVixMarket market = new FakeVixMarket(Snapshots.START);
    HedgeContext ctx = HedgeContext.initial();
    LocalDate pressSince = null;
    BigDecimal realizedInPress = BigDecimal.ZERO;
    BigDecimal toppedUp = BigDecimal.ZERO;
    boolean spreadsSold = false;
    double lastVix = 14;
    List<String> out = new ArrayList<>();
    for (SignalSnapshot s : closes) {
      market.today = s.date();
      market.vix = lastVix;
      ZonedDateTime t = ZonedDateTime.of(s.date(), LocalTime.of(9, 45), Clock.MARKET_ZONE);
      BigDecimal gain = realizedInPress.max(BigDecimal.ZERO).multiply(C.press().gainToL3Share()).subtract(toppedUp)
          .max(BigDecimal.ZERO);
      HedgePlan plan = Gather.plan(planner, new HedgePlanInput(t, ctx.state(), lastVix, s.eventDay(), RISK, CONDOR_VEGA,
          BETAS, book.held(), ctx.state() == HedgeState.PRESS ? gain : BigDecimal.ZERO, spreadsSold), market);
      for (HedgeAction a : plan.actions()) {
        out.add(s.date() + " " + line(a.order()));
        BigDecimal net = a.order().limit().bagLimit().negate();
        HedgeBook.Trade trade = book.apply(a, a.order().quantity(), net, s.date());
        if (pressSince != null) {
          realizedInPress = realizedInPress.add(trade.realizedPnl());
          if (a.layerId().startsWith("L3T-")) {
            toppedUp = toppedUp.add(trade.cash().negate());
          }
          spreadsSold |= a.type() == HedgeAction.Type.OPEN_SPREAD;
        }
      }
      market.vix = s.vix();
      lastVix = s.vix();
      HedgeDecision d = machine.evaluate(ctx.withLayersHeld(book.any()), s);
      if (d.moved().isPresent()) {
        HedgeTransition tr = d.moved().get();
        out.add(tr.date() + " " + tr.from() + " -> " + tr.to());
        if (tr.to() == HedgeState.PRESS) {
          pressSince = tr.date();
          realizedInPress = BigDecimal.ZERO;
          toppedUp = BigDecimal.ZERO;
          spreadsSold = false;
        } else {
          pressSince = null;
        }
      }
      ctx = d.context();
    }
    return out;
  }

  @Test
  void aSpikeBuysTheLayersInOrderPressesThenUnwindsEverything() {
    day(s -> s.vix(14))
        .day(s -> s.vix(17).vixRel(1.2))                           // CALM -> L1
        .day(s -> s.vix(21).vixRel(1.3).macd(0.5, 1))              // L1 -> L2
        .day(s -> s.vix(28).vixRel(1.6).macd(1, 2))
        .day(s -> s.vix(32).vixRel(1.8).macd(1.5, 3))              // L2 -> L3
        .day(s -> s.vix(36).vixRel(1.9).macd(1.6, 3))              // peak 36
        .day(s -> s.vix(30).vixRel(1.5).macd(1.2, -1))             // L3 -> PRESS
        .day(s -> s.vix(27).vixRel(1.3).macd(1.0, -1))
        .days(3, s -> s.vix(19).vixRel(0.9).macd(-0.2, -1).termRatio(1.0)) // PRESS -> UNWIND
        .days(3, s -> s.vix(14));                                  // UNWIND -> CALM once flat
    assertThat(run()).containsExactly(
        "2024-01-09 CALM -> L1",
        "2024-01-10 alvh-L1-202401100945-hedge-202401100945 OPEN_HEDGE x28 debit 1.05 [BUY VIX 2024-02-14 21 C]",
        "2024-01-10 L1 -> L2",
        "2024-01-11 alvh-L1-202401100945-take-202401110945 CLOSE_HEDGE x14 credit 2.95 [SELL VIX 2024-02-14 21 C]",
        "2024-01-11 alvh-L2-202401110945-hedge-202401110945 OPEN_HEDGE x70 debit 0.75 [BUY VIX 2024-02-14 28 C]",
        "2024-01-12 alvh-L2-202401110945-take-202401120945 CLOSE_HEDGE x35 credit 3.65 [SELL VIX 2024-02-14 28 C]",
        "2024-01-12 L2 -> L3",
        "2024-01-15 alvh-L3-202401150945-hedge-202401150945 OPEN_HEDGE x32 debit 2.05 [BUY VIX 2024-03-20 45 C]",
        "2024-01-16 L3 -> PRESS",
        "2024-01-17 alvh-L1-202401100945-unhedge-202401170945 CLOSE_HEDGE x14 credit 10.1 [SELL VIX 2024-02-14 21 C]",
        "2024-01-17 alvh-L2-202401110945-trim-202401170945 CLOSE_HEDGE x17 credit 4.6 [SELL VIX 2024-02-14 28 C]",
        "2024-01-17 alvh-PS-202401170945-press-202401170945 OPEN_PRESS x23 credit 0.8 [BUY VIX 2024-02-14 41 C, SELL VIX 2024-02-14 36 C]",
        "2024-01-18 alvh-L3T-202401180945-hedge-202401180945 OPEN_HEDGE x35 debit 1.35 [BUY VIX 2024-03-20 40 C]",
        "2024-01-19 alvh-L3T-202401190945-hedge-202401190945 OPEN_HEDGE x1 debit 0.6 [BUY VIX 2024-03-20 32 C]",
        "2024-01-22 PRESS -> UNWIND",
        "2024-01-23 alvh-L2-202401110945-unhedge-202401230945 CLOSE_HEDGE x18 credit 0.1 [SELL VIX 2024-02-14 28 C]",
        "2024-01-23 alvh-L3-202401150945-unhedge-202401230945 CLOSE_HEDGE x32 credit 0.05 [SELL VIX 2024-03-20 45 C]",
        "2024-01-23 alvh-L3T-202401180945-unhedge-202401230945 CLOSE_HEDGE x35 credit 0.1 [SELL VIX 2024-03-20 40 C]",
        "2024-01-23 alvh-L3T-202401190945-unhedge-202401230945 CLOSE_HEDGE x1 credit 0.5 [SELL VIX 2024-03-20 32 C]",
        "2024-01-23 alvh-PS-202401170945-unpress-202401230945 CLOSE_PRESS x23 debit 0.05 [SELL VIX 2024-02-14 41 C, BUY VIX 2024-02-14 36 C]",
        "2024-01-23 UNWIND -> CALM");
  }
}
