package dev.alvh.ibkr.wire;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the fields of one frame in order, with the TWS text encodings, and produces the framed
 * bytes.
 *
 * <p>Encodings (brief §1.3): ints and longs as decimal text; doubles as Java's
 * {@link Double#toString(double)} ({@code 0.0}, {@code 1.5}, {@code 1.0E-4}), which TWS parses;
 * unset "max-able" ints and doubles ({@link Integer#MAX_VALUE}, {@link Double#MAX_VALUE} or an
 * empty optional) as an empty field, as ib_async does; booleans as {@code 1}/{@code 0}; decimals as
 * plain text without trailing zeros ({@code 1}, {@code 0.5}, {@code -2.35}); strings as raw text,
 * null as an empty field.
 *
 * <p>Strings must be printable ASCII (32–126) or TAB/LF/CR, the rule IB's own client enforces; any
 * other character is a programming error ({@link IllegalArgumentException}). Server-side encoders
 * that carry free text use {@link #writeEscapedString(String)}, which turns such characters into
 * {@code \\uXXXX} escapes as TWS does.
 *
 * <p>A mutable builder for one frame; it stays inside the codec.
 */
public final class FieldWriter {

  private final List<String> fields = new ArrayList<>();

  /** Creates an empty writer. */
  public FieldWriter() {
  }

  /** Writes a string; null is written as an empty field. */
  public FieldWriter writeString(String value) {
    String text = value == null ? "" : value;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isAllowed(c)) {
        throw new IllegalArgumentException(
            "field " + fields.size() + " must be printable ASCII, but had char U+"
                + String.format(Locale.ROOT, "%04X", (int) c) + " at " + i + " in '" + text + "'");
      }
    }
    fields.add(text);
    return this;
  }

  /** Writes a string, escaping every character outside printable ASCII as {@code \\uXXXX}. */
  public FieldWriter writeEscapedString(String value) {
    String text = value == null ? "" : value;
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isAllowed(c)) {
        out.append(c);
      } else {
        out.append("\\u").append(String.format(Locale.ROOT, "%04x", (int) c));
      }
    }
    fields.add(out.toString());
    return this;
  }

  /** Writes an empty field. */
  public FieldWriter writeEmpty() {
    fields.add("");
    return this;
  }

  /** Writes an int as decimal text. */
  public FieldWriter writeInt(int value) {
    fields.add(Integer.toString(value));
    return this;
  }

  /** Writes a long as decimal text. */
  public FieldWriter writeLong(long value) {
    fields.add(Long.toString(value));
    return this;
  }

  /** Writes a double the way Java's {@link Double#toString(double)} does. */
  public FieldWriter writeDouble(double value) {
    fields.add(Double.toString(value));
    return this;
  }

  /** Writes a decimal as plain text without trailing zeros; null is an empty field. */
  public FieldWriter writeDecimal(BigDecimal value) {
    fields.add(value == null ? "" : plain(value));
    return this;
  }

  /** Writes a decimal as plain text without trailing zeros; empty is an empty field. */
  public FieldWriter writeDecimal(Optional<BigDecimal> value) {
    return writeDecimal(value.orElse(null));
  }

  /** Writes a boolean as {@code 1} or {@code 0}. */
  public FieldWriter writeBoolean(boolean value) {
    fields.add(value ? "1" : "0");
    return this;
  }

  /** The number of fields written so far. */
  public int size() {
    return fields.size();
  }

  /** The fields written so far, as a frame. */
  public Frame toFrame() {
    return Frame.of(fields);
  }

  /**
   * The framed bytes: 4-byte big-endian payload length, then every field followed by NUL.
   *
   * @throws IllegalStateException if nothing was written or the payload exceeds
   *     {@link FrameDecoder#MAX_PAYLOAD}
   */
  public byte[] toBytes() {
    return encode(toFrame());
  }

  /** Encodes {@code frame} with its length prefix. */
  public static byte[] encode(Frame frame) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    out.write(0);
    out.write(0);
    out.write(0);
    out.write(0);
    for (int i = 0; i < frame.size(); i++) {
      String text = frame.field(i);
      for (int j = 0; j < text.length(); j++) {
        char c = text.charAt(j);
        if (c > 0xff || c == 0) {
          throw new IllegalArgumentException(
              "field " + i + " must hold only single-byte non-NUL chars, but had U+"
                  + String.format(Locale.ROOT, "%04X", (int) c));
        }
        out.write(c);
      }
      out.write(0);
    }
    byte[] bytes = out.toByteArray();
    int length = bytes.length - FrameDecoder.HEADER_LENGTH;
    if (length > FrameDecoder.MAX_PAYLOAD) {
      throw new IllegalStateException(
          "frame payload must be at most " + FrameDecoder.MAX_PAYLOAD + " bytes, but was "
              + length);
    }
    bytes[0] = (byte) (length >>> 24);
    bytes[1] = (byte) (length >>> 16);
    bytes[2] = (byte) (length >>> 8);
    bytes[3] = (byte) length;
    return bytes;
  }

  /** Plain decimal text without trailing zeros: 1, 0.5, -2.35, 100. */
  public static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() < 0) {
      stripped = stripped.setScale(0);
    }
    return stripped.toPlainString();
  }

  private static boolean isAllowed(char c) {
    return (c >= 32 && c <= 126) || c == '\t' || c == '\n' || c == '\r';
  }
}
