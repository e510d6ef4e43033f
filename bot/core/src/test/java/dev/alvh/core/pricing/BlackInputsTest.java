package dev.alvh.core.pricing;

import static dev.alvh.core.instrument.OptionRight.CALL;
import static dev.alvh.core.instrument.OptionRight.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BlackInputsTest {

  private static final double TOL = 1e-12;

  private static BlackInputs spxPut() {
    return BlackInputs.fromSpot(4000, 0.03, 0.015, 45 / 365d, 0.20, 3800, PUT);
  }

  @Test
  void fromSpotGrowsTheForwardAtRateMinusDividendYield() {
    BlackInputs put = spxPut();
    double years = 45 / 365d;
    assertThat(put.forward()).isCloseTo(4000 * Math.exp(0.015 * years), within(TOL * 4000));
    assertThat(put.carry()).isCloseTo(0.015, within(TOL));
    assertThat(put.discountFactor()).isCloseTo(Math.exp(-0.03 * years), within(TOL));
    assertThat(put.underlying()).isCloseTo(4000, within(TOL * 4000));
    // the numbers in the javadoc example
    assertThat(put.forward()).isCloseTo(4007.40, within(0.005));
    assertThat(put.discountFactor()).isCloseTo(0.99631, within(0.000005));
  }

  @Test
  void fromSpotIsTheConstructorWithTheComputedForwardAndCarry() {
    BlackInputs put = spxPut();
    assertThat(new BlackInputs(put.forward(), 3800, 45 / 365d, 0.20, 0.03, 0.015, PUT)).isEqualTo(put);
  }

  @Test
  void onFutureUsesTheFutureAsForwardWithZeroCarry() {
    BlackInputs call = BlackInputs.onFuture(22, 0.03, 30 / 365d, 0.9, 25, CALL);
    assertThat(call).isEqualTo(new BlackInputs(22, 25, 30 / 365d, 0.9, 0.03, 0, CALL));
    assertThat(call.underlying()).isEqualTo(22d);
    assertThat(call.forwardGrowth()).isEqualTo(1d);
    assertThat(call.discountFactor()).isCloseTo(Math.exp(-0.03 * 30 / 365d), within(TOL));
  }

  @Test
  void expiredOptionHasNoDiscountingOrForwardGrowth() {
    BlackInputs expired = BlackInputs.fromSpot(4000, 0.03, 0.015, -2 / 365d, 0.2, 3900, CALL);
    assertThat(expired.isExpired()).isTrue();
    assertThat(expired.discountFactor()).isEqualTo(1d);
    assertThat(expired.forwardGrowth()).isEqualTo(1d);
    assertThat(expired.forward()).isEqualTo(4000d);
  }

  @Test
  void withYearsToExpiryKeepsTheUnderlyingAndMovesTheForward() {
    BlackInputs later = spxPut().withYearsToExpiry(44 / 365d);
    assertThat(later.underlying()).isCloseTo(4000, within(TOL * 4000));
    assertThat(later.forward()).isCloseTo(4000 * Math.exp(0.015 * 44 / 365d), within(TOL * 4000));
    assertThat(later.yearsToExpiry()).isEqualTo(44 / 365d);
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        bad("forward must be greater than 0, but was 0", () -> new BlackInputs(0, 20, 0.1, 0.9, 0.03, 0, CALL)),
        bad("forward must be finite, but was Infinity",
            () -> new BlackInputs(Double.POSITIVE_INFINITY, 20, 0.1, 0.9, 0.03, 0, CALL)),
        bad("strike must be greater than 0, but was -5", () -> new BlackInputs(22, -5, 0.1, 0.9, 0.03, 0, CALL)),
        bad("yearsToExpiry must be in [-100, 100], but was NaN",
            () -> new BlackInputs(22, 20, Double.NaN, 0.9, 0.03, 0, CALL)),
        bad("vol must be in [0, 10], but was -0.1", () -> new BlackInputs(22, 20, 0.1, -0.1, 0.03, 0, CALL)),
        bad("vol must be in [0, 10], but was 90", () -> new BlackInputs(22, 20, 0.1, 90, 0.03, 0, CALL)),
        bad("rate must be in [-1, 1], but was 3", () -> new BlackInputs(22, 20, 0.1, 0.9, 3, 0, CALL)),
        bad("carry must be in [-1, 1], but was 2", () -> new BlackInputs(22, 20, 0.1, 0.9, 0.03, 2, CALL)),
        bad("right must be set, but was missing", () -> new BlackInputs(22, 20, 0.1, 0.9, 0.03, 0, null)),
        bad("spot must be greater than 0, but was 0", () -> BlackInputs.fromSpot(0, 0.03, 0.015, 0.1, 0.2, 4000, CALL)),
        bad("dividendYield must be in [-1, 1], but was 1.5",
            () -> BlackInputs.fromSpot(4000, 0.03, 1.5, 0.1, 0.2, 4000, CALL)),
        bad("futurePrice must be greater than 0, but was -22", () -> BlackInputs.onFuture(-22, 0.03, 0.1, 0.9, 25, CALL)));
  }

  private static Arguments bad(String message, Executable construction) {
    return Arguments.of(message, construction);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsRejectedWithAMessageNamingTheField(String message, Executable construction) {
    assertThatThrownBy(construction::execute).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
