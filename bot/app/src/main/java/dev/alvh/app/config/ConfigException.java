package dev.alvh.app.config;

/**
 * The configuration cannot be used. The message is one line naming the key, the bad value and
 * what is allowed; the program prints it and exits with code 2 before connecting anywhere.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ConfigException(String message) {
    super(message);
  }
}
