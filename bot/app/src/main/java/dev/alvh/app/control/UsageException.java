package dev.alvh.app.control;

/** A command was given a bad argument; the message names it and the allowed values. */
public final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A usage error with {@code message}. */
  public UsageException(String message) {
    super(message);
  }
}
