package dev.alvh.app.config;

import dev.alvh.core.Check;

/**
 * The control channel of a running bot; YAML group {@code console.*}.
 *
 * @param bindAddress the address it listens on; only loopback is accepted in this version
 * @param port        the port, 0 for any free port (the console finds it through the data directory)
 * @param historyLines how many entries {@code history} shows when no N is given
 * @param readTimeoutSeconds a control connection that sends nothing this long is closed (a stalled
 *                    client holds a socket, never a worker thread, until then)
 */
public record ConsoleConfig(String bindAddress, int port, int historyLines, int readTimeoutSeconds) {

  /** Loopback only. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  /** Any free port. */
  public static final int DEFAULT_PORT = 0;
  /** {@code history} shows the last 20 transitions and operator actions. */
  public static final int DEFAULT_HISTORY_LINES = 20;
  /** The most entries {@code history N} shows. */
  public static final int MAX_HISTORY_LINES = 1000;
  /** Long enough for a slow script on loopback, short enough that idle sockets do not pile up. */
  public static final int DEFAULT_READ_TIMEOUT_SECONDS = 5;

  /** The defaults. */
  public static final ConsoleConfig DEFAULTS = new ConsoleConfig(DEFAULT_BIND_ADDRESS, DEFAULT_PORT,
      DEFAULT_HISTORY_LINES, DEFAULT_READ_TIMEOUT_SECONDS);

  /** An address and port with the default history length and read timeout. */
  public ConsoleConfig(String bindAddress, int port) {
    this(bindAddress, port, DEFAULT_HISTORY_LINES, DEFAULT_READ_TIMEOUT_SECONDS);
  }

  /** An address, port and history length with the default read timeout. */
  public ConsoleConfig(String bindAddress, int port, int historyLines) {
    this(bindAddress, port, historyLines, DEFAULT_READ_TIMEOUT_SECONDS);
  }

  /** Checks every field. */
  public ConsoleConfig {
    Check.isTrue(bindAddress != null && (bindAddress.equals("127.0.0.1") || bindAddress.equals("localhost")
        || bindAddress.equals("::1")), "console.bindAddress",
        "must be a loopback address (127.0.0.1, ::1 or localhost), but was '" + bindAddress + "'");
    Check.inRange(port, 0, 65535, "console.port");
    Check.inRange(historyLines, 1, MAX_HISTORY_LINES, "console.historyLines");
    Check.inRange(readTimeoutSeconds, 1, 300, "console.readTimeoutSeconds");
  }
}
