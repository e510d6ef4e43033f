package dev.alvh.app.engine;

import dev.alvh.core.condor.Tranche;
import dev.alvh.core.cycle.CycleDecision;
import dev.alvh.core.cycle.CycleInput;
import dev.alvh.core.cycle.TradingCycle;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.MarketSnapshot;
import dev.alvh.core.port.MarketData;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads from the market-data port what a core decision reads, into one immutable
 * {@link MarketSnapshot}, before the decision runs: the core decides over the snapshot and calls
 * no port (a request to TWS that fails, fails here, not halfway through a decision).
 *
 * <p>The snapshot starts with what every decision of its kind reads (the index levels; for the
 * trading cycle the quotes of the managed tranches' closing legs; for the hedge the condor legs'
 * quotes its vega reads). What a decision reads beyond that depends on what it found (the entry
 * expiry's chain once the entry gate is open, the VIX chain of a layer's window once a layer is
 * wanted): the decision names it ({@link MarketSnapshot.Missing}), it is read and added, and the
 * decision runs again over the larger snapshot. The snapshot then holds exactly what the decision
 * read, each datum read once.
 */
public final class SnapshotGatherer {

  private SnapshotGatherer() {
  }

  /** The trading cycle's decision over {@code in} and the market now, taken at {@code in.time()}. */
  public static CycleDecision decide(TradingCycle cycle, CycleInput in, MarketData market) {
    Instant asOf = in.time().toInstant();
    Map<MarketSnapshot.Request, Object> first = new LinkedHashMap<>();
    for (Tranche t : TradingCycle.managed(in)) {
      // as the decision reads them: each tranche's legs in order, up to the first not quoted
      for (ComboLeg leg : t.closingLegs()) {
        MarketSnapshot.Quote r = new MarketSnapshot.Quote(leg.contract());
        MarketSnapshot.TimedQuote q = (MarketSnapshot.TimedQuote) first.computeIfAbsent(r, x -> market.datum(r, asOf));
        if (q.quote().isEmpty()) {
          break;
        }
      }
    }
    MarketSnapshot snapshot = MarketSnapshot.of(asOf, in.indices()).with(first);
    return complete(market, snapshot, s -> cycle.decide(in, s));
  }

  /** A snapshot taken at {@code asOf} with {@code indices} and the quotes of every opening leg of {@code tranches}. */
  public static MarketSnapshot withOpeningLegs(MarketData market, Instant asOf, IndexLevels indices,
      List<Tranche> tranches) {
    Map<MarketSnapshot.Request, Object> quotes = new LinkedHashMap<>();
    for (Tranche t : tranches) {
      for (ComboLeg leg : t.openingLegs()) {
        MarketSnapshot.Quote r = new MarketSnapshot.Quote(leg.contract());
        quotes.computeIfAbsent(r, x -> market.datum(r, asOf));
      }
    }
    return MarketSnapshot.of(asOf, indices).with(quotes);
  }

  /**
   * {@code decision} over {@code snapshot} and whatever more it reads from {@code market}: each
   * datum it names as missing is read and added, and it runs again, until it decides.
   */
  public static <T> T complete(MarketData market, MarketSnapshot snapshot, Function<MarketSnapshot, T> decision) {
    MarketSnapshot s = snapshot;
    while (true) {
      try {
        return decision.apply(s);
      } catch (MarketSnapshot.Missing m) {
        if (s.holds(m.request())) {
          throw new IllegalStateException("the snapshot holds " + m.request() + " and the decision asked for it again", m);
        }
        s = s.with(m.request(), read(market, m.request(), s.asOf()));
      }
    }
  }

  /** One datum from the port. */
  static Object read(MarketData market, MarketSnapshot.Request r, Instant asOf) {
    return market.datum(r, asOf);
  }
}
