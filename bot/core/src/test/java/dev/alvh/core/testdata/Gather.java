package dev.alvh.core.testdata;

import dev.alvh.core.condor.Tranche;
import dev.alvh.core.cycle.CycleDecision;
import dev.alvh.core.cycle.CycleInput;
import dev.alvh.core.cycle.TradingCycle;
import dev.alvh.core.hedge.HedgePlan;
import dev.alvh.core.hedge.HedgePlanInput;
import dev.alvh.core.hedge.HedgePlanner;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.MarketSnapshot;
import dev.alvh.core.port.MarketData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a core decision over a test market the way the app does: each datum the decision names as
 * missing is read from the fake port and added to the snapshot, until it decides. Keeps what was
 * read, so that tests can check the decision read each datum once.
 */
public final class Gather {

  /** The data read by the last call, in reading order. */
  public static final List<MarketSnapshot.Request> READ = new ArrayList<>();

  private Gather() {
  }

  /** {@code cycle.decide(in, ...)} over {@code market}. */
  public static CycleDecision decide(TradingCycle cycle, CycleInput in, MarketData market) {
    return complete(market, MarketSnapshot.of(in.time().toInstant(), in.indices()), s -> cycle.decide(in, s));
  }

  /** {@code planner.plan(in, ...)} over {@code market}. */
  public static HedgePlan plan(HedgePlanner planner, HedgePlanInput in, MarketData market) {
    return complete(market, MarketSnapshot.of(in.time().toInstant(), indices(market)), s -> planner.plan(in, s));
  }

  /** {@link HedgePlanner#condorVega} over {@code market}. */
  public static double condorVega(List<Tranche> tranches, MarketData market) {
    return complete(market, MarketSnapshot.of(Instant.EPOCH, indices(market)),
        s -> HedgePlanner.condorVega(tranches, s));
  }

  private static IndexLevels indices(MarketData market) {
    try {
      return market.indices();
    } catch (RuntimeException e) {
      return new IndexLevels(Instant.EPOCH, 1, 1, 1);
    }
  }

  /** {@code decision} completed from {@code market}. */
  public static <T> T complete(MarketData market, MarketSnapshot start, Function<MarketSnapshot, T> decision) {
    READ.clear();
    MarketSnapshot s = start;
    while (true) {
      try {
        return decision.apply(s);
      } catch (MarketSnapshot.Missing m) {
        MarketSnapshot.Request r = m.request();
        if (s.holds(r)) {
          throw new IllegalStateException("asked again for " + r, m);
        }
        READ.add(r);
        s = s.with(r, market.datum(r, s.asOf()));
      }
    }
  }
}
