package dev.alvh.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.alvh.app.config.ConfigException;
import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.replay.Replay;
import dev.alvh.app.replay.ReplaySummary;
import dev.alvh.core.config.BotConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Paper-trade the whole bot through history on a virtual clock and print a summary."
        + " With no options: the synthetic two-cycles scenario on the embedded defaults.")
final class ReplayCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (default: embedded defaults)")
  Path config;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "data directory, relative to the working directory (default: store.dataDir, ./data)")
  Path dataDir;

  @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "two-cycles",
      description = "synthetic scenario: two-cycles (default)")
  String scenario;

  @Option(names = "--json", description = "print the summary as one JSON object on the last line")
  boolean json;

  @Override
  public Integer call() throws Exception {
    BotConfig cfg;
    try {
      cfg = config == null ? BotConfig.DEFAULTS : ConfigLoader.load(config);
    } catch (ConfigException e) {
      System.err.println("config error: " + e.getMessage());
      return 2;
    }
    if (!"two-cycles".equals(scenario)) {
      System.err.println("replay: --scenario must be one of [two-cycles], but was '" + scenario + "'");
      return 2;
    }
    Path dir = dataDir != null ? dataDir : Path.of(cfg.store().dataDir());
    ReplaySummary s = new Replay(cfg, dir).twoCycles();
    if (json) {
      ObjectMapper m = new ObjectMapper().registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
      System.out.println(m.writeValueAsString(s));
    } else {
      printHuman(s);
    }
    return 0;
  }

  private static void printHuman(ReplaySummary s) {
    System.out.printf(java.util.Locale.ROOT, "Replay of %s, %s to %s%n", s.scenario(), s.from(), s.to());
    System.out.printf(java.util.Locale.ROOT, "  trading days     %d (%d cycles, %.0f cycles/s)%n", s.tradingDays(),
        s.cycles(), s.cyclesPerSecond());
    System.out.printf(java.util.Locale.ROOT, "  tranches opened  %d%n", s.tranchesOpened());
    System.out.printf(java.util.Locale.ROOT, "  orders sent      %d, fills %d%n", s.ordersSent(), s.fills());
    System.out.printf(java.util.Locale.ROOT, "  exits            %s%n", s.exitReasons());
    System.out.printf(java.util.Locale.ROOT, "  condor P&L       %s USD (realized)%n", s.condorPnl().toPlainString());
    System.out.printf(java.util.Locale.ROOT, "  equity           %s -> %s USD, max drawdown %.2f%%%n",
        s.startEquity().toPlainString(), s.finalEquity().toPlainString(), s.maxDrawdownPct());
    System.out.printf(java.util.Locale.ROOT, "  records          %s%n", s.database());
    System.out.printf(java.util.Locale.ROOT, "  elapsed          %d ms%n", s.elapsedMs());
  }
}
