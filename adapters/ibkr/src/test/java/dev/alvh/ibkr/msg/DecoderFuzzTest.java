package dev.alvh.ibkr.msg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.alvh.ibkr.wire.Bytes;
import dev.alvh.ibkr.wire.FieldWriter;
import dev.alvh.ibkr.wire.Frame;
import dev.alvh.ibkr.wire.FrameDecoder;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded fuzzing of the frame decoder and both message codecs. Properties: nothing but
 * {@link TwsProtocolException} escapes; every call returns (bounded work, class timeout); input is
 * consumed monotonically, and a "need more" answer consumes nothing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DecoderFuzzTest {

  private static final long SEED = 0x5EED_7157L;
  private static final String[] NASTY = {"", "-1", "0", "1", "abc", "2147483647", "2147483648",
      "-2147483649", "9223372036854775807", "1.7976931348623157E308", "NaN", "Infinity", "1e9999",
      "99999999", "BAG", "PEG BENCH", "IBKRATS", "\u00ff\u00fe", "\\u12", "\\uZZZZ", " 1", "1.5",
      "-0", "+1", "1E+5"};

  private static List<List<String>> corpus() {
    List<List<String>> frames = new ArrayList<>();
    ServerMessageGoldenTest.goldens().forEach(a -> frames.add(asStrings(a.get()[0])));
    ClientMessageGoldenTest.goldens().forEach(a -> frames.add(asStrings(a.get()[1])));
    frames.add(OpenOrderAndContractDataTest.condorOpenOrder());
    frames.add(OpenOrderAndContractDataTest.spxwContractData());
    frames.add(fieldsOf(PlaceOrderGoldenTest.singleOption()));
    frames.add(fieldsOf(PlaceOrderGoldenTest.condor()));
    return frames;
  }

  private static List<String> asStrings(Object list) {
    return ((List<?>) list).stream().map(String::valueOf).collect(Collectors.toList());
  }

  private static List<String> fieldsOf(ClientMessage m) {
    FieldWriter w = new FieldWriter();
    m.writeTo(w);
    return w.toFrame().fields();
  }

  @Test
  void field_level_mutations_of_every_golden_frame_fail_only_with_protocol_exceptions() {
    Random random = new Random(SEED);
    List<List<String>> corpus = corpus();
    int decoded = 0;
    int rejected = 0;
    for (int i = 0; i < 30_000; i++) {
      List<String> fields = new ArrayList<>(corpus.get(random.nextInt(corpus.size())));
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations && !fields.isEmpty(); m++) {
        int at = random.nextInt(fields.size());
        switch (random.nextInt(4)) {
          case 0 -> fields.set(at, NASTY[random.nextInt(NASTY.length)]);
          case 1 -> fields.remove(at);
          case 2 -> fields.add(at, NASTY[random.nextInt(NASTY.length)]);
          default -> fields.subList(at, fields.size()).clear();
        }
      }
      if (fields.isEmpty()) {
        continue;
      }
      Frame frame = Frame.of(fields);
      for (boolean server : new boolean[] {true, false}) {
        try {
          if (server) {
            ServerCodec.decode(frame);
          } else {
            ClientCodec.decode(frame);
          }
          decoded++;
        } catch (TwsProtocolException e) {
          rejected++;
          assertThat(e.getMessage()).isNotBlank();
        } catch (RuntimeException | Error e) {
          fail("iteration " + i + " (" + (server ? "server" : "client") + " codec) threw "
              + e + " for fields " + fields, e);
        }
      }
    }
    assertThat(decoded).isPositive();
    assertThat(rejected).isPositive();
  }

  @Test
  void byte_level_mutations_and_random_chunking_keep_the_frame_decoder_safe() {
    Random random = new Random(SEED + 1);
    List<byte[]> corpus = new ArrayList<>();
    for (List<String> f : corpus()) {
      corpus.add(Bytes.frame(f));
    }
    for (int i = 0; i < 20_000; i++) {
      byte[] input = mutatedStream(random, corpus);
      runStream(input, random, i);
    }
  }

  @Test
  void random_bytes_keep_the_frame_decoder_safe() {
    Random random = new Random(SEED + 2);
    for (int i = 0; i < 5_000; i++) {
      byte[] input = new byte[random.nextInt(64)];
      random.nextBytes(input);
      if (input.length >= 4 && random.nextBoolean()) {
        input[0] = 0; // a plausible length prefix, so payloads get parsed too
        input[1] = 0;
        input[2] = 0;
      }
      runStream(input, random, i);
    }
  }

  private static byte[] mutatedStream(Random random, List<byte[]> corpus) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int frames = 1 + random.nextInt(3);
    for (int f = 0; f < frames; f++) {
      byte[] b = corpus.get(random.nextInt(corpus.size()));
      out.write(b, 0, b.length);
    }
    byte[] bytes = out.toByteArray();
    int flips = random.nextInt(4);
    for (int k = 0; k < flips; k++) {
      int at = random.nextInt(bytes.length);
      switch (random.nextInt(3)) {
        case 0 -> bytes[at] = (byte) random.nextInt(256);
        case 1 -> bytes[at] = 0;
        default -> bytes = Arrays.copyOf(bytes, at + 1);
      }
    }
    return bytes;
  }

  /** Feeds {@code input} in random chunks and decodes every frame; checks the properties. */
  private static void runStream(byte[] input, Random random, int iteration) {
    FrameDecoder decoder = new FrameDecoder();
    ByteBuffer whole = ByteBuffer.wrap(input);
    int fed = 0;
    try {
      // 1. the caller-buffer API over the whole input
      int polls = 0;
      while (true) {
        int before = whole.position();
        Frame frame = decoder.decode(whole);
        if (frame == null) {
          assertThat(whole.position()).isEqualTo(before);
          break;
        }
        assertThat(whole.position()).isGreaterThan(before);
        decodeQuietly(frame);
        assertThat(++polls).isLessThanOrEqualTo(input.length / 5 + 1);
      }
    } catch (TwsProtocolException e) {
      // expected for garbage; the stream is dead from here on
    } catch (RuntimeException | Error e) {
      fail("iteration " + iteration + " threw " + e + " for " + Arrays.toString(input), e);
    }
    try {
      // 2. the accumulating API, in random chunks
      int polls = 0;
      while (fed < input.length) {
        int n = Math.min(input.length - fed, 1 + random.nextInt(16));
        decoder.feed(input, fed, n);
        fed += n;
        int pending = decoder.pendingBytes();
        Frame frame;
        while ((frame = decoder.poll()) != null) {
          assertThat(decoder.pendingBytes()).isLessThan(pending);
          pending = decoder.pendingBytes();
          decodeQuietly(frame);
          assertThat(++polls).isLessThanOrEqualTo(input.length / 5 + 1);
        }
        assertThat(decoder.pendingBytes()).isEqualTo(pending);
      }
    } catch (TwsProtocolException e) {
      // expected for garbage
    } catch (RuntimeException | Error e) {
      fail("iteration " + iteration + " threw " + e + " for " + Arrays.toString(input), e);
    }
  }

  private static void decodeQuietly(Frame frame) {
    try {
      ServerCodec.decode(frame);
    } catch (TwsProtocolException expected) {
      // malformed message in an intact frame
    }
    try {
      ClientCodec.decode(frame);
    } catch (TwsProtocolException expected) {
      // malformed message in an intact frame
    }
  }
}
