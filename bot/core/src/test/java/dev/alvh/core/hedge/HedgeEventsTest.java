package dev.alvh.core.hedge;

import static dev.alvh.core.HedgeState.CALM;
import static dev.alvh.core.HedgeState.L1;
import static dev.alvh.core.HedgeState.L2;
import static dev.alvh.core.HedgeState.L3;
import static dev.alvh.core.HedgeState.PRESS;
import static dev.alvh.core.HedgeState.UNWIND;
import static dev.alvh.core.HedgeState.WATCH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.HedgeState;
import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.signal.SignalSnapshot;
import dev.alvh.core.signal.TradingDays;
import dev.alvh.core.testdata.Snapshots;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Recorded events: a hand-made sequence of closes in, the whole list of transitions out, compared
 * as one list (in the manner of parity's OrderBookEvents).
 */
class HedgeEventsTest {

  /** A transition reduced to what a reader of the log checks. */
  record Event(LocalDate date, HedgeState from, HedgeState to, String rule) {
  }

  private final List<SignalSnapshot> closes = new ArrayList<>();
  private LocalDate date = Snapshots.START;

  private HedgeEventsTest day(UnaryOperator<Snapshots> s) {
    closes.add(s.apply(Snapshots.calm().date(date)).build());
    date = TradingDays.WEEKDAYS.shift(date, 1);
    return this;
  }

  private HedgeEventsTest days(int n, UnaryOperator<Snapshots> s) {
    for (int i = 0; i < n; i++) {
      day(s);
    }
    return this;
  }

  private static LocalDate d(int tradingDay) {
    return TradingDays.WEEKDAYS.shift(Snapshots.START, tradingDay);
  }

  private List<Event> run(HedgeStateMachine machine, HedgeContext ctx) {
    List<Event> events = new ArrayList<>();
    for (SignalSnapshot s : closes) {
      HedgeDecision decision = machine.evaluate(ctx.withLayersHeld(false), s);
      decision.moved().ifPresent(t -> events.add(new Event(t.date(), t.from(), t.to(), t.rule())));
      ctx = decision.context();
    }
    return events;
  }

  @Test
  void aSpikeThroughEveryState_andBack() {
    day(s -> s.score(2))                                           // 0 CALM -> WATCH
        .day(s -> s.vix(17).vixRel(1.2).score(2))                  // 1 WATCH -> L1
        .day(s -> s.vix(21).vixRel(1.3).macd(0.5, 1))              // 2 L1 -> L2
        .day(s -> s.vix(28).vixRel(1.6).macd(1, 2))                // 3 counts 1 close for L3
        .day(s -> s.vix(32).vixRel(1.8).macd(1.5, 3))              // 4 L2 -> L3 (2 closes)
        .day(s -> s.vix(36).vixRel(1.9).macd(1.6, 3))              // 5 peak 36
        .day(s -> s.vix(30).vixRel(1.5).macd(1.2, -1))             // 6 L3 -> PRESS (30 <= 30.6)
        .day(s -> s.vix(38).vixRel(1.8).macd(1.3, 1))              // 7 a new high 1 close after PRESS sold: stays
        .days(3, s -> s.vix(31).vixRel(1.4).macd(1.0, -1))         // 8-10 PRESS (peak now 38)
        .day(s -> s.vix(40.5).vixRel(1.9).macd(1.3, 1))            // 11 PRESS -> L3 (40.5 > 39.9, 5 closes since PRESS)
        .day(s -> s.vix(31).vixRel(1.4).macd(1.0, -1))             // 12 L3 -> PRESS (31 <= 34.4)
        .days(3, s -> s.vix(19).vixRel(0.9).macd(-0.2, -1).termRatio(1.0)) // 13-15 PRESS -> UNWIND on 15
        .days(5, s -> s.vix(16).vixRel(1.1))                       // 16-20 UNWIND -> L1 on 20: 5 closes since UNWIND
        .days(2, s -> s.vix(14).rsiVix21(29));                     // 21 L1 -> UNWIND (rsiVix21), 22 UNWIND -> CALM
    List<Event> events = run(HedgeStateMachine.adaptive(HedgeConfig.DEFAULTS), HedgeContext.initial());
    assertThat(events).containsExactly(
        new Event(d(0), CALM, WATCH, "CALM to WATCH: score >= 2"),
        new Event(d(1), WATCH, L1, "CALM or WATCH to L1: VIX >= 16 and vixRel >= 1.1; while the carry cap is reached, also score >= 3"),
        new Event(d(2), L1, L2, "CALM, WATCH or L1 to L2: VIX >= 20 and vixRel >= 1.25 and macdVixHist > 0"),
        new Event(d(4), L2, L3, "CALM, WATCH, L1 or L2 to L3: VIX >= 26 and vixRel >= 1.5 on 2 consecutive closes"),
        new Event(d(6), L3, PRESS, "L3 to PRESS: vixPeak >= 26 and VIX <= 0.85 x vixPeak and macdVixHist falling"),
        new Event(d(11), PRESS, L3, "PRESS to L3: VIX makes a new high above 1.05 x vixPeak"),
        new Event(d(12), L3, PRESS, "L3 to PRESS: vixPeak >= 26 and VIX <= 0.85 x vixPeak and macdVixHist falling"),
        new Event(d(15), PRESS, UNWIND, "L1, L2, L3 or PRESS to UNWIND: VIX below the state's exit level (L1 14.5, L2 18, L3 and PRESS 20) on 3 consecutive closes"),
        new Event(d(20), UNWIND, L1, "UNWIND to L1 after the 5-trading-day cool-down since the last escalation, the condition having returned: VIX >= 16 and vixRel >= 1.1; while the carry cap is reached, also score >= 3"),
        new Event(d(21), L1, UNWIND, "L1, L2, L3 or PRESS to UNWIND: rsiVix21 < 30"),
        new Event(d(22), UNWIND, CALM, "UNWIND to CALM: all hedge layers closed and no escalation condition holds"));
  }

  @Test
  void afterUnwindToCalm_noLayerIsBoughtAgainWithinTheCoolDown() {
    day(s -> s.vix(17).vixRel(1.2))                                // 0 CALM -> L1
        .day(s -> s.vix(14).rsiVix21(29))                          // 1 L1 -> UNWIND (sells L1)
        .day(s -> s.vix(14))                                       // 2 UNWIND -> CALM
        .days(3, s -> s.vix(17).vixRel(1.2))                       // 3-5 CALM: 2 to 4 closes since UNWIND
        .day(s -> s.vix(17).vixRel(1.2));                          // 6 CALM -> L1: 5 closes since UNWIND
    List<Event> events = run(HedgeStateMachine.adaptive(HedgeConfig.DEFAULTS), HedgeContext.initial());
    assertThat(events).extracting(Event::date, Event::to).containsExactly(
        org.assertj.core.groups.Tuple.tuple(d(0), L1), org.assertj.core.groups.Tuple.tuple(d(1), UNWIND),
        org.assertj.core.groups.Tuple.tuple(d(2), CALM), org.assertj.core.groups.Tuple.tuple(d(6), L1));
  }

  @Test
  void rigidBaseline_climbsByLevel_andDropsOneLevelAfterThreeClosesBelowEachExit() {
    day(s -> s.vix(16).vixRel(0.5))         // 0 CALM -> L1: no vixRel in the rigid variant
        .day(s -> s.vix(27))                // 1 L1 -> L3
        .days(3, s -> s.vix(19.99))         // 2-4 L3 -> L2 on 4
        .days(3, s -> s.vix(17.99))         // 5-7 L2 -> L1 on 7
        .days(2, s -> s.vix(14.49))         // 8-9
        .day(s -> s.vix(14.5))              // 10 resets the count
        .days(3, s -> s.vix(14.49))         // 11-13 L1 -> CALM on 13
        .day(s -> s.vix(25.99).score(5).termRatio(0.5)); // 14 CALM -> L2: no score, no term structure
    List<Event> events = run(HedgeStateMachine.rigid(HedgeConfig.DEFAULTS), HedgeContext.initial());
    assertThat(events).containsExactly(
        new Event(d(0), CALM, L1, "CALM to L1: VIX >= 16"),
        new Event(d(1), L1, L3, "CALM, L1 or L2 to L3: VIX >= 26"),
        new Event(d(4), L3, L2, "L3 to L2: VIX below 20 on 3 consecutive closes"),
        new Event(d(7), L2, L1, "L2 to L1: VIX below 18 on 3 consecutive closes"),
        new Event(d(13), L1, CALM, "L1 to CALM: VIX below 14.5 on 3 consecutive closes"),
        new Event(d(14), CALM, L2, "CALM or L1 to L2: VIX >= 20"));
  }
}
