package dev.alvh.core.config;

import dev.alvh.core.Check;

/**
 * The health and metrics server of a running bot ({@code /health}, {@code /metrics}); YAML group
 * {@code health.*}.
 *
 * @param bindAddress the address it listens on; only loopback is accepted
 * @param port        the port, 0 for any free port (written to the data directory and shown by
 *                    {@code alvh ctl status} as {@code healthUrl})
 */
public record HealthConfig(String bindAddress, int port) {

  /** Loopback only. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  /** Any free port. */
  public static final int DEFAULT_PORT = 0;

  /** The defaults. */
  public static final HealthConfig DEFAULTS = new HealthConfig(DEFAULT_BIND_ADDRESS, DEFAULT_PORT);

  /** Checks every field. */
  public HealthConfig {
    Check.isTrue(bindAddress != null && (bindAddress.equals("127.0.0.1") || bindAddress.equals("localhost")
        || bindAddress.equals("::1")), "health.bindAddress",
        "must be a loopback address (127.0.0.1, ::1 or localhost), but was '" + bindAddress + "'");
    Check.inRange(port, 0, 65535, "health.port");
  }
}
