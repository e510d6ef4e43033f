package dev.alvh.paper.chains;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.paper.history.HistoryFileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a folder of SPX/SPXW option chain files into a {@link ChainIndex}.
 *
 * <p>Files: every {@code *.csv}, {@code *.txt}, {@code *.csv.gz}, {@code *.txt.gz} and
 * {@code *.zip} (each CSV or TXT inside) of the folder, in name order; other files (a README)
 * are ignored. Each file's layout is detected from its header ({@link ChainLayout}); the rows
 * are read one at a time with jackson-dataformat-csv, so a file is never held in memory.
 *
 * <p>A row that cannot be read stops the load with one line naming the file, the line, the
 * column and the value ({@link HistoryFileException}, which the replay turns into exit 2): a
 * wrong column count, a date or number that does not parse, a strike of 0 or less, an unknown
 * option type, a negative bid or ask, an expiration before the quote date, or a contract that
 * repeats. A file whose header matches no layout, an empty file and a folder without chain
 * files stop it too.
 *
 * <p>Rows that are readable but quote nothing usable are left out and counted
 * ({@link Report#leftOut()}): other roots than SPX and SPXW (a DataShop file holds SPXQ, SRO,
 * ...), no offer (ask empty or 0), a crossed quote (ask below the bid).
 */
public final class ChainFiles {

  private static final Logger LOG = LoggerFactory.getLogger(ChainFiles.class);
  private static final CsvMapper CSV = new CsvMapper();

  private ChainFiles() {
  }

  /**
   * What a load read.
   *
   * @param files     each file read and its layout
   * @param rows      data rows read
   * @param quotes    quotes kept
   * @param leftOut   rows (or OptionsDX sides) left out, by reason
   * @param dates     quote dates with quotes
   * @param elapsedMs wall time of the load, milliseconds
   */
  public record Report(Map<String, ChainLayout> files, long rows, long quotes, Map<String, Long> leftOut,
      int dates, long elapsedMs) {
  }

  /**
   * The quotes and what was read.
   *
   * @param index  the quotes
   * @param report the counts
   */
  public record Loaded(ChainIndex index, Report report) {
  }

  /**
   * Reads every chain file of {@code dir}.
   *
   * @throws HistoryFileException naming the file and line of the first bad row, or the bad folder
   */
  public static Loaded load(Path dir) {
    long started = System.nanoTime();
    if (!Files.isDirectory(dir)) {
      throw new HistoryFileException("options folder " + dir + " does not exist or is not a folder");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> Files.isRegularFile(p) && isChainFile(p.getFileName().toString())).sorted().toList();
    } catch (IOException e) {
      throw new HistoryFileException("options folder " + dir + " cannot be listed: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new HistoryFileException("options folder " + dir + " has no chain files (*.csv, *.txt, *.gz, *.zip)");
    }
    Loader loader = new Loader();
    for (Path f : files) {
      loader.file(f);
    }
    ChainIndex index = new ChainIndex(loader.store);
    Report r = new Report(loader.layouts, loader.rows, loader.quotes, loader.leftOut, index.dates().size(),
        (System.nanoTime() - started) / 1_000_000);
    LOG.info("option chains of {}: {} quotes on {} dates from {} rows of {} files in {} ms{}", dir, r.quotes(),
        r.dates(), r.rows(), r.files().size(), r.elapsedMs(), r.leftOut().isEmpty() ? "" : "; left out " + r.leftOut());
    return new Loaded(index, r);
  }

  /**
   * Reads one chain file (or a CSV stream named {@code name}) into a new index; for tests and tools.
   *
   * @throws HistoryFileException naming the file and line of the first bad row
   */
  public static Loaded load(String name, Reader in) {
    long started = System.nanoTime();
    Loader loader = new Loader();
    loader.read(name, in);
    ChainIndex index = new ChainIndex(loader.store);
    return new Loaded(index, new Report(loader.layouts, loader.rows, loader.quotes, loader.leftOut,
        index.dates().size(), (System.nanoTime() - started) / 1_000_000));
  }

  /** Reads the next row into {@code cells} and its line into {@code line[0]}; false at the end. */
  private static boolean nextRow(JsonParser p, List<String> cells, int[] line) throws IOException {
    cells.clear();
    line[0] = -1;
    JsonToken t;
    while ((t = p.nextToken()) != null) {
      if (t == JsonToken.START_ARRAY) {
        line[0] = -1;
      } else if (t == JsonToken.END_ARRAY) {
        return true;
      } else {
        if (line[0] < 0) {
          line[0] = p.currentTokenLocation().getLineNr();
        }
        cells.add(p.getText());
      }
    }
    return false;
  }

  private static boolean isChainFile(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".csv") || n.endsWith(".txt") || n.endsWith(".csv.gz") || n.endsWith(".txt.gz")
        || n.endsWith(".zip");
  }

  /** The state of one load. */
  private static final class Loader {
    final NavigableMap<LocalDate, Map<String, NavigableMap<LocalDate, ExpiryChain>>> store = ChainIndex.newStore();
    final Map<String, ChainLayout> layouts = new LinkedHashMap<>();
    final Map<String, Long> leftOut = new TreeMap<>();
    final Map<String, LocalDate> dateCache = new HashMap<>();
    final Map<String, BigDecimal> numberCache = new HashMap<>();
    long rows;
    long quotes;

    void file(Path f) {
      String name = f.getFileName().toString();
      String lower = name.toLowerCase(Locale.ROOT);
      try (InputStream raw = Files.newInputStream(f)) {
        if (lower.endsWith(".zip")) {
          try (ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry e;
            boolean any = false;
            while ((e = zip.getNextEntry()) != null) {
              String inner = e.getName().toLowerCase(Locale.ROOT);
              if (!e.isDirectory() && (inner.endsWith(".csv") || inner.endsWith(".txt"))) {
                any = true;
                // The CSV reader closes its input at the end; the zip's next entry still has to be read.
                read(name + "!" + e.getName(), reader(new java.io.FilterInputStream(zip) {
                  @Override
                  public void close() {
                  }
                }));
              }
            }
            if (!any) {
              throw new HistoryFileException(name + ": the zip file holds no .csv or .txt file");
            }
          }
        } else if (lower.endsWith(".gz")) {
          read(name, reader(new GZIPInputStream(raw)));
        } else {
          read(name, reader(raw));
        }
      } catch (IOException e) {
        throw new HistoryFileException(name + ": cannot be read: " + e.getMessage());
      }
    }

    private static Reader reader(InputStream in) {
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    void read(String name, Reader in) {
      // Token by token: each CSV row is an array of strings; the line of its first cell is the row's line.
      try (JsonParser p = CSV.getFactory().createParser(in)) {
        ((CsvParser) p).enable(CsvParser.Feature.TRIM_SPACES);
        List<String> cells = new ArrayList<>();
        int[] at = new int[1];
        if (!nextRow(p, cells, at)) {
          throw new HistoryFileException(name + ": empty file, no header");
        }
        String[] header = cells.toArray(String[]::new);
        Map<String, Integer> cols = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
          cols.putIfAbsent(ChainLayout.normalize(header[i]), i);
        }
        ChainLayout layout = ChainLayout.detect(cols);
        if (layout == null) {
          throw new HistoryFileException(name + ": the header matches no option chain layout (Cboe DataShop Option"
              + " EOD Summary, OptionsDX, or quote_date,root,expiration,type,strike,bid,ask), but was '"
              + String.join(",", header) + "'");
        }
        layouts.put(name, layout);
        Row row = new Row(name, header.length, cols);
        long before = rows;
        while (nextRow(p, cells, at)) {
          if (cells.size() == 1 && cells.get(0).isBlank()) {
            continue;
          }
          row.set(cells.toArray(String[]::new), at[0]);
          rows++;
          switch (layout) {
            case CBOE_DATASHOP -> dataShop(row);
            case OPTIONSDX -> optionsDx(row);
            case SAMPLE_2019 -> sample(row);
            default -> throw new IllegalStateException("unknown layout " + layout);
          }
        }
        if (rows == before) {
          LOG.warn("option chain file {} has a header and no rows", name);
        }
      } catch (IOException e) {
        throw new HistoryFileException(name + ": cannot be read as CSV: " + e.getMessage());
      } catch (UncheckedIOException e) {
        throw new HistoryFileException(name + ": cannot be read as CSV: " + e.getCause().getMessage());
      } catch (RuntimeException e) {
        if (e instanceof HistoryFileException) {
          throw e;
        }
        // Jackson's CSV reader signals a malformed row (an unclosed quote) with a runtime exception.
        throw new HistoryFileException(name + ": cannot be read as CSV: " + e.getMessage());
      }
    }

    private void dataShop(Row r) {
      Series q = series(r, "option_type", true, "is not C or P");
      double under = r.has("active_underlying_price_1545") ? r.positiveOrNaN("active_underlying_price_1545")
          : Double.NaN;
      if (Double.isNaN(under) && r.has("underlying_bid_1545") && r.has("underlying_ask_1545")) {
        double b = r.positiveOrNaN("underlying_bid_1545");
        double a = r.positiveOrNaN("underlying_ask_1545");
        under = Double.isNaN(b) ? a : Double.isNaN(a) ? b : (a + b) / 2;
      }
      if (Double.isNaN(under)) {
        throw r.bad("active_underlying_price_1545", r.has("active_underlying_price_1545")
            ? r.text("active_underlying_price_1545") : "", "is missing, and so is the underlying bid/ask at 15:45");
      }
      double iv = r.has("implied_volatility_1545") ? r.positiveOrNaN("implied_volatility_1545") : Double.NaN;
      add(r, q.day(), q.root(), q.expiry(), q.strike(), q.right(), "bid_1545", "ask_1545", under, iv);
    }

    /**
     * The series of a row of the layouts with quote_date, root, expiration and strike columns, read
     * in that order, and its right from {@code typeColumn} (C, CALL, P or PUT in any case); a bad
     * right is named as the column holds it in upper ({@code upper}) or lower case.
     */
    private Series series(Row r, String typeColumn, boolean upper, String notARight) {
      LocalDate day = r.date("quote_date");
      String root = r.text("root").toUpperCase(Locale.ROOT);
      LocalDate expiry = r.date("expiration");
      BigDecimal strike = r.strike("strike");
      String t = upper ? r.text(typeColumn).toUpperCase(Locale.ROOT) : r.text(typeColumn).toLowerCase(Locale.ROOT);
      OptionRight right = switch (t.toUpperCase(Locale.ROOT)) {
        case "C", "CALL" -> OptionRight.CALL;
        case "P", "PUT" -> OptionRight.PUT;
        default -> throw r.bad(typeColumn, t, notARight);
      };
      return new Series(day, root, expiry, strike, right);
    }

    private void optionsDx(Row r) {
      LocalDate day = r.date("quote_date");
      LocalDate expiry = r.date("expire_date");
      BigDecimal strike = r.strike("strike");
      double under = r.positiveOrNaN("underlying_last");
      if (Double.isNaN(under)) {
        throw r.bad("underlying_last", r.text("underlying_last"), "is missing");
      }
      double civ = r.has("c_iv") ? r.positiveOrNaN("c_iv") : Double.NaN;
      double piv = r.has("p_iv") ? r.positiveOrNaN("p_iv") : Double.NaN;
      add(r, day, OptionContract.SPXW, expiry, strike, OptionRight.CALL, "c_bid", "c_ask", under, civ);
      add(r, day, OptionContract.SPXW, expiry, strike, OptionRight.PUT, "p_bid", "p_ask", under, piv);
    }

    private void sample(Row r) {
      Series q = series(r, "type", false, "is not call or put");
      String col = r.has("underlying_snapshot") ? "underlying_snapshot"
          : r.has("underlying_last") ? "underlying_last" : "underlying_close";
      if (!r.has(col)) {
        throw new HistoryFileException(r.file + ": no underlying column (underlying_snapshot, underlying_last or"
            + " underlying_close)");
      }
      double under = r.positiveOrNaN(col);
      if (Double.isNaN(under)) {
        throw r.bad(col, r.text(col), "is missing");
      }
      add(r, q.day(), q.root(), q.expiry(), q.strike(), q.right(), "bid", "ask", under, Double.NaN);
    }

    private void add(Row r, LocalDate day, String root, LocalDate expiry, BigDecimal strike, OptionRight right,
        String bidCol, String askCol, double under, double iv) {
      if (expiry.isBefore(day)) {
        throw r.bad(r.layoutExpiryColumn(), expiry.toString(), "is before the quote date " + day);
      }
      BigDecimal bid = r.priceOrNull(bidCol);
      BigDecimal ask = r.priceOrNull(askCol);
      if (!OptionContract.SPXW.equals(root) && !OptionContract.SPX_AM.equals(root)) {
        count("root " + root + " (not SPX or SPXW)");
        return;
      }
      if (ask == null || ask.signum() == 0) {
        count("no offer (ask empty or 0)");
        return;
      }
      if (bid == null) {
        bid = BigDecimal.ZERO;
      }
      if (ask.compareTo(bid) < 0) {
        count("crossed (ask below bid)");
        return;
      }
      ExpiryChain chain = ChainIndex.chainIn(store, day, root, expiry);
      ChainQuote q = new ChainQuote(strike, right, bid, ask, under, iv, r.file, r.line);
      ChainQuote before = chain.add(q);
      if (before != null) {
        throw new HistoryFileException(r.file + " line " + r.line + ": " + root + " " + expiry + " " + strike
            .toPlainString() + " " + right + " on " + day + " repeats (first at " + before.where() + ")");
      }
      quotes++;
    }

    private void count(String reason) {
      leftOut.merge(reason, 1L, Long::sum);
    }

    /** One data row being read. */
    /** The quote date and the series of one row. */
    private record Series(LocalDate day, String root, LocalDate expiry, BigDecimal strike, OptionRight right) {
    }

    private final class Row {
      final String file;
      final int width;
      final Map<String, Integer> cols;
      String[] cells;
      int line;

      Row(String file, int width, Map<String, Integer> cols) {
        this.file = file;
        this.width = width;
        this.cols = cols;
      }

      void set(String[] c, int lineNo) {
        this.cells = c;
        this.line = lineNo;
        if (c.length != width) {
          throw new HistoryFileException(file + " line " + lineNo + ": expected " + width + " columns, but found "
              + c.length);
        }
      }

      boolean has(String col) {
        return cols.containsKey(col);
      }

      String text(String col) {
        return cells[cols.get(col)].strip();
      }

      String layoutExpiryColumn() {
        return has("expire_date") ? "expire_date" : "expiration";
      }

      HistoryFileException bad(String col, String value, String why) {
        return new HistoryFileException(file + " line " + line + ": column " + col + " '" + value + "' " + why);
      }

      /** An ISO date, or an ISO date and time (the time is dropped). */
      LocalDate date(String col) {
        String v = text(col);
        LocalDate d = dateCache.get(v);
        if (d != null) {
          return d;
        }
        String s = v.length() > 10 && (v.charAt(10) == ' ' || v.charAt(10) == 'T') ? v.substring(0, 10) : v;
        try {
          d = LocalDate.parse(s);
        } catch (DateTimeParseException e) {
          throw bad(col, v, "is not a date YYYY-MM-DD");
        }
        dateCache.put(v, d);
        return d;
      }

      BigDecimal number(String col, String v) {
        BigDecimal n = numberCache.get(v);
        if (n == null) {
          try {
            n = new BigDecimal(v).stripTrailingZeros();
          } catch (NumberFormatException e) {
            throw bad(col, v, "is not a number");
          }
          if (numberCache.size() < 200_000) {
            numberCache.put(v, n);
          }
        }
        return n;
      }

      BigDecimal strike(String col) {
        BigDecimal k = number(col, text(col));
        if (k.signum() <= 0) {
          throw bad(col, text(col), "is not above 0");
        }
        return k;
      }

      /** A price, or null when the cell is empty. */
      BigDecimal priceOrNull(String col) {
        String v = text(col);
        if (v.isEmpty()) {
          return null;
        }
        BigDecimal p = number(col, v);
        if (p.signum() < 0) {
          throw bad(col, v, "is negative");
        }
        return p;
      }

      /** A positive number, or NaN when the cell is empty or 0. */
      double positiveOrNaN(String col) {
        String v = text(col);
        if (v.isEmpty()) {
          return Double.NaN;
        }
        double d;
        try {
          d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
          throw bad(col, v, "is not a number");
        }
        if (!Double.isFinite(d) || d < 0) {
          throw bad(col, v, "is not a number of 0 or more");
        }
        return d == 0 ? Double.NaN : d;
      }
    }
  }
}
