package dev.alvh.ibkr.msg;

import dev.alvh.ibkr.wire.Frame;
import dev.alvh.ibkr.wire.FrameDecoder;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.nio.ByteBuffer;

/** Test helper: bytes of exactly one frame back to a {@link Frame}. */
final class MessageFrames {

  private MessageFrames() {
  }

  static Frame frameOf(byte[] bytes) throws TwsProtocolException {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Frame frame = new FrameDecoder().decode(in);
    if (frame == null || in.hasRemaining()) {
      throw new AssertionError("expected exactly one frame in " + bytes.length + " bytes");
    }
    return frame;
  }
}
