package dev.alvh.app.sweep;

/** A grid file that cannot be run; the message is one line naming the key and what is wrong. */
public final class SweepGridException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SweepGridException(String message) {
    super(message);
  }
}
