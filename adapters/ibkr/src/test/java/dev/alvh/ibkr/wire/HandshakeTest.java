package dev.alvh.ibkr.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HandshakeTest {

  /** Brief §1.4 step 1, verbatim. */
  private static final byte[] HELLO =
      Bytes.hex("41 50 49 00 00 00 00 09 76 31 35 37 2e 2e 31 37 38");

  @Test
  void client_hello_is_exactly_the_briefs_bytes() {
    assertThat(Handshake.clientHello()).isEqualTo(HELLO);
  }

  @Test
  void single_version_and_options() {
    assertThat(new String(Handshake.clientHello(178, 178, "+PACEAPI"), 8, 13,
        java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("v178 +PACEAPI");
  }

  @Test
  void never_advertises_protobuf_versions() {
    assertThatThrownBy(() -> Handshake.clientHello(157, 201, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version range must satisfy 100 <= min <= max < 201, but was 157..201");
  }

  @Test
  void server_decodes_the_client_hello_and_negotiates() throws Exception {
    ByteBuffer in = ByteBuffer.wrap(HELLO);

    Handshake.ClientHello hello = Handshake.decodeClientHello(in);

    assertThat(hello).isEqualTo(new Handshake.ClientHello(157, 178, ""));
    assertThat(in.hasRemaining()).isFalse();
    assertThat(hello.negotiate(187)).isEqualTo(178);
    assertThat(hello.negotiate(150)).isEqualTo(-1);
  }

  @Test
  void partial_client_hello_leaves_buffer_untouched() throws Exception {
    for (int n = 0; n < HELLO.length; n++) {
      ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(HELLO, n));
      assertThat(Handshake.decodeClientHello(in)).isNull();
      assertThat(in.position()).isZero();
    }
  }

  @Test
  void wrong_prefix_is_refused_early() {
    assertThatThrownBy(() -> Handshake.decodeClientHello(ByteBuffer.wrap(Bytes.hex("47 45"))))
        .isInstanceOf(TwsProtocolException.class)
        .hasMessage("client hello: expected prefix 'API\\0' but byte 0 was 0x47");
  }

  @Test
  void server_hello_gives_version_and_connection_time() throws Exception {
    Handshake.ServerHello hello =
        Handshake.parseServerHello(Frame.of("178", "20230405 22:20:39 Europe/Zurich Time"));

    assertThat(hello.serverVersion()).isEqualTo(178);
    assertThat(hello.isRedirect()).isFalse();
    assertThat(hello.connectionLocalTime()).isEqualTo(LocalDateTime.of(2023, 4, 5, 22, 20, 39));
    assertThat(hello.connectionZone()).isEqualTo("Europe/Zurich Time");
    Handshake.requireSupported(hello.serverVersion());
  }

  @Test
  void server_hello_round_trips_through_bytes() throws Exception {
    Handshake.ServerHello hello = new Handshake.ServerHello(178, "20230405 22:20:39 PST");
    byte[] bytes = FieldWriter.encode(hello.toFrame());

    assertThat(bytes).isEqualTo(Bytes.frame("178", "20230405 22:20:39 PST"));
    assertThat(Handshake.parseServerHello(new FrameDecoder().decode(ByteBuffer.wrap(bytes))))
        .isEqualTo(hello);
  }

  @Test
  void redirect_is_recognised() throws Exception {
    assertThat(Handshake.parseServerHello(Frame.of("-1", "10.0.0.2:4002")).isRedirect()).isTrue();
  }

  @Test
  void older_server_is_refused_with_what_was_needed() {
    assertThatThrownBy(() -> Handshake.requireSupported(176))
        .isInstanceOf(TwsProtocolException.class)
        .hasMessageStartingWith("server version 176 is not supported: this codec needs 178");
  }

  @Test
  void malformed_server_hello() {
    assertThatThrownBy(() -> Handshake.parseServerHello(Frame.of("178")))
        .isInstanceOf(TwsProtocolException.class);
    assertThatThrownBy(() -> Handshake.parseServerHello(Frame.of("abc", "x")))
        .hasMessage("serverHello field 0 (serverVersion): expected an int but was 'abc'");
    assertThatThrownBy(() -> new Handshake.ServerHello(178, "yesterday").connectionLocalTime())
        .isInstanceOf(TwsProtocolException.class);
  }
}
