package dev.alvh.ibkr.wire;

import java.util.Arrays;
import java.util.List;

/**
 * One decoded frame: the list of its NUL-terminated text fields, in wire order.
 *
 * <p>Field 0 is the message id as decimal text (protocol rule for server versions up to 200). Bytes
 * are mapped one-to-one to chars (ISO-8859-1), as IB's own decoder does; per-message unescaping of
 * {@code \\uXXXX} sequences is done by the message decoders that need it.
 *
 * <p>Immutable. Example: the bytes {@code 00 00 00 06 34 39 00 31 00 00} hold the fields
 * {@code ["49", "1", ""]}.
 */
public final class Frame {

  private final String[] fields;

  private Frame(String[] fields) {
    this.fields = fields;
  }

  /** Creates a frame from fields; the array is copied. */
  public static Frame of(String... fields) {
    if (fields.length == 0) {
      throw new IllegalArgumentException("fields must not be empty, but was []");
    }
    String[] copy = fields.clone();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] == null) {
        throw new IllegalArgumentException("fields[" + i + "] must be set, but was missing");
      }
    }
    return new Frame(copy);
  }

  /** Creates a frame from fields. */
  public static Frame of(List<String> fields) {
    return of(fields.toArray(new String[0]));
  }

  /** Wraps an array the caller gives up; for the decoder only. */
  static Frame wrap(String[] fields) {
    return new Frame(fields);
  }

  /** The number of fields, at least 1. */
  public int size() {
    return fields.length;
  }

  /** The text of field {@code index}. */
  public String field(int index) {
    return fields[index];
  }

  /** All fields, as an unmodifiable list. */
  public List<String> fields() {
    return List.of(fields);
  }

  /**
   * The message id from field 0.
   *
   * @throws TwsProtocolException if field 0 is not a decimal int
   */
  public int messageId() throws TwsProtocolException {
    String text = fields[0];
    if (!FieldReader.isInteger(text) || text.length() > 10) {
      throw new TwsProtocolException(
          "frame field 0 (message id): expected an int but was '" + text + "'", "frame", 0, text);
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new TwsProtocolException(
          "frame field 0 (message id): expected an int but was '" + text + "'", "frame", 0, text);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Frame f && Arrays.equals(fields, f.fields);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fields);
  }

  @Override
  public String toString() {
    return String.join("|", fields);
  }
}
