package dev.alvh.ibkr.msg;

import dev.alvh.ibkr.wire.FieldReader;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.util.Map;

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
}
