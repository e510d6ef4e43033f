package dev.alvh.core.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.HedgeState;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.config.CondorConfig;
import dev.alvh.core.config.RiskConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.testdata.Gather;
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

class TradingCycleTest {

  private static final ZonedDateTime NOW = ZonedDateTime.of(2024, 1, 8, 15, 45, 0, 0, ZoneId.of("America/New_York"));
  private static final LocalDate TODAY = NOW.toLocalDate();
  /** 45 DTE: the entry expiry. */
  private static final LocalDate ENTRY_EXPIRY = TODAY.plusDays(45);
  /** 46 DTE: the open tranche's expiry. */
  private static final LocalDate TRANCHE_EXPIRY = TODAY.plusDays(46);
  private static final BigDecimal TICK = new BigDecimal("0.05");

  /** A MarketData fake: fixed indices, listed chains by expiry, quotes looked up in the chains. */
  static final class FakeMarket implements MarketData {
    final Map<LocalDate, OptionChain> chains = new HashMap<>();
    int chainCalls;

    void put(LocalDate expiry, List<OptionQuote> quotes) {
      chains.put(expiry, new OptionChain(OptionContract.SPXW, expiry, 5000, quotes));
    }

    @Override
    public IndexLevels indices() {
      return new IndexLevels(NOW.toInstant(), 5000, 14, 16);
    }

    @Override
    public List<LocalDate> expirations(String tradingClass) {
      return chains.keySet().stream().sorted().toList();
    }

    @Override
    public OptionChain chain(String tradingClass, LocalDate expiry) {
      chainCalls++;
      return chains.get(expiry);
    }

    @Override
    public Optional<OptionQuote> quote(OptionContract contract) {
      OptionChain c = chains.get(contract.expiry());
      return c == null ? Optional.empty() : c.find(contract.strike(), contract.right());
    }
  }

  static OptionQuote q(LocalDate expiry, int strike, OptionRight right, double delta, String bid, String ask) {
    return new OptionQuote(OptionContract.spxw(expiry, BigDecimal.valueOf(strike), right), new BigDecimal(bid),
        new BigDecimal(ask), 0.15, delta, 0.001, 5.0, -0.5);
  }

  /**
   * Entry chain: 16-delta strikes 4800P and 5150C, wings 4750P and 5200C. Mid credit
   * 5.10 + 3.10 - 2.50 - 0.675 = 5.025, off the 0.05 grid.
   */
  static List<OptionQuote> entryQuotes() {
    List<OptionQuote> l = new ArrayList<>();
    l.add(q(ENTRY_EXPIRY, 4750, OptionRight.PUT, -0.10, "2.40", "2.60"));
    l.add(q(ENTRY_EXPIRY, 4800, OptionRight.PUT, -0.16, "5.00", "5.20"));
    l.add(q(ENTRY_EXPIRY, 4850, OptionRight.PUT, -0.22, "7.00", "7.20"));
    l.add(q(ENTRY_EXPIRY, 5100, OptionRight.CALL, 0.23, "5.90", "6.10"));
    l.add(q(ENTRY_EXPIRY, 5150, OptionRight.CALL, 0.16, "3.00", "3.20"));
    l.add(q(ENTRY_EXPIRY, 5200, OptionRight.CALL, 0.09, "0.60", "0.75"));
    return l;
  }

  /** Quotes of the open tranche's legs; close debit at mid 1.05 + 0.60 - 0.30 - 0.175 = 1.175. */
  static List<OptionQuote> trancheQuotes() {
    List<OptionQuote> l = new ArrayList<>();
    l.add(q(TRANCHE_EXPIRY, 4750, OptionRight.PUT, -0.03, "0.25", "0.35"));
    l.add(q(TRANCHE_EXPIRY, 4800, OptionRight.PUT, -0.06, "1.00", "1.10"));
    l.add(q(TRANCHE_EXPIRY, 5150, OptionRight.CALL, 0.05, "0.55", "0.65"));
    l.add(q(TRANCHE_EXPIRY, 5200, OptionRight.CALL, 0.02, "0.15", "0.20"));
    return l;
  }

  static Tranche openTranche() {
    return new Tranche(3, TODAY.minusDays(20), TRANCHE_EXPIRY, new BigDecimal("4750"), new BigDecimal("4800"),
        new BigDecimal("5150"), new BigDecimal("5200"), 4, new BigDecimal("2.40"));
  }

  static CycleInput input(List<Tranche> open, Optional<LocalDate> lastEntry, Set<Long> busy) {
    return new CycleInput(NOW, new AccountSummary(new BigDecimal("1000000"), new BigDecimal("1000000")),
        new IndexLevels(NOW.toInstant(), 5000, 14, 16), HedgeState.CALM, false, open, lastEntry, 7, busy);
  }

  private static boolean onGrid(BigDecimal v) {
    return v.remainder(TICK).signum() == 0;
  }

  @Test
  void quietDayOpensOneCondorAtACreditOnTheGridWithTheDeterministicRef() {
    FakeMarket m = new FakeMarket();
    m.put(ENTRY_EXPIRY, entryQuotes());
    CycleDecision d = Gather.decide(new TradingCycle(CondorConfig.DEFAULTS, RiskConfig.DEFAULTS), input(List.of(), Optional.empty(), Set.of()), m);

    assertThat(d.intents()).hasSize(1);
    assertThat(d.exits()).isEmpty();
    assertThat(d.entrySkip()).isEmpty();
    assertThat(d.rejected()).isEmpty();
    OrderIntent o = d.intents().get(0);
    assertThat(o.purpose()).isEqualTo(OrderPurpose.OPEN_CONDOR);
    assertThat(o.trancheId()).isEqualTo(7);
    assertThat(o.ref().value()).isEqualTo("alvh-T0007-open-202401081545");
    assertThat(o.legs()).extracting(ComboLeg::side).containsExactly(Side.BUY, Side.SELL, Side.SELL, Side.BUY);
    assertThat(o.legs()).extracting(l -> l.contract().right())
        .containsExactly(OptionRight.PUT, OptionRight.PUT, OptionRight.CALL, OptionRight.CALL);
    assertThat(o.legs()).extracting(l -> l.contract().strike().intValueExact())
        .containsExactly(4750, 4800, 5150, 5200);
    assertThat(o.legs()).extracting(l -> l.contract().expiry()).containsOnly(ENTRY_EXPIRY);
    // mid credit 5.025 rounds toward the natural price: credit 5.00, a BUY at -5.00
    assertThat(o.limit().isCredit()).isTrue();
    assertThat(o.limit().bagLimit()).isNegative().isEqualByComparingTo("-5.00");
    assertThat(onGrid(o.limit().bagLimit())).isTrue();
    // 2.5% of 1,000,000 = 25,000 over (50 - 5.025) x 100 = 4,497.50 -> 5 condors
    assertThat(o.quantity()).isEqualTo(5);
    assertThat(d.entry()).get().extracting(CycleDecision.PlannedEntry::trancheId).isEqualTo(7L);
    assertThat(o.reason()).contains("iron condor " + ENTRY_EXPIRY + " 4750/4800/5150/5200 x5 mid credit 5.025");
  }

  @Test
  void sameInputDecidesTheSameRef() {
    FakeMarket m = new FakeMarket();
    m.put(ENTRY_EXPIRY, entryQuotes());
    TradingCycle cycle = new TradingCycle(CondorConfig.DEFAULTS, RiskConfig.DEFAULTS);
    CycleInput in = input(List.of(), Optional.empty(), Set.of());
    assertThat(Gather.decide(cycle, in, m).intents().get(0).ref()).isEqualTo(Gather.decide(cycle, in, m).intents().get(0).ref());
  }

  @Test
  void trancheAtTheProfitTargetClosesWithReversedLegsAtADebit() {
    FakeMarket m = new FakeMarket();
    m.put(TRANCHE_EXPIRY, trancheQuotes());
    // last entry 3 days ago: the cadence gate keeps the entry out of this test
    CycleDecision d = Gather.decide(new TradingCycle(CondorConfig.DEFAULTS, RiskConfig.DEFAULTS),
        input(List.of(openTranche()), Optional.of(TODAY.minusDays(3)), Set.of()), m);

    assertThat(d.entry()).isEmpty();
    assertThat(d.entrySkip()).get().extracting(s -> s.rule()).asString().contains("every 7 days");
    assertThat(d.exits()).hasSize(1);
    CycleDecision.PlannedExit exit = d.exits().get(0);
    assertThat(exit.trancheId()).isEqualTo(3);
    assertThat(exit.reason()).isEqualTo(ExitReason.PROFIT_TARGET);
    OrderIntent o = exit.order();
    assertThat(o.purpose()).isEqualTo(OrderPurpose.CLOSE_CONDOR);
    assertThat(o.ref().value()).isEqualTo("alvh-T0003-close-202401081545");
    assertThat(o.quantity()).isEqualTo(4);
    assertThat(o.legs()).extracting(ComboLeg::side).containsExactly(Side.SELL, Side.BUY, Side.BUY, Side.SELL);
    assertThat(o.legs()).extracting(l -> l.contract().strike().intValueExact())
        .containsExactly(4750, 4800, 5150, 5200);
    // close debit at mid 1.175 rounds toward the natural price: debit 1.20
    assertThat(o.limit().isCredit()).isFalse();
    assertThat(o.limit().bagLimit()).isPositive().isEqualByComparingTo("1.20");
    assertThat(onGrid(o.limit().bagLimit())).isTrue();
    assertThat(d.intents()).containsExactly(o);
  }

  @Test
  void trancheBetweenTargetAndStopIsLeftOpen() {
    FakeMarket m = new FakeMarket();
    List<OptionQuote> quotes = new ArrayList<>(trancheQuotes());
    // short put mid 2.05 instead of 1.05: close debit 2.175, between 1.20 and 4.80
    quotes.set(1, q(TRANCHE_EXPIRY, 4800, OptionRight.PUT, -0.09, "2.00", "2.10"));
    m.put(TRANCHE_EXPIRY, quotes);
    CycleDecision d = Gather.decide(new TradingCycle(CondorConfig.DEFAULTS, RiskConfig.DEFAULTS),
        input(List.of(openTranche()), Optional.of(TODAY.minusDays(3)), Set.of()), m);
    assertThat(d.exits()).isEmpty();
    assertThat(d.intents()).isEmpty();
  }

  @Test
  void busyTrancheIsLeftAloneEvenAtItsProfitTarget() {
    FakeMarket m = new FakeMarket();
    m.put(TRANCHE_EXPIRY, trancheQuotes());
    CycleDecision d = Gather.decide(new TradingCycle(CondorConfig.DEFAULTS, RiskConfig.DEFAULTS),
        input(List.of(openTranche()), Optional.of(TODAY.minusDays(3)), Set.of(3L)), m);
    assertThat(d.exits()).isEmpty();
    assertThat(d.intents()).isEmpty();
  }

  @Test
  void trancheWithAnUnquotedLegIsNotedAndNotManaged() {
    FakeMarket m = new FakeMarket();
    List<OptionQuote> quotes = new ArrayList<>(trancheQuotes());
    quotes.remove(3);
    m.put(TRANCHE_EXPIRY, quotes);
    CycleDecision d = Gather.decide(new TradingCycle(CondorConfig.DEFAULTS, RiskConfig.DEFAULTS),
        input(List.of(openTranche()), Optional.of(TODAY.minusDays(3)), Set.of()), m);
    assertThat(d.exits()).isEmpty();
    assertThat(d.notes()).singleElement().asString().contains("tranche 3").contains("5200 C");
  }

  @Test
  void sizeAboveMaxContractsPerOrderIsRejectedNamingTheLimitAndSendsNothing() {
    FakeMarket m = new FakeMarket();
    m.put(ENTRY_EXPIRY, entryQuotes());
    RiskConfig r = RiskConfig.DEFAULTS;
    RiskConfig tight = new RiskConfig(3, r.maxOpenTranches(), r.maxDailyLossPct(), r.maxMarginUsePct(),
        r.priceBandPct(), r.maxQuoteAgeSeconds());
    CycleDecision d = Gather.decide(new TradingCycle(CondorConfig.DEFAULTS, tight), input(List.of(), Optional.empty(), Set.of()), m);

    assertThat(d.intents()).isEmpty();
    assertThat(d.entry()).isEmpty();
    assertThat(d.rejected()).singleElement().asString()
        .contains("risk.maxContractsPerOrder").contains("5 combos > limit 3").contains("alvh-T0007-open");
  }

  @Test
  void noExpiryInTheWindowSkipsNamingTheWindow() {
    FakeMarket m = new FakeMarket();
    m.put(TODAY.plusDays(30), entryQuotes());
    CycleDecision d = Gather.decide(new TradingCycle(CondorConfig.DEFAULTS, RiskConfig.DEFAULTS), input(List.of(), Optional.empty(), Set.of()), m);
    assertThat(d.intents()).isEmpty();
    assertThat(d.entrySkip()).get().extracting(s -> s.rule()).asString().contains("between 45 and 60 DTE");
    assertThat(m.chainCalls).isZero();
  }

  @Test
  void gatedEntryDoesNotLoadAChain() {
    FakeMarket m = new FakeMarket();
    m.put(ENTRY_EXPIRY, entryQuotes());
    CycleInput l2 = new CycleInput(NOW, new AccountSummary(new BigDecimal("1000000"), new BigDecimal("1000000")),
        new IndexLevels(NOW.toInstant(), 5000, 14, 16), HedgeState.L2, false, List.of(), Optional.empty(), 7, Set.of());
    CycleDecision d = Gather.decide(new TradingCycle(CondorConfig.DEFAULTS, RiskConfig.DEFAULTS), l2, m);
    assertThat(d.intents()).isEmpty();
    assertThat(d.entrySkip()).get().extracting(s -> s.rule()).asString().contains("L2");
    assertThat(m.chainCalls).isZero();
  }
}
