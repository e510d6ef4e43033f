package dev.alvh.app.cli;

import dev.alvh.core.config.BotConfig;
import dev.alvh.core.config.BrokerConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --host}, {@code --port} and {@code --client-id} options of the commands that reach
 * TWS, as a picocli mixin: each, when given, replaces its {@code broker.*} key.
 */
final class TwsOptions {

  @Option(names = "--host", paramLabel = "HOST",
      description = "TWS host (default: broker.host; paper: with --broker ibkr only)")
  String host;

  @Option(names = "--port", paramLabel = "PORT",
      description = "TWS API port (default: broker.port, 7497; paper: with --broker ibkr only)")
  Integer port;

  @Option(names = "--client-id", paramLabel = "N",
      description = "API client id (default: broker.clientId; paper: with --broker ibkr only)")
  Integer clientId;

  /** Whether any of the three was given. */
  boolean given() {
    return host != null || port != null || clientId != null;
  }

  /** The given options as configuration keys ({@code broker.host}, ...), in option order. */
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

  /** The IBKR broker settings of {@code cfg} with these options and {@code ibkr} ({@link TwsCheck#ibkr}). */
  BrokerConfig broker(BotConfig cfg, BrokerConfig.Ibkr ibkr) {
    return TwsCheck.ibkr(cfg, host, port, clientId, ibkr);
  }
}
