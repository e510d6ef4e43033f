package dev.alvh.core.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.HedgeState;
import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.NetPrice;
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

/** The standing base layer of revision 2 (spec section 4): when it is bought, kept, rolled and sold. */
class HedgeBaseLayerTest {

  static final HedgeConfig C = HedgeConfig.DEFAULTS;
  static final LocalDate DAY = LocalDate.of(2024, 1, 8);
  static final ZonedDateTime T = ZonedDateTime.of(DAY, LocalTime.of(15, 45), Clock.MARKET_ZONE);
  static final LocalDate JAN = LocalDate.of(2024, 1, 17);
  static final LocalDate FEB = LocalDate.of(2024, 2, 14);
  static final BigDecimal RISK = new BigDecimal("100000");
  static final List<Double> BETAS = List.of(0.5, 0.6, 0.6, 0.6);

  final FakeVixMarket market = new FakeVixMarket(DAY);
  final HedgePlanner planner = new HedgePlanner(C);

  /** {@code c} with the base layer off: the adaptive layers alone, as in revision 1. */
  static HedgeConfig withoutBase(HedgeConfig c) {
    HedgeConfig.Base b = c.base();
    return new HedgeConfig(c.signals(), c.watch(), c.l1(), c.l2(), c.l3(), c.press(), c.unwind(), c.sizing(),
        c.carryCap(), c.desk(), new HedgeConfig.Base(false, b.minDte(), b.maxDte(), b.strikeOffset(),
            b.budgetShareOfCondorRisk(), b.vegaTarget(), b.rollAtDte()));
  }

  static HedgePlanInput input(HedgeState s, BigDecimal risk, List<HeldLayer> held, boolean carryCap) {
    return new HedgePlanInput(T, s, 16, false, risk, 1_000_000, BETAS, held, BigDecimal.ZERO, false, carryCap);
  }

  static HeldLayer base(OptionContract c, int qty) {
    return new HeldLayer("B-a", 0, HedgeLayerKind.VIX_CALL, List.of(ComboLeg.of(Side.BUY, c)), qty,
        new BigDecimal("0.80"), DAY.minusDays(30), false, false);
  }

  static HeldLayer layer(String id, int level, OptionContract c, int qty) {
    return new HeldLayer(id, level, HedgeLayerKind.VIX_CALL, List.of(ComboLeg.of(Side.BUY, c)), qty,
        new BigDecimal("0.80"), DAY.minusDays(10), false, false);
  }

  OptionContract call(LocalDate expiry, int strike) {
    return OptionContract.vix(expiry, BigDecimal.valueOf(strike), OptionRight.CALL);
  }

  @Test
  void calmWithCondorsOpenBuysTheBaseLayerInItsWindowAtVxPlusThreeSizedByItsOwnBudget() {
    HedgePlan plan = Gather.plan(planner, input(HedgeState.CALM, RISK, List.of(), false), market);

    HedgeAction a = plan.actions().get(0);
    assertThat(plan.actions()).hasSize(1);
    assertThat(a.isBase()).isTrue();
    assertThat(a.layerId()).startsWith("B-");
    // 2024-02-14 has 37 DTE (window 30-60); VX(Feb) = 16 + 37/30 = 17.23; first strike >= 20.23 is 21.
    OptionContract c = a.order().legs().get(0).contract();
    assertThat(c.expiry()).isEqualTo(FEB);
    assertThat(c.strike()).isEqualByComparingTo("21");
    OptionQuote q = market.quote(c).orElseThrow();
    BigDecimal price = NetPrice.debit(q.mid()).ceilToTick(new BigDecimal("0.05")).amount();
    long budgetQty = RISK.multiply(new BigDecimal("0.04")).divide(price.multiply(BigDecimal.valueOf(100)), 0,
        RoundingMode.FLOOR).longValue();
    assertThat(a.order().quantity()).isEqualTo((int) budgetQty);
    assertThat(a.order().reason()).contains("base layer (CALM, condors open)").contains("budget limit " + budgetQty);
  }

  @Test
  void withoutCondorsNoBaseLayerIsBoughtAndAHeldOneIsSold() {
    assertThat(Gather.plan(planner, input(HedgeState.CALM, BigDecimal.ZERO, List.of(), false), market).actions()).isEmpty();

    HedgePlan plan = Gather.plan(planner, input(HedgeState.WATCH, BigDecimal.ZERO, List.of(base(call(FEB, 21), 10)), false),
        market);
    assertThat(plan.actions()).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo(HedgeAction.Type.CLOSE);
      assertThat(a.order().reason()).startsWith("no condor tranche open: close the base layer");
    });
  }

  @Test
  void unwindSellsTheAdaptiveLayersAndFallsBackToTheBaseLayer() {
    List<HeldLayer> held = List.of(base(call(FEB, 21), 10), layer("L1-a", 1, call(FEB, 19), 5),
        layer("L2-a", 2, call(FEB, 23), 5));
    HedgePlan plan = Gather.plan(planner, input(HedgeState.UNWIND, RISK, held, false), market);

    assertThat(plan.actions()).extracting(HedgeAction::layerId).containsExactlyInAnyOrder("L1-a", "L2-a");
    assertThat(plan.actions()).allMatch(a -> a.type() == HedgeAction.Type.CLOSE);
  }

  @Test
  void pressAndProfitTakingLeaveTheBaseLayerAlone() {
    market.vix = 30;
    List<HeldLayer> held = List.of(base(call(FEB, 21), 10));
    HedgePlan plan = Gather.plan(planner, input(HedgeState.PRESS, RISK, held, false), market);
    assertThat(plan.actions()).noneMatch(a -> a.layerId().equals("B-a"));
  }

  @Test
  void withinSevenDaysOfExpiryTheBaseLayerIsRolled_butNotWhileTheCarryCapIsReached() {
    List<HeldLayer> held = List.of(base(call(JAN, 21), 10));   // 9 DTE on 2024-01-08
    market.today = LocalDate.of(2024, 1, 10);                     // 7 DTE
    ZonedDateTime t = ZonedDateTime.of(market.today, LocalTime.of(15, 45), Clock.MARKET_ZONE);

    HedgePlan roll = Gather.plan(planner, new HedgePlanInput(t, HedgeState.CALM, 16, false, RISK, 1_000_000, BETAS, held,
        BigDecimal.ZERO, false, false), market);
    assertThat(roll.actions()).hasSize(2);
    assertThat(roll.actions().get(0).type()).isEqualTo(HedgeAction.Type.CLOSE);
    assertThat(roll.actions().get(0).order().reason()).startsWith("roll: base layer within 7 DTE (7)");
    assertThat(roll.actions().get(1).isBase()).isTrue();
    assertThat(roll.actions().get(1).opens()).isTrue();
    assertThat(roll.actions().get(1).order().legs().get(0).contract().expiry()).isEqualTo(FEB);

    HedgePlan capped = Gather.plan(planner, new HedgePlanInput(t, HedgeState.CALM, 16, false, RISK, 1_000_000, BETAS, held,
        BigDecimal.ZERO, false, true), market);
    assertThat(capped.actions()).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo(HedgeAction.Type.CLOSE);
      assertThat(a.order().reason()).contains("not rolled: carry cap reached");
    });
  }

  @Test
  void whileTheCarryCapIsReachedNoBaseLayerIsBought_andTheNoteSaysSo() {
    HedgePlan plan = Gather.plan(planner, input(HedgeState.CALM, RISK, List.of(), true), market);
    assertThat(plan.actions()).isEmpty();
    assertThat(plan.notes()).anyMatch(n -> n.startsWith("base layer: not bought, carry cap reached"));
  }

  @Test
  void switchedOffTheBaseLayerIsNeitherBoughtNorKept() {
    HedgePlanner off = new HedgePlanner(withoutBase(C));
    assertThat(Gather.plan(off, input(HedgeState.CALM, RISK, List.of(), false), market).actions()).isEmpty();
    assertThat(Gather.plan(off, input(HedgeState.CALM, RISK, List.of(base(call(FEB, 21), 3)), false), market).actions())
        .singleElement().satisfies(a -> assertThat(a.order().reason()).startsWith("base layer off"));
  }

  @Test
  void theAdaptiveLayersVegaTargetsDoNotCountTheBaseLayer() {
    HedgePlan withBase = Gather.plan(planner, input(HedgeState.L1, RISK, List.of(base(call(FEB, 21), 40)), false), market);
    HedgePlan without = Gather.plan(new HedgePlanner(withoutBase(C)), input(HedgeState.L1, RISK, List.of(), false), market);
    assertThat(withBase.actions()).filteredOn(a -> a.level() == 1).singleElement()
        .extracting(a -> a.order().quantity())
        .isEqualTo(without.actions().get(0).order().quantity());
  }
}
