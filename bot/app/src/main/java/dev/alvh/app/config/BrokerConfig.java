package dev.alvh.app.config;

import dev.alvh.core.Check;
import dev.alvh.ibkr.config.IbkrConfig;
import dev.alvh.paper.config.PaperBrokerConfig;
import java.util.Set;

/**
 * Which broker the bot trades with and how to reach it; YAML group {@code broker.*}.
 *
 * @param type        {@code paper} (the in-process paper broker) or {@code ibkr} (TWS / IB Gateway)
 * @param host        TWS host; loopback by default
 * @param port        TWS API port (7497 paper TWS, 7496 live TWS, 4002/4001 IB Gateway)
 * @param clientId    API client id
 * @param paper       the paper broker's settings
 * @param ibkr        the TWS / IB Gateway session's settings
 */
public record BrokerConfig(String type, String host, int port, int clientId, PaperBrokerConfig paper, IbkrConfig ibkr) {

  /** The in-process paper broker. */
  public static final String DEFAULT_TYPE = "paper";
  /** TWS on this machine. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** TWS paper trading port. */
  public static final int DEFAULT_PORT = 7497;
  /** API client id 17. */
  public static final int DEFAULT_CLIENT_ID = 17;

  /** The broker types known. */
  public static final Set<String> TYPES = Set.of("paper", "ibkr");

  /** The defaults. */
  public static final BrokerConfig DEFAULTS =
      new BrokerConfig(DEFAULT_TYPE, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_CLIENT_ID, PaperBrokerConfig.DEFAULTS,
          IbkrConfig.DEFAULTS);

  /** The settings with the default {@link IbkrConfig} part. */
  public BrokerConfig(String type, String host, int port, int clientId, PaperBrokerConfig paper) {
    this(type, host, port, clientId, paper, IbkrConfig.DEFAULTS);
  }

  /** Checks every field; messages name the full key. */
  public BrokerConfig {
    Check.isTrue(type != null && TYPES.contains(type), "broker.type",
        "must be one of [ibkr, paper], but was '" + type + "'");
    Check.notBlank(host, "broker.host");
    Check.inRange(port, 1, 65535, "broker.port");
    Check.inRange(clientId, 0, 999_999, "broker.clientId");
    Check.notNull(paper, "broker.paper");
    Check.notNull(ibkr, "broker.ibkr");
  }
}
