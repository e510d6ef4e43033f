package dev.alvh.paper.history;

import dev.alvh.core.Check;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.MarketHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a folder of daily history files into a {@link MarketHistory}.
 *
 * <p>Files: {@code spx.csv}, {@code vix.csv}, {@code vix3m.csv} (required), {@code vix9d.csv}
 * (optional) and VX futures closes (optional: {@code vx.csv}, {@code vx_futures.csv} or
 * {@code vx_m1_m8_close.csv}, columns {@code date,m1..m8}, front month first). Each index file
 * is in one of two formats, detected per file from its first data row:
 * <ul>
 *   <li>Cboe, as downloaded from cboe.com: {@code DATE,OPEN,HIGH,LOW,CLOSE}, dates
 *       {@code MM/DD/YYYY};</li>
 *   <li>ISO: {@code date,open,high,low,close[,volume]}, dates {@code YYYY-MM-DD}.</li>
 * </ul>
 * Header names are matched without regard to case. A row is left out, and reported with its
 * file and line, when it cannot be parsed (date, number, column count), when its high is below
 * its low, when a value is not positive, or when its date repeats or goes backwards. A trading
 * day (by the given calendar) missing between a file's first and last date is reported at the
 * line where the gap is seen. A VX futures row with one contract missing (a blank, NaN or NA
 * cell) is kept, the contract filled in halfway between its neighbouring months (the front or
 * the last month flat from its neighbour) and reported at its line; a row with two or more
 * missing is left out. A file that cannot be used at all (missing, empty, a wrong header,
 * no usable rows) throws {@link HistoryFileException}.
 *
 * <p>The bars are the days present in spx, vix and vix3m alike.
 */
public final class HistoryLoader {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryLoader.class);

  /** SPX daily OHLC. */
  public static final String SPX = "spx.csv";
  /** VIX daily OHLC. */
  public static final String VIX = "vix.csv";
  /** VIX3M daily OHLC. */
  public static final String VIX3M = "vix3m.csv";
  /** VIX9D daily OHLC, optional. */
  public static final String VIX9D = "vix9d.csv";
  /** Accepted names of the optional VX futures file, first found wins. */
  public static final List<String> VX_NAMES = List.of("vx.csv", "vx_futures.csv", "vx_m1_m8_close.csv");
  /** VX futures columns after the date. */
  public static final int VX_MONTHS = 8;

  private static final DateTimeFormatter CBOE_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.ROOT);
  private static final List<String> OHLC = List.of("date", "open", "high", "low", "close");

  private final Predicate<LocalDate> tradingDay;

  /**
   * A loader that checks dates against {@code tradingDay}.
   *
   * @param tradingDay which calendar days are trading days (the NYSE calendar)
   */
  public HistoryLoader(Predicate<LocalDate> tradingDay) {
    this.tradingDay = Check.notNull(tradingDay, "tradingDay");
  }

  /**
   * Reads the history files of {@code dir}.
   *
   * @throws HistoryFileException when the folder or a required file cannot be used
   */
  public LoadedHistory load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new HistoryFileException("data folder " + dir + " does not exist or is not a folder");
    }
    List<BadRow> problems = new ArrayList<>();
    List<String> files = new ArrayList<>();
    NavigableMap<LocalDate, OhlcRow> spx = ohlc(dir.resolve(SPX), problems);
    NavigableMap<LocalDate, OhlcRow> vix = ohlc(dir.resolve(VIX), problems);
    NavigableMap<LocalDate, OhlcRow> vix3m = ohlc(dir.resolve(VIX3M), problems);
    files.addAll(List.of(SPX, VIX, VIX3M));
    NavigableMap<LocalDate, Double> vix9d = new TreeMap<>();
    if (Files.exists(dir.resolve(VIX9D))) {
      ohlc(dir.resolve(VIX9D), problems).forEach((d, r) -> vix9d.put(d, r.close()));
      files.add(VIX9D);
    }
    NavigableMap<LocalDate, List<Double>> vx = new TreeMap<>();
    for (String name : VX_NAMES) {
      if (Files.exists(dir.resolve(name))) {
        vx = vx(dir.resolve(name), problems);
        files.add(name);
        break;
      }
    }
    List<DailyBar> bars = new ArrayList<>();
    for (Map.Entry<LocalDate, OhlcRow> e : spx.entrySet()) {
      OhlcRow v = vix.get(e.getKey());
      OhlcRow v3 = vix3m.get(e.getKey());
      if (v != null && v3 != null) {
        OhlcRow s = e.getValue();
        bars.add(new DailyBar(e.getKey(), s.open(), s.close(), v.open(), v.close(), v3.open(), v3.close(), s.high(),
            s.low(), v.high(), v.low(), v3.high(), v3.low()));
      }
    }
    if (bars.isEmpty()) {
      throw new HistoryFileException("no day of " + dir + " is in all of " + SPX + ", " + VIX + " and " + VIX3M);
    }
    for (BadRow p : problems) {
      LOG.warn("history row left out or filled in: {} (in {})", p, dir);
    }
    return new LoadedHistory(new MarketHistory(bars, vx, vix9d), vix9d, problems, files);
  }

  /**
   * Reads one OHLC file in either format.
   *
   * @param problems receives the rows left out
   * @throws HistoryFileException when the file cannot be used
   */
  public NavigableMap<LocalDate, OhlcRow> ohlc(Path file, List<BadRow> problems) {
    String name = file.getFileName().toString();
    List<String> lines = read(file);
    List<String> header = cells(lines.get(0));
    boolean withVolume = header.size() == 6 && "volume".equalsIgnoreCase(header.get(5));
    if (!(header.size() == 5 || withVolume) || !OHLC.equals(header.subList(0, 5).stream()
        .map(h -> h.toLowerCase(Locale.ROOT)).toList())) {
      throw new HistoryFileException(name + ": header must be DATE,OPEN,HIGH,LOW,CLOSE (Cboe) or"
          + " date,open,high,low,close[,volume] (ISO), but was '" + lines.get(0).strip() + "'");
    }
    return rows(name, lines, header.size(), problems, (c, date, lineNo) -> {
      double[] v = new double[4];
      String bad = null;
      for (int k = 0; k < 4 && bad == null; k++) {
        bad = number(c.get(k + 1), header.get(k + 1).toLowerCase(Locale.ROOT), v, k);
      }
      if (bad != null) {
        return Row.leftOut(bad);
      }
      if (v[1] < v[2]) {
        return Row.leftOut("high " + c.get(2) + " < low " + c.get(3));
      }
      return Row.kept(() -> new OhlcRow(date, v[0], v[1], v[2], v[3], lineNo));
    });
  }

  /**
   * Reads a VX futures file ({@code date,m1..m8}, ISO or Cboe dates).
   *
   * @param problems receives the rows left out
   * @throws HistoryFileException when the file cannot be used
   */
  public NavigableMap<LocalDate, List<Double>> vx(Path file, List<BadRow> problems) {
    String name = file.getFileName().toString();
    List<String> lines = read(file);
    List<String> header = cells(lines.get(0)).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    List<String> expected = new ArrayList<>(List.of("date"));
    for (int m = 1; m <= VX_MONTHS; m++) {
      expected.add("m" + m);
    }
    if (!expected.equals(header)) {
      throw new HistoryFileException(name + ": header must be date,m1,...,m8, but was '" + lines.get(0).strip()
          + "'");
    }
    return rows(name, lines, header.size(), problems, (c, date, lineNo) -> {
      double[] v = new double[VX_MONTHS];
      String bad = null;
      List<Integer> missing = new ArrayList<>();
      for (int k = 0; k < VX_MONTHS && bad == null; k++) {
        if (isMissing(c.get(k + 1))) {
          missing.add(k);
        } else {
          bad = number(c.get(k + 1), "m" + (k + 1), v, k);
        }
      }
      if (bad == null && missing.size() > 1) {
        bad = missing.size() + " contracts missing (" + String.join(", ", missing.stream().map(k -> "m" + (k + 1))
            .toList()) + "); only a day with one missing contract is filled in";
      }
      if (bad != null) {
        return Row.leftOut(bad);
      }
      return Row.kept(() -> {
        if (missing.size() == 1) {
          problems.add(new BadRow(name, lineNo, fillGap(v, missing.get(0)) + " on " + date + "; the day is kept"));
        }
        List<Double> curve = new ArrayList<>(VX_MONTHS);
        for (double x : v) {
          curve.add(x);
        }
        return List.copyOf(curve);
      });
    });
  }

  /** A data row read: why it is left out, or what it keeps (made once the row is known to follow on). */
  private record Row<T>(String leftOut, Supplier<T> kept) {
    static <T> Row<T> leftOut(String why) {
      return new Row<>(why, null);
    }

    static <T> Row<T> kept(Supplier<T> value) {
      return new Row<>(null, value);
    }
  }

  /** Reads one data row's cells of {@code date} at {@code lineNo}. */
  @FunctionalInterface
  private interface RowReader<T> {
    Row<T> read(List<String> cells, LocalDate date, int lineNo);
  }

  /**
   * The data rows of a file by date, each read by {@code reader}: blank rows skipped; a row of the
   * wrong width, an unparseable date, a value the reader refuses (added as "... on DATE") or a date
   * not after the last kept one is left out and added to {@code problems}.
   *
   * @throws HistoryFileException when no row is kept
   */
  private <T> NavigableMap<LocalDate, T> rows(String name, List<String> lines, int columns, List<BadRow> problems,
      RowReader<T> reader) {
    DateTimeFormatter fmt = detectDateFormat(name, lines);
    NavigableMap<LocalDate, T> out = new TreeMap<>();
    LocalDate last = null;
    for (int i = 1; i < lines.size(); i++) {
      int lineNo = i + 1;
      Dated d = dated(name, lines.get(i), lineNo, columns, fmt, problems);
      if (d == null) {
        continue;
      }
      Row<T> row = reader.read(d.cells(), d.date(), lineNo);
      if (row.leftOut() != null) {
        problems.add(new BadRow(name, lineNo, row.leftOut() + " on " + d.date()));
        continue;
      }
      if (!followsOn(name, lineNo, last, d.date(), problems)) {
        continue;
      }
      out.put(d.date(), row.kept().get());
      last = d.date();
    }
    if (out.isEmpty()) {
      throw new HistoryFileException(name + ": no usable rows (" + (lines.size() - 1) + " rows, all left out)");
    }
    return out;
  }

  /** Blank, NaN, NA or null: a contract without a close that day. */
  private static boolean isMissing(String cell) {
    String s = cell.strip().toLowerCase(Locale.ROOT);
    return s.isEmpty() || "nan".equals(s) || "na".equals(s) || "n/a".equals(s) || "null".equals(s);
  }

  /**
   * Fills the missing contract {@code k} of {@code v} from its neighbours: halfway between the
   * months before and after (VX expiries are about a month apart, so this is linear in time),
   * the front or the last month flat from its only neighbour.
   *
   * @return what was done, for the report
   */
  static String fillGap(double[] v, int k) {
    String what;
    if (k == 0) {
      v[0] = v[1];
      what = "flat from m2";
    } else if (k == v.length - 1) {
      v[k] = v[k - 1];
      what = "flat from m" + k;
    } else {
      v[k] = (v[k - 1] + v[k + 1]) / 2;
      what = "halfway between m" + k + " and m" + (k + 2);
    }
    return String.format(Locale.ROOT, "m%d missing: filled in with %.4f (%s)", k + 1, v[k], what);
  }

  /** A row's cells and its date. */
  private record Dated(List<String> cells, LocalDate date) {
  }

  /**
   * The cells and date of the row {@code raw} at {@code lineNo}; null for a blank row, and null with
   * the problem added for a row of the wrong column count or an unparseable date.
   */
  private static Dated dated(String name, String raw, int lineNo, int columns, DateTimeFormatter fmt,
      List<BadRow> problems) {
    if (raw.isBlank()) {
      return null;
    }
    List<String> c = cells(raw);
    if (c.size() != columns) {
      problems.add(new BadRow(name, lineNo, "expected " + columns + " columns, but found " + c.size()
          + " in '" + raw.strip() + "'"));
      return null;
    }
    try {
      return new Dated(c, LocalDate.parse(c.get(0), fmt));
    } catch (DateTimeParseException e) {
      problems.add(new BadRow(name, lineNo, "unparseable date '" + c.get(0) + "'"));
      return null;
    }
  }

  /**
   * Whether {@code date} comes after {@code last} (the previous kept row's, null for the first);
   * a repeated or earlier date is added as a problem, the trading days skipped since are reported.
   */
  private boolean followsOn(String name, int lineNo, LocalDate last, LocalDate date, List<BadRow> problems) {
    if (last != null && !date.isAfter(last)) {
      problems.add(new BadRow(name, lineNo, "date " + date + (date.equals(last) ? " repeats" : " goes back from "
          + last)));
      return false;
    }
    if (last != null) {
      reportGaps(name, lineNo, last, date, problems);
    }
    return true;
  }

  private void reportGaps(String name, int lineNo, LocalDate last, LocalDate date, List<BadRow> problems) {
    for (LocalDate d = last.plusDays(1); d.isBefore(date); d = d.plusDays(1)) {
      if (tradingDay.test(d)) {
        problems.add(new BadRow(name, lineNo, "missing trading day " + d + " (between " + last + " and " + date
            + ")"));
      }
    }
  }

  private static String number(String text, String column, double[] into, int k) {
    try {
      double x = Double.parseDouble(text);
      if (!(x > 0) || Double.isInfinite(x)) {
        return column + " must be a positive number, but was '" + text + "'";
      }
      into[k] = x;
      return null;
    } catch (NumberFormatException e) {
      return "unparseable " + column + " '" + text + "'";
    }
  }

  /** ISO unless the first data row's date has slashes (Cboe's MM/DD/YYYY). */
  private static DateTimeFormatter detectDateFormat(String name, List<String> lines) {
    for (int i = 1; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        return cells(lines.get(i)).get(0).contains("/") ? CBOE_DATE : DateTimeFormatter.ISO_LOCAL_DATE;
      }
    }
    throw new HistoryFileException(name + ": no data rows after the header");
  }

  private static List<String> read(Path file) {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw new HistoryFileException(name + ": missing (looked for " + file + ")");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HistoryFileException(name + ": cannot be read: " + e.getMessage());
    }
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      throw new HistoryFileException(name + ": empty file (no header)");
    }
    if (lines.get(0).startsWith("\uFEFF")) {
      lines.set(0, lines.get(0).substring(1));
    }
    return lines;
  }

  private static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    for (String s : line.split(",", -1)) {
      out.add(s.strip().replace("\"", ""));
    }
    return out;
  }
}
