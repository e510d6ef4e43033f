package dev.alvh.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.alvh.app.replay.Progress;
import dev.alvh.app.replay.Replay;
import dev.alvh.app.replay.ReplaySummary;
import dev.alvh.app.replay.BookMetrics;
import dev.alvh.app.report.MarketModelReport;
import dev.alvh.app.report.ReportWriter;
import dev.alvh.app.replay.VolatilityCycles;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.config.BotConfig;
import dev.alvh.paper.chains.ChainFiles;
import dev.alvh.paper.history.HistoryFileException;
import dev.alvh.paper.history.LoadedHistory;
import dev.alvh.paper.market.SyntheticHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Paper-trade the whole bot through history on a virtual clock, four books side by side"
        + " (alvh, unhedged, rigid, base), and print a summary.",
        "With no options: the synthetic two-cycles scenario on the embedded defaults, every scheduled cycle.",
        "With --data DIR: daily history files (spx.csv, vix.csv, vix3m.csv; optional vix9d.csv and VX futures),"
            + " the last scheduled cycle of each day plus pre-open and end of day (replay.dailyAllCycles: every"
            + " cycle)."})
final class ReplayCommand implements Callable<Integer> {

  @Mixin
  ConfigOption config = new ConfigOption();

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "where the replay databases go, relative to the working directory (default: store.dataDir,"
          + " ./data)")
  Path dataDir;

  @Option(names = "--scenario", paramLabel = "NAME",
      description = "synthetic scenario: two-cycles (the default when --data is not given)")
  String scenario;

  @Option(names = "--data", paramLabel = "DIR", description = "folder of daily history CSV files (Cboe or ISO)")
  Path data;

  @Option(names = "--options", paramLabel = "DIR",
      description = "folder of SPX/SPXW option chain files (Cboe DataShop Option EOD Summary, OptionsDX, or"
          + " quote_date,root,expiration,type,strike,bid,ask): options are quoted from them on their dates, from the"
          + " day's last cycle on, and by the model where they lack a contract (needs --data; docs/real-chains.md)")
  Path options;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first day to replay (default: the first)")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last day to replay (default: the last)")
  String to;

  @Option(names = "--report", paramLabel = "DIR",
      description = "write report.html, PNG charts, summary.json, trades.csv and transitions.csv into DIR")
  Path report;

  @Option(names = "--market-fit", paramLabel = "DIR",
      description = "with --data and --report: add a market model section comparing the simulated market with the"
          + " real SPX/SPXW chain files of DIR (docs/market-model.md)")
  Path marketFit;

  @Option(names = "--json", description = "print the summary as one JSON object on the last line; no progress bar")
  boolean json;

  @Override
  public Integer call() throws Exception {
    return config.run(this::replay);
  }

  private int replay(BotConfig cfg) throws Exception {
    if (scenario != null && data != null) {
      return usage("give either --scenario or --data, not both (--scenario " + scenario + ", --data " + data + ")");
    }
    if (options != null && data == null) {
      return usage("--options needs --data (real chains go with real history), but --data was not given");
    }
    if (scenario != null && !SyntheticHistory.TWO_CYCLES.equals(scenario)) {
      return usage("--scenario must be one of [two-cycles], but was '" + scenario + "'");
    }
    LocalDate fromDate;
    LocalDate toDate;
    try {
      fromDate = CliInputs.date("--from", from);
      toDate = CliInputs.date("--to", to);
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
      return usage("--to " + toDate + " is before --from " + fromDate);
    }
    if (report != null && Files.exists(report) && !Files.isDirectory(report)) {
      return usage("--report must be a folder, but " + report + " is a file");
    }
    if (marketFit != null && (data == null || report == null || !Files.isDirectory(marketFit))) {
      return usage("--market-fit needs --data and --report and must be a folder, but was " + marketFit);
    }
    if (report != null) { // before the replay runs, not after it
      java.util.Optional<String> bad = Preflight.writableDirectory(report, "--report folder");
      if (bad.isPresent()) {
        return usage(bad.get());
      }
    }
    java.util.Optional<String> badEvents = Preflight.eventsFile(cfg);
    if (badEvents.isPresent()) {
      System.err.println(badEvents.get());
      return 2;
    }
    Path dir = Preflight.dataDirectory(dataDir, cfg);
    LoadedHistory loaded = null;
    NyseCalendar cal = NyseCalendar.of(cfg.schedule());
    Replay replay = new Replay(cfg, dir);
    Replay.ReplayResult result;
    boolean bar = !json && System.console() != null;
    try (Progress progress = bar ? Progress.on(System.err, cfg.replay().progressEveryMs()) : Progress.NONE) {
      replay.progress(progress);
      if (data != null) {
        LoadedHistory h = CliInputs.history(cal, data);
        if (options != null) {
          replay.chains(ChainFiles.load(options));
        }
        loaded = h;
        // the data directory is made only once the inputs are known to be good
        java.util.Optional<String> badDir = Preflight.writableDirectory(dir, "the data directory");
        if (badDir.isPresent()) {
          return usage(badDir.get());
        }
        List<String> problems = h.problems().stream().map(Object::toString).toList();
        result = replay.runBooks(data.toString(), h.history(), cal, fromDate, toDate, false, problems);
      } else {
        java.util.Optional<String> badDir = Preflight.writableDirectory(dir, "the data directory");
        if (badDir.isPresent()) {
          return usage(badDir.get());
        }
        result = replay.runBooks(SyntheticHistory.TWO_CYCLES, replay.twoCyclesHistory(cal), cal, fromDate, toDate,
            true, List.of());
      }
    } catch (IllegalArgumentException | HistoryFileException e) { // bad options, history or chain files
      return usage(e.getMessage());
    }
    ReplaySummary s = result.summary();
    String line = mapper().writeValueAsString(s);
    if (report != null) {
      try {
        new ReportWriter().write(result, line, report, java.util.List.of(), cfg.replay().rollingSharpeDays());
        if (marketFit != null) {
          new MarketModelReport().write(marketFit, loaded.history(), cfg.market(), cal::isTradingDay, report);
        }
      } catch (java.io.UncheckedIOException e) {
        System.err.println("replay: cannot write the report in " + report + ": " + e.getMessage());
        return 1;
      } catch (IllegalArgumentException e) {
        return usage(e.getMessage());
      }
    }
    if (json) {
      System.out.println(line);
    } else {
      printHuman(s);
      if (report != null) {
        System.out.println("  report           " + report.resolve("report.html"));
      }
    }
    return 0;
  }

  /** The JSON writer of the summary: ISO dates, numbers as numbers. */
  static ObjectMapper mapper() {
    return new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  private static int usage(String message) {
    return CliInputs.usage("replay", message);
  }

  private static void printHuman(ReplaySummary s) {
    System.out.printf(Locale.ROOT, "Replay of %s, %s to %s (cycles per day: %s)%n", s.scenario(), s.from(), s.to(),
        s.cyclesPerDay());
    System.out.printf(Locale.ROOT, "  trading days     %d (%d cycles per book, %.0f cycles/s over 3 books)%n",
        s.tradingDays(), s.cycles(), s.cyclesPerSecond());
    System.out.printf(Locale.ROOT, "  tranches opened  %d%n", s.tranchesOpened());
    System.out.printf(Locale.ROOT, "  orders sent      %d, fills %d%n", s.ordersSent(), s.fills());
    System.out.printf(Locale.ROOT, "  fill model       %s%n", s.fillModel().description());
    System.out.printf(Locale.ROOT, "  exits            %s%n", s.exitReasons());
    System.out.printf(Locale.ROOT, "  condor P&L       %s USD (realized)%n", s.condorPnl().toPlainString());
    System.out.printf(Locale.ROOT, "  equity           %s -> %s USD, max drawdown %.2f%%%n",
        s.startEquity().toPlainString(), s.finalEquity().toPlainString(), s.maxDrawdownPct());
    System.out.printf(Locale.ROOT, "  vol cycles       %d%s%n", s.volatilityCycles().count(),
        s.volatilityCycles().cycles().stream().map(ReplayCommand::cycle).reduce("", (a, b) -> a + "; " + b)
            .replaceFirst("^; ", ": "));
    System.out.printf(Locale.ROOT, "  %-10s %9s %8s %8s %8s %7s %7s %12s %12s %s%n", "book", "return%", "cagr%",
        "maxDD%", "DDrisk%", "sharpe", "sortino", "hedgePrem", "hedgePnl", "layers/cycle");
    for (Map.Entry<String, BookMetrics> e : s.books().entrySet()) {
      BookMetrics m = e.getValue();
      System.out.printf(Locale.ROOT, "  %-10s %9.2f %8.2f %8.2f %8.2f %7.2f %7.2f %12s %12s %s%n", e.getKey(),
          m.totalReturn(), m.cagr(), m.maxDrawdownPct(), m.maxDrawdownRiskPct(), m.sharpe(), m.sortino(),
          m.hedgePremium().toPlainString(), m.hedgePnl().toPlainString(), m.layersPerCycle());
    }
    if (s.quotes() != null) {
      System.out.printf(Locale.ROOT, "  option quotes    real chains %d, model %d (%d of them on %d chain days)%n",
          s.quotes().realChain(), s.quotes().model(), s.quotes().modelOnChainDays(), s.quotes().chainDays());
    }
    for (Map.Entry<String, BookMetrics> e : s.books().entrySet()) {
      dev.alvh.app.replay.ExecutionStats x = e.getValue().execution();
      System.out.printf(Locale.ROOT, "  %-10s walks: %d filled (by step %s, mean step %.2f), %d unfilled;"
          + " mean share of spread paid %.3f %s%n", e.getKey(), x.ordersFilled(), x.stepsToFill(),
          x.meanStepsToFill(), x.ordersUnfilled(), x.meanSharePaid(), x.meanSharePaidByLegs());
    }
    if (!s.dataProblems().isEmpty()) {
      System.out.printf(Locale.ROOT, "  history rows left out or filled in: %d (first: %s)%n",
          s.dataProblems().size(), s.dataProblems().get(0));
    }
    System.out.printf(Locale.ROOT, "  records          %s%n", s.database());
    System.out.printf(Locale.ROOT, "  elapsed          %d ms%n", s.elapsedMs());
  }

  private static String cycle(VolatilityCycles.VolatilityCycle c) {
    return String.format(Locale.ROOT, "%s to %s, peak %.2f on %s", c.start(), c.end(), c.peakVix(), c.peak());
  }
}
