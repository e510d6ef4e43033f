package dev.alvh.core.pricing;

import static dev.alvh.core.instrument.OptionRight.CALL;
import static dev.alvh.core.instrument.OptionRight.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.pricing.ImpliedVolatilityException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks limits, parity and derivatives of {@link Black76Pricer} the way Strata tests its pricers.
 */
class Black76PricerTest {

  private static final Black76Pricer PRICER = Black76Pricer.DEFAULT;

  /** Closed-form identities (parity, expiry) hold to rounding. */
  private static final double TOL_IDENTITY = 1e-9;
  /** Central differences with relative bump EPS have error O(EPS^2) plus rounding of PV / EPS. */
  private static final double TOL_FD = 1e-5;
  /** Relative bump for finite differences in volatility and time. */
  private static final double EPS = 1e-4;
  /** Implied vol round trip, in volatility units. */
  private static final double TOL_VOL = 1e-6;
  /** Textbook values are printed to the cent. */
  private static final double TOL_TEXTBOOK = 0.005;

  // SPX market of the task: S=4000, r=3%, q=1.5%
  private static final double SPX = 4000d;
  private static final double R = 0.03;
  private static final double Q = 0.015;
  // VIX market: VX future 22
  private static final double VX = 22d;

  //-------------------------------------------------------------------------
  static Stream<BlackInputs> spxGrid() {
    List<BlackInputs> list = new ArrayList<>();
    for (double strike : new double[] {3000, 3600, 3900, 4000, 4100, 4400, 5000}) {
      for (double years : new double[] {7 / 365d, 45 / 365d, 0.5, 2d}) {
        for (double vol : new double[] {0.10, 0.20, 0.45}) {
          for (OptionRight right : OptionRight.values()) {
            list.add(BlackInputs.fromSpot(SPX, R, Q, years, vol, strike, right));
          }
        }
      }
    }
    return list.stream();
  }

  static Stream<BlackInputs> vixGrid() {
    List<BlackInputs> list = new ArrayList<>();
    for (double strike = 15; strike <= 45; strike += 2.5) {
      for (double years : new double[] {14 / 365d, 30 / 365d, 60 / 365d, 120 / 365d}) {
        for (double vol : new double[] {0.6, 0.9, 1.2, 1.5}) {
          for (OptionRight right : OptionRight.values()) {
            list.add(BlackInputs.onFuture(VX, R, years, vol, strike, right));
          }
        }
      }
    }
    return list.stream();
  }

  static Stream<BlackInputs> bothGrids() {
    return Stream.concat(spxGrid(), vixGrid());
  }

  /**
   * Relative bump for finite differences in the forward or spot: EPS standard deviations of the
   * underlying's move to expiry, so that short-dated low-vol options are bumped finely enough.
   */
  private static double bump(BlackInputs inputs) {
    return EPS * inputs.vol() * Math.sqrt(inputs.yearsToExpiry());
  }

  //-------------------------------------------------------------------------
  @Test
  void futuresOptionMatchesHullTextbookExample() {
    // Hull, Options, Futures and Other Derivatives: put on a future, F=K=20, r=9%, T=4 months,
    // vol 25%: 1.12.
    BlackInputs put = BlackInputs.onFuture(20, 0.09, 4 / 12d, 0.25, 20, PUT);
    assertThat(PRICER.price(put)).isCloseTo(1.12, within(TOL_TEXTBOOK));
  }

  @Test
  void stockOptionFromSpotMatchesHullBlackScholesExample() {
    // Hull: S=42, K=40, r=10%, vol 20%, T=0.5, no dividends: call 4.76, put 0.81.
    assertThat(PRICER.price(BlackInputs.fromSpot(42, 0.10, 0, 0.5, 0.20, 40, CALL))).isCloseTo(4.76, within(TOL_TEXTBOOK));
    assertThat(PRICER.price(BlackInputs.fromSpot(42, 0.10, 0, 0.5, 0.20, 40, PUT))).isCloseTo(0.81, within(TOL_TEXTBOOK));
  }

  @ParameterizedTest
  @MethodSource("bothGrids")
  void putCallParityHolds(BlackInputs inputs) {
    double call = PRICER.price(inputs.withRight(CALL));
    double put = PRICER.price(inputs.withRight(PUT));
    double expected = inputs.discountFactor() * (inputs.forward() - inputs.strike());
    assertThat(call - put).isCloseTo(expected, within(TOL_IDENTITY * inputs.forward()));
  }

  @ParameterizedTest
  @MethodSource("bothGrids")
  void deltaAndGammaParityHold(BlackInputs inputs) {
    OptionGreeks call = PRICER.greeks(inputs.withRight(CALL));
    OptionGreeks put = PRICER.greeks(inputs.withRight(PUT));
    assertThat(call.delta() - put.delta()).isCloseTo(inputs.discountFactor(), within(TOL_IDENTITY));
    assertThat(call.gamma()).isCloseTo(put.gamma(), within(TOL_IDENTITY));
    assertThat(call.vega()).isCloseTo(put.vega(), within(TOL_IDENTITY * inputs.forward()));
  }

  //-------------------------------------------------------------------------
  @Test
  void atExpiryPriceIsIntrinsicAndGreeksAreThoseOfThePayoff() {
    for (double years : new double[] {0d, -1 / 365d}) {
      OptionGreeks itmCall = PRICER.greeks(BlackInputs.fromSpot(SPX, R, Q, years, 0.2, 3900, CALL));
      assertThat(itmCall).isEqualTo(new OptionGreeks(100, 1, 0, 1, 0, 0, 0));
      OptionGreeks otmCall = PRICER.greeks(BlackInputs.fromSpot(SPX, R, Q, years, 0.2, 4100, CALL));
      assertThat(otmCall).isEqualTo(new OptionGreeks(0, 0, 0, 0, 0, 0, 0));
      OptionGreeks itmPut = PRICER.greeks(BlackInputs.onFuture(VX, R, years, 0.9, 30, PUT));
      assertThat(itmPut).isEqualTo(new OptionGreeks(8, -1, 0, -1, 0, 0, 0));
      OptionGreeks atmPut = PRICER.greeks(BlackInputs.onFuture(VX, R, years, 0.9, 22, PUT));
      assertThat(atmPut).isEqualTo(new OptionGreeks(0, 0, 0, 0, 0, 0, 0));
      assertThat(PRICER.price(BlackInputs.onFuture(VX, R, years, 0.9, 30, PUT))).isEqualTo(8d);
    }
  }

  @ParameterizedTest
  @MethodSource("bothGrids")
  void priceTendsToDiscountedIntrinsicAsVolTendsToZero(BlackInputs inputs) {
    BlackInputs noVol = inputs.withVol(0d);
    BlackInputs tinyVol = inputs.withVol(1e-9);
    double discountedIntrinsic = inputs.discountFactor() * inputs.right().payoff(inputs.forward(), inputs.strike());
    assertThat(PRICER.price(noVol)).isCloseTo(discountedIntrinsic, within(TOL_IDENTITY));
    assertThat(PRICER.price(tinyVol)).isCloseTo(discountedIntrinsic, within(TOL_IDENTITY * inputs.forward()));
    assertThat(PRICER.greeks(noVol).gamma()).isZero();
  }

  @ParameterizedTest
  @MethodSource("bothGrids")
  void priceIncreasesTowardsItsUpperBoundAsVolGrows(BlackInputs inputs) {
    double upper = inputs.discountFactor() * (inputs.right().isCall() ? inputs.forward() : inputs.strike());
    double low = PRICER.price(inputs.withVol(0.1));
    double high = PRICER.price(inputs.withVol(3.0));
    assertThat(high).isGreaterThanOrEqualTo(low).isLessThan(upper);
  }

  //-------------------------------------------------------------------------
  @ParameterizedTest
  @MethodSource("bothGrids")
  void forwardDeltaAndGammaMatchCentralDifferences(BlackInputs inputs) {
    double h = bump(inputs) * inputs.forward();
    BlackInputs up = new BlackInputs(inputs.forward() + h, inputs.strike(), inputs.yearsToExpiry(), inputs.vol(),
        inputs.rate(), inputs.carry(), inputs.right());
    BlackInputs down = new BlackInputs(inputs.forward() - h, inputs.strike(), inputs.yearsToExpiry(), inputs.vol(),
        inputs.rate(), inputs.carry(), inputs.right());
    OptionGreeks greeks = PRICER.greeks(inputs);
    double fdDelta = (PRICER.price(up) - PRICER.price(down)) / (2 * h);
    double fdGamma = (PRICER.greeks(up).delta() - PRICER.greeks(down).delta()) / (2 * h);
    assertThat(greeks.delta()).isCloseTo(fdDelta, within(TOL_FD));
    assertThat(greeks.gamma()).isCloseTo(fdGamma, within(TOL_FD * Math.max(greeks.gamma(), 1d / inputs.forward())));
  }

  @ParameterizedTest
  @MethodSource("spxGrid")
  void spotDeltaAndGammaMatchCentralDifferencesInSpot(BlackInputs inputs) {
    double years = inputs.yearsToExpiry();
    double h = bump(inputs) * SPX;
    BlackInputs up = BlackInputs.fromSpot(SPX + h, R, Q, years, inputs.vol(), inputs.strike(), inputs.right());
    BlackInputs down = BlackInputs.fromSpot(SPX - h, R, Q, years, inputs.vol(), inputs.strike(), inputs.right());
    OptionGreeks greeks = PRICER.greeks(inputs);
    double fdDelta = (PRICER.price(up) - PRICER.price(down)) / (2 * h);
    double fdGamma = (PRICER.greeks(up).spotDelta() - PRICER.greeks(down).spotDelta()) / (2 * h);
    assertThat(greeks.spotDelta()).isCloseTo(fdDelta, within(TOL_FD));
    assertThat(greeks.spotGamma()).isCloseTo(fdGamma, within(TOL_FD * Math.max(greeks.spotGamma(), 1d / SPX)));
  }

  @Test
  void spotDeltaOfSpxCallIsDividendDiscountedNOfD1() {
    double years = 0.5;
    BlackInputs call = BlackInputs.fromSpot(SPX, R, Q, years, 0.2, 4000, CALL);
    double d1 = (Math.log(call.forward() / 4000) + 0.5 * 0.2 * 0.2 * years) / (0.2 * Math.sqrt(years));
    double nD1 = new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(d1);
    assertThat(PRICER.greeks(call).spotDelta()).isCloseTo(Math.exp(-Q * years) * nD1, within(TOL_IDENTITY));
  }

  @ParameterizedTest
  @MethodSource("vixGrid")
  void spotGreeksOfFuturesOptionEqualForwardGreeks(BlackInputs inputs) {
    OptionGreeks greeks = PRICER.greeks(inputs);
    assertThat(greeks.spotDelta()).isEqualTo(greeks.delta());
    assertThat(greeks.spotGamma()).isEqualTo(greeks.gamma());
  }

  @ParameterizedTest
  @MethodSource("bothGrids")
  void vegaMatchesCentralDifference(BlackInputs inputs) {
    double h = EPS * inputs.vol();
    double fdVega = (PRICER.price(inputs.withVol(inputs.vol() + h)) - PRICER.price(inputs.withVol(inputs.vol() - h))) / (2 * h);
    OptionGreeks greeks = PRICER.greeks(inputs);
    assertThat(greeks.vega()).isCloseTo(fdVega, within(TOL_FD * inputs.forward()));
    assertThat(greeks.vegaPerVolPoint()).isEqualTo(greeks.vega() / 100);
  }

  @ParameterizedTest
  @MethodSource("bothGrids")
  void thetaMatchesCentralDifferenceInTimeWithUnderlyingFixed(BlackInputs inputs) {
    double years = inputs.yearsToExpiry();
    double h = EPS * years;
    double fdDpvDyears = (PRICER.price(inputs.withYearsToExpiry(years + h))
        - PRICER.price(inputs.withYearsToExpiry(years - h))) / (2 * h);
    double expectedPerDay = -fdDpvDyears / Black76Pricer.DAYS_PER_YEAR;
    assertThat(PRICER.greeks(inputs).theta()).isCloseTo(expectedPerDay, within(TOL_FD * inputs.forward() / 365));
  }

  @Test
  void thetaIsCloseToTheOneDayPriceChangeAndNegativeForALongAtTheMoneyOption() {
    BlackInputs call = BlackInputs.fromSpot(SPX, R, Q, 45 / 365d, 0.2, 4000, CALL);
    double oneDayChange = PRICER.price(call.withYearsToExpiry(44 / 365d)) - PRICER.price(call);
    double theta = PRICER.greeks(call).theta();
    assertThat(theta).isNegative().isCloseTo(oneDayChange, within(0.02 * Math.abs(oneDayChange)));
  }

  @Test
  void greeksExampleInOptionGreeksJavadocIsRight() {
    OptionGreeks greeks = PRICER.greeks(BlackInputs.onFuture(22, 0.03, 30 / 365d, 0.9, 25, CALL));
    assertThat(greeks.price()).isCloseTo(1.197, within(0.0005));
    assertThat(greeks.delta()).isCloseTo(0.356, within(0.0005));
    assertThat(greeks.gamma()).isCloseTo(0.0656, within(0.00005));
    assertThat(greeks.vega()).isCloseTo(2.35, within(0.005));
    assertThat(greeks.vegaPerVolPoint()).isCloseTo(0.0235, within(0.00005));
    assertThat(greeks.theta()).isCloseTo(-0.0351, within(0.00005));
  }

  //-------------------------------------------------------------------------
  /**
   * True where a whole vol point moves the price by less than 1e-8 of the forward: the price
   * then carries no usable volatility information (deep in or out of the money, days to expiry).
   */
  private static boolean volatilityIsNotObservable(BlackInputs inputs) {
    return PRICER.greeks(inputs).vegaPerVolPoint() < 1e-8 * inputs.forward();
  }

  @ParameterizedTest
  @MethodSource("bothGrids")
  void impliedVolReproducesThePriceAndTheVolThatMadeIt(BlackInputs inputs) {
    double price = PRICER.price(inputs);
    double impliedVol = PRICER.impliedVol(price, inputs.withVol(0.3));
    assertThat(PRICER.price(inputs.withVol(impliedVol))).isCloseTo(price, within(TOL_IDENTITY * inputs.forward()));
    if (!volatilityIsNotObservable(inputs)) {
      assertThat(impliedVol).isCloseTo(inputs.vol(), within(TOL_VOL));
    }
  }

  @Test
  void impliedVolRoundTripChecksTheVolOnAlmostAllOfBothGrids() {
    assertThat(bothGrids().filter(Black76PricerTest::volatilityIsNotObservable).count())
        .isLessThan(bothGrids().count() / 20);
  }

  @Test
  void impliedVolOfTheDiscountedIntrinsicValueIsZero() {
    BlackInputs put = BlackInputs.onFuture(VX, R, 30 / 365d, 0.9, 30, PUT);
    assertThat(PRICER.impliedVol(put.discountFactor() * 8, put)).isZero();
  }

  static Stream<Arguments> pricesOutsideTheBounds() {
    BlackInputs call = BlackInputs.onFuture(VX, R, 30 / 365d, 0.9, 20, CALL);
    BlackInputs put = BlackInputs.fromSpot(SPX, R, Q, 45 / 365d, 0.2, 3800, PUT);
    double callIntrinsic = call.discountFactor() * 2;
    return Stream.of(
        Arguments.of("call below intrinsic", call, callIntrinsic - 0.01, Reason.BELOW_INTRINSIC),
        Arguments.of("call at discounted forward", call, call.discountFactor() * VX, Reason.AT_OR_ABOVE_UPPER_BOUND),
        Arguments.of("call above discounted forward", call, 30d, Reason.AT_OR_ABOVE_UPPER_BOUND),
        Arguments.of("put with negative price", put, -1d, Reason.BELOW_INTRINSIC),
        Arguments.of("put above discounted strike", put, 3800d, Reason.AT_OR_ABOVE_UPPER_BOUND),
        Arguments.of("expired call", BlackInputs.onFuture(VX, R, 0, 0.9, 20, CALL), 2d, Reason.EXPIRED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pricesOutsideTheBounds")
  void impliedVolRejectsAPriceOutsideTheNoArbitrageBounds(String scenario, BlackInputs template, double price, Reason reason) {
    assertThatThrownBy(() -> PRICER.impliedVol(price, template))
        .isInstanceOfSatisfying(ImpliedVolatilityException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.price()).isEqualTo(price);
          assertThat(e.lowerBound()).isLessThan(e.upperBound());
        })
        .hasMessageContaining("no implied volatility for price " + price);
  }

  @Test
  void impliedVolRejectsANonFinitePrice() {
    BlackInputs call = BlackInputs.onFuture(VX, R, 30 / 365d, 0.9, 20, CALL);
    assertThatThrownBy(() -> PRICER.impliedVol(Double.NaN, call))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("price must be finite, but was NaN");
  }
}
