package dev.alvh.ibkr.msg;

import dev.alvh.ibkr.wire.FieldReader;
import dev.alvh.ibkr.wire.Frame;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;

/** A named field-list reader for one message id; turns value-check failures into protocol errors. */
final class Decoder<T> {

  /** Reads a message's fields after the id. */
  @FunctionalInterface
  interface Read<T> {
    T read(FieldReader r) throws TwsProtocolException;
  }

  private final String name;
  private final Read<T> read;

  private Decoder(String name, Read<T> read) {
    this.name = name;
    this.read = read;
  }

  static <T> Map.Entry<Integer, Decoder<? extends T>> entry(int id, String name, Read<T> read) {
    return Map.entry(id, new Decoder<>(name, read));
  }

  /** Reads a message of the form {@code [id, version]}: skips the version and makes the message. */
  static <T> Read<T> versionOnly(Supplier<T> make) {
    return r -> {
      r.readInt("version");
      return make.get();
    };
  }

  /** Reads a message of the form {@code [id, version, reqId]}: skips the version. */
  static <T> Read<T> versionAndReqId(IntFunction<T> make) {
    return r -> {
      r.readInt("version");
      return make.apply(r.readInt("reqId"));
    };
  }

  String name() {
    return name;
  }

  T decode(FieldReader r) throws TwsProtocolException {
    try {
      return read.read(r);
    } catch (IllegalArgumentException e) {
      // A record's own check rejected a decoded value: malformed input, not a programming error.
      throw r.invalid(r.position() - 1, name, "decoded values rejected (" + e.getMessage() + ")",
          "");
    }
  }

  /**
   * The decoders of one direction's messages by id, and the one rule of decoding a frame with
   * them: an unknown id is logged at WARN and kept as its own "unknown" message; a known one is
   * read strictly, every field, unless its message keeps a tail it does not read.
   */
  static final class Table<T> {

    /** For {@link #decode}: no message keeps an unread tail. */
    static final int EVERY_FIELD = -1;

    private final Map<Integer, Decoder<? extends T>> decoders;
    private final String what;
    private final BiFunction<Integer, List<String>, T> unknown;
    private final Logger log;

    /**
     * @param what    what a message is called in the log, e.g. {@code "TWS message"}
     * @param unknown the message an unknown id decodes to (the id and every field)
     */
    Table(Map<Integer, Decoder<? extends T>> decoders, String what, BiFunction<Integer, List<String>, T> unknown,
        Logger log) {
      this.decoders = decoders;
      this.what = what;
      this.unknown = unknown;
      this.log = log;
    }

    /**
     * Decodes {@code frame}; every field must be read unless {@code tailKept} is the frame's id
     * ({@link #EVERY_FIELD} for none).
     */
    T decode(Frame frame, int tailKept) throws TwsProtocolException {
      int id = frame.messageId();
      Decoder<? extends T> decoder = decoders.get(id);
      if (decoder == null) {
        log.warn("Skipping unknown {} id {} ({} fields)", what, id, frame.size());
        return unknown.apply(id, frame.fields());
      }
      FieldReader r = new FieldReader(frame, decoder.name(), 1);
      T message = decoder.decode(r);
      if (id != tailKept) {
        r.expectEnd();
      }
      return message;
    }

    /** The protocol name of a known id, or {@code "unknown"}. */
    String name(int id) {
      Decoder<?> d = decoders.get(id);
      return d == null ? "unknown" : d.name();
    }
  }
}
