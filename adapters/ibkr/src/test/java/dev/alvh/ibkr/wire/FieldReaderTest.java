package dev.alvh.ibkr.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldReaderTest {

  private static FieldReader reader(String... values) {
    String[] fields = new String[values.length + 1];
    fields[0] = "99";
    System.arraycopy(values, 0, fields, 1, values.length);
    return new FieldReader(Frame.of(fields), "testMsg", 1);
  }

  @Test
  void valid_values_of_every_kind() throws Exception {
    FieldReader r = reader("-1", "", "2147483647", "9000000000", "1.0E-4", "", "1.7976931348623157E308",
        "0.5", "9223372036854775807", "1", "0", "", "text", "2.35");

    assertThat(r.readInt("a")).isEqualTo(-1);
    assertThat(r.readInt("b")).isZero();
    assertThat(r.readIntMax("c")).isEqualTo(OptionalInt.empty());
    assertThat(r.readLong("d")).isEqualTo(9_000_000_000L);
    assertThat(r.readDouble("e")).isEqualTo(1.0E-4);
    assertThat(r.readDoubleMax("f")).isEqualTo(OptionalDouble.empty());
    assertThat(r.readDoubleMax("g")).isEqualTo(OptionalDouble.empty());
    assertThat(r.readDecimal("h")).contains(new BigDecimal("0.5"));
    assertThat(r.readDecimal("i")).isEmpty();
    assertThat(r.readBoolean("j")).isTrue();
    assertThat(r.readBoolean("k")).isFalse();
    assertThat(r.readBoolean("l")).isFalse();
    assertThat(r.readString("m")).isEqualTo("text");
    assertThat(r.readDecimal("n")).isEqualTo(Optional.of(new BigDecimal("2.35")));
    r.expectEnd();
  }

  @Test
  void empty_double_reads_as_zero_and_int_max_keeps_real_values() throws Exception {
    FieldReader r = reader("", "42");
    assertThat(r.readDouble("x")).isZero();
    assertThat(r.readIntMax("y")).hasValue(42);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1.5", " 1", "1 ", "+", "-", "12345678901", "0x10", "1e3"})
  void garbled_int_names_index_and_text(String bad) {
    FieldReader r = reader("7", bad);

    assertThatThrownBy(() -> {
      r.readInt("tickerId");
      r.readInt("tickType");
    })
        .isInstanceOfSatisfying(TwsProtocolException.class, e -> {
          assertThat(e.fieldIndex()).isEqualTo(2);
          assertThat(e.badText()).isEqualTo(bad);
          assertThat(e.messageName()).isEqualTo("testMsg");
        })
        .hasMessage("testMsg field 2 (tickType): expected an int but was '" + bad + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1.5.2", "1,5", "1e", "0x1p3", "1.5d", "1.5f", " 1.5", "e5", ".", "1e99999"})
  void garbled_double_names_index_and_text(String bad) {
    assertThatThrownBy(() -> reader(bad).readDouble("price"))
        .isInstanceOf(TwsProtocolException.class)
        .hasMessage("testMsg field 1 (price): expected a double but was '" + bad + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "yes", "1.0", "x"})
  void garbled_boolean_names_index_and_text(String bad) {
    assertThatThrownBy(() -> reader(bad).readBoolean("snapshot"))
        .isInstanceOf(TwsProtocolException.class)
        .hasMessage("testMsg field 1 (snapshot): expected a boolean (an int, 0 = false) but was '"
            + bad + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "NaN", "Infinity", "1,000"})
  void garbled_decimal_names_index_and_text(String bad) {
    assertThatThrownBy(() -> reader(bad).readDecimal("size"))
        .isInstanceOf(TwsProtocolException.class)
        .hasMessage("testMsg field 1 (size): expected a decimal number but was '" + bad + "'");
  }

  @Test
  void garbled_long() {
    assertThatThrownBy(() -> reader("99999999999999999999").readLong("permId"))
        .hasMessage("testMsg field 1 (permId): expected an int64 but was '99999999999999999999'");
  }

  @Test
  void reading_past_the_end_says_what_was_needed_and_what_arrived() {
    assertThatThrownBy(() -> {
      FieldReader r = reader("1");
      r.readInt("a");
      r.readInt("b");
    }).hasMessage("testMsg field 2 (b): needed at least 3 fields but the frame has 2");
  }

  @Test
  void left_over_fields_are_reported() throws Exception {
    FieldReader r = reader("1", "extra");
    r.readInt("a");

    assertThatThrownBy(r::expectEnd)
        .hasMessage("testMsg: expected 2 fields but the frame has 3; first extra field 2 is 'extra'");
  }

  @Test
  void unicode_escapes_are_undone_only_where_asked() throws Exception {
    FieldReader r = reader("Caf\\u00e9 \\u20ac \\uZZ \\u12", "Caf\\u00e9");
    assertThat(r.readEscapedString("errorString")).isEqualTo("Caf\u00e9 \u20ac \\uZZ \\u12");
    assertThat(r.readString("raw")).isEqualTo("Caf\\u00e9");
  }
}
