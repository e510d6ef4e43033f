package dev.alvh.ibkr.msg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "1100, LINK_LOST", "2110, LINK_LOST",
      "1101, LINK_RESTORED_DATA_LOST", "1102, LINK_RESTORED",
      "2103, FARM_DOWN", "2105, FARM_DOWN", "2157, FARM_DOWN",
      "2104, FARM_OK", "2106, FARM_OK", "2158, FARM_OK",
      "326, SESSION_FATAL", "502, SESSION_FATAL", "503, SESSION_FATAL", "504, SESSION_FATAL",
      "507, SESSION_FATAL", "1300, SESSION_FATAL",
      "100, PACING",
      "201, ORDER_TERMINAL", "202, ORDER_TERMINAL", "103, ORDER_TERMINAL",
      "104, ORDER_REQUEST_REFUSED", "135, ORDER_REQUEST_REFUSED",
      "10147, ORDER_REQUEST_REFUSED", "10148, ORDER_REQUEST_REFUSED",
      "105, WARNING", "110, WARNING", "321, WARNING", "399, WARNING", "404, WARNING",
      "434, WARNING", "10167, WARNING", "10090, WARNING", "2109, WARNING", "2137, WARNING",
      "2100, INFO", "2107, INFO", "2108, INFO", "2119, INFO",
      "200, REQUEST_FAILED", "354, REQUEST_FAILED", "101, REQUEST_FAILED",
      "10168, REQUEST_FAILED", "435, REQUEST_FAILED", "99999, REQUEST_FAILED"})
  void codes_are_classified_as_the_brief_says(int code, ErrorClass expected) {
    assertThat(ErrorClass.of(code)).isEqualTo(expected);
  }

  @Test
  void rejected_or_cancelled_orders_are_over_but_refused_cancels_are_not() {
    assertThat(ErrorClass.of(201).endsOrder()).isTrue();
    assertThat(ErrorClass.of(202).endsOrder()).isTrue();
    assertThat(ErrorClass.of(10148).endsOrder()).isFalse();
    assertThat(ErrorClass.of(399).endsOrder()).isFalse();
  }

  @Test
  void connectivity_codes_say_what_to_do() {
    assertThat(ErrorClass.of(1100).pausesTrading()).isTrue();
    assertThat(ErrorClass.of(1101).needsResubscribe()).isTrue();
    assertThat(ErrorClass.of(1102).needsResubscribe()).isFalse();
    assertThat(ErrorClass.of(326).needsReconnect()).isTrue();
    assertThat(ErrorClass.of(2104).needsReconnect()).isFalse();
    assertThat(ErrorClass.of(2104).isConnectivity()).isTrue();
    assertThat(ErrorClass.of(201).isConnectivity()).isFalse();
  }
}
