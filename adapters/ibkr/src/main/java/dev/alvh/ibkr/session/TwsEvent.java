package dev.alvh.ibkr.session;

import dev.alvh.ibkr.msg.ServerMessage;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.util.Optional;

/** What the reader thread of a {@link TwsConnection} hands over: immutable values only. */
public sealed interface TwsEvent {

  /** A decoded message from TWS. */
  record Received(ServerMessage message) implements TwsEvent {
  }

  /**
   * A frame arrived intact but its fields did not decode; it was skipped and the connection stays
   * up (framing keeps the stream in sync).
   */
  record Malformed(TwsProtocolException error) implements TwsEvent {
  }

  /**
   * The connection ended: the peer closed it, {@link TwsConnection#close()} was called, or the
   * framing broke. Always the last event.
   *
   * @param reason a short human-readable reason
   * @param error the I/O or framing error, if any
   */
  record Disconnected(String reason, Optional<Exception> error) implements TwsEvent {
  }
}
