package dev.alvh.app.sweep;

import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.engine.Book;
import dev.alvh.app.replay.BookRun;
import dev.alvh.app.replay.Progress;
import dev.alvh.app.replay.Replay;
import dev.alvh.app.replay.BookMetrics;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.schedule.ScheduledFire;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.config.ScheduleConfig;
import dev.alvh.paper.market.MarketHistory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the points of a grid as replays, in parallel, and keeps their measures in
 * {@code sweep.csv}: each point is replayed over each window (train, then test) with the chosen
 * books, each book in its own in-memory database, all of them on one history loaded once.
 *
 * <p>A point already in {@code sweep.csv} with the same values, windows, data and base
 * configuration, and with every chosen book measured, is not run again. The file is rewritten
 * each time a point ends, so a sweep that is stopped keeps what it finished.
 */
public final class Sweep {

  private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
      new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

  /** The file of measures, in the output folder. */
  public static final String CSV = "sweep.csv";

  /**
   * A replay window.
   *
   * @param name {@code train} or {@code test}: the prefix of its columns
   * @param from first day
   * @param to   last day
   */
  public record Window(String name, LocalDate from, LocalDate to) {
  }

  /**
   * The market every point runs on.
   *
   * @param name     the data folder (absolute) or the synthetic scenario's name
   * @param history  the loaded history, shared read-only by every replay
   * @param intraday run every scheduled cycle (synthetic) or the last of each day (daily history)
   */
  public record Market(String name, MarketHistory history, boolean intraday) {
  }

  /**
   * What a sweep did.
   *
   * @param rows    the measures of the grid's points, in grid order (those that ran or were kept)
   * @param ran     points replayed now
   * @param skipped points found finished in {@code sweep.csv}
   * @param failed  points whose replay failed, with the reason (not written; a re-run tries again)
   */
  public record Result(List<Map<String, String>> rows, int ran, int skipped, List<String> failed) {
  }

  private final BotConfig base;
  private final String configName;
  private final Market market;
  private final List<Window> windows;
  private final List<Book> books;
  private final Path out;
  private int threads = Runtime.getRuntime().availableProcessors();
  private Progress progress = Progress.NONE;
  private PrintStream log = System.err;
  private final Map<ScheduleConfig, NyseCalendar> calendars = new ConcurrentHashMap<>();
  private final Map<List<Object>, List<ScheduledFire>> fires = new ConcurrentHashMap<>();

  /**
   * A sweep of points built on {@code base} (named {@code configName}: its file or
   * {@code defaults}), over {@code market}, each point replayed over {@code windows} with
   * {@code books}, writing into {@code out}.
   */
  public Sweep(BotConfig base, String configName, Market market, List<Window> windows, List<Book> books, Path out) {
    this.base = base;
    this.configName = configName;
    this.market = market;
    this.windows = List.copyOf(windows);
    this.books = List.copyOf(books);
    this.out = out;
  }

  /** Runs at most {@code n} points at a time (default: one per core). */
  public Sweep threads(int n) {
    this.threads = Math.max(1, n);
    return this;
  }

  /** Counts each book run of each window on {@code p}. */
  public Sweep progress(Progress p) {
    this.progress = p;
    return this;
  }

  /** Where a failed point is reported (default standard error). */
  public Sweep log(PrintStream p) {
    this.log = p;
    return this;
  }

  /** The file of measures. */
  public Path csv() {
    return out.resolve(CSV);
  }

  /**
   * The identity of a point's row: its values, the windows, the data and the base configuration
   * (a digest of every key), so a re-run finds the rows it may keep.
   */
  public String key(Map<String, String> values) {
    StringBuilder sb = new StringBuilder(SweepGrid.Point.label(values));
    for (Window w : windows) {
      sb.append(" | ").append(w.name()).append(' ').append(w.from()).append("..").append(w.to());
    }
    return sb.append(" | ").append(market.name()).append(" | ").append(configDigest()).toString();
  }

  /**
   * Runs the points not finished yet and writes {@code sweep.csv} as each ends.
   *
   * @throws IOException when {@code sweep.csv} cannot be read or written
   */
  public Result run(List<SweepGrid.Point> points) throws IOException {
    Files.createDirectories(out);
    List<Map<String, String>> existing = SweepCsv.read(csv());
    Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
    for (Map<String, String> r : existing) {
      byKey.put(rowKey(r), r);
    }
    List<Map<String, String>> others = new ArrayList<>(existing);
    Map<Integer, Map<String, String>> done = new ConcurrentHashMap<>();
    Map<SweepGrid.Point, List<Book>> todo = new LinkedHashMap<>();
    for (SweepGrid.Point p : points) {
      Map<String, String> old = byKey.get(key(p.values()));
      if (old != null) {
        others.remove(old);
      }
      List<Book> missing = books.stream().filter(b -> old == null || !measured(old, b)).toList();
      if (missing.isEmpty()) {
        done.put(p.index(), old);
      } else {
        todo.put(p, missing);
        if (old != null) {
          done.put(p.index(), old);
        }
      }
    }
    int skipped = points.size() - todo.size();
    progress.total(todo.values().stream().mapToLong(List::size).sum() * windows.size());
    List<String> failed = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, todo.size())), r -> {
      Thread t = new Thread(r, "alvh-sweep");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Map.Entry<SweepGrid.Point, List<Book>> e : todo.entrySet()) {
        futures.add(pool.submit(() -> {
          SweepGrid.Point p = e.getKey();
          try {
            Map<String, String> row = new LinkedHashMap<>(done.getOrDefault(p.index(), Map.of()));
            row.putAll(runPoint(p, e.getValue()));
            done.put(p.index(), row);
            synchronized (this) {
              write(others, points, done);
            }
          } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
          } catch (RuntimeException ex) {
            failed.add("point " + p.index() + " (" + p.label() + "): " + ex.getMessage());
            log.println("sweep: point " + p.index() + " (" + p.label() + ") failed: " + ex);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sweep interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof java.io.UncheckedIOException u) {
        throw u.getCause();
      }
      throw new IllegalStateException("sweep failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    synchronized (this) {
      write(others, points, done);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    points.forEach(p -> {
      if (done.containsKey(p.index())) {
        rows.add(done.get(p.index()));
      }
    });
    return new Result(rows, todo.size() - failed.size(), skipped, List.copyOf(failed));
  }

  /** The rows of other grids first, then this grid's finished points in grid order. */
  private void write(List<Map<String, String>> others, List<SweepGrid.Point> points,
      Map<Integer, Map<String, String>> done) throws IOException {
    List<Map<String, String>> all = new ArrayList<>(others);
    for (SweepGrid.Point p : points) {
      Map<String, String> r = done.get(p.index());
      if (r != null) {
        all.add(r);
      }
    }
    SweepCsv.write(csv(), all);
  }

  private static boolean measured(Map<String, String> row, Book b) {
    return row.keySet().stream().anyMatch(k -> k.endsWith("." + b.key() + ".cagr") && !row.get(k).isEmpty());
  }

  private static String rowKey(Map<String, String> row) {
    return row.getOrDefault("key", "");
  }

  /** The cells of one point: its identity, then each window's measures of each book. */
  Map<String, String> runPoint(SweepGrid.Point p, List<Book> which) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("point", Integer.toString(p.index()));
    row.put("values", p.label());
    row.putAll(p.values());
    for (Window w : windows) {
      row.put(w.name() + ".from", w.from().toString());
      row.put(w.name() + ".to", w.to().toString());
    }
    row.put("data", market.name());
    row.put("config", configName);
    row.put("key", key(p.values()));
    NyseCalendar cal = calendars.computeIfAbsent(p.config().schedule(), NyseCalendar::of);
    for (Window w : windows) {
      long started = System.nanoTime();
      Replay replay = new Replay(p.config(), out).inMemory(true).books(which).threads(1).fires(this::fires);
      Replay.ReplayResult r = replay.runBooks(market.name(), market.history(), cal, w.from(), w.to(), market.intraday(),
          List.of());
      row.put(w.name() + ".firstDay", r.summary().from().toString());
      row.put(w.name() + ".lastDay", r.summary().to().toString());
      row.put(w.name() + ".tradingDays", Long.toString(r.summary().tradingDays()));
      row.put(w.name() + ".elapsedMs", Long.toString((System.nanoTime() - started) / 1_000_000));
      for (int i = 0; i < which.size(); i++) {
        progress.step();
      }
      for (Book b : which) {
        BookRun run = r.books().get(b);
        BookMetrics m = r.summary().books().get(b.key());
        row.putAll(SweepMeasures.cells(w.name() + "." + b.key() + ".", run, m, p.config()));
      }
    }
    return row;
  }

  /** The fire times of {@code schedule} in a window, computed once for every point that shares them. */
  private List<ScheduledFire> fires(ScheduleConfig schedule, Instant from, Instant to) {
    return fires.computeIfAbsent(List.of(schedule, from, to),
        k -> List.copyOf(new TradingSchedule(schedule).firesBetween(from, to)));
  }

  /**
   * A digest of every key of the base configuration. Some keys are sets (condor.entryStates),
   * written in an order that changes from one JVM to the next, so every list is sorted first:
   * the digest then names the same configuration in every run.
   */
  private String configDigest() {
    try {
      com.fasterxml.jackson.databind.JsonNode tree = YAML.readTree(ConfigLoader.toYaml(base));
      byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical(tree).getBytes(StandardCharsets.UTF_8));
      return "config " + HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException | java.io.IOException e) {
      throw new IllegalStateException("cannot digest the configuration: " + e.getMessage(), e);
    }
  }

  /** {@code node} as text with every list's items sorted (maps keep their fixed key order). */
  static String canonical(com.fasterxml.jackson.databind.JsonNode node) {
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(n -> items.add(canonical(n)));
      java.util.Collections.sort(items);
      return "[" + String.join(",", items) + "]";
    }
    if (node.isObject()) {
      StringBuilder sb = new StringBuilder("{");
      node.fields().forEachRemaining(e -> sb.append(e.getKey()).append(':').append(canonical(e.getValue())).append(','));
      return sb.append('}').toString();
    }
    return node.toString();
  }
}
