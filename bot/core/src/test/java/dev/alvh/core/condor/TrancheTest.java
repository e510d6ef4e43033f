package dev.alvh.core.condor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrancheTest {

  private static final LocalDate OPENED = LocalDate.of(2024, 1, 8);
  private static final LocalDate EXPIRY = LocalDate.of(2024, 2, 23);

  private static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  /** The example of the Tranche javadoc: 4750/4800 puts, 5150/5200 calls, 5 condors, 2.40 credit. */
  private static Tranche example() {
    return new Tranche(3, OPENED, EXPIRY, bd("4750"), bd("4800"), bd("5150"), bd("5200"), 5, bd("2.40"));
  }

  @Test
  void maxLossIsWidthLessCreditTimesHundredTimesQuantity() {
    assertThat(example().maxLoss()).isEqualByComparingTo("23800");
  }

  @Test
  void breakEvensAreShortStrikesMinusAndPlusCredit() {
    assertThat(example().lowerBreakEven()).isEqualByComparingTo("4797.60");
    assertThat(example().upperBreakEven()).isEqualByComparingTo("5152.40");
  }

  @Test
  void widthIsTheWiderWing() {
    assertThat(example().width()).isEqualByComparingTo("50");
    Tranche uneven = new Tranche(1, OPENED, EXPIRY, bd("4770"), bd("4800"), bd("5150"), bd("5225"), 1, bd("2"));
    assertThat(uneven.width()).isEqualByComparingTo("75");
    assertThat(uneven.maxLoss()).isEqualByComparingTo("7300");
  }

  @ParameterizedTest(name = "settles at {0}: owes {1}")
  @CsvSource({
      "5000, 0",       // between the short strikes
      "4800, 0",       // at the short put
      "5150, 0",       // at the short call
      "4790, 10",      // between short put and wing
      "4797.60, 2.40", // at the lower break-even the value equals the credit
      "5170.5, 20.5",  // between short call and wing
      "4750, 50",      // at the put wing
      "5200, 50",      // at the call wing
      "4000, 50",      // far beyond the put wing: capped at the width
      "6000, 50",      // far beyond the call wing: capped at the width
  })
  void settlementValueAtExpiry(String settlement, String owed) {
    assertThat(example().settlementValue(bd(settlement))).isEqualByComparingTo(owed);
  }

  @Test
  void settlementValueIsCappedByEachSidesOwnWing() {
    Tranche uneven = new Tranche(1, OPENED, EXPIRY, bd("4770"), bd("4800"), bd("5150"), bd("5225"), 1, bd("2"));
    assertThat(uneven.settlementValue(bd("4500"))).isEqualByComparingTo("30");
    assertThat(uneven.settlementValue(bd("5500"))).isEqualByComparingTo("75");
  }

  @Test
  void openingLegsBuyWingsSellShortsAndClosingLegsReverseThem() {
    Tranche t = example();
    assertThat(t.openingLegs()).extracting(ComboLeg::side)
        .containsExactly(Side.BUY, Side.SELL, Side.SELL, Side.BUY);
    assertThat(t.openingLegs()).extracting(l -> l.contract().right())
        .containsExactly(OptionRight.PUT, OptionRight.PUT, OptionRight.CALL, OptionRight.CALL);
    assertThat(t.openingLegs()).extracting(l -> l.contract().strike().intValueExact())
        .containsExactly(4750, 4800, 5150, 5200);
    assertThat(t.closingLegs()).extracting(ComboLeg::side)
        .containsExactly(Side.SELL, Side.BUY, Side.BUY, Side.SELL);
    assertThat(t.closingLegs()).extracting(l -> l.contract().expiry()).containsOnly(EXPIRY);
  }

  @ParameterizedTest(name = "strikes {0}/{1}/{2}/{3} are refused")
  @CsvSource({
      "4800, 4800, 5150, 5200", // long put not below short put
      "4850, 4800, 5150, 5200", // long put above short put
      "4750, 5150, 5150, 5200", // short put not below short call
      "4750, 5200, 5150, 5250", // shorts crossed
      "4750, 4800, 5150, 5150", // long call not above short call
      "4750, 4800, 5150, 5100", // long call below short call
  })
  void strikeOrderViolationIsRefusedNamingStrikes(String lp, String sp, String sc, String lc) {
    assertThatThrownBy(() -> new Tranche(1, OPENED, EXPIRY, bd(lp), bd(sp), bd(sc), bd(lc), 1, bd("1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("strikes");
  }

  @Test
  void nonPositiveQuantityIsRefused() {
    assertThatThrownBy(() -> new Tranche(1, OPENED, EXPIRY, bd("4750"), bd("4800"), bd("5150"), bd("5200"), 0,
        bd("1"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity");
  }

  @Test
  void beSigmaUsesTheNearerBreakEvenOverSpotVolAndRootTime() {
    // SPX 5000, ATM vol 15%, 46 days to expiry (2024-01-08 -> 2024-02-23).
    // Nearer break-even: 5152.40 - 5000 = 152.40 (the lower one is 202.40 away).
    // One sigma: 5000 x 0.15 x sqrt(46/365) = 750 x 0.355008 = 266.256. 152.40 / 266.256 = 0.5724.
    assertThat(example().beSigma(5000, 0.15, OPENED)).isCloseTo(0.5724, within(0.0005));
  }

  @Test
  void beSigmaPicksTheLowerBreakEvenWhenSpotIsNearIt() {
    // SPX 4900: lower break-even 102.40 away, upper 252.40 away.
    // One sigma: 4900 x 0.20 x sqrt(46/365) = 980 x 0.355008 = 347.908. 102.40 / 347.908 = 0.2943.
    assertThat(example().beSigma(4900, 0.20, OPENED)).isCloseTo(0.2943, within(0.0005));
  }

  @Test
  void beSigmaIsNegativeOncePastABreakEven() {
    assertThat(example().beSigma(5160, 0.15, OPENED)).isNegative();
  }

  @Test
  void beSigmaOnExpiryDayCountsOneDay() {
    // 152.40 / (5000 x 0.15 x sqrt(1/365)) = 152.40 / 39.2565 = 3.8822
    assertThat(example().beSigma(5000, 0.15, EXPIRY)).isCloseTo(3.8822, within(0.0005));
  }

  @Test
  void beSigmaOverAWeekUsesTheHorizonNotTheTimeToExpiry() {
    // 152.40 / (5000 x 0.15 x sqrt(5/252)) = 152.40 / 105.644 = 1.4426, the same 46 days or 1 day out.
    assertThat(example().beSigmaOver(5000, 0.15, 5)).isCloseTo(1.4426, within(0.0005));
    assertThat(example().beSigmaOver(4900, 0.20, 5)).isCloseTo(102.40 / (4900 * 0.20 * Math.sqrt(5 / 252.0)),
        within(1e-9));
  }
}
