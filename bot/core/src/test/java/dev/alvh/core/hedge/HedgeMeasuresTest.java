package dev.alvh.core.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.alvh.core.condor.Tranche;
import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class HedgeMeasuresTest {

  static final LocalDate TODAY = LocalDate.of(2024, 3, 15);
  static final LocalDate APR = LocalDate.of(2024, 4, 19);
  static final LocalDate MAY = LocalDate.of(2024, 5, 17);

  static Tranche tranche(long id, LocalDate expiry, String sp, String sc) {
    BigDecimal p = new BigDecimal(sp);
    BigDecimal c = new BigDecimal(sc);
    return new Tranche(id, TODAY.minusDays(10), expiry, p.subtract(BigDecimal.valueOf(50)), p, c,
        c.add(BigDecimal.valueOf(50)), 1, new BigDecimal("2.00"));
  }

  @Test
  void beSigmaIsTheNearestBreakEvenOverTheTranchesThatExpireLaterEachAtLeastZero() {
    Tranche near = tranche(1, APR, "4900", "5300");   // lower break-even 4898, 102 points below 5000
    Tranche far = tranche(2, MAY, "4700", "5400");
    Tranche expiring = tranche(3, TODAY, "4990", "5010");
    List<Tranche> open = List.of(near, far, expiring, tranche(4, APR, "4600", "5500"));

    assertThat(HedgeMeasures.beSigmaExpiries(TODAY, open)).containsExactly(APR, MAY);
    Map<LocalDate, OptionalDouble> vols = Map.of(APR, OptionalDouble.of(0.16), MAY, OptionalDouble.of(0.18));
    double expected = 102 / (5000 * 0.16 * Math.sqrt(5 / 252.0));
    assertThat(HedgeMeasures.beSigma(TODAY, 5000, open, vols, 5)).isCloseTo(expected, within(1e-9));
    assertThat(near.beSigmaOver(5000, 0.16, 5)).isCloseTo(expected, within(1e-9));

    // a breached tranche counts 0, not a negative distance
    assertThat(HedgeMeasures.beSigma(TODAY, 4800, open, vols, 5)).isZero();
    // an expiry without a vol is left out; none left: +Infinity
    Map<LocalDate, OptionalDouble> noApr = Map.of(APR, OptionalDouble.empty(), MAY, OptionalDouble.of(0.18));
    assertThat(HedgeMeasures.beSigma(TODAY, 5000, open, noApr, 5))
        .isCloseTo(far.beSigmaOver(5000, 0.18, 5), within(1e-9));
    assertThat(HedgeMeasures.beSigma(TODAY, 5000, List.of(expiring), Map.of(), 5)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void theCarryCapIsReachedAboveItsShareOfCondorCreditOverTheTrailingMonths() {
    HedgeConfig.CarryCap cap = HedgeConfig.CarryCap.DEFAULTS; // 12 months, 25%
    assertThat(HedgeMeasures.carryCapFrom(TODAY, cap)).isEqualTo(LocalDate.of(2023, 3, 15));
    assertThat(HedgeMeasures.carryCapReached(new BigDecimal("250.01"), new BigDecimal("1000"), cap)).isTrue();
    assertThat(HedgeMeasures.carryCapReached(new BigDecimal("250"), new BigDecimal("1000"), cap)).isFalse();
    assertThat(HedgeMeasures.carryCapReached(BigDecimal.ZERO, BigDecimal.ZERO, cap)).isFalse();
    assertThat(HedgeMeasures.carryCapReached(new BigDecimal("1"), BigDecimal.ZERO, cap)).isTrue();
  }

  @Test
  void thePressGainStillToMoveIsTheShareOfTheRealizedGainLessTheTopUpsInCents() {
    HedgeConfig.Press press = HedgeConfig.Press.DEFAULTS; // 25% of the gain into L3
    assertThat(HedgeMeasures.pressGainBudget(new BigDecimal("1000"), new BigDecimal("100"), press))
        .isEqualTo(new BigDecimal("150.00"));
    assertThat(HedgeMeasures.pressGainBudget(new BigDecimal("333.33"), BigDecimal.ZERO, press))
        .isEqualTo(new BigDecimal("83.33"));
    assertThat(HedgeMeasures.pressGainBudget(new BigDecimal("-500"), BigDecimal.ZERO, press))
        .isEqualTo(new BigDecimal("0.00"));
    assertThat(HedgeMeasures.pressGainBudget(new BigDecimal("1000"), new BigDecimal("300"), press))
        .isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void anExpiringPositionSettlesAtItsIntrinsicValueAgainstItsSettlementPrice() {
    // the settlement price itself: HedgeMarketReadsTest (app) and OptionContractTest
    OptionContract vixCall = OptionContract.vix(APR, new BigDecimal("20"), OptionRight.CALL);
    OptionContract spxPut = OptionContract.spxw(APR, new BigDecimal("4000"), OptionRight.PUT);
    assertThat(HedgeMeasures.settlementValue(List.of(ComboLeg.of(Side.BUY, vixCall)), Map.of(vixCall, 25.5)))
        .isEqualTo(new BigDecimal("5.5000"));
    // a bear call spread sold: short 20, long 25; at 27 it costs the width
    OptionContract vix25 = OptionContract.vix(APR, new BigDecimal("25"), OptionRight.CALL);
    assertThat(HedgeMeasures.settlementValue(List.of(ComboLeg.of(Side.BUY, vix25), ComboLeg.of(Side.SELL, vixCall)),
        Map.of(vix25, 27.0, vixCall, 27.0))).isEqualTo(new BigDecimal("-5.0000"));
    // a put spread long 4000 short 3950 at 3900: worth the width; out of the money: 0
    OptionContract spx3950 = OptionContract.spxw(APR, new BigDecimal("3950"), OptionRight.PUT);
    List<ComboLeg> spread = List.of(ComboLeg.of(Side.BUY, spxPut), ComboLeg.of(Side.SELL, spx3950));
    assertThat(HedgeMeasures.settlementValue(spread, Map.of(spxPut, 3900.0, spx3950, 3900.0)))
        .isEqualTo(new BigDecimal("50.0000"));
    assertThat(HedgeMeasures.settlementValue(spread, Map.of(spxPut, 4100.0, spx3950, 4100.0)))
        .isEqualTo(new BigDecimal("0.0000"));
    // the prices are read before the call: a leg without one is refused, not read from the market
    assertThatThrownBy(() -> HedgeMeasures.settlementValue(spread, Map.of(spxPut, 3900.0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(spx3950.key());
  }
}
