package dev.alvh.ibkr.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stream of frames cut into random chunks, as a socket delivers them. */
class FramingStreamTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 20260320})
  void anyChunkingOfAStreamYieldsTheSameFramesInOrder(long seed) throws Exception {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Frame> sent = new ArrayList<>();
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (int i = 0; i < 200; i++) {
      List<String> fields = new ArrayList<>();
      fields.add(String.valueOf(1 + rnd.nextInt(100)));
      int n = rnd.nextInt(40);
      for (int k = 0; k < n; k++) {
        fields.add(rnd.nextInt(4) == 0 ? "" : Long.toString(rnd.nextLong(), 36));
      }
      Frame f = Frame.of(fields);
      sent.add(f);
      stream.write(FieldWriter.encode(f));
    }
    byte[] bytes = stream.toByteArray();
    FrameDecoder decoder = new FrameDecoder();
    List<Frame> received = new ArrayList<>();
    int at = 0;
    while (at < bytes.length) {
      int chunk = Math.min(bytes.length - at, 1 + rnd.nextInt(rnd.nextBoolean() ? 7 : 700));
      decoder.feed(bytes, at, chunk);
      at += chunk;
      Frame f;
      while ((f = decoder.poll()) != null) {
        received.add(f);
      }
    }
    assertThat(received).isEqualTo(sent);
    assertThat(decoder.pendingBytes()).isZero();
  }

  @ParameterizedTest(name = "header garbled to {0}")
  @ValueSource(ints = {0, -1, 0x01000000, 0x7fffffff})
  void aGarbledHeaderAfterAGoodFrameStillDeliversTheGoodFrameFirst(int badLength) throws Exception {
    FrameDecoder decoder = new FrameDecoder();
    byte[] good = FieldWriter.encode(Frame.of("49", "1", "1773999000"));
    decoder.feed(good, 0, good.length);
    byte[] bad = java.nio.ByteBuffer.allocate(4).putInt(badLength).array();
    decoder.feed(bad, 0, bad.length);
    assertThat(decoder.poll()).isEqualTo(Frame.of("49", "1", "1773999000"));
    assertThatThrownBy(decoder::poll).isInstanceOf(TwsProtocolException.class);
  }
}
