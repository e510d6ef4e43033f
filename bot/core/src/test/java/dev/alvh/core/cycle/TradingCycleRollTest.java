package dev.alvh.core.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.HedgeState;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.config.CondorConfig;
import dev.alvh.core.config.RiskConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.testdata.Gather;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The theta-inversion roll as the trading cycle plans it (docs/strategy.md section 2). */
class TradingCycleRollTest {

  private static final ZonedDateTime NOW = ZonedDateTime.of(2024, 1, 8, 15, 45, 0, 0, ZoneId.of("America/New_York"));
  private static final LocalDate TODAY = NOW.toLocalDate();
  private static final LocalDate OLD = TODAY.plusDays(46);
  private static final LocalDate NEXT = TODAY.plusDays(52);

  private static OptionQuote q(LocalDate e, int k, OptionRight r, double delta, String bid, String ask) {
    return TradingCycleTest.q(e, k, r, delta, bid, ask);
  }

  /** The tranche's chain with the short put at {@code putDelta}; close debit 2.025 (between target and stop). */
  private static TradingCycleTest.FakeMarket market(double putDelta, String newShortBid, String newShortAsk) {
    TradingCycleTest.FakeMarket m = new TradingCycleTest.FakeMarket();
    List<OptionQuote> old = new ArrayList<>();
    old.add(q(OLD, 4750, OptionRight.PUT, -0.18, "1.40", "1.60"));
    old.add(q(OLD, 4800, OptionRight.PUT, putDelta, "3.00", "3.20"));
    old.add(q(OLD, 5150, OptionRight.CALL, 0.05, "0.55", "0.65"));
    old.add(q(OLD, 5200, OptionRight.CALL, 0.02, "0.15", "0.20"));
    m.put(OLD, old);
    List<OptionQuote> next = new ArrayList<>();
    next.add(q(NEXT, 4750, OptionRight.PUT, -0.18, "4.00", "4.20"));
    next.add(q(NEXT, 4800, OptionRight.PUT, -0.25, "6.00", "6.20"));
    next.add(q(NEXT, 4850, OptionRight.PUT, -0.31, newShortBid, newShortAsk));
    next.add(q(NEXT, 5150, OptionRight.CALL, 0.16, "3.00", "3.20"));
    next.add(q(NEXT, 5200, OptionRight.CALL, 0.09, "0.60", "0.75"));
    m.put(NEXT, next);
    return m;
  }

  private static Tranche tranche(int rolls) {
    return new Tranche(3, TODAY.minusDays(3), OLD, OLD, new BigDecimal("4750"), new BigDecimal("4800"),
        new BigDecimal("5150"), new BigDecimal("5200"), 4, new BigDecimal("2.40"), rolls);
  }

  private static CycleDecision decide(double vix, Tranche t, TradingCycleTest.FakeMarket m) {
    CycleInput in = new CycleInput(NOW, new AccountSummary(new BigDecimal("1000000"), new BigDecimal("1000000")),
        new IndexLevels(NOW.toInstant(), 5000, vix, vix + 2), HedgeState.CALM, false, List.of(t),
        Optional.of(TODAY.minusDays(3)), 7, Set.of());
    return Gather.decide(new TradingCycle(CondorConfig.DEFAULTS, RiskConfig.DEFAULTS), in, m);
  }

  @Test
  void vixAtSixteenAndShortPutAtThirtyDeltaRollsThePutSideToTheSameDeltaInTheNextWindowExpiry() {
    CycleDecision d = decide(16.00, tranche(0), market(-0.30, "9.00", "9.20"));
    assertThat(d.exits()).isEmpty();
    assertThat(d.rolls()).hasSize(1);
    CycleDecision.PlannedRoll r = d.rolls().get(0);
    assertThat(r.side()).isEqualTo(OptionRight.PUT);
    assertThat(r.newExpiry()).isEqualTo(NEXT);
    assertThat(r.newShort()).isEqualByComparingTo("4850");
    assertThat(r.newLong()).isEqualByComparingTo("4800");
    assertThat(r.order().purpose()).isEqualTo(OrderPurpose.ROLL_CONDOR);
    assertThat(r.order().quantity()).isEqualTo(4);
    assertThat(r.order().legs()).extracting(ComboLeg::side, l -> l.contract().key()).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Side.SELL, "SPXW " + OLD + " 4750 P"),
        org.assertj.core.groups.Tuple.tuple(Side.BUY, "SPXW " + OLD + " 4800 P"),
        org.assertj.core.groups.Tuple.tuple(Side.SELL, "SPXW " + NEXT + " 4850 P"),
        org.assertj.core.groups.Tuple.tuple(Side.BUY, "SPXW " + NEXT + " 4800 P"));
    // buy back 3.10, sell 1.50, sell 9.10, buy 6.10: a credit of 1.40
    assertThat(r.order().limit().bagLimit()).isEqualByComparingTo("-1.40");
    assertThat(r.worst().bagLimit()).isEqualByComparingTo("1.00");
  }

  @Test
  void vixJustBelowSixteenDoesNotRoll() {
    assertThat(decide(15.99, tranche(0), market(-0.30, "9.00", "9.20")).rolls()).isEmpty();
  }

  @Test
  void shortDeltaJustBelowThirtyDoesNotRoll() {
    assertThat(decide(16.00, tranche(0), market(-0.2999, "9.00", "9.20")).rolls()).isEmpty();
  }

  @Test
  void aTrancheRolledOnceDoesNotRollAgain() {
    assertThat(decide(20, tranche(1), market(-0.40, "9.00", "9.20")).rolls()).isEmpty();
  }

  @Test
  void rollCostingMoreThanTheDebitLimitIsNotSentAndIsNoted() {
    // new short sold at 6.10 mid: 3.10 - 1.50 - 6.10 + 6.10 = a debit of 1.60 > 1.00
    CycleDecision d = decide(16, tranche(0), market(-0.30, "6.00", "6.20"));
    assertThat(d.rolls()).isEmpty();
    assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("debit of 1.6").contains("condor.rollMaxDebit"));
  }

  @Test
  void rollForADebitExactlyAtTheLimitIsSent() {
    // new short at 6.70 mid: 3.10 - 1.50 - 6.70 + 6.10 = a debit of 1.00
    CycleDecision d = decide(16, tranche(0), market(-0.30, "6.60", "6.80"));
    assertThat(d.rolls()).hasSize(1);
    assertThat(d.rolls().get(0).order().limit().bagLimit()).isEqualByComparingTo("1.00");
  }

  @Test
  void timeExitConfiguredAsARollClosesAndOpensTheSuccessorDespiteTheCadence() {
    CondorConfig c = CondorConfig.DEFAULTS;
    CondorConfig rolling = new CondorConfig(c.dteMin(), c.dteMax(),
        c.shortDelta(), c.wingWidth(), c.minCreditPct(), c.trancheRiskPct(), c.entryIntervalDays(),
        c.maxOpenTranches(), c.entryStates(), c.skipEventDays(), c.profitTargetPct(), c.stopMultiple(),
        c.timeExitDte(), true, c.rollVixMin(), c.rollShortDelta(), c.maxRollsPerTranche(), c.rollMaxDebit(),
        c.priceTick());
    TradingCycleTest.FakeMarket m = new TradingCycleTest.FakeMarket();
    LocalDate near = TODAY.plusDays(21);
    m.put(near, List.of(q(near, 4750, OptionRight.PUT, -0.02, "0.20", "0.30"),
        q(near, 4800, OptionRight.PUT, -0.05, "1.40", "1.50"),
        q(near, 5150, OptionRight.CALL, 0.05, "0.90", "1.00"),
        q(near, 5200, OptionRight.CALL, 0.02, "0.10", "0.15")));
    m.put(TODAY.plusDays(45), TradingCycleTest.entryQuotes());
    Tranche t = new Tranche(3, TODAY.minusDays(24), near, new BigDecimal("4750"), new BigDecimal("4800"),
        new BigDecimal("5150"), new BigDecimal("5200"), 4, new BigDecimal("2.40"));
    CycleInput in = new CycleInput(NOW, new AccountSummary(new BigDecimal("1000000"), new BigDecimal("1000000")),
        new IndexLevels(NOW.toInstant(), 5000, 14, 16), HedgeState.CALM, false, List.of(t), Optional.of(TODAY.minusDays(3)),
        7, Set.of());
    CycleDecision dec = Gather.decide(new TradingCycle(rolling, RiskConfig.DEFAULTS), in, m);
    assertThat(dec.exits()).singleElement().extracting(CycleDecision.PlannedExit::reason)
        .isEqualTo(dev.alvh.core.condor.ExitReason.ROLL);
    assertThat(dec.entry()).isPresent();
    assertThat(dec.entry().get().condor().expiry()).isEqualTo(TODAY.plusDays(45));
    // the same time exit without the roll setting only closes: the cadence holds the entry back
    CycleDecision plain = Gather.decide(new TradingCycle(CondorConfig.DEFAULTS, RiskConfig.DEFAULTS), in, m);
    assertThat(plain.exits()).singleElement().extracting(CycleDecision.PlannedExit::reason)
        .isEqualTo(dev.alvh.core.condor.ExitReason.TIME_EXIT);
    assertThat(plain.entry()).isEmpty();
  }
}
