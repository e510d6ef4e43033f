package dev.alvh.ibkr.wire;

/**
 * Malformed TWS wire data: a bad frame length, a frame without its closing NUL, a field whose text
 * is not the type the message needs, or a frame that ends before the message does.
 *
 * <p>This is the only exception the codec throws for bad input. Programming errors on the encoding
 * side (a null value, a non-ASCII character) are {@link IllegalArgumentException}s instead.
 *
 * <p>Structured fields say what was malformed: the message name (or {@code "frame"} for framing
 * errors), the field index inside the frame (or {@code -1}) and the offending text (or {@code ""}).
 */
public final class TwsProtocolException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String message;
  private final int fieldIndex;
  private final String badText;

  /**
   * Creates an exception.
   *
   * @param description the full human-readable description
   * @param message the message name, for example {@code "tickPrice"}, or {@code "frame"}
   * @param fieldIndex the index of the bad field in the frame, or {@code -1}
   * @param badText the offending text, or {@code ""}
   */
  public TwsProtocolException(String description, String message, int fieldIndex, String badText) {
    super(description);
    this.message = message == null ? "" : message;
    this.fieldIndex = fieldIndex;
    this.badText = badText == null ? "" : badText;
  }

  /** Creates a framing-level exception that concerns no particular field. */
  public static TwsProtocolException frame(String description) {
    return new TwsProtocolException(description, "frame", -1, "");
  }

  /** The name of the message being decoded, or {@code "frame"} for framing errors. */
  public String messageName() {
    return message;
  }

  /** The index of the malformed field within its frame (0 = message id), or {@code -1}. */
  public int fieldIndex() {
    return fieldIndex;
  }

  /** The text that could not be decoded, or {@code ""}. */
  public String badText() {
    return badText;
  }
}
