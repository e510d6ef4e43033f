package dev.alvh.ibkr.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Cuts length-prefixed TWS frames out of a byte stream.
 *
 * <p>Wire format (both directions, after the handshake): a 4-byte big-endian length {@code N}
 * counting the payload only, then {@code N} payload bytes made of fields that each end with one
 * {@code 0x00}, the last one included. A declared length above {@link #MAX_PAYLOAD} (16 MiB − 1,
 * IB's own limit), a negative (above 2^31) or zero length, and a payload whose last byte is not NUL
 * are protocol errors.
 *
 * <p>Two ways to feed it:
 *
 * <ul>
 *   <li>{@link #decode(ByteBuffer)} works on the caller's buffer: a complete frame advances its
 *       position past the frame; a partial frame leaves the buffer untouched and returns
 *       {@code null} ("need more").
 *   <li>{@link #feed(byte[], int, int)} + {@link #poll()} keep partial input in an internal buffer,
 *       for a reader that gets arbitrary chunks from a socket.
 * </ul>
 *
 * <p>Work per call is linear in the frame size, so hostile input cannot make it loop. After a
 * protocol exception the stream position is lost for good (the length prefix cannot be trusted);
 * the caller must drop the connection. Not thread-safe: one reader thread owns an instance.
 */
public final class FrameDecoder {

  /** The largest payload accepted: {@code 0xFFFFFF} bytes, IB's "message is too long" limit. */
  public static final int MAX_PAYLOAD = 0xFFFFFF;

  /** The size of the length prefix in bytes. */
  public static final int HEADER_LENGTH = 4;

  private final int maxPayload;

  /** Internal accumulation buffer for {@link #feed}; in read mode between calls. */
  private ByteBuffer pending = ByteBuffer.allocate(0);

  /** Creates a decoder with the protocol's {@link #MAX_PAYLOAD} limit. */
  public FrameDecoder() {
    this(MAX_PAYLOAD);
  }

  /** Creates a decoder with a lower payload limit (tests, or a stricter client). */
  public FrameDecoder(int maxPayload) {
    if (maxPayload < 1 || maxPayload > MAX_PAYLOAD) {
      throw new IllegalArgumentException(
          "maxPayload must be in [1, " + MAX_PAYLOAD + "], but was " + maxPayload);
    }
    this.maxPayload = maxPayload;
  }

  /**
   * Takes one frame from {@code in} if a whole frame is there.
   *
   * @return the frame, with {@code in}'s position moved past it; or {@code null} if {@code in}
   *     holds only part of a frame, in which case {@code in} is left exactly as it was
   * @throws TwsProtocolException if the length prefix or the payload is malformed; {@code in} is
   *     then left unchanged too
   */
  public Frame decode(ByteBuffer in) throws TwsProtocolException {
    int start = in.position();
    if (in.remaining() < HEADER_LENGTH) {
      return null;
    }
    int declared = in.getInt(start); // absolute get: position untouched
    checkLength(declared);
    if (in.remaining() - HEADER_LENGTH < declared) {
      return null;
    }
    byte[] payload = new byte[declared];
    in.get(start + HEADER_LENGTH, payload);
    Frame frame = split(payload);
    in.position(start + HEADER_LENGTH + declared);
    return frame;
  }

  /** Appends {@code len} bytes of {@code bytes} from {@code off} to the internal buffer. */
  public void feed(byte[] bytes, int off, int len) {
    if (off < 0 || len < 0 || off + len > bytes.length) {
      throw new IllegalArgumentException(
          "off/len must lie inside bytes[" + bytes.length + "], but were " + off + "/" + len);
    }
    if (pending.capacity() - pending.limit() < len) {
      ByteBuffer grown =
          ByteBuffer.allocate(Math.max(pending.remaining() + len, 2 * pending.remaining() + 64));
      grown.put(pending);
      grown.flip();
      pending = grown;
    }
    int pos = pending.position();
    pending.position(pending.limit());
    pending.limit(pending.limit() + len);
    pending.put(bytes, off, len);
    pending.position(pos);
  }

  /**
   * Takes the next complete frame from the bytes given to {@link #feed}, or returns {@code null}
   * if they do not yet hold one.
   *
   * @throws TwsProtocolException if the next frame is malformed
   */
  public Frame poll() throws TwsProtocolException {
    Frame frame = decode(pending);
    if (frame != null && pending.position() > pending.capacity() / 2) {
      pending.compact();
      pending.flip();
    }
    return frame;
  }

  /** The number of fed bytes not yet taken as frames. */
  public int pendingBytes() {
    return pending.remaining();
  }

  private void checkLength(int declared) throws TwsProtocolException {
    if (declared < 0 || declared > maxPayload) {
      throw TwsProtocolException.frame(
          "frame length too large: declared " + Integer.toUnsignedLong(declared)
              + " bytes, allowed at most " + maxPayload);
    }
    if (declared == 0) {
      throw TwsProtocolException.frame(
          "frame length 0: needed at least 2 bytes (a message id and its NUL), got 0");
    }
  }

  private static Frame split(byte[] payload) throws TwsProtocolException {
    int n = payload.length;
    if (payload[n - 1] != 0) {
      throw TwsProtocolException.frame(
          "frame of " + n + " bytes does not end with NUL: last byte was 0x"
              + String.format(java.util.Locale.ROOT, "%02x", payload[n - 1] & 0xff));
    }
    int count = 0;
    for (byte b : payload) {
      if (b == 0) {
        count++;
      }
    }
    String[] fields = new String[count];
    int from = 0;
    int index = 0;
    for (int i = 0; i < n; i++) {
      if (payload[i] == 0) {
        fields[index++] = new String(payload, from, i - from, StandardCharsets.ISO_8859_1);
        from = i + 1;
      }
    }
    return Frame.wrap(fields);
  }

  @Override
  public String toString() {
    return "FrameDecoder[pending=" + pending.remaining() + " bytes, max=" + maxPayload + "]";
  }

}
