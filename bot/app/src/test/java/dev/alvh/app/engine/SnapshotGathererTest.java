package dev.alvh.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.HedgeState;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.condor.Tranche;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.cycle.CycleDecision;
import dev.alvh.core.cycle.CycleInput;
import dev.alvh.core.cycle.TradingCycle;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.MarketSnapshot;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.MarketData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gatherer reads each datum a decision needs from the port once, before the decision, and nothing else. */
class SnapshotGathererTest {

  static final ZonedDateTime NOW = ZonedDateTime.of(2024, 1, 8, 15, 45, 0, 0, ZoneId.of("America/New_York"));
  static final LocalDate TODAY = NOW.toLocalDate();
  static final LocalDate ENTRY = TODAY.plusDays(45);
  static final LocalDate HELD = TODAY.plusDays(46);
  static final IndexLevels IX = new IndexLevels(NOW.toInstant(), 5000, 14, 16);

  /** A port that records every call, with the entry expiry's chain and the held tranche's quotes. */
  static final class RecordingMarket implements MarketData {
    final List<String> calls = new ArrayList<>();
    final Map<LocalDate, OptionChain> chains = new HashMap<>();

    RecordingMarket() {
      chains.put(ENTRY, chain(ENTRY));
      chains.put(HELD, chain(HELD));
    }

    static OptionChain chain(LocalDate e) {
      List<OptionQuote> l = new ArrayList<>();
      l.add(q(e, 4750, OptionRight.PUT, -0.10, "2.40", "2.60"));
      l.add(q(e, 4800, OptionRight.PUT, -0.16, "5.00", "5.20"));
      l.add(q(e, 5150, OptionRight.CALL, 0.16, "3.00", "3.20"));
      l.add(q(e, 5200, OptionRight.CALL, 0.09, "0.60", "0.75"));
      return new OptionChain(OptionContract.SPXW, e, 5000, l);
    }

    @Override
    public IndexLevels indices() {
      calls.add("indices");
      return IX;
    }

    @Override
    public List<LocalDate> expirations(String tradingClass) {
      calls.add("expirations " + tradingClass);
      return chains.keySet().stream().sorted().toList();
    }

    @Override
    public OptionChain chain(String tradingClass, LocalDate expiry) {
      calls.add("chain " + tradingClass + " " + expiry);
      return chains.get(expiry);
    }

    @Override
    public Optional<OptionQuote> quote(OptionContract contract) {
      calls.add("quote " + contract.key());
      OptionChain c = chains.get(contract.expiry());
      return c == null ? Optional.empty() : c.find(contract.strike(), contract.right());
    }

    @Override
    public Optional<java.time.Instant> quoteTime(OptionContract contract) {
      return Optional.empty();
    }
  }

  static OptionQuote q(LocalDate expiry, int strike, OptionRight right, double delta, String bid, String ask) {
    return new OptionQuote(OptionContract.spxw(expiry, BigDecimal.valueOf(strike), right), new BigDecimal(bid),
        new BigDecimal(ask), 0.15, delta, 0.001, 5.0, -0.5);
  }

  static Tranche held(long id) {
    return new Tranche(id, TODAY.minusDays(20), HELD, new BigDecimal("4750"), new BigDecimal("4800"),
        new BigDecimal("5150"), new BigDecimal("5200"), 4, new BigDecimal("2.40"));
  }

  static CycleInput input(List<Tranche> open, Optional<LocalDate> lastEntry, Set<Long> busy) {
    return new CycleInput(NOW, new AccountSummary(new BigDecimal("1000000"), new BigDecimal("1000000")), IX, HedgeState.CALM,
        false, open, lastEntry, 7, busy);
  }

  @Test
  void theManagedTranchesLegsAreReadOnceEachAndNoChainWhileTheEntryGateIsShut() {
    RecordingMarket m = new RecordingMarket();
    // two tranches on the same strikes: their legs are read once; the busy one's not at all
    CycleDecision d = SnapshotGatherer.decide(new TradingCycle(BotConfig.DEFAULTS.condor(), BotConfig.DEFAULTS.risk()),
        input(List.of(held(3), held(4), held(5)), Optional.of(TODAY.minusDays(3)), Set.of(5L)), m);
    assertThat(m.calls).hasSize(4).allMatch(c -> c.startsWith("quote SPXW " + HELD)).doesNotHaveDuplicates();
    assertThat(d.entry()).isEmpty();
    assertThat(d.notes()).isEmpty();
  }

  @Test
  void theEntryExpiryAndItsChainAreReadOnceWhenTheGateIsOpen() {
    RecordingMarket m = new RecordingMarket();
    CycleDecision d = SnapshotGatherer.decide(new TradingCycle(BotConfig.DEFAULTS.condor(), BotConfig.DEFAULTS.risk()),
        input(List.of(), Optional.empty(), Set.of()), m);
    assertThat(m.calls).containsExactly("expirations SPXW", "chain SPXW " + ENTRY);
    assertThat(d.entry()).isPresent();
  }

  @Test
  void aDecisionOverTheGatheredSnapshotCallsNoPortAgain() {
    RecordingMarket m = new RecordingMarket();
    TradingCycle cycle = new TradingCycle(BotConfig.DEFAULTS.condor(), BotConfig.DEFAULTS.risk());
    CycleInput in = input(List.of(held(3)), Optional.empty(), Set.of());
    MarketSnapshot[] last = new MarketSnapshot[1];
    CycleDecision d = SnapshotGatherer.complete(m, MarketSnapshot.of(NOW.toInstant(), IX), s -> {
      last[0] = s;
      return cycle.decide(in, s);
    });
    int read = m.calls.size();
    assertThat(cycle.decide(in, last[0])).isEqualTo(d);
    assertThat(m.calls).hasSize(read);
    assertThat(last[0].size()).isEqualTo(read);
  }
}
