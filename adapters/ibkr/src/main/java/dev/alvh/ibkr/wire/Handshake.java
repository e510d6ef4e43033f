package dev.alvh.ibkr.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The connection handshake (brief §1.4), both sides.
 *
 * <ol>
 *   <li>Client → server, raw (no frame header before it): ASCII {@code API\0}, a 4-byte big-endian
 *       length, then the version string {@code v157..178} without a trailing NUL. For our range the
 *       bytes are {@code 41 50 49 00 00 00 00 09 76 31 35 37 2e 2e 31 37 38}.
 *   <li>Server → client: one normal frame {@code [serverVersion, connectionTime]}, e.g.
 *       {@code ["178", "20230405 22:20:39 PST"]}; version {@code -1} means the second field is a
 *       redirect address {@code host[:port]}.
 *   <li>Client → server: {@code startApi} (see {@code ClientMessage.StartApi}).
 * </ol>
 *
 * <p>We advertise {@value #MIN_CLIENT_VERSION}..{@value #MAX_CLIENT_VERSION} (what ib_async 2.0.1
 * advertises) and never 201 or more, where the wire switches to binary ids and protobuf. Every
 * field list in this codec is written for server version {@value #SERVER_VERSION}; a server that
 * answers with less is refused by {@link #requireSupported(int)} rather than half-supported.
 */
public final class Handshake {

  /** Lowest client version advertised. */
  public static final int MIN_CLIENT_VERSION = 157;

  /** Highest client version advertised. */
  public static final int MAX_CLIENT_VERSION = 178;

  /** The negotiated server version every field list of this codec assumes. */
  public static final int SERVER_VERSION = 178;

  /** First server version with binary message ids and protobuf; never advertise it. */
  public static final int PROTOBUF_SERVER_VERSION = 201;

  private static final byte[] PREFIX = {'A', 'P', 'I', 0};
  private static final DateTimeFormatter CONNECTION_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");

  private Handshake() {
  }

  /** The client hello for {@code v157..178} without connect options. */
  public static byte[] clientHello() {
    return clientHello(MIN_CLIENT_VERSION, MAX_CLIENT_VERSION, "");
  }

  /**
   * The client hello: {@code API\0}, length, {@code v<min>..<max>} (or {@code v<n>} when equal),
   * then {@code " " + options} if options are given.
   */
  public static byte[] clientHello(int min, int max, String options) {
    if (min < 100 || min > max || max >= PROTOBUF_SERVER_VERSION) {
      throw new IllegalArgumentException(
          "version range must satisfy 100 <= min <= max < " + PROTOBUF_SERVER_VERSION
              + ", but was " + min + ".." + max);
    }
    String version = min == max ? "v" + min : "v" + min + ".." + max;
    if (options != null && !options.isEmpty()) {
      version = version + " " + options;
    }
    byte[] text = version.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer out = ByteBuffer.allocate(PREFIX.length + 4 + text.length);
    out.put(PREFIX).putInt(text.length).put(text);
    return out.array();
  }

  /** What a client advertised in its hello; decoded by the server side. */
  public record ClientHello(int minVersion, int maxVersion, String options) {

    /** The version both sides support that a server at {@code serverMax} would pick, or -1. */
    public int negotiate(int serverMax) {
      int picked = Math.min(serverMax, maxVersion);
      return picked >= minVersion ? picked : -1;
    }
  }

  /**
   * Server side: takes the client hello from {@code in}.
   *
   * @return the hello with {@code in} moved past it, or {@code null} if {@code in} holds only
   *     part of it (then {@code in} is untouched)
   * @throws TwsProtocolException if the prefix is not {@code API\0} or the version text is bad
   */
  public static ClientHello decodeClientHello(ByteBuffer in) throws TwsProtocolException {
    int start = in.position();
    int available = in.remaining();
    for (int i = 0; i < Math.min(PREFIX.length, available); i++) {
      if (in.get(start + i) != PREFIX[i]) {
        throw new TwsProtocolException(
            "client hello: expected prefix 'API\\0' but byte " + i + " was 0x"
                + Integer.toHexString(in.get(start + i) & 0xff),
            "clientHello", -1, "");
      }
    }
    if (available < PREFIX.length + 4) {
      return null;
    }
    int length = in.getInt(start + PREFIX.length);
    if (length < 2 || length > 1024) {
      throw new TwsProtocolException(
          "client hello: version text length must be in [2, 1024], but was "
              + Integer.toUnsignedLong(length), "clientHello", -1, "");
    }
    if (available < PREFIX.length + 4 + length) {
      return null;
    }
    byte[] text = new byte[length];
    in.get(start + PREFIX.length + 4, text);
    String version = new String(text, StandardCharsets.ISO_8859_1);
    ClientHello hello = parseVersion(version);
    in.position(start + PREFIX.length + 4 + length);
    return hello;
  }

  private static ClientHello parseVersion(String text) throws TwsProtocolException {
    int space = text.indexOf(' ');
    String range = space < 0 ? text : text.substring(0, space);
    String options = space < 0 ? "" : text.substring(space + 1);
    TwsProtocolException bad = new TwsProtocolException(
        "client hello: expected 'v<min>..<max>' or 'v<n>' but was '" + text + "'",
        "clientHello", -1, text);
    if (!range.startsWith("v")) {
      throw bad;
    }
    String body = range.substring(1);
    int dots = body.indexOf("..");
    String min = dots < 0 ? body : body.substring(0, dots);
    String max = dots < 0 ? body : body.substring(dots + 2);
    if (!isSmallNumber(min) || !isSmallNumber(max)) {
      throw bad;
    }
    int lo = Integer.parseInt(min);
    int hi = Integer.parseInt(max);
    if (lo > hi) {
      throw bad;
    }
    return new ClientHello(lo, hi, options);
  }

  private static boolean isSmallNumber(String s) {
    return !s.isEmpty() && s.length() <= 6 && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /**
   * The server's answer to the hello.
   *
   * @param serverVersion the negotiated version, or -1 for a redirect
   * @param connectionTime the raw connection-time text, e.g. {@code 20230405 22:20:39 PST}, or
   *     the redirect address when {@code serverVersion} is -1
   */
  public record ServerHello(int serverVersion, String connectionTime) {

    /** True if TWS asks the client to reconnect elsewhere ({@link #connectionTime} = address). */
    public boolean isRedirect() {
      return serverVersion == -1;
    }

    /** The local date-time part of the connection time ({@code yyyyMMdd HH:mm:ss}). */
    public LocalDateTime connectionLocalTime() throws TwsProtocolException {
      String text = connectionTime.length() >= 17 ? connectionTime.substring(0, 17) : connectionTime;
      try {
        return LocalDateTime.parse(text, CONNECTION_TIME);
      } catch (DateTimeParseException e) {
        throw new TwsProtocolException(
            "server hello field 1 (connectionTime): expected 'yyyyMMdd HH:mm:ss tz' but was '"
                + connectionTime + "'", "serverHello", 1, connectionTime);
      }
    }

    /** The time-zone text after the time, e.g. {@code PST} (may contain spaces), or {@code ""}. */
    public String connectionZone() {
      return connectionTime.length() > 18 ? connectionTime.substring(18).trim() : "";
    }

    /** This answer as a frame (server side). */
    public Frame toFrame() {
      return Frame.of(Integer.toString(serverVersion), connectionTime);
    }
  }

  /**
   * Parses the server's answer frame.
   *
   * @throws TwsProtocolException if it has not exactly two fields or the version is not an int
   */
  public static ServerHello parseServerHello(Frame frame) throws TwsProtocolException {
    if (frame.size() != 2) {
      throw new TwsProtocolException(
          "server hello: expected 2 fields (serverVersion, connectionTime) but the frame has "
              + frame.size(), "serverHello", -1, frame.toString());
    }
    FieldReader reader = new FieldReader(frame, "serverHello", 0);
    int version = reader.readInt("serverVersion");
    String time = reader.readString("connectionTime");
    return new ServerHello(version, time);
  }

  /**
   * Checks that the negotiated version is the one this codec speaks.
   *
   * @throws TwsProtocolException if {@code serverVersion} is not {@value #SERVER_VERSION}; the
   *     message says what was needed and what arrived
   */
  public static void requireSupported(int serverVersion) throws TwsProtocolException {
    if (serverVersion != SERVER_VERSION) {
      throw new TwsProtocolException(
          "server version " + serverVersion + " is not supported: this codec needs "
              + SERVER_VERSION + " (advertised " + MIN_CLIENT_VERSION + ".." + MAX_CLIENT_VERSION
              + "); TWS older than the API 10.x line is too old",
          "serverHello", 0, Integer.toString(serverVersion));
    }
  }
}
