package dev.alvh.app.cli;

import dev.alvh.app.engine.Book;
import dev.alvh.app.replay.Progress;
import dev.alvh.app.replay.Replay;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.sweep.Sweep;
import dev.alvh.app.sweep.SweepGrid;
import dev.alvh.app.sweep.SweepGridException;
import dev.alvh.app.sweep.SweepReport;
import dev.alvh.app.config.BotConfig;
import dev.alvh.app.config.ReplayConfig;
import dev.alvh.paper.history.HistoryFileException;
import dev.alvh.paper.history.LoadedHistory;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.MarketHistory;
import dev.alvh.paper.market.SyntheticHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Replay every point of a grid of configuration keys, in parallel, over a train and a test"
        + " window, and write sweep.csv (every measure of every book), frontier.png (max drawdown against CAGR)"
        + " and sweep.html (the table and the point spec section 7 chooses) into --out.",
        "GRID is YAML: 'grid: {key: [values...]}' (every combination) or 'points: [{key: value, ...}]'; keys as in"
            + " bot.yaml, for example hedge.l1.vixTrigger. Points already in sweep.csv are not run again.",
        "Exit codes: 0 done, 1 a point failed or a file could not be written, 2 bad grid, configuration or"
            + " options (nothing was run)."})
final class SweepCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "GRID", description = "the grid file (YAML)")
  Path grid;

  @Option(names = "--config", paramLabel = "FILE",
      description = "base YAML configuration every point starts from (default: embedded defaults)")
  Path config;

  @Option(names = "--data", paramLabel = "DIR",
      description = "folder of daily history CSV files, as for replay (default: the synthetic two-cycles scenario)")
  Path data;

  @Option(names = "--train", paramLabel = "FROM..TO",
      description = "train window, YYYY-MM-DD..YYYY-MM-DD (default with --data: replay.sweep.trainFrom..trainTo,"
          + " 2016-01-04..2018-12-31; without: the scenario's first half)")
  String train;

  @Option(names = "--test", paramLabel = "FROM..TO",
      description = "test window (default with --data: replay.sweep.testFrom..testTo, 2019-01-02..2021-12-31;"
          + " without: the scenario's second half)")
  String test;

  @Option(names = "--books", paramLabel = "BOOK,...", split = ",",
      description = "books to run, comma-separated keys of the replay's books (default: all of them; an unknown"
          + " name lists them). The point is chosen for alvh when it runs, else for the first book given.")
  List<String> books;

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ./sweep)")
  Path out = Path.of("sweep");

  @Option(names = "--threads", paramLabel = "N",
      description = "points replayed at a time (default: one per core)")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    return ConfigOption.run(config, this::sweep);
  }

  private int sweep(BotConfig base) {
    List<Book> chosenBooks;
    try {
      chosenBooks = books(books);
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    if (threads != null && threads < 1) {
      return usage("--threads must be 1 or more, but was " + threads);
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      return usage("--out must be a folder, but " + out + " is a file");
    }
    List<SweepGrid.Point> points;
    try {
      points = SweepGrid.load(grid, base);
    } catch (SweepGridException e) {
      System.err.println("sweep: " + e.getMessage());
      return 2;
    }
    NyseCalendar cal = NyseCalendar.of(base.schedule());
    Sweep.Market market;
    if (data != null) {
      LoadedHistory h;
      try {
        h = CliInputs.history(cal, data);
      } catch (HistoryFileException e) {
        return usage(e.getMessage());
      }
      market = new Sweep.Market(data.toAbsolutePath().normalize().toString(), h.history(), false);
    } else {
      market = new Sweep.Market(SyntheticHistory.TWO_CYCLES, new Replay(base, out).twoCyclesHistory(cal), true);
    }
    List<Sweep.Window> windows;
    try {
      windows = windows(base.replay().sweep(), market.history());
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    Sweep sweep = new Sweep(base, config == null ? "defaults" : config.toString(), market, windows, chosenBooks, out);
    if (threads != null) {
      sweep.threads(threads);
    }
    long started = System.nanoTime();
    Sweep.Result result;
    boolean bar = System.console() != null;
    try (Progress progress = bar ? Progress.on(System.err, base.replay().progressEveryMs(), "sweep", "book runs")
        : Progress.NONE) {
      result = sweep.progress(progress).run(points);
    } catch (IOException | java.io.UncheckedIOException e) {
      System.err.println("sweep: cannot read or write " + sweep.csv() + ": " + e.getMessage());
      return 1;
    }
    List<String> bookKeys = chosenBooks.stream().map(Book::key).toList();
    String objective = bookKeys.contains(Book.ALVH.key()) ? Book.ALVH.key() : bookKeys.get(0);
    SweepReport report = new SweepReport(result.rows(), SweepReport.keys(points), bookKeys,
        windows.stream().map(Sweep.Window::name).toList(), objective, windows.get(0).name());
    try {
      report.write(out);
    } catch (IOException | java.io.UncheckedIOException e) {
      System.err.println("sweep: cannot write the report in " + out + ": " + e.getMessage());
      return 1;
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(Locale.ROOT, "Sweep of %d points (%d run, %d already in %s), books %s, %s%n", points.size(),
        result.ran(), result.skipped(), Sweep.CSV, String.join(",", bookKeys),
        windows.stream().map(w -> w.name() + " " + w.from() + ".." + w.to()).collect(Collectors.joining(", ")));
    report.chosen().ifPresentOrElse(i -> {
      Map<String, String> r = result.rows().get(i);
      String p = windows.get(0).name() + "." + objective + ".";
      System.out.printf(Locale.ROOT, "  chosen           point %s: %s (%s CAGR %s%%, max drawdown %s%%)%n",
          r.get("point"), r.get("values"), windows.get(0).name(), r.get(p + "cagr"), r.get(p + "maxDrawdownPct"));
    }, () -> System.out.println("  chosen           none: no point keeps the hedge's net cost under the carry cap"));
    System.out.println("  measures         " + sweep.csv());
    System.out.println("  report           " + out.resolve(SweepReport.PAGE));
    System.out.printf(Locale.ROOT, "  elapsed          %d ms%n", ms);
    if (!result.failed().isEmpty()) {
      System.err.println("sweep: " + result.failed().size() + " point(s) failed; run again to retry them. First: "
          + result.failed().get(0));
      return 1;
    }
    return 0;
  }

  /** The books named in {@code names}, in the order given; every book when none. */
  static List<Book> books(List<String> names) {
    if (names == null || names.isEmpty()) {
      return List.of(Book.values());
    }
    List<Book> out = new ArrayList<>();
    for (String n : names) {
      Book b = Arrays.stream(Book.values()).filter(x -> x.key().equalsIgnoreCase(n.trim())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("--books: unknown book '" + n + "'; books: "
              + Arrays.stream(Book.values()).map(Book::key).collect(Collectors.joining(", "))));
      if (!out.contains(b)) {
        out.add(b);
      }
    }
    return out;
  }

  private List<Sweep.Window> windows(ReplayConfig.Sweep defaults, MarketHistory history) {
    Sweep.Window tr;
    Sweep.Window te;
    if (data != null) {
      tr = new Sweep.Window("train", defaults.trainFrom(), defaults.trainTo());
      te = new Sweep.Window("test", defaults.testFrom(), defaults.testTo());
    } else {
      List<DailyBar> bars = history.bars();
      int half = bars.size() / 2;
      tr = new Sweep.Window("train", bars.get(0).date(), bars.get(half - 1).date());
      te = new Sweep.Window("test", bars.get(half).date(), bars.get(bars.size() - 1).date());
    }
    if (train != null) {
      tr = window("--train", "train", train);
    }
    if (test != null) {
      te = window("--test", "test", test);
    }
    for (Sweep.Window w : List.of(tr, te)) {
      LocalDate f = w.from();
      LocalDate t = w.to();
      if (history.bars().stream().noneMatch(b -> !b.date().isBefore(f) && !b.date().isAfter(t))) {
        throw new IllegalArgumentException("the " + w.name() + " window " + f + ".." + t + " holds no day of the history ("
            + history.bars().get(0).date() + " to " + history.bars().get(history.bars().size() - 1).date() + ")");
      }
    }
    return List.of(tr, te);
  }

  private static Sweep.Window window(String option, String name, String text) {
    String[] parts = text.split("\\.\\.", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(option + " must be FROM..TO (YYYY-MM-DD..YYYY-MM-DD), but was '" + text + "'");
    }
    LocalDate from;
    LocalDate to;
    try {
      from = LocalDate.parse(parts[0].trim());
      to = LocalDate.parse(parts[1].trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " must be FROM..TO (YYYY-MM-DD..YYYY-MM-DD), but was '" + text + "'");
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(option + ": " + to + " is before " + from);
    }
    return new Sweep.Window(name, from, to);
  }

  private static int usage(String message) {
    return CliInputs.usage("sweep", message);
  }
}
