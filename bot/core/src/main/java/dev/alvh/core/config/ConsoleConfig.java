package dev.alvh.core.config;

import dev.alvh.core.Check;

/**
 * The control channel of a running bot; YAML group {@code console.*}.
 *
 * @param bindAddress the address it listens on; only loopback is accepted in this version
 * @param port        the port, 0 for any free port (the console finds it through the data directory)
 * @param historyLines how many entries {@code history} shows when no N is given
 */
public record ConsoleConfig(String bindAddress, int port, int historyLines) {

  /** Loopback only. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  /** Any free port. */
  public static final int DEFAULT_PORT = 0;
  /** {@code history} shows the last 20 transitions and operator actions. */
  public static final int DEFAULT_HISTORY_LINES = 20;
  /** The most entries {@code history N} shows. */
  public static final int MAX_HISTORY_LINES = 1000;

  /** The defaults. */
  public static final ConsoleConfig DEFAULTS = new ConsoleConfig(DEFAULT_BIND_ADDRESS, DEFAULT_PORT,
      DEFAULT_HISTORY_LINES);

  /** An address and port with the default history length. */
  public ConsoleConfig(String bindAddress, int port) {
    this(bindAddress, port, DEFAULT_HISTORY_LINES);
  }

  /** Checks every field. */
  public ConsoleConfig {
    Check.isTrue(bindAddress != null && (bindAddress.equals("127.0.0.1") || bindAddress.equals("localhost")
        || bindAddress.equals("::1")), "console.bindAddress",
        "must be a loopback address (127.0.0.1, ::1 or localhost), but was '" + bindAddress + "'");
    Check.inRange(port, 0, 65535, "console.port");
    Check.inRange(historyLines, 1, MAX_HISTORY_LINES, "console.historyLines");
  }
}
