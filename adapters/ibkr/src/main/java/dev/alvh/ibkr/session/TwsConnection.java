package dev.alvh.ibkr.session;

import dev.alvh.core.Check;
import dev.alvh.ibkr.msg.ClientMessage;
import dev.alvh.ibkr.msg.ServerCodec;
import dev.alvh.ibkr.wire.Frame;
import dev.alvh.ibkr.wire.FrameDecoder;
import dev.alvh.ibkr.wire.Handshake;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API session with TWS or IB Gateway over a socket: handshake, startApi, then a reader thread
 * that only decodes frames and puts immutable {@link TwsEvent}s on {@link #events()}.
 *
 * <p>The reader never runs handler work, so a slow consumer cannot stall the socket; the queue is
 * unbounded (TWS's message rate is bounded by pacing and market-data lines). Reconnect logic,
 * readiness (nextValidId + managedAccounts) and request bookkeeping belong to the broker adapter
 * built on top.
 *
 * <p>Threads: {@link #send} may be called from any thread (writes are serialised on the output
 * stream); {@link #events()} is consumed by one thread of the caller's choice.
 */
public final class TwsConnection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TwsConnection.class);

  private final Socket socket;
  private final OutputStream out;
  private final Handshake.ServerHello hello;
  /** Written by the reader thread only, read by the consumer; thread-safe queue, no lock. */
  private final BlockingQueue<TwsEvent> events = new LinkedBlockingQueue<>();
  private final Thread reader;
  /** Set by close() from any thread; read by the reader to word the final event. */
  private volatile boolean closing;

  private TwsConnection(Socket socket, Handshake.ServerHello hello, FrameDecoder decoder,
      int clientId) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.hello = hello;
    this.reader = new Thread(() -> readLoop(decoder), "tws-reader-" + clientId);
    this.reader.setDaemon(true);
  }

  /**
   * Connects, performs the handshake and sends startApi.
   *
   * @param timeout limit for the TCP connect and for the server's hello
   * @throws IOException if the socket fails or the server closes it during the handshake
   * @throws TwsProtocolException if the server's answer is malformed, a redirect, or a version
   *     other than {@value Handshake#SERVER_VERSION}
   */
  public static TwsConnection open(String host, int port, int clientId, Duration timeout)
      throws IOException, TwsProtocolException {
    Check.notBlank(host, "host");
    Check.inRange(port, 1, 65535, "port");
    int millis = (int) Math.min(Integer.MAX_VALUE, Check.notNull(timeout, "timeout").toMillis());
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), millis);
      socket.setSoTimeout(millis);
      OutputStream out = socket.getOutputStream();
      out.write(Handshake.clientHello());
      out.flush();
      FrameDecoder decoder = new FrameDecoder();
      Frame first = readFrame(socket.getInputStream(), decoder);
      Handshake.ServerHello hello = Handshake.parseServerHello(first);
      if (hello.isRedirect()) {
        throw new TwsProtocolException("server redirected to " + hello.connectionTime()
            + "; redirects are not followed", "serverHello", 0, "-1");
      }
      Handshake.requireSupported(hello.serverVersion());
      socket.setSoTimeout(0);
      TwsConnection connection = new TwsConnection(socket, hello, decoder, clientId);
      connection.send(new ClientMessage.StartApi(clientId, ""));
      connection.reader.start();
      LOG.info("Connected to TWS {}:{} as client {} (server version {}, time {})", host, port,
          clientId, hello.serverVersion(), hello.connectionTime());
      return connection;
    } catch (IOException | TwsProtocolException | RuntimeException e) {
      closeQuietly(socket);
      throw e;
    }
  }

  /** The server's hello: negotiated version and connection time. */
  public Handshake.ServerHello serverHello() {
    return hello;
  }

  /** The events produced by the reader thread; {@link TwsEvent.Disconnected} comes last. */
  public BlockingQueue<TwsEvent> events() {
    return events;
  }

  /** Sends one request. */
  public void send(ClientMessage message) throws IOException {
    byte[] bytes = message.toBytes();
    synchronized (out) {
      out.write(bytes);
      out.flush();
    }
  }

  /** Closes the socket; the reader thread then posts {@link TwsEvent.Disconnected} and ends. */
  @Override
  public void close() {
    closing = true;
    closeQuietly(socket);
  }

  private void readLoop(FrameDecoder decoder) {
    byte[] buffer = new byte[8192];
    try {
      InputStream in = socket.getInputStream();
      while (true) {
        Frame frame;
        while ((frame = decoder.poll()) != null) {
          dispatch(frame);
        }
        int n = in.read(buffer);
        if (n < 0) {
          events.add(new TwsEvent.Disconnected("peer closed the connection", Optional.empty()));
          return;
        }
        decoder.feed(buffer, 0, n);
      }
    } catch (TwsProtocolException e) {
      LOG.error("TWS framing broken, dropping the connection: {}", e.getMessage());
      events.add(new TwsEvent.Disconnected("framing error", Optional.of(e)));
    } catch (IOException e) {
      events.add(new TwsEvent.Disconnected(closing ? "closed by client" : "I/O error",
          closing ? Optional.empty() : Optional.of(e)));
    } finally {
      closeQuietly(socket);
    }
  }

  private void dispatch(Frame frame) {
    try {
      events.add(new TwsEvent.Received(ServerCodec.decode(frame)));
    } catch (TwsProtocolException e) {
      LOG.warn("Skipping malformed TWS message: {}", e.getMessage());
      events.add(new TwsEvent.Malformed(e));
    }
  }

  private static Frame readFrame(InputStream in, FrameDecoder decoder)
      throws IOException, TwsProtocolException {
    byte[] buffer = new byte[512];
    while (true) {
      Frame frame = decoder.poll();
      if (frame != null) {
        return frame;
      }
      int n;
      try {
        n = in.read(buffer);
      } catch (SocketTimeoutException e) {
        throw new IOException("no server hello within the timeout", e);
      }
      if (n < 0) {
        throw new IOException("server closed the connection during the handshake"
            + " (API disabled, clientId in use, or not trusted?)");
      }
      decoder.feed(buffer, 0, n);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("Ignoring error on close: {}", e.getMessage());
    }
  }
}
