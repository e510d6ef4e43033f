package dev.alvh.core.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.HedgeState;
import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.signal.SignalSnapshot;
import dev.alvh.core.signal.TradingDays;
import dev.alvh.core.testdata.Snapshots;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over many seeded random signal paths (200 seeds x 500 trading days): only legal
 * moves, no escalation out of UNWIND inside the cool-down, no downward move past UNWIND, and the
 * same inputs give the same decisions.
 */
class HedgeStateMachinePropertiesTest {

  private static final int DAYS = 500;
  private static final HedgeConfig CFG = HedgeConfig.DEFAULTS;

  static IntStream seeds() {
    return IntStream.range(0, 200);
  }

  /** A random but plausible path: VIX mean-reverts with jumps; the other signals follow loosely. */
  static List<SignalSnapshot> path(long seed) {
    Random r = new Random(seed);
    List<SignalSnapshot> out = new ArrayList<>();
    LocalDate date = Snapshots.START;
    double logVix = Math.log(15);
    double base = 15;
    double hist = 0;
    int trend = 0;
    for (int i = 0; i < DAYS; i++) {
      logVix += 0.08 * (Math.log(16) - logVix) + 0.07 * r.nextGaussian() + (r.nextDouble() < 0.02 ? 0.5 : 0) + (r.nextDouble() < 0.005 ? 1.0 : 0);
      double vix = Math.round(Math.exp(logVix) * 100) / 100.0;
      double rel = vix / base;
      base += 2.0 / 51 * (vix - base);
      double newHist = 0.8 * hist + 0.5 * (rel - 1) + 0.1 * r.nextGaussian();
      trend = newHist > hist ? Math.max(1, trend + 1) : newHist < hist ? Math.min(-1, trend - 1) : 0;
      trend = Math.max(-2, Math.min(2, trend));
      hist = newHist;
      double beSigma = r.nextDouble() < 0.5 ? Double.POSITIVE_INFINITY : 0.5 + 3 * r.nextDouble();
      Snapshots s = Snapshots.calm().date(date).vix(vix).vixRel(rel)
          .termRatio(1.2 - 0.25 * (rel - 1) + 0.03 * r.nextGaussian())
          .contangoZ(r.nextGaussian() * 1.2).rsiSpx(20 + 60 * r.nextDouble())
          .rsiVix21(20 + 60 * r.nextDouble()).macd(hist, trend).beSigma(beSigma).score(r.nextInt(6));
      if (i < 5 || r.nextDouble() < 0.01) {
        s.notWarm("not enough history: test");
      }
      out.add(s.build());
      date = TradingDays.WEEKDAYS.shift(date, 1);
    }
    return out;
  }

  static List<HedgeDecision> run(HedgeStateMachine machine, long seed) {
    Random layers = new Random(seed * 31 + 7);
    HedgeContext ctx = HedgeContext.initial();
    List<HedgeDecision> out = new ArrayList<>();
    for (SignalSnapshot s : path(seed)) {
      boolean held = ctx.state().level() > 0 || (ctx.state() == HedgeState.UNWIND && layers.nextBoolean());
      HedgeDecision d = machine.evaluate(ctx.withLayersHeld(held).withCarryCapReached(layers.nextInt(10) == 0), s);
      out.add(d);
      ctx = d.context();
    }
    return out;
  }

  /**
   * Whether some escalation alternative into {@code to} holds on close {@code i} and failed on a
   * close in {@code [from, i)}.
   */
  private static boolean returnedSince(List<HedgeDecision> decisions, List<SignalSnapshot> closes, int from, int i,
      HedgeState to) {
    for (HedgeRules.Escalation e : HedgeRules.Escalation.values()) {
      if (!e.name().startsWith(to.name() + "_")
          || !e.condition().holds(closes.get(i), decisions.get(i).context(), CFG)) {
        continue;
      }
      for (int k = from; k < i; k++) {
        if (!e.condition().holds(closes.get(k), decisions.get(k).context(), CFG)) {
          return true;
        }
      }
    }
    return false;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void adaptiveMachine_keepsItsPromisesOnRandomPaths(int seed) {
    HedgeStateMachine machine = HedgeStateMachine.adaptive(CFG);
    List<HedgeDecision> decisions = run(machine, seed);
    List<SignalSnapshot> closes = path(seed);
    int lastEscalation = Integer.MIN_VALUE / 2;
    HedgeState state = HedgeState.CALM;
    for (int i = 0; i < decisions.size(); i++) {
      HedgeDecision d = decisions.get(i);
      if (d.moved().isEmpty()) {
        assertThat(d.state()).isEqualTo(state);
        continue;
      }
      HedgeTransition t = d.moved().get();
      assertThat(t.from()).isEqualTo(state);
      assertThat(LegalMoves.ADAPTIVE.isLegal(t.from(), t.to())).as(t.toString()).isTrue();
      assertThat(t.signals().warm()).as("moved on a cold snapshot").isTrue();
      if (t.from() == HedgeState.UNWIND && t.to() != HedgeState.CALM) {
        assertThat(i - lastEscalation).as("closes since the last escalation at " + t.date())
            .isGreaterThanOrEqualTo(CFG.unwind().coolDownTradingDays());
        assertThat(returnedSince(decisions, closes, Math.max(lastEscalation + 1, 0), i, t.to()))
            .as("UNWIND to " + t.to() + " on " + t.date() + " on a condition that had not returned").isTrue();
      }
      if (t.from().level() > 0 && t.to().level() < t.from().level()) {
        assertThat(t.to()).as("the only way down from " + t.from()).isEqualTo(HedgeState.UNWIND);
      }
      if (HedgeStateMachine.isEscalation(t.from(), t.to())) {
        lastEscalation = i;
      }
      state = t.to();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void rigidMachine_movesOnlyAlongItsTable_andDropsOneLevelAtATime(int seed) {
    for (HedgeDecision d : run(HedgeStateMachine.rigid(CFG), seed)) {
      d.moved().ifPresent(t -> {
        assertThat(LegalMoves.RIGID.isLegal(t.from(), t.to())).as(t.toString()).isTrue();
        if (t.to().level() < t.from().level()) {
          assertThat(t.from().level() - t.to().level()).isEqualTo(1);
        }
      });
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sameInputs_giveTheSameDecisions(int seed) {
    HedgeStateMachine machine = HedgeStateMachine.adaptive(CFG);
    assertThat(run(machine, seed)).isEqualTo(run(HedgeStateMachine.adaptive(CFG), seed));
  }

  @Test
  void randomPaths_togetherUseEveryAdaptiveMove() {
    // Guards the generator: properties over paths that never reach a move would prove nothing.
    Set<String> seen = new TreeSet<>();
    HedgeStateMachine machine = HedgeStateMachine.adaptive(CFG);
    seeds().forEach(seed -> run(machine, seed).forEach(d -> d.moved().ifPresent(t -> seen.add(t.from() + "->" + t.to()))));
    Set<String> all = new TreeSet<>();
    for (HedgeState from : HedgeState.values()) {
      LegalMoves.ADAPTIVE.targets(from).forEach(to -> all.add(from + "->" + to));
    }
    assertThat(seen).isEqualTo(all);
  }
}
