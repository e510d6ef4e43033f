package dev.alvh.app.config;

import dev.alvh.core.Check;

/**
 * The health and metrics server of a running bot ({@code /health}, {@code /metrics}); YAML group
 * {@code health.*}.
 *
 * @param bindAddress the address it listens on; only loopback is accepted
 * @param port        the port, 0 for any free port (written to the data directory and shown by
 *                    {@code alvh ctl status} as {@code healthUrl})
 * @param readTimeoutSeconds a connection that sends nothing this long is closed (a stalled client
 *                    holds a socket, never a worker thread, until then)
 */
public record HealthConfig(String bindAddress, int port, int readTimeoutSeconds) {

  /** Loopback only. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  /** Any free port. */
  public static final int DEFAULT_PORT = 0;

  /** Long enough for a slow scraper on loopback, short enough that idle sockets do not pile up. */
  public static final int DEFAULT_READ_TIMEOUT_SECONDS = 5;

  /** The defaults. */
  public static final HealthConfig DEFAULTS = new HealthConfig(DEFAULT_BIND_ADDRESS, DEFAULT_PORT,
      DEFAULT_READ_TIMEOUT_SECONDS);

  /** An address and port with the default read timeout. */
  public HealthConfig(String bindAddress, int port) {
    this(bindAddress, port, DEFAULT_READ_TIMEOUT_SECONDS);
  }

  /** Checks every field. */
  public HealthConfig {
    Check.isTrue(bindAddress != null && (bindAddress.equals("127.0.0.1") || bindAddress.equals("localhost")
        || bindAddress.equals("::1")), "health.bindAddress",
        "must be a loopback address (127.0.0.1, ::1 or localhost), but was '" + bindAddress + "'");
    Check.inRange(port, 0, 65535, "health.port");
    Check.inRange(readTimeoutSeconds, 1, 300, "health.readTimeoutSeconds");
  }
}
