package dev.alvh.ibkr.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldWriterTest {

  @Test
  void encodings_match_the_brief() {
    FieldWriter w = new FieldWriter()
        .writeInt(-1)
        .writeLong(9_000_000_000L)
        .writeDouble(0.0)
        .writeDouble(1.5)
        .writeDouble(1.0E-4)
        .writeBoolean(true)
        .writeBoolean(false)
        .writeDecimal(new BigDecimal("1.000"))
        .writeDecimal(new BigDecimal("0.50"))
        .writeDecimal(new BigDecimal("1E+2"))
        .writeDecimal(Optional.empty())
        .writeString(null)
        .writeString("a\tb");

    assertThat(w.toFrame().fields()).containsExactly("-1", "9000000000", "0.0", "1.5",
        "1.0E-4", "1", "0", "1", "0.5", "100", "", "", "a\tb");
  }

  @Test
  void bytes_are_length_prefixed_and_every_field_nul_terminated() {
    byte[] bytes = new FieldWriter().writeInt(71).writeInt(2).writeInt(7).writeString("").toBytes();

    assertThat(bytes).isEqualTo(Bytes.hex("00 00 00 08 37 31 00 32 00 37 00 00"));
  }

  @Test
  void non_ascii_text_is_refused_like_ibs_client() {
    assertThatThrownBy(() -> new FieldWriter().writeInt(1).writeString("Caf\u00e9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 1 must be printable ASCII, but had char U+00E9 at 3 in 'Caf\u00e9'");
    assertThatThrownBy(() -> new FieldWriter().writeString("a\u0000b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void escaped_string_round_trips_through_the_reader() throws Exception {
    Frame frame = new FieldWriter().writeInt(4).writeEscapedString("Caf\u00e9 \u20ac").toFrame();

    assertThat(frame.field(1)).isEqualTo("Caf\\u00e9 \\u20ac");
    assertThat(new FieldReader(frame, "t", 1).readEscapedString("s")).isEqualTo("Caf\u00e9 \u20ac");
  }
}
