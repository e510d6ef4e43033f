package dev.alvh.core.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.alvh.core.HedgeState;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.port.Clock;
import dev.alvh.core.testdata.FakeVixMarket;
import dev.alvh.core.testdata.Gather;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class HedgePlannerTest {

  /** The adaptive layers alone (revision 1): these tests are about L1 to L3 and PRESS; the base layer has its own. */
  static final HedgeConfig C = HedgeBaseLayerTest.withoutBase(HedgeConfig.DEFAULTS);
  static final LocalDate DAY = LocalDate.of(2024, 1, 8);
  static final ZonedDateTime T = ZonedDateTime.of(DAY, LocalTime.of(15, 45), Clock.MARKET_ZONE);
  static final LocalDate FEB = LocalDate.of(2024, 2, 14);
  static final LocalDate MAR = LocalDate.of(2024, 3, 20);
  static final BigDecimal RISK = new BigDecimal("100000");
  static final double BETA = 0.6;
  static final List<Double> BETAS = List.of(BETA, BETA, BETA);

  final FakeVixMarket market = new FakeVixMarket(DAY);
  final HedgePlanner planner = new HedgePlanner(C);

  static HedgePlanInput input(HedgeState s, double condorVega, List<HeldLayer> held) {
    return new HedgePlanInput(T, s, 16, false, RISK, condorVega, BETAS, held, BigDecimal.ZERO, false);
  }

  OptionQuote call(LocalDate expiry, int strike) {
    return market.quote(OptionContract.vix(expiry, BigDecimal.valueOf(strike), OptionRight.CALL)).orElseThrow();
  }

  static BigDecimal limit(OptionQuote q) {
    return NetPrice.debit(q.mid()).ceilToTick(new BigDecimal("0.05")).amount();
  }

  static long budgetQty(BigDecimal share, BigDecimal price) {
    return RISK.multiply(new BigDecimal("0.15")).multiply(share).divide(price.multiply(BigDecimal.valueOf(100)), 0,
        RoundingMode.FLOOR).longValue();
  }

  static HeldLayer held(String id, int level, OptionContract c, int qty, String cost) {
    return new HeldLayer(id, level, HedgeLayerKind.VIX_CALL, List.of(ComboLeg.of(Side.BUY, c)), qty,
        new BigDecimal(cost), DAY.minusDays(10), false, false);
  }

  /** A layer bought at today's mid: no profit to take. */
  HeldLayer heldAtMid(String id, int level, OptionQuote q, int qty) {
    return held(id, level, q.contract(), qty, q.mid().toPlainString());
  }

  @Test
  void l1BuysTheFirstStrikeAtOrAboveVxPlusTwoInTheWindowSizedByTheSmallerLimit() {
    HedgePlan plan = Gather.plan(planner, input(HedgeState.L1, 1_000_000, List.of()), market);

    assertThat(plan.actions()).hasSize(1);
    HedgeAction a = plan.actions().get(0);
    // VX(2024-02-14) = 16 + 37/30 = 17.23; + 2 = 19.23: the first listed strike at or above is 20
    OptionQuote q = call(FEB, 20);
    assertThat(a.order().legs()).containsExactly(ComboLeg.of(Side.BUY, q.contract()));
    assertThat(a.type()).isEqualTo(HedgeAction.Type.OPEN);
    assertThat(a.level()).isEqualTo(1);
    assertThat(a.order().purpose()).isEqualTo(OrderPurpose.OPEN_HEDGE);
    assertThat(a.order().limit().amount()).isEqualByComparingTo(limit(q));
    long budget = budgetQty(new BigDecimal("0.20"), limit(q));
    long vega = (long) Math.ceil(0.25 * 1_000_000 / (q.delta() * BETA * 100));
    assertThat(budget).isLessThan(vega);
    assertThat(a.order().quantity()).isEqualTo((int) budget);
    assertThat(a.order().reason()).contains("budget limit " + budget).contains("vega limit " + vega)
        .contains("quantity = min(");
    assertThat(a.order().ref().value()).isEqualTo("alvh-L1-202401081545-hedge-202401081545");
  }

  @Test
  void theVegaTargetLimitsWhenTheCondorsHaveLittleVega() {
    HedgePlan plan = Gather.plan(planner, input(HedgeState.L1, 2_000, List.of()), market);

    OptionQuote q = call(FEB, 20);
    long vega = (long) Math.ceil(0.25 * 2_000 / (q.delta() * BETA * 100));
    assertThat(vega).isLessThan(budgetQty(new BigDecimal("0.20"), limit(q)));
    assertThat(plan.actions().get(0).order().quantity()).isEqualTo((int) vega);
  }

  @Test
  void anEventDayHalvesTheLayer() {
    HedgePlanInput in = new HedgePlanInput(T, HedgeState.L1, 16, true, RISK, 1_000_000, BETAS, List.of(),
        BigDecimal.ZERO, false);
    long full = budgetQty(new BigDecimal("0.20"), limit(call(FEB, 20)));

    HedgeAction a = Gather.plan(planner, in, market).actions().get(0);

    assertThat(a.order().quantity()).isEqualTo((int) (full / 2));
    assertThat(a.order().reason()).contains("event day: 50% of " + full);
  }

  @Test
  void aJumpToL3BuysTheMissingLayersInOrderL1L2L3() {
    HedgePlan plan = Gather.plan(planner, input(HedgeState.L3, 1_000_000, List.of()), market);

    assertThat(plan.actions()).extracting(HedgeAction::level).containsExactly(1, 2, 3);
    // L2: VX(02-14) 17.23 + 5 -> 23; L3: VX(03-20) = 16 + 72/30 = 18.4, + 10 -> 29
    assertThat(plan.actions().get(1).order().legs().get(0).contract()).isEqualTo(call(FEB, 23).contract());
    assertThat(plan.actions().get(2).order().legs().get(0).contract()).isEqualTo(call(MAR, 29).contract());
    assertThat(plan.actions()).allMatch(a -> a.order().quantity() > 0);
  }

  @Test
  void heldLayersAreNotBoughtAgainAndCountTowardsTheCumulativeVegaTarget() {
    HeldLayer l1 = heldAtMid("L1-a", 1, call(FEB, 20), 100);
    HedgePlan plan = Gather.plan(planner, input(HedgeState.L2, 20_000, List.of(l1)), market);

    assertThat(plan.actions()).hasSize(1);
    HedgeAction a = plan.actions().get(0);
    assertThat(a.level()).isEqualTo(2);
    double offsetHeld = 100 * call(FEB, 20).delta() * BETA * 100;
    OptionQuote q = call(FEB, 23);
    long vega = (long) Math.ceil((0.55 * 20_000 - offsetHeld) / (q.delta() * BETA * 100));
    assertThat(a.order().quantity()).isEqualTo((int) Math.min(vega, budgetQty(new BigDecimal("0.35"), limit(q))));
  }

  @Test
  void noBudgetWithoutOpenTranchesBuysNothingAndSaysWhy() {
    HedgePlanInput in = new HedgePlanInput(T, HedgeState.L1, 16, false, BigDecimal.ZERO, 0, BETAS, List.of(),
        BigDecimal.ZERO, false);

    HedgePlan plan = Gather.plan(planner, in, market);

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.notes()).singleElement().asString().contains("L1 first adaptive layer").contains("budget limit 0");
  }

  @Test
  void aWantedLayerWithinSevenDaysOfExpiryIsRolledIntoItsWindowAtMostAsManyAsHeld() {
    LocalDate jan = LocalDate.of(2024, 1, 17);
    market.today = jan.minusDays(7);
    HeldLayer l1 = held("L1-old", 1, OptionContract.vix(jan, BigDecimal.valueOf(20), OptionRight.CALL), 3, "0.40");
    ZonedDateTime t = ZonedDateTime.of(market.today, LocalTime.of(9, 45), Clock.MARKET_ZONE);

    HedgePlan plan = Gather.plan(planner, new HedgePlanInput(t, HedgeState.L1, 16, false, RISK, 1_000_000, BETAS,
        List.of(l1), BigDecimal.ZERO, false), market);

    assertThat(plan.actions()).extracting(HedgeAction::type)
        .containsExactly(HedgeAction.Type.CLOSE, HedgeAction.Type.OPEN);
    assertThat(plan.actions().get(0).order().reason()).startsWith("roll: L1 within 7 DTE (7)");
    HedgeAction open = plan.actions().get(1);
    assertThat(open.order().quantity()).isEqualTo(3);
    assertThat(open.order().legs().get(0).contract().expiry()).isEqualTo(FEB);
  }

  @Test
  void aLayerWorthTwiceItsCostSellsHalfOnce() {
    OptionQuote q = call(FEB, 20);
    BigDecimal cost = q.mid().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
    HeldLayer l1 = held("L1-a", 1, q.contract(), 9, cost.toPlainString());

    HedgePlan plan = Gather.plan(planner, input(HedgeState.L1, 1_000_000, List.of(l1)), market);

    assertThat(plan.actions()).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo(HedgeAction.Type.PROFIT_TAKE);
      assertThat(a.order().quantity()).isEqualTo(4);
      assertThat(a.order().legs()).containsExactly(ComboLeg.of(Side.SELL, q.contract()));
      assertThat(a.order().limit().isCredit()).isTrue();
    });
    HedgePlan again = Gather.plan(planner, input(HedgeState.L1, 1_000_000, List.of(l1.withQuantity(5).withFlags(true, false))),
        market);
    assertThat(again.actions()).isEmpty();
  }

  @Test
  void pressClosesL1SellsHalfOfL2KeepsL3MovesGainAndSellsCappedSpreads() {
    market.vix = 30;
    HeldLayer l1 = heldAtMid("L1-a", 1, call(FEB, 20), 10);
    HeldLayer l2 = heldAtMid("L2-a", 2, call(FEB, 23), 11);
    HeldLayer l3 = heldAtMid("L3-a", 3, call(MAR, 29), 12);
    HedgePlanInput in = new HedgePlanInput(T, HedgeState.PRESS, 30, false, RISK, 1_000_000, BETAS,
        List.of(l1, l2, l3), new BigDecimal("5000"), false);

    HedgePlan plan = Gather.plan(planner, in, market);

    assertThat(plan.actions()).extracting(HedgeAction::type).containsExactly(HedgeAction.Type.CLOSE,
        HedgeAction.Type.PRESS_TRIM, HedgeAction.Type.OPEN, HedgeAction.Type.OPEN_SPREAD);
    assertThat(plan.actions().get(0).layerId()).isEqualTo("L1-a");
    assertThat(plan.actions().get(0).order().quantity()).isEqualTo(10);
    assertThat(plan.actions().get(1).layerId()).isEqualTo("L2-a");
    assertThat(plan.actions().get(1).order().quantity()).isEqualTo(5);
    HedgeAction topUp = plan.actions().get(2);
    assertThat(topUp.level()).isEqualTo(3);
    assertThat(topUp.layerId()).startsWith("L3T-");
    assertThat(topUp.order().limit().amount().multiply(BigDecimal.valueOf(100L * topUp.order().quantity())))
        .isLessThanOrEqualTo(new BigDecimal("5000"));
    HedgeAction spread = plan.actions().get(3);
    assertThat(spread.order().purpose()).isEqualTo(OrderPurpose.OPEN_PRESS);
    assertThat(spread.order().limit().isCredit()).isTrue();
    // VX front (2024-01-17) = 30 + 9/30 = 30.3; + 5 = 35.3: the short strike is 36, the long 41
    List<ComboLeg> legs = spread.order().legs();
    assertThat(legs).containsExactly(
        ComboLeg.of(Side.BUY, call(FEB, 41).contract()), ComboLeg.of(Side.SELL, call(FEB, 36).contract()));
    BigDecimal maxLoss = new BigDecimal(5).subtract(spread.order().limit().amount()).multiply(BigDecimal.valueOf(100))
        .multiply(BigDecimal.valueOf(spread.order().quantity()));
    assertThat(maxLoss).isLessThanOrEqualTo(new BigDecimal("10000"));
    assertThat(maxLoss.add(new BigDecimal(5).subtract(spread.order().limit().amount()).multiply(BigDecimal.valueOf(100))))
        .isGreaterThan(new BigDecimal("10000"));
  }

  @Test
  void pressSellsNoSpreadsBelowVix25OrTwiceOrOnTopOfHeldOnes() {
    HedgePlanInput low = new HedgePlanInput(T, HedgeState.PRESS, 24.99, false, RISK, 0, BETAS, List.of(),
        BigDecimal.ZERO, false);
    HedgePlanInput sold = new HedgePlanInput(T, HedgeState.PRESS, 30, false, RISK, 0, BETAS, List.of(),
        BigDecimal.ZERO, true);

    assertThat(Gather.plan(planner, low, market).actions()).noneMatch(a -> a.type() == HedgeAction.Type.OPEN_SPREAD);
    assertThat(Gather.plan(planner, low, market).notes()).anyMatch(n -> n.contains("VIX 24.99 < 25"));
    assertThat(Gather.plan(planner, sold, market).actions()).noneMatch(a -> a.type() == HedgeAction.Type.OPEN_SPREAD);
  }

  static HeldLayer spread(String id, LocalDate e, int shortK, int qty, String credit) {
    return new HeldLayer(id, 0, HedgeLayerKind.PRESS_SPREAD, List.of(
        ComboLeg.of(Side.BUY, OptionContract.vix(e, BigDecimal.valueOf(shortK + 5), OptionRight.CALL)),
        ComboLeg.of(Side.SELL, OptionContract.vix(e, BigDecimal.valueOf(shortK), OptionRight.CALL))), qty,
        new BigDecimal(credit).negate(), DAY.minusDays(3), false, false);
  }

  @Test
  void unwindClosesLayersShortestDatedFirstThenTheSpreadsAsWholeCombos() {
    HeldLayer l3 = heldAtMid("L3-a", 3, call(MAR, 29), 2);
    HeldLayer l1 = heldAtMid("L1-a", 1, call(FEB, 20), 2);
    HeldLayer ps = spread("PS-a", FEB, 36, 4, "5.00");

    HedgePlan plan = Gather.plan(planner, input(HedgeState.UNWIND, 1_000_000, List.of(ps, l3, l1)), market);

    assertThat(plan.actions()).extracting(HedgeAction::layerId).containsExactly("L1-a", "L3-a", "PS-a");
    assertThat(plan.actions()).allMatch(a -> a.type() == HedgeAction.Type.CLOSE);
    HedgeAction closeSpread = plan.actions().get(2);
    assertThat(closeSpread.order().purpose()).isEqualTo(OrderPurpose.CLOSE_PRESS);
    assertThat(closeSpread.order().legs()).containsExactlyElementsOf(ps.closingLegs());
    assertThat(closeSpread.order().quantity()).isEqualTo(4);
  }

  @Test
  void aPressSpreadIsStoppedAtTwiceItsCreditInAnyState() {
    market.vix = 40;
    HeldLayer ps = spread("PS-a", FEB, 36, 4, "1.00");
    HedgePlan plan = Gather.plan(planner, input(HedgeState.L3, 0, List.of(ps)), market);

    assertThat(plan.actions()).filteredOn(a -> a.layerId().equals("PS-a")).singleElement()
        .satisfies(a -> assertThat(a.order().reason()).startsWith("PRESS spread stop: debit to close"));
  }

  @Test
  void aLowerStateClosesTheLayersAboveItsLevel() {
    HeldLayer l1 = heldAtMid("L1-a", 1, call(FEB, 20), 2);
    HeldLayer l2 = heldAtMid("L2-a", 2, call(FEB, 23), 2);
    HeldLayer l3 = heldAtMid("L3-a", 3, call(MAR, 29), 2);

    HedgePlan plan = Gather.plan(planner, input(HedgeState.L2, 0, List.of(l1, l2, l3)), market);

    assertThat(plan.actions()).singleElement().satisfies(a -> {
      assertThat(a.layerId()).isEqualTo("L3-a");
      assertThat(a.order().reason()).startsWith("L2 wants 2 layers: close L3");
    });
  }

  @Test
  void theL2AlternativeBuysAnSpxPutSpread() {
    HedgeConfig.Layer alt = new HedgeConfig.Layer(HedgeConfig.LayerInstrument.SPX_PUT_SPREADS, 30, 60, 5,
        new BigDecimal("0.35"), 0.55);
    HedgeConfig.Trigger l2 = new HedgeConfig.Trigger(20, 1.25, 4, 1.0, alt);
    HedgeConfig cfg = new HedgeConfig(C.signals(), C.watch(), C.l1(), l2, C.l3(), C.press(), C.unwind(), C.sizing(),
        C.carryCap(), C.desk(), C.base());
    HeldLayer l1 = heldAtMid("L1-a", 1, call(FEB, 20), 1);

    HedgePlan plan = Gather.plan(new HedgePlanner(cfg), input(HedgeState.L2, 1_000_000, List.of(l1)), market);

    HedgeAction a = plan.actions().get(0);
    assertThat(a.kind()).isEqualTo(HedgeLayerKind.SPX_PUT_SPREAD);
    List<ComboLeg> legs = a.order().legs();
    assertThat(legs.get(0).side()).isEqualTo(Side.BUY);
    assertThat(legs.get(1).side()).isEqualTo(Side.SELL);
    assertThat(legs.get(0).contract().tradingClass()).isEqualTo(OptionContract.SPXW);
    assertThat(legs.get(0).contract().strike().subtract(legs.get(1).contract().strike()))
        .isEqualByComparingTo("100");
    long dte = java.time.temporal.ChronoUnit.DAYS.between(DAY, legs.get(0).contract().expiry());
    assertThat(dte).isBetween(30L, 60L);
    assertThat(market.quote(legs.get(0).contract()).orElseThrow().delta()).isCloseTo(-0.30, within(0.05));
  }

  @Test
  void withoutListedVixExpiriesNothingIsBoughtAndTheNoteSaysWhy() {
    market.vixListed = false;
    HedgePlan plan = Gather.plan(planner, input(HedgeState.L1, 1_000_000, List.of()), market);
    assertThat(plan.actions()).isEmpty();
    assertThat(plan.notes()).containsExactly("L1: no VIX expiry with 14 to 45 DTE listed");
  }

  @Test
  void whenNoVixExpiryFallsInTheL2WindowTheNearestWithinTheSlackIsUsed_andNoneWithoutSlack() {
    // 2024-01-16: the VIX expiries are 2024-02-14 (29 DTE) and 2024-03-20 (64 DTE), 35 days apart;
    // none has the 30 to 60 DTE of the L2 window.
    LocalDate day = LocalDate.of(2024, 1, 16);
    market.today = day;
    HedgePlanInput in = new HedgePlanInput(ZonedDateTime.of(day, LocalTime.of(15, 45), Clock.MARKET_ZONE),
        HedgeState.L2, 16, false, RISK, 1_000_000, BETAS, List.of(), BigDecimal.ZERO, false);

    HedgePlan plan = Gather.plan(planner, in, market);
    assertThat(plan.actions()).filteredOn(x -> x.level() == 2).singleElement()
        .satisfies(x -> assertThat(x.order().legs().get(0).contract().expiry()).isEqualTo(FEB));
    assertThat(plan.notes()).contains("no expiry with 30 to 60 DTE; using 2024-02-14 (29 DTE), 1 day(s) outside the window");

    HedgeConfig.Desk d = C.desk();
    HedgeConfig strict = new HedgeConfig(C.signals(), C.watch(), C.l1(), C.l2(), C.l3(), C.press(), C.unwind(),
        C.sizing(), C.carryCap(), new HedgeConfig.Desk(d.eventsFile(), d.betaMinDays(), d.betaFallback(), d.betaMin(),
            d.betaMax(), d.priceTick(), d.putSpreadLongDelta(), d.putSpreadWidth(), d.manageEveryCycles(), 0), C.base());
    HedgePlan none = Gather.plan(new HedgePlanner(strict), in, market);
    assertThat(none.actions()).noneMatch(x -> x.level() == 2);
    assertThat(none.notes()).contains("L2: no VIX expiry with 30 to 60 DTE listed");
  }

  @Test
  void calmAndWatchHoldNothing() {
    HeldLayer l1 = heldAtMid("L1-a", 1, call(FEB, 20), 2);
    assertThat(Gather.plan(planner, input(HedgeState.WATCH, 0, List.of(l1)), market).actions())
        .extracting(HedgeAction::type).containsExactly(HedgeAction.Type.CLOSE);
    assertThat(Gather.plan(planner, input(HedgeState.CALM, 0, List.of()), market).actions()).isEmpty();
  }

  @Test
  void condorRiskAndVegaAddUpOverTheTranches() {
    Tranche t = new Tranche(1, DAY, LocalDate.of(2024, 2, 23), new BigDecimal("4400"), new BigDecimal("4450"),
        new BigDecimal("4950"), new BigDecimal("5000"), 5, new BigDecimal("2.40"));
    assertThat(HedgePlanner.condorRisk(List.of(t, t))).isEqualByComparingTo("47600");
    double expected = 0;
    for (ComboLeg leg : t.openingLegs()) {
      expected += leg.side().sign() * 5 * market.quote(leg.contract()).orElseThrow().vega();
    }
    assertThat(Gather.condorVega(List.of(t), market)).isCloseTo(Math.abs(expected), within(1e-9));
    assertThat(expected).isNegative();
  }

  @Test
  void aPressSpreadIsBoughtBackWithinSevenDaysOfExpiry() {
    LocalDate jan = LocalDate.of(2024, 1, 17);
    market.today = jan.minusDays(7);
    market.vix = 20;
    HeldLayer ps = spread("PS-a", jan, 36, 4, "0.50");
    ZonedDateTime t = ZonedDateTime.of(market.today, LocalTime.of(9, 45), Clock.MARKET_ZONE);

    HedgePlan plan = Gather.plan(planner, new HedgePlanInput(t, HedgeState.PRESS, 20, false, RISK, 0, BETAS, List.of(ps),
        BigDecimal.ZERO, true), market);

    assertThat(plan.actions()).singleElement().satisfies(a -> {
      assertThat(a.layerId()).isEqualTo("PS-a");
      assertThat(a.order().purpose()).isEqualTo(OrderPurpose.CLOSE_PRESS);
      assertThat(a.order().reason()).startsWith("PRESS spread within 7 DTE (7): bought back before the VIX settlement");
    });
  }
}
