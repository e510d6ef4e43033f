package dev.alvh.ibkr.wire;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Reads the fields of one {@link Frame} in order, with the TWS text encodings.
 *
 * <p>Encodings (brief §1.3): ints and longs are decimal text, empty = 0; "max-able" ints and doubles
 * use an empty field or the literal max value ({@code 2147483647}, {@code 1.7976931348623157E308})
 * for "unset"; booleans are ints, non-zero = true, empty = false; decimals (quantities) treat
 * empty and IB's sentinels as unset; strings are raw text, empty = {@code ""}.
 *
 * <p>Number syntax is checked strictly (optional sign, digits, optional fraction and exponent;
 * {@code Infinity}/{@code NaN} only where a double allows them), so a garbled field is reported
 * instead of silently read as something else. Every error names the message, the field index and
 * name, and the bad text.
 *
 * <p>A mutable cursor: it lives inside the codec and is never handed to the domain.
 */
public final class FieldReader {

  private static final String MAX_INT_TEXT = "2147483647";
  private static final String MAX_LONG_TEXT = "9223372036854775807";
  private static final String MIN_LONG_TEXT = "-9223372036854775808";
  private static final String MAX_DOUBLE_TEXT = "1.7976931348623157E308";

  private final Frame frame;
  private final String message;
  private int next;

  /**
   * Creates a reader positioned at field {@code start}.
   *
   * @param frame the frame to read
   * @param message the message name used in error texts, for example {@code "tickPrice"}
   * @param start the first field to read, usually 1 (after the message id)
   */
  public FieldReader(Frame frame, String message, int start) {
    this.frame = frame;
    this.message = message;
    this.next = start;
  }

  /** The index of the next field to be read. */
  public int position() {
    return next;
  }

  /** The number of fields not yet read. */
  public int remaining() {
    return frame.size() - next;
  }

  /** Reads a string field; an empty field gives {@code ""}. */
  public String readString(String name) throws TwsProtocolException {
    return take(name);
  }

  /** Reads a string field and undoes IB's {@code \\uXXXX} escapes (error text, longName). */
  public String readEscapedString(String name) throws TwsProtocolException {
    String text = take(name);
    if (text.indexOf("\\u") < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 6 <= text.length() && text.charAt(i + 1) == 'u'
          && isHex(text, i + 2, i + 6)) {
        out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Reads an int; an empty field gives 0. */
  public int readInt(String name) throws TwsProtocolException {
    return read(name, 0, (text, index) -> parseInt(text, index, name));
  }

  /** Reads a "max-able" int: an empty field or {@code 2147483647} is unset. */
  public OptionalInt readIntMax(String name) throws TwsProtocolException {
    return read(name, OptionalInt.empty(), (text, index) -> text.equals(MAX_INT_TEXT) ? OptionalInt.empty()
        : OptionalInt.of(parseInt(text, index, name)));
  }

  /** Reads a long; an empty field gives 0. */
  public long readLong(String name) throws TwsProtocolException {
    return read(name, 0L, (text, index) -> parse(text, isInteger(text), Long::parseLong, index, name, "an int64"));
  }

  /** Reads a double; an empty field gives 0.0. */
  public double readDouble(String name) throws TwsProtocolException {
    return read(name, 0.0, (text, index) -> parseDouble(text, index, name));
  }

  /**
   * Reads a "max-able" double: an empty field or a value at or above {@code Double.MAX_VALUE}
   * (TWS sends the literal {@code 1.7976931348623157E308}) is unset.
   */
  public OptionalDouble readDoubleMax(String name) throws TwsProtocolException {
    return read(name, OptionalDouble.empty(), (text, index) -> {
      double value = parseDouble(text, index, name);
      return value >= Double.MAX_VALUE ? OptionalDouble.empty() : OptionalDouble.of(value);
    });
  }

  /**
   * Reads a decimal (quantity, size, or a price kept exact): an empty field or one of IB's unset
   * sentinels ({@code 9223372036854775807}, {@code -9223372036854775808}, {@code 2147483647},
   * {@code 1.7976931348623157E308}) is unset. The text is parsed exactly, never via double.
   */
  public Optional<BigDecimal> readDecimal(String name) throws TwsProtocolException {
    return read(name, Optional.empty(), (text, index) -> text.equals(MAX_LONG_TEXT) || text.equals(MIN_LONG_TEXT)
        || text.equals(MAX_INT_TEXT) || text.equals(MAX_DOUBLE_TEXT) ? Optional.empty()
        : Optional.of(parse(text, isDecimal(text) && text.length() <= 64, BigDecimal::new, index, name,
            "a decimal number")));
  }

  /** Reads a boolean sent as an int: non-zero is true, {@code 0} or empty is false. */
  public boolean readBoolean(String name) throws TwsProtocolException {
    return read(name, false, (text, index) -> parse(text, isInteger(text),
        t -> t.chars().anyMatch(c -> c >= '1' && c <= '9'), index, name, "a boolean (an int, 0 = false)"));
  }

  /**
   * Reads an item count and checks that the frame still holds that many items.
   *
   * @param fieldsPerItem how many fields each item takes (at least 1)
   * @throws TwsProtocolException if the count is negative or needs more fields than remain; the
   *     message says how many were needed and how many arrived
   */
  public int readCount(String name, int fieldsPerItem) throws TwsProtocolException {
    int index = next;
    int count = readInt(name);
    if (count < 0) {
      throw invalid(index, name, "a count must be 0 or more", Integer.toString(count));
    }
    long needed = (long) count * fieldsPerItem;
    if (needed > remaining()) {
      throw new TwsProtocolException(
          message + " field " + index + " (" + name + "): count " + count + " needs " + needed
              + " more fields but only " + remaining() + " remain",
          message, index, Integer.toString(count));
    }
    return count;
  }

  /** Skips {@code count} fields that this codec does not use. */
  public void skip(int count, String name) throws TwsProtocolException {
    for (int i = 0; i < count; i++) {
      take(name);
    }
  }

  /**
   * Checks that every field was read.
   *
   * @throws TwsProtocolException if fields are left over, which means the sender's field list
   *     differs from ours
   */
  public void expectEnd() throws TwsProtocolException {
    if (next != frame.size()) {
      String text = frame.field(next);
      throw new TwsProtocolException(
          message + ": expected " + next + " fields but the frame has " + frame.size()
              + "; first extra field " + next + " is '" + text + "'",
          message, next, text);
    }
  }

  /** Builds an exception for a value that decoded but is not allowed at this point. */
  public TwsProtocolException invalid(int index, String name, String rule, String text) {
    return new TwsProtocolException(
        message + " field " + index + " (" + name + "): " + rule + ", but was '" + text + "'",
        message, index, text);
  }

  private String take(String name) throws TwsProtocolException {
    if (next >= frame.size()) {
      throw new TwsProtocolException(
          message + " field " + next + " (" + name + "): needed at least " + (next + 1)
              + " fields but the frame has " + frame.size(),
          message, next, "");
    }
    return frame.field(next++);
  }

  /** One field's text parsed; the field is taken (consumed) whatever it holds. */
  @FunctionalInterface
  private interface FieldParse<T> {
    T parse(String text, int index) throws TwsProtocolException;
  }

  /** Takes the next field: {@code empty} when it is empty, else its text parsed. */
  private <T> T read(String name, T empty, FieldParse<T> parse) throws TwsProtocolException {
    int index = next;
    String text = take(name);
    return text.isEmpty() ? empty : parse.parse(text, index);
  }

  /**
   * {@code text} parsed when its syntax is {@code valid} and the parser accepts it, else the
   * error that field {@code index} was not {@code expected}.
   */
  private <T> T parse(String text, boolean valid, Function<String, T> parser, int index,
      String name, String expected) throws TwsProtocolException {
    if (!valid) {
      throw bad(index, name, expected, text);
    }
    try {
      return parser.apply(text);
    } catch (NumberFormatException e) {
      throw bad(index, name, expected, text);
    }
  }

  private int parseInt(String text, int index, String name) throws TwsProtocolException {
    return parse(text, isInteger(text) && text.length() <= 11, Integer::parseInt, index, name, "an int");
  }

  private double parseDouble(String text, int index, String name) throws TwsProtocolException {
    if (text.equals("Infinity") || text.equals("-Infinity") || text.equals("NaN")) {
      return Double.parseDouble(text);
    }
    if (!isDecimal(text) || text.length() > 64) {
      throw bad(index, name, "a double", text);
    }
    return Double.parseDouble(text);
  }

  private TwsProtocolException bad(int index, String name, String expected, String text) {
    return new TwsProtocolException(
        message + " field " + index + " (" + name + "): expected " + expected + " but was '"
            + text + "'",
        message, index, text);
  }

  /** True for an optional minus sign followed by one or more ASCII digits. */
  static boolean isInteger(String text) {
    int i = text.startsWith("-") ? 1 : 0;
    if (i == text.length()) {
      return false;
    }
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * True for {@code [-+]? digits [. digits?]? ([eE] [-+]? digits)?}, also {@code .5}; this is the
   * subset of Java's double syntax that TWS and Java's {@code Double.toString} produce.
   */
  static boolean isDecimal(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    int end = digitsFrom(s, i);
    int digits = end - i;
    i = end;
    if (i < n && s.charAt(i) == '.') {
      end = digitsFrom(s, i + 1);
      digits += end - i - 1;
      i = end;
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      end = digitsFrom(s, i);
      int exp = end - i;
      i = end;
      if (exp == 0 || exp > 4) {
        return false;
      }
    }
    return i == n;
  }

  /** The index of the first non-digit of {@code s} at or after {@code from} ({@code s.length()} if none). */
  private static int digitsFrom(String s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(String s, int from, int to) {
    if (to > s.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!(isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }
}
