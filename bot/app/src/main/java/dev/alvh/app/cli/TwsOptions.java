package dev.alvh.app.cli;

import dev.alvh.app.config.BotConfig;
import dev.alvh.app.config.BrokerConfig;
import dev.alvh.ibkr.config.IbkrConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --host}, {@code --port} and {@code --client-id}: where TWS / IB Gateway is, over
 * {@code broker.host}, {@code broker.port} and {@code broker.clientId}; a picocli mixin of
 * {@code paper} (with {@code --broker ibkr}), {@code live} and {@code ibkr-check}.
 */
final class TwsOptions {

  @Option(names = "--host", paramLabel = "HOST", description = "TWS host (default: broker.host; paper: with --broker ibkr only)")
  String host;

  @Option(names = "--port", paramLabel = "PORT", description = "TWS API port (default: broker.port, 7497; paper: with --broker ibkr only)")
  Integer port;

  @Option(names = "--client-id", paramLabel = "N", description = "API client id (default: broker.clientId; paper: with --broker ibkr only)")
  Integer clientId;

  /** True when any of the three was given. */
  boolean given() {
    return host != null || port != null || clientId != null;
  }

  /**
   * The IBKR broker of {@code cfg} with {@code ibkr} and each option given in place of its key
   * ({@code ibkr-check} and {@code live --check}).
   *
   * @throws IllegalArgumentException naming the key of a bad option (broker.host, broker.port, broker.clientId)
   */
  BrokerConfig broker(BotConfig cfg, IbkrConfig ibkr) {
    BrokerConfig d = cfg.broker();
    return new BrokerConfig("ibkr", host == null ? d.host() : host, port == null ? d.port() : port,
        clientId == null ? d.clientId() : clientId, d.paper(), ibkr);
  }

  /** The options given as configuration overrides ({@code broker.host=...}), in that order. */
  Map<String, String> overrides() {
    Map<String, String> o = new LinkedHashMap<>();
    if (host != null) {
      o.put("broker.host", host);
    }
    if (port != null) {
      o.put("broker.port", port.toString());
    }
    if (clientId != null) {
      o.put("broker.clientId", clientId.toString());
    }
    return o;
  }
}
