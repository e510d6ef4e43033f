package dev.alvh.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.config.RiskConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each limit of RiskGate at its boundary, the halt and release path and the kill switch. */
class RiskGateTest {

  private static final Instant NOW = Instant.parse("2024-03-04T15:00:00Z");
  private static final LocalDate EXP = LocalDate.of(2024, 4, 19);
  private static final BigDecimal NLV = new BigDecimal("1000000");
  private static final RiskConfig D = RiskConfig.DEFAULTS;

  private static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  /** A 50-point wide SPXW iron condor 4400/4450/4750/4800 of {@code qty} at a credit. */
  private static OrderIntent condor(OrderPurpose purpose, int qty, NetPrice limit) {
    List<ComboLeg> legs = List.of(
        ComboLeg.of(Side.BUY, OptionContract.spxw(EXP, bd("4400"), OptionRight.PUT)),
        ComboLeg.of(Side.SELL, OptionContract.spxw(EXP, bd("4450"), OptionRight.PUT)),
        ComboLeg.of(Side.SELL, OptionContract.spxw(EXP, bd("4750"), OptionRight.CALL)),
        ComboLeg.of(Side.BUY, OptionContract.spxw(EXP, bd("4800"), OptionRight.CALL)));
    List<ComboLeg> sent = purpose == OrderPurpose.CLOSE_CONDOR ? legs.stream().map(ComboLeg::reversed).toList() : legs;
    return new OrderIntent(new OrderRef("alvh-T0001-" + purpose.action() + "-202403041000"), purpose, 1, sent, qty,
        limit, "test");
  }

  private static OrderIntent open(int qty) {
    return condor(OrderPurpose.OPEN_CONDOR, qty, NetPrice.credit(bd("2.00")));
  }

  private static OrderIntent close(int qty) {
    return condor(OrderPurpose.CLOSE_CONDOR, qty, NetPrice.debit(bd("1.00")));
  }

  private static RiskContext ctx(BigDecimal netLiq, int openTranches, NetPrice model, Duration quoteAge) {
    return new RiskContext(new AccountSummary(netLiq, netLiq), NLV, BigDecimal.ZERO, openTranches,
        Optional.ofNullable(model), quoteAge);
  }

  private static RiskContext ok() {
    return ctx(NLV, 0, NetPrice.credit(bd("2.00")), Duration.ofSeconds(1));
  }

  @Test
  void aPlainOrderPasses() {
    assertThat(new RiskGate(D).judge(open(10), ok(), NOW).passed()).isTrue();
  }

  @Test
  void maxContractsPerOrderAtTheLimitPassesOneAboveIsRejectedWithTheValues() {
    RiskGate g = new RiskGate(D);
    assertThat(g.judge(open(50), ok(), NOW).passed()).isTrue();
    RiskVerdict v = g.judge(open(51), ok(), NOW);
    assertThat(v.passed()).isFalse();
    assertThat(v.limit()).isEqualTo("risk.maxContractsPerOrder");
    assertThat(v.toString()).isEqualTo("risk.maxContractsPerOrder: 51 combos > limit 50");
  }

  @Test
  void maxOpenTranchesRefusesAnOpeningOrderAtTheLimitButNotAClose() {
    RiskGate g = new RiskGate(D);
    assertThat(g.judge(open(1), ctx(NLV, 5, NetPrice.credit(bd("2.00")), Duration.ZERO), NOW).passed()).isTrue();
    RiskVerdict v = g.judge(open(1), ctx(NLV, 6, NetPrice.credit(bd("2.00")), Duration.ZERO), NOW);
    assertThat(v.toString()).isEqualTo("risk.maxOpenTranches: 6 open >= limit 6");
    assertThat(g.judge(close(1), ctx(NLV, 6, NetPrice.debit(bd("1.00")), Duration.ZERO), NOW).passed()).isTrue();
  }

  @Test
  void staleQuotesAtTheLimitPassOneSecondOlderRejectsEveryOrderAndSkipsTheCycle() {
    RiskGate g = new RiskGate(D);
    RiskContext atLimit = ctx(NLV, 0, NetPrice.credit(bd("2.00")), Duration.ofSeconds(60));
    RiskContext stale = ctx(NLV, 0, NetPrice.credit(bd("2.00")), Duration.ofSeconds(61));
    assertThat(g.beforeCycle(atLimit, false, NOW).passed()).isTrue();
    assertThat(g.judge(open(1), atLimit, NOW).passed()).isTrue();
    RiskVerdict cycle = g.beforeCycle(stale, false, NOW);
    assertThat(cycle.limit()).isEqualTo("risk.maxQuoteAgeSeconds");
    assertThat(cycle.detail()).isEqualTo("quotes 61 s old > limit 60 s");
    assertThat(g.judge(close(1), stale.withModelPrice(Optional.empty()), NOW).limit())
        .isEqualTo("risk.maxQuoteAgeSeconds");
  }

  @Test
  void marginOfACondorIsTheWiderSideLessTheCredit() {
    // (50 - 2.00) x 100 x 10 = 48,000
    assertThat(RiskGate.marginOf(open(10))).hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo("48000"));
  }

  @Test
  void marginOfANakedShortIsUnboundedAndRejected() {
    OrderIntent naked = new OrderIntent(new OrderRef("alvh-T0002-hedge-202403041000"), OrderPurpose.OPEN_HEDGE, 0,
        List.of(ComboLeg.of(Side.SELL, OptionContract.vix(EXP, bd("30"), OptionRight.CALL))), 1,
        NetPrice.credit(bd("1.00")), "test");
    assertThat(RiskGate.marginOf(naked)).isEmpty();
    RiskVerdict v = new RiskGate(D).judge(naked, ok().withModelPrice(Optional.of(NetPrice.credit(bd("1.00")))), NOW);
    assertThat(v.limit()).isEqualTo("risk.maxMarginUsePct");
    assertThat(v.detail()).contains("unbounded");
  }

  @Test
  void maxMarginUseAtTheLimitPassesAboveIsRejected() {
    RiskGate g = new RiskGate(D);
    // 50% of 1,000,000 = 500,000; used 452,000 + 48,000 = 500,000 exactly
    RiskContext atLimit = new RiskContext(new AccountSummary(NLV, NLV), NLV, bd("452000"), 0,
        Optional.of(NetPrice.credit(bd("2.00"))), Duration.ZERO);
    assertThat(g.judge(open(10), atLimit, NOW).passed()).isTrue();
    RiskContext above = new RiskContext(new AccountSummary(NLV, NLV), NLV, bd("452000.01"), 0,
        Optional.of(NetPrice.credit(bd("2.00"))), Duration.ZERO);
    RiskVerdict v = g.judge(open(10), above, NOW);
    assertThat(v.limit()).isEqualTo("risk.maxMarginUsePct");
    assertThat(v.detail()).contains("500000.01").contains("> limit 50%");
    assertThat(g.judge(close(10), above.withModelPrice(Optional.of(NetPrice.debit(bd("1.00")))), NOW).passed())
        .isTrue();
  }

  @Test
  void priceBandAtTheEdgePassesBeyondIsRejected() {
    RiskGate g = new RiskGate(D);
    // model credit 2.00, band 25% = 0.50: credit 1.50 and 2.50 pass, 1.45 does not
    RiskContext c = ok();
    assertThat(g.judge(condor(OrderPurpose.OPEN_CONDOR, 1, NetPrice.credit(bd("1.50"))), c, NOW).passed()).isTrue();
    assertThat(g.judge(condor(OrderPurpose.OPEN_CONDOR, 1, NetPrice.credit(bd("2.50"))), c, NOW).passed()).isTrue();
    RiskVerdict v = g.judge(condor(OrderPurpose.OPEN_CONDOR, 1, NetPrice.credit(bd("1.45"))), c, NOW);
    assertThat(v.limit()).isEqualTo("risk.priceBandPct");
    assertThat(v.detail()).isEqualTo("limit credit 1.45 is 0.55 points from the model credit 2.00 > band 0.5 points");
  }

  @Test
  void priceBandIsNeverNarrowerThanTheMinimumPoints() {
    RiskGate g = new RiskGate(D);
    RiskContext c = ctx(NLV, 1, NetPrice.debit(bd("0.02")), Duration.ZERO);
    assertThat(g.judge(condor(OrderPurpose.CLOSE_CONDOR, 1, NetPrice.debit(bd("0.10"))), c, NOW).passed()).isTrue();
    assertThat(g.judge(condor(OrderPurpose.CLOSE_CONDOR, 1, NetPrice.debit(bd("0.15"))), c, NOW).limit())
        .isEqualTo("risk.priceBandPct");
  }

  @Test
  void missingModelPriceRejectsAnOpeningOrderButNotAClose() {
    RiskGate g = new RiskGate(D);
    RiskContext none = ok().withModelPrice(Optional.empty());
    assertThat(g.judge(open(1), none, NOW).limit()).isEqualTo("risk.priceBandPct");
    assertThat(g.judge(close(1), none, NOW).passed()).isTrue();
  }

  @Test
  void dailyLossJustUnderTheLimitDoesNotHalt() {
    RiskGate g = new RiskGate(D);
    assertThat(g.beforeCycle(ctx(bd("950000.01"), 0, null, Duration.ZERO), false, NOW).passed()).isTrue();
    assertThat(g.halted()).isFalse();
  }

  @Test
  void dailyLossAtTheLimitHaltsOnlyRiskReducingOrdersPassUntilReleased() {
    RiskGate g = new RiskGate(D);
    RiskContext down = ctx(bd("950000"), 1, NetPrice.credit(bd("2.00")), Duration.ZERO);
    assertThat(g.beforeCycle(down, false, NOW).passed()).isTrue();
    assertThat(g.halted()).isTrue();
    assertThat(g.haltState().reason()).isEqualTo("risk.maxDailyLossPct: loss 5.00% of start-of-day 1000000 >= limit 5%");
    assertThat(g.haltState().since()).contains(NOW);

    RiskVerdict v = g.judge(open(1), down, NOW);
    assertThat(v.limit()).isEqualTo("halted");
    assertThat(v.detail()).contains("OPEN_CONDOR refused");
    assertThat(g.judge(close(1), down.withModelPrice(Optional.of(NetPrice.debit(bd("1.00")))), NOW).passed())
        .isTrue();

    // the market recovers; still halted until a person releases it
    assertThat(g.judge(open(1), ok(), NOW.plusSeconds(900)).limit()).isEqualTo("halted");

    HaltState released = g.release(NLV);
    assertThat(released.halted()).isTrue();
    assertThat(g.halted()).isFalse();
    // the same day's loss does not re-halt after the release
    assertThat(g.judge(open(1), down, NOW.plusSeconds(1800)).passed()).isTrue();
    assertThat(g.halted()).isFalse();
  }

  @Test
  void whileHaltedAPressSpreadCanBeBoughtBack_butNotSold() {
    RiskGate g = new RiskGate(D);
    g.halt("console: operator halt", NOW);
    LocalDate vixExp = EXP.minusDays(10);
    List<ComboLeg> spread = List.of(ComboLeg.of(Side.BUY, OptionContract.vix(vixExp, bd("35"), OptionRight.CALL)),
        ComboLeg.of(Side.SELL, OptionContract.vix(vixExp, bd("30"), OptionRight.CALL)));
    OrderIntent buyBack = new OrderIntent(new OrderRef("alvh-PS-1-unpress-202403041000"), OrderPurpose.CLOSE_PRESS, 0,
        spread.stream().map(ComboLeg::reversed).toList(), 2, NetPrice.debit(bd("1.00")), "test");
    OrderIntent sell = new OrderIntent(new OrderRef("alvh-PS-1-press-202403041000"), OrderPurpose.OPEN_PRESS, 0,
        spread, 2, NetPrice.credit(bd("1.00")), "test");
    RiskContext model = ok().withModelPrice(Optional.of(NetPrice.debit(bd("1.00"))));
    assertThat(g.judge(buyBack, model, NOW).passed()).as("CLOSE_PRESS reduces risk").isTrue();
    assertThat(g.judge(sell, ok(), NOW).limit()).isEqualTo("halted");
    assertThat(RiskGate.isRiskReducing(OrderPurpose.CLOSE_PRESS)).isTrue();
  }

  @Test
  void releaseHoldsOnlyForTheDayItWasGivenOn() {
    RiskGate g = new RiskGate(D);
    g.beforeCycle(ctx(bd("940000"), 0, null, Duration.ZERO), false, NOW);
    g.release(NLV);
    BigDecimal nextBase = bd("940000");
    RiskContext nextDay = new RiskContext(new AccountSummary(bd("893000"), bd("893000")), nextBase, BigDecimal.ZERO,
        0, Optional.empty(), Duration.ZERO);
    g.beforeCycle(nextDay, false, NOW.plusSeconds(86_400));
    assertThat(g.halted()).isTrue();
  }

  @Test
  void aStoredHaltIsRestoredAndAConsoleHaltWorksTheSame() {
    RiskGate restored = new RiskGate(D, HaltState.halted("console: operator halt", NOW));
    assertThat(restored.judge(open(1), ok(), NOW).limit()).isEqualTo("halted");
    RiskGate g = new RiskGate(D);
    g.halt("console: halt by ops", NOW);
    assertThat(g.haltState()).isEqualTo(HaltState.halted("console: halt by ops", NOW));
    g.halt("second halt does not replace the first", NOW.plusSeconds(5));
    assertThat(g.haltState().reason()).isEqualTo("console: halt by ops");
  }

  @Test
  void killSwitchFileStopsEveryOrderAndTheCycleUntilItIsGone() {
    RiskGate g = new RiskGate(D);
    RiskVerdict cycle = g.beforeCycle(ok(), true, NOW);
    assertThat(cycle.limit()).isEqualTo("risk.killSwitch");
    assertThat(cycle.detail()).contains("KILL exists");
    assertThat(g.killSwitchEngaged()).isTrue();
    assertThat(g.judge(close(1), ok(), NOW).limit()).isEqualTo("risk.killSwitch");
    assertThat(g.beforeCycle(ok(), false, NOW).passed()).isTrue();
    assertThat(g.judge(open(1), ok(), NOW).passed()).isTrue();
  }

  @Test
  void consoleKillSwitchHoldsUntilReleased() {
    RiskGate g = new RiskGate(D);
    g.engageKillSwitch("operator: flash crash");
    assertThat(g.beforeCycle(ok(), false, NOW).toString()).isEqualTo("risk.killSwitch: engaged from the console:"
        + " operator: flash crash");
    g.releaseKillSwitch();
    assertThat(g.killSwitchEngaged()).isFalse();
    assertThat(g.judge(open(1), ok(), NOW).passed()).isTrue();
  }

  @Test
  void aRejectionMustNameItsLimit() {
    assertThatThrownBy(() -> new RiskVerdict(false, "", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(RiskVerdict.pass().toString()).isEqualTo("pass");
  }

  @Test
  void configRefusesAKillSwitchPathAndANegativeBandFloor() {
    RiskConfig d = D;
    assertThatThrownBy(() -> new RiskConfig(d.maxContractsPerOrder(), d.maxOpenTranches(), d.maxDailyLossPct(),
        d.maxMarginUsePct(), d.priceBandPct(), d.maxQuoteAgeSeconds(), d.priceBandMinPoints(), "../KILL"))
        .hasMessage("risk.killSwitchFile must be a plain file name of [A-Za-z0-9._-] not starting with '.', but was"
            + " '../KILL'");
    assertThatThrownBy(() -> new RiskConfig(d.maxContractsPerOrder(), d.maxOpenTranches(), d.maxDailyLossPct(),
        d.maxMarginUsePct(), d.priceBandPct(), d.maxQuoteAgeSeconds(), bd("-0.1"), "KILL"))
        .hasMessage("risk.priceBandMinPoints must be in [0, 10], but was -0.1");
  }
}
