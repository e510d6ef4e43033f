package dev.alvh.ibkr.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.ibkr.msg.ServerMessage;
import dev.alvh.ibkr.wire.FieldWriter;
import dev.alvh.ibkr.wire.Frame;
import dev.alvh.ibkr.wire.Handshake;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reader thread under seeded garbage over a real socket: mutated frames never kill it or
 * desynchronise the stream (each becomes a Malformed event or a message), and a broken length
 * prefix ends the connection with a Disconnected event naming the framing error.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReaderFuzzTest {

  private static final int SENTINEL = 987_654;

  @Test
  void mutatedFramesAreReportedOneByOneAndTheStreamStaysInSync() throws Exception {
    SplittableRandom rnd = new SplittableRandom(20260320L);
    ByteArrayOutputStream garbage = new ByteArrayOutputStream();
    int frames = 400;
    for (int i = 0; i < frames; i++) {
      garbage.write(FieldWriter.encode(mutate(rnd, seedFrame(rnd))));
    }
    garbage.write(new ServerMessage.NextValidId(SENTINEL).toBytes());
    List<TwsEvent> events = runAgainst(garbage.toByteArray());

    int last = events.size() - 1;
    assertThat(events.get(last)).isInstanceOf(TwsEvent.Disconnected.class);
    assertThat(events.get(last - 1)).isEqualTo(new TwsEvent.Received(new ServerMessage.NextValidId(SENTINEL)));
    assertThat(events.subList(0, last - 1)).hasSize(frames)
        .allMatch(e -> e instanceof TwsEvent.Received || e instanceof TwsEvent.Malformed);
    assertThat(events).filteredOn(e -> e instanceof TwsEvent.Malformed).hasSizeGreaterThan(frames / 4);
  }

  @Test
  void aBrokenLengthPrefixEndsTheConnectionWithAFramingError() throws Exception {
    byte[] bad = ByteBuffer.allocate(8).putInt(0x7fffffff).putInt(0).array();
    List<TwsEvent> events = runAgainst(bad);
    assertThat(events).hasSize(1);
    TwsEvent.Disconnected d = (TwsEvent.Disconnected) events.get(0);
    assertThat(d.reason()).isEqualTo("framing error");
    assertThat(d.error()).isPresent();
  }

  /** Opens a connection to a fake TWS that sends {@code bytes} after the hello, then closes. */
  private static List<TwsEvent> runAgainst(byte[] bytes) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread tws = new Thread(() -> {
        try (Socket s = listener.accept()) {
          InputStream in = s.getInputStream();
          in.readNBytes(Handshake.clientHello().length);
          OutputStream out = s.getOutputStream();
          out.write(FieldWriter.encode(new Handshake.ServerHello(178, "20260320 09:30:00 US/Eastern").toFrame()));
          out.write(bytes);
          out.flush();
          s.shutdownOutput();
          in.readAllBytes();
        } catch (IOException e) {
          // the client closed first: fine
        }
      });
      tws.setDaemon(true);
      tws.start();
      List<TwsEvent> events = new ArrayList<>();
      try (TwsConnection c = TwsConnection.open("127.0.0.1", listener.getLocalPort(), 1, Duration.ofSeconds(5))) {
        while (true) {
          TwsEvent e = c.events().poll(10, TimeUnit.SECONDS);
          assertThat(e).as("reader must keep producing events (no hang)").isNotNull();
          events.add(e);
          if (e instanceof TwsEvent.Disconnected) {
            return events;
          }
        }
      }
    }
  }

  private static Frame seedFrame(SplittableRandom rnd) {
    ServerMessage m = switch (rnd.nextInt(5)) {
      case 0 -> new ServerMessage.TickPrice(rnd.nextInt(1000), 1, 12.5, Optional.of(BigDecimal.TEN), 0);
      case 1 -> new ServerMessage.NextValidId(rnd.nextInt(1000));
      case 2 -> new ServerMessage.ErrorMessage(-1, 2104, "Market data farm connection is OK", "");
      case 3 -> new ServerMessage.CurrentTime(1_773_999_000L);
      default -> new ServerMessage.AccountSummary(7, "DU1", "NetLiquidation", "1000000.00", "USD");
    };
    return FieldWriterFrames.of(m);
  }

  /** Replaces, drops, duplicates or garbles one field; sometimes leaves the frame intact. */
  private static Frame mutate(SplittableRandom rnd, Frame f) {
    List<String> fields = new ArrayList<>(f.fields());
    int i = rnd.nextInt(fields.size());
    switch (rnd.nextInt(5)) {
      case 0 -> fields.set(i, "x" + rnd.nextInt());
      case 1 -> fields.remove(i);
      case 2 -> fields.add(i, fields.get(i));
      case 3 -> fields.set(i, "");
      default -> {
        return f;
      }
    }
    if (fields.isEmpty()) {
      fields.add("");
    }
    return Frame.of(fields);
  }

  /** The frame of an encoded message. */
  private static final class FieldWriterFrames {
    static Frame of(ServerMessage m) {
      FieldWriter w = new FieldWriter();
      m.writeTo(w);
      return w.toFrame();
    }
  }
}
