package dev.alvh.ibkr.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FrameDecoderTest {

  /** A tickPrice frame: [1, 6, 7, 1, 4500.25, 10, 3]. */
  private static final byte[] SAMPLE = Bytes.frame("1", "6", "7", "1", "4500.25", "10", "3");

  private final FrameDecoder decoder = new FrameDecoder();

  static IntStream truncationPoints() {
    return IntStream.range(0, SAMPLE.length);
  }

  @ParameterizedTest(name = "prefix of {0} bytes")
  @MethodSource("truncationPoints")
  void truncated_frame_asks_for_more_and_leaves_buffer_untouched(int length) throws Exception {
    ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(SAMPLE, length));
    ByteBuffer before = in.duplicate();

    assertThat(decoder.decode(in)).isNull();

    assertThat(in.position()).isZero();
    assertThat(in.limit()).isEqualTo(length);
    assertThat(in).isEqualTo(before);
  }

  @ParameterizedTest(name = "fed {0} bytes then the rest")
  @MethodSource("truncationPoints")
  void fed_in_two_parts_the_frame_appears_only_when_complete(int length) throws Exception {
    decoder.feed(SAMPLE, 0, length);
    assertThat(decoder.poll()).isNull();
    assertThat(decoder.pendingBytes()).isEqualTo(length);

    decoder.feed(SAMPLE, length, SAMPLE.length - length);

    assertThat(decoder.poll()).isEqualTo(Frame.of("1", "6", "7", "1", "4500.25", "10", "3"));
    assertThat(decoder.pendingBytes()).isZero();
    assertThat(decoder.poll()).isNull();
  }

  @Test
  void whole_frame_is_split_into_fields_and_consumed() throws Exception {
    ByteBuffer in = ByteBuffer.allocate(SAMPLE.length + 3);
    in.put(SAMPLE).put(new byte[] {0, 0, 0}).flip();

    Frame frame = decoder.decode(in);

    assertThat(frame.fields()).containsExactly("1", "6", "7", "1", "4500.25", "10", "3");
    assertThat(in.position()).isEqualTo(SAMPLE.length);
  }

  @Test
  void empty_fields_are_kept() throws Exception {
    Frame frame = decoder.decode(ByteBuffer.wrap(Bytes.frame("4", "", "", "x", "")));

    assertThat(frame.fields()).containsExactly("4", "", "", "x", "");
  }

  @Test
  void two_frames_back_to_back_come_out_in_order() throws Exception {
    byte[] second = Bytes.frame("49", "1", "1700000000");
    ByteBuffer in = ByteBuffer.allocate(SAMPLE.length + second.length);
    in.put(SAMPLE).put(second).flip();

    assertThat(decoder.decode(in).field(0)).isEqualTo("1");
    assertThat(decoder.decode(in).fields()).containsExactly("49", "1", "1700000000");
    assertThat(decoder.decode(in)).isNull();
  }

  @Test
  void bytes_above_127_map_one_to_one_to_chars() throws Exception {
    byte[] frame = Bytes.withLength(new byte[] {'4', 0, (byte) 0xe9, 0});

    assertThat(decoder.decode(ByteBuffer.wrap(frame)).field(1)).isEqualTo("\u00e9");
  }

  @Test
  void payload_without_final_nul_is_a_protocol_error() {
    byte[] frame = Bytes.withLength(new byte[] {'4', '9', 0, '1'});
    ByteBuffer in = ByteBuffer.wrap(frame);

    assertThatThrownBy(() -> decoder.decode(in))
        .isInstanceOf(TwsProtocolException.class)
        .hasMessageContaining("does not end with NUL")
        .hasMessageContaining("0x31");
    assertThat(in.position()).isZero();
  }

  @Test
  void declared_length_over_16_MiB_is_a_protocol_error_naming_both_sizes() {
    ByteBuffer in = ByteBuffer.wrap(Bytes.hex("01 00 00 00 31 00"));

    assertThatThrownBy(() -> decoder.decode(in))
        .isInstanceOf(TwsProtocolException.class)
        .hasMessage("frame length too large: declared 16777216 bytes, allowed at most 16777215");
  }

  @Test
  void declared_length_of_exactly_the_cap_just_waits_for_more() throws Exception {
    assertThat(decoder.decode(ByteBuffer.wrap(Bytes.hex("00 ff ff ff 31 00")))).isNull();
  }

  @Test
  void negative_length_is_a_protocol_error_reported_unsigned() {
    ByteBuffer in = ByteBuffer.wrap(Bytes.hex("ff ff ff ff 31 00"));

    assertThatThrownBy(() -> decoder.decode(in))
        .isInstanceOf(TwsProtocolException.class)
        .hasMessage("frame length too large: declared 4294967295 bytes, allowed at most 16777215");
  }

  @Test
  void oversize_length_is_detected_from_the_header_alone() {
    decoder.feed(Bytes.hex("7f 00 00 00"), 0, 4);

    assertThatThrownBy(decoder::poll).isInstanceOf(TwsProtocolException.class);
  }

  @Test
  void zero_length_is_a_protocol_error() {
    assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(Bytes.hex("00 00 00 00"))))
        .isInstanceOf(TwsProtocolException.class)
        .hasMessage("frame length 0: needed at least 2 bytes (a message id and its NUL), got 0");
  }

  @Test
  void lower_configured_cap_applies() {
    FrameDecoder small = new FrameDecoder(8);

    assertThatThrownBy(() -> small.decode(ByteBuffer.wrap(SAMPLE)))
        .hasMessage("frame length too large: declared " + (SAMPLE.length - 4)
            + " bytes, allowed at most 8");
  }

  @Test
  void many_small_feeds_grow_and_compact_the_internal_buffer() throws Exception {
    int frames = 0;
    for (int round = 0; round < 500; round++) {
      for (byte b : SAMPLE) {
        decoder.feed(new byte[] {b}, 0, 1);
        while (decoder.poll() != null) {
          frames++;
        }
      }
    }
    assertThat(frames).isEqualTo(500);
    assertThat(decoder.pendingBytes()).isZero();
  }

  @Test
  void message_id_that_is_not_a_number_is_a_protocol_error() {
    assertThatThrownBy(() -> Frame.of("x1", "2").messageId())
        .isInstanceOf(TwsProtocolException.class)
        .hasMessage("frame field 0 (message id): expected an int but was 'x1'");
  }
}
