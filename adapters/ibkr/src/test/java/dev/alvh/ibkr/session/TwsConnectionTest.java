package dev.alvh.ibkr.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.ibkr.msg.ClientCodec;
import dev.alvh.ibkr.msg.ClientMessage;
import dev.alvh.ibkr.msg.ServerMessage;
import dev.alvh.ibkr.wire.Frame;
import dev.alvh.ibkr.wire.FrameDecoder;
import dev.alvh.ibkr.wire.Handshake;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connection over a real loopback socket against a tiny scripted TWS in the test. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TwsConnectionTest {

  private ServerSocket listener;
  private volatile Socket peer;
  private final BlockingQueue<ClientMessage> received = new LinkedBlockingQueue<>();

  @BeforeEach
  void listen() throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void stop() throws IOException {
    listener.close();
    if (peer != null) {
      peer.close();
    }
  }

  /** Accepts one client, checks its hello, answers with {@code version}, then runs the script. */
  private Thread fakeTws(int version, Script script) {
    Thread t = new Thread(() -> {
      try {
        peer = listener.accept();
        InputStream in = peer.getInputStream();
        OutputStream out = peer.getOutputStream();
        ByteBuffer hello = ByteBuffer.wrap(in.readNBytes(Handshake.clientHello().length));
        assertThat(Handshake.decodeClientHello(hello))
            .isEqualTo(new Handshake.ClientHello(157, 178, ""));
        out.write(dev.alvh.ibkr.wire.FieldWriter.encode(
            new Handshake.ServerHello(version, "20260320 09:30:00 US/Eastern").toFrame()));
        out.flush();
        if (version != Handshake.SERVER_VERSION) {
          return;
        }
        FrameDecoder decoder = new FrameDecoder();
        byte[] buf = new byte[1024];
        script.start(out);
        int n;
        while ((n = in.read(buf)) > 0) {
          decoder.feed(buf, 0, n);
          Frame frame;
          while ((frame = decoder.poll()) != null) {
            ClientMessage m = ClientCodec.decode(frame);
            received.add(m);
            script.on(m, out);
          }
        }
      } catch (IOException | TwsProtocolException e) {
        // the test side closed the socket or sent garbage; assertions are made by the test
      }
    }, "fake-tws");
    t.setDaemon(true);
    t.start();
    return t;
  }

  interface Script {
    void start(OutputStream out) throws IOException;

    void on(ClientMessage m, OutputStream out) throws IOException;
  }

  private static ServerMessage nextMessage(TwsConnection c) throws InterruptedException {
    TwsEvent e = c.events().poll(5, TimeUnit.SECONDS);
    assertThat(e).isInstanceOf(TwsEvent.Received.class);
    return ((TwsEvent.Received) e).message();
  }

  @Test
  void handshake_start_api_and_startup_messages_arrive_as_events() throws Exception {
    fakeTws(178, new Script() {
      @Override
      public void start(OutputStream out) {
      }

      @Override
      public void on(ClientMessage m, OutputStream out) throws IOException {
        if (m instanceof ClientMessage.StartApi) {
          out.write(new ServerMessage.ManagedAccounts(List.of("DU123")).toBytes());
          out.write(new ServerMessage.NextValidId(101).toBytes());
          out.write(new ServerMessage.ErrorMessage(-1, 2104, "farm OK", "").toBytes());
        } else if (m instanceof ClientMessage.ReqCurrentTime) {
          out.write(new ServerMessage.CurrentTime(1773999000L).toBytes());
        }
        out.flush();
      }
    });

    try (TwsConnection c = TwsConnection.open("127.0.0.1", listener.getLocalPort(), 7,
        Duration.ofSeconds(5))) {
      assertThat(c.serverHello().serverVersion()).isEqualTo(178);
      assertThat(nextMessage(c)).isEqualTo(new ServerMessage.ManagedAccounts(List.of("DU123")));
      assertThat(nextMessage(c)).isEqualTo(new ServerMessage.NextValidId(101));
      assertThat(nextMessage(c)).isEqualTo(new ServerMessage.ErrorMessage(-1, 2104, "farm OK", ""));

      c.send(new ClientMessage.ReqCurrentTime());

      assertThat(nextMessage(c)).isEqualTo(new ServerMessage.CurrentTime(1773999000L));
      assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new ClientMessage.StartApi(7, ""));
      assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new ClientMessage.ReqCurrentTime());
    }
  }

  @Test
  void malformed_message_is_skipped_and_the_stream_continues_then_eof_disconnects()
      throws Exception {
    fakeTws(178, new Script() {
      @Override
      public void start(OutputStream out) throws IOException {
        out.write(dev.alvh.ibkr.wire.FieldWriter.encode(Frame.of("9", "1", "not-a-number")));
        out.write(new ServerMessage.NextValidId(5).toBytes());
        out.flush();
        peer.shutdownOutput();
      }

      @Override
      public void on(ClientMessage m, OutputStream out) {
      }
    });

    try (TwsConnection c = TwsConnection.open("127.0.0.1", listener.getLocalPort(), 1,
        Duration.ofSeconds(5))) {
      TwsEvent first = c.events().poll(5, TimeUnit.SECONDS);
      assertThat(first).isInstanceOf(TwsEvent.Malformed.class);
      assertThat(((TwsEvent.Malformed) first).error().fieldIndex()).isEqualTo(2);
      assertThat(nextMessage(c)).isEqualTo(new ServerMessage.NextValidId(5));
      TwsEvent last = c.events().poll(5, TimeUnit.SECONDS);
      assertThat(last).isInstanceOf(TwsEvent.Disconnected.class);
      assertThat(((TwsEvent.Disconnected) last).reason()).isEqualTo("peer closed the connection");
    }
  }

  @Test
  void older_server_version_is_refused() {
    fakeTws(176, null);

    assertThatThrownBy(() -> TwsConnection.open("127.0.0.1", listener.getLocalPort(), 1,
        Duration.ofSeconds(5)))
        .isInstanceOf(TwsProtocolException.class)
        .hasMessageStartingWith("server version 176 is not supported");
  }

  @Test
  void close_by_client_ends_with_a_disconnected_event() throws Exception {
    fakeTws(178, new Script() {
      @Override
      public void start(OutputStream out) {
      }

      @Override
      public void on(ClientMessage m, OutputStream out) {
      }
    });
    TwsConnection c = TwsConnection.open("127.0.0.1", listener.getLocalPort(), 2,
        Duration.ofSeconds(5));

    c.close();

    TwsEvent last = c.events().poll(5, TimeUnit.SECONDS);
    assertThat(last).isInstanceOf(TwsEvent.Disconnected.class);
    assertThat(((TwsEvent.Disconnected) last).reason()).isEqualTo("closed by client");
  }

  @Test
  void nothing_listening_fails_fast() throws Exception {
    int port = listener.getLocalPort();
    listener.close();

    assertThatThrownBy(() -> TwsConnection.open("127.0.0.1", port, 1, Duration.ofSeconds(2)))
        .isInstanceOf(IOException.class);
  }
}
