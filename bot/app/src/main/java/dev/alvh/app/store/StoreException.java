package dev.alvh.app.store;

/** The database could not be read or written; the message says which operation and why. */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
