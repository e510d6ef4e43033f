package dev.alvh.app.report;

import dev.alvh.app.replay.DayGreeks;
import dev.alvh.app.replay.BookMetrics;
import dev.alvh.app.replay.HedgeStudyMeasures;
import dev.alvh.app.replay.Metrics;
import dev.alvh.app.replay.VolatilityCycles;
import dev.alvh.core.hedge.HedgeState;
import java.math.RoundingMode;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.app.engine.Book;
import dev.alvh.app.replay.BookRun;
import dev.alvh.app.replay.Replay;
import dev.alvh.app.replay.ReplayQueries;
import dev.alvh.app.replay.ReplaySummary;
import dev.alvh.core.port.Clock;
import dev.alvh.paper.market.DailyBar;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a replay's report folder: {@code report.html} (opens offline: inline CSS, images by
 * relative path), PNG charts drawn with XChart ({@link #CHARTS}), {@code summary.json},
 * {@code trades.csv} (every fill of every book) and {@code transitions.csv} (every hedge transition
 * of every book, one column per signal). The page has the books' measures, monthly returns, days
 * per hedge state, exit reasons, the ALVH book's round trips, the charts, and any further
 * {@link Section} a caller adds. Every book the replay ran is shown; none is assumed.
 */
public final class ReportWriter {

  /** The chart files, in the order the page shows them. */
  public static final List<String> CHARTS = List.of("equity.png", "drawdown.png", "rolling-sharpe.png",
      "vix-hedge.png", "greeks.png", "exit-reasons.png");

  /**
   * A further section of {@code report.html}, written by another part of the bot (e.g. a
   * market-model study): it writes its own files into the report folder and returns its HTML.
   */
  public interface Section {

    /** The section's heading. */
    String title();

    /**
     * Writes the section's files into {@code dir} and returns its HTML body (no heading; images
     * by relative path, no external resource).
     *
     * @throws IOException when a file cannot be written
     */
    String html(Path dir) throws IOException;
  }

  private static final int WIDTH = 1100;
  private static final int HEIGHT = 460;
  /** Line colours of the books, by key; a book not listed takes the next colour of {@link #SPARE_COLORS}. */
  private static final Map<String, Color> BOOK_COLORS = Map.of(Book.ALVH.key(), new Color(0x1f, 0x77, 0xb4),
      Book.UNHEDGED.key(), new Color(0xd6, 0x27, 0x28), Book.RIGID.key(), new Color(0x2c, 0xa0, 0x2c),
      Book.BASE.key(), new Color(0x94, 0x67, 0xbd));
  private static final List<Color> SPARE_COLORS = List.of(new Color(0xff, 0x7f, 0x0e), new Color(0x94, 0x67, 0xbd),
      new Color(0x8c, 0x56, 0x4b), new Color(0x7f, 0x7f, 0x7f), new Color(0x17, 0xbe, 0xcf));
  /** Band colours of the hedge states, light enough to read the VIX line over them; every state has one. */
  static final Map<String, Color> STATE_COLORS = new LinkedHashMap<>();

  static {
    STATE_COLORS.put(HedgeState.CALM.name(), new Color(0xa6, 0xdb, 0xa0, 110));
    STATE_COLORS.put(HedgeState.WATCH.name(), new Color(0xff, 0xe0, 0x8a, 150));
    STATE_COLORS.put(HedgeState.L1.name(), new Color(0xfd, 0xb4, 0x62, 150));
    STATE_COLORS.put(HedgeState.L2.name(), new Color(0xf4, 0x6d, 0x43, 150));
    STATE_COLORS.put(HedgeState.L3.name(), new Color(0xd7, 0x30, 0x27, 150));
    STATE_COLORS.put(HedgeState.PRESS.name(), new Color(0x9e, 0x6b, 0xd1, 150));
    STATE_COLORS.put(HedgeState.UNWIND.name(), new Color(0x74, 0xad, 0xd1, 150));
    for (HedgeState h : HedgeState.values()) {
      if (!STATE_COLORS.containsKey(h.name())) {
        throw new IllegalStateException("hedge state " + h + " has no band colour");
      }
    }
  }

  private final ObjectMapper json = new ObjectMapper();

  /**
   * Writes the report of {@code result} into {@code dir} (created if needed).
   *
   * @param summaryJson the JSON summary, exactly as {@code --json} prints it
   * @throws UncheckedIOException when a file cannot be written
   */
  public void write(Replay.ReplayResult result, String summaryJson, Path dir) {
    write(result, summaryJson, dir, List.of());
  }

  /**
   * Writes the report of {@code result} into {@code dir} (created if needed), with {@code extra}
   * sections after the replay's own.
   *
   * @param summaryJson the JSON summary, exactly as {@code --json} prints it
   * @throws UncheckedIOException when a file cannot be written
   */
  public void write(Replay.ReplayResult result, String summaryJson, Path dir, List<Section> extra) {
    write(result, summaryJson, dir, extra, dev.alvh.core.config.ReplayConfig.DEFAULT_ROLLING_SHARPE_DAYS);
  }

  /**
   * Writes the report of {@code result} into {@code dir} (created if needed), with {@code extra}
   * sections after the replay's own and a rolling Sharpe ratio over {@code rollingSharpeDays}.
   *
   * @param summaryJson the JSON summary, exactly as {@code --json} prints it
   * @throws UncheckedIOException when a file cannot be written
   */
  public void write(Replay.ReplayResult result, String summaryJson, Path dir, List<Section> extra,
      int rollingSharpeDays) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("summary.json"), summaryJson + System.lineSeparator(), StandardCharsets.UTF_8);
      writeTrades(result, dir.resolve("trades.csv"));
      writeTransitions(result, dir.resolve("transitions.csv"));
      System.setProperty("java.awt.headless", "true");
      List<org.knowm.xchart.internal.chartpart.Chart<?, ?>> charts = charts(result, rollingSharpeDays);
      // Each chart is its own object; drawing them side by side uses the second core.
      java.util.stream.IntStream.range(0, charts.size()).parallel().forEach(i -> {
        try {
          BitmapEncoder.saveBitmap(charts.get(i), dir.resolve(CHARTS.get(i)).toString(),
              BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      StringBuilder more = new StringBuilder();
      for (Section sec : extra) {
        more.append("<h2>").append(esc(sec.title())).append("</h2>\n").append(sec.html(dir)).append('\n');
      }
      Files.writeString(dir.resolve("report.html"), html(result, rollingSharpeDays, more.toString()),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The charts of {@link #CHARTS}, in that order, not yet drawn. */
  static List<org.knowm.xchart.internal.chartpart.Chart<?, ?>> charts(Replay.ReplayResult r, int rollingSharpeDays) {
    DateAxis axis = axis(r);
    return List.of(equityChart(r, axis), drawdownChart(r, axis), rollingSharpeChart(r, axis, rollingSharpeDays),
        vixChart(r, axis), greeksChart(r, axis), exitReasonsChart(r));
  }

  /** The date axis of the replayed range. */
  static DateAxis axis(Replay.ReplayResult r) {
    LocalDate from = r.bars().isEmpty() ? null : r.bars().get(0).date();
    LocalDate to = r.bars().isEmpty() ? null : r.bars().get(r.bars().size() - 1).date();
    return DateAxis.forRange(from, to);
  }

  // ---- CSV ------------------------------------------------------------------------------------

  private static void writeTrades(Replay.ReplayResult r, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("book,time,orderRef,purpose,contract,side,qty,price,commission\n");
      for (BookRun b : r.books().values()) {
        for (ReplayQueries.Trade t : b.trades()) {
          w.write(csv(b.book().key(), time(t.time()), t.orderRef(), t.purpose(), t.contract(), t.side(),
              Integer.toString(t.quantity()), t.price().toPlainString(), t.commission().toPlainString()));
        }
      }
    }
  }

  private void writeTransitions(Replay.ReplayResult r, Path file) throws IOException {
    Set<String> signalNames = new LinkedHashSet<>();
    List<Map<String, String>> parsed = new ArrayList<>();
    for (BookRun b : r.books().values()) {
      for (ReplayQueries.Transition t : b.transitions()) {
        Map<String, String> signals = flatten(t.signals());
        signalNames.addAll(signals.keySet());
        parsed.add(signals);
      }
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      List<String> header = new ArrayList<>(List.of("book", "time", "from", "to", "rule"));
      header.addAll(signalNames);
      w.write(csv(header.toArray(String[]::new)));
      int i = 0;
      for (BookRun b : r.books().values()) {
        for (ReplayQueries.Transition t : b.transitions()) {
          Map<String, String> signals = parsed.get(i++);
          List<String> row = new ArrayList<>(List.of(b.book().key(), time(t.time()), t.from(), t.to(), t.rule()));
          signalNames.forEach(n -> row.add(signals.getOrDefault(n, "")));
          w.write(csv(row.toArray(String[]::new)));
        }
      }
    }
  }

  /** The signals JSON as name to value, nested objects as {@code a.b}; text that is not JSON as one column. */
  Map<String, String> flatten(String signals) {
    Map<String, String> out = new LinkedHashMap<>();
    if (signals == null || signals.isBlank()) {
      return out;
    }
    try {
      flatten("", json.readTree(signals), out);
    } catch (IOException e) {
      out.put("signals", signals);
    }
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else {
      out.put(prefix.isEmpty() ? "signals" : prefix, node.isValueNode() ? node.asText() : node.toString());
    }
  }

  static String csv(String... cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i] == null ? "" : cells[i];
      if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
        c = '"' + c.replace("\"", "\"\"") + '"';
      }
      sb.append(i == 0 ? "" : ",").append(c);
    }
    return sb.append('\n').toString();
  }

  private static String time(java.time.Instant t) {
    return t.atZone(Clock.MARKET_ZONE).toOffsetDateTime().toString();
  }

  // ---- charts ---------------------------------------------------------------------------------

  private static XYChart chart(String title, String yTitle, DateAxis axis) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("date").yAxisTitle(yTitle)
        .build();
    org.knowm.xchart.style.XYStyler s = c.getStyler();
    s.setLegendPosition(Styler.LegendPosition.InsideNW);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotGridLinesColor(new Color(0xe0, 0xe0, 0xe0));
    s.setYAxisDecimalPattern("#,##0.##");
    axis.applyTo(c);
    return c;
  }

  /** The line colour of {@code book} (its position among the report's books picks a spare colour). */
  static Color bookColor(Replay.ReplayResult r, Book book) {
    Color c = BOOK_COLORS.get(book.key());
    if (c != null) {
      return c;
    }
    int spare = 0;
    for (Book b : r.books().keySet()) {
      if (b == book) {
        break;
      }
      if (!BOOK_COLORS.containsKey(b.key())) {
        spare++;
      }
    }
    return SPARE_COLORS.get(spare % SPARE_COLORS.size());
  }

  private static NavigableMap<LocalDate, BigDecimal> equity(BookRun b) {
    NavigableMap<LocalDate, BigDecimal> out = new TreeMap<>();
    b.snapshots().forEach(s -> out.put(s.date(), s.equity()));
    return out;
  }

  private static XYChart equityChart(Replay.ReplayResult r, DateAxis axis) {
    XYChart c = chart("Equity of each book (net liquidation, USD)", "USD", axis);
    c.getStyler().setYAxisDecimalPattern("#,##0");
    for (BookRun b : r.books().values()) {
      lineOf(c, b.book().key(), equity(b), BigDecimal::doubleValue, axis, bookColor(r, b.book()));
    }
    return c;
  }

  private static XYChart drawdownChart(Replay.ReplayResult r, DateAxis axis) {
    XYChart c = chart("Drawdown from the running peak (% of equity)", "%", axis);
    c.getStyler().setYAxisDecimalPattern("0.0");
    for (BookRun b : r.books().values()) {
      lineOf(c, b.book().key(), Metrics.drawdowns(equity(b)), v -> v, axis, bookColor(r, b.book()));
    }
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
    return c;
  }

  private static XYChart rollingSharpeChart(Replay.ReplayResult r, DateAxis axis, int days) {
    XYChart c = chart("Rolling Sharpe ratio over " + days + " trading days (annualized, risk-free 0)", "Sharpe",
        axis);
    c.getStyler().setYAxisDecimalPattern("0.0");
    for (BookRun b : r.books().values()) {
      lineOf(c, b.book().key(), Metrics.rollingSharpe(equity(b), days), v -> v, axis, bookColor(r, b.book()));
    }
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
    return c;
  }

  private static XYChart greeksChart(Replay.ReplayResult r, DateAxis axis) {
    BookRun alvh = r.books().get(Book.ALVH);
    XYChart c = chart("Greeks of the ALVH book at each day's end (USD)", "USD", axis);
    c.getStyler().setYAxisDecimalPattern("#,##0");
    NavigableMap<LocalDate, DayGreeks> g = alvh == null ? new TreeMap<>() : alvh.greeks();
    lineOf(c, "SPX delta: USD per 1% SPX rise", g, DayGreeks::spxDeltaUsdPerPct, axis, new Color(0x1f, 0x77, 0xb4));
    lineOf(c, "VIX-option delta: USD per VX point", g, DayGreeks::vixDeltaUsdPerPt, axis, new Color(0x9e, 0x6b, 0xd1));
    lineOf(c, "vega: USD per vol point", g, DayGreeks::vegaUsdPerVolPt, axis, new Color(0xd6, 0x27, 0x28));
    lineOf(c, "theta: USD per day", g, DayGreeks::thetaUsdPerDay, axis, new Color(0x2c, 0xa0, 0x2c));
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
    return c;
  }

  private static CategoryChart exitReasonsChart(Replay.ReplayResult r) {
    CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title("How condor positions ended, by book (roll: sides rolled)").xAxisTitle("exit reason")
        .yAxisTitle("count").build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setPlotBackgroundColor(Color.WHITE);
    c.getStyler().setPlotGridLinesColor(new Color(0xe0, 0xe0, 0xe0));
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    c.getStyler().setYAxisDecimalPattern("#,##0");
    c.getStyler().setLabelsVisible(true);
    c.getStyler().setLabelsFontColorAutomaticEnabled(false);
    c.getStyler().setLabelsFontColor(Color.BLACK);
    List<String> reasons = exitReasonKeys(r);
    for (BookRun b : r.books().values()) {
      List<Double> counts = reasons.stream().map(k -> (double) b.exitReasons().getOrDefault(k, 0L)).toList();
      CategorySeries s = c.addSeries(b.book().key(), reasons, counts);
      s.setFillColor(bookColor(r, b.book()));
    }
    return c;
  }

  /** The exit reason keys any book has, in the order they first appear. */
  private static List<String> exitReasonKeys(Replay.ReplayResult r) {
    Set<String> keys = new LinkedHashSet<>();
    r.books().values().forEach(b -> keys.addAll(b.exitReasons().keySet()));
    return keys.isEmpty() ? List.of("none") : List.copyOf(keys);
  }

  private static XYChart vixChart(Replay.ReplayResult r, DateAxis axis) {
    BookRun alvh = r.books().get(Book.ALVH);
    XYChart c = chart("VIX close with the ALVH book's hedge state as bands", "VIX", axis);
    c.getStyler().setYAxisDecimalPattern("0");
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    c.getStyler().setMarkerSize(11);
    double top = 0;
    for (DailyBar b : r.bars()) {
      top = Math.max(top, b.vixClose());
    }
    top = Math.ceil(top / 5) * 5 + 5;
    Map<LocalDate, String> stateByDay = new LinkedHashMap<>();
    if (alvh != null) {
      alvh.snapshots().forEach(s -> stateByDay.put(s.date(), s.hedgeState()));
    }
    List<Double> x = new ArrayList<>();
    r.bars().forEach(b -> x.add(axis.x(b.date())));
    if (x.isEmpty()) {
      x.add(0.0);
    }
    for (Map.Entry<String, Color> st : STATE_COLORS.entrySet()) {
      List<Double> y = new ArrayList<>();
      boolean any = false;
      for (DailyBar b : r.bars()) {
        boolean in = st.getKey().equals(stateByDay.get(b.date()));
        any |= in;
        y.add(in ? top : 0.0);
      }
      if (any) {
        // A day's band spans from its close to the next day's (a step drawn from each point).
        XYSeries s = c.addSeries("band " + st.getKey(), x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        s.setFillColor(st.getValue());
        s.setLineColor(new Color(0, 0, 0, 0));
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
      }
      // The legend entry: a square of the band's colour (an area series' legend shows only its line),
      // for every state whether or not the run visited it; its one point lies below the plot.
      XYSeries key = c.addSeries(st.getKey() + (any ? "" : " (not visited)"), List.of(x.get(0)), List.of(-top));
      key.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      key.setMarker(SeriesMarkers.SQUARE);
      key.setMarkerColor(opaqueOnWhite(st.getValue()));
    }
    List<Double> y = new ArrayList<>();
    r.bars().forEach(b -> y.add(b.vixClose()));
    XYSeries vix = c.addSeries("VIX close", x, y.isEmpty() ? List.of(0.0) : y);
    vix.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    vix.setMarker(SeriesMarkers.NONE);
    vix.setLineColor(Color.BLACK);
    vix.setLineStyle(SeriesLines.SOLID);
    vix.setLineWidth(1.5f);
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisMax(top);
    return c;
  }

  /** The colour a translucent band shows on the white plot. */
  static Color opaqueOnWhite(Color c) {
    double a = c.getAlpha() / 255.0;
    return new Color((int) Math.round(c.getRed() * a + 255 * (1 - a)), (int) Math.round(c.getGreen() * a + 255 * (1 - a)),
        (int) Math.round(c.getBlue() * a + 255 * (1 - a)));
  }

  private static <T> void lineOf(XYChart c, String name, NavigableMap<LocalDate, T> series,
      java.util.function.Function<T, Double> value, DateAxis axis, Color color) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    series.forEach((d, v) -> {
      x.add(axis.x(d));
      y.add(value.apply(v));
    });
    if (x.isEmpty()) {
      x.add(0.0);
      y.add(0.0);
    }
    XYSeries s = c.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(SeriesLines.SOLID);
  }

  // ---- HTML -----------------------------------------------------------------------------------

  private static String html(Replay.ReplayResult r, int rollingSharpeDays, String extra) {
    ReplaySummary s = r.summary();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>ALVH replay: ")
        .append(esc(s.scenario())).append("</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em auto;")
        .append("max-width:1150px;color:#222;line-height:1.45}\n")
        .append("table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 10px;")
        .append("text-align:right}th:first-child,td:first-child{text-align:left}thead th{background:#f2f2f2}\n")
        .append("td.neg{color:#b00}td.pos{color:#070}table.small td,table.small th{padding:2px 6px;font-size:.9em}\n")
        .append("img{max-width:100%;border:1px solid #ddd;margin:.5em 0}.note{color:#555;font-size:.92em}\n")
        .append("</style></head><body>\n");
    h.append("<h1>ALVH replay: ").append(esc(s.scenario())).append("</h1>\n");
    h.append("<p>").append(s.from()).append(" to ").append(s.to()).append(", ").append(s.tradingDays())
        .append(" trading days; cycles per day: ").append(esc(s.cyclesPerDay())).append("; ")
        .append(s.cycles()).append(" cycles per book; ").append(s.elapsedMs()).append(" ms wall time (")
        .append(String.format(Locale.ROOT, "%.0f", s.cyclesPerSecond())).append(" cycles/s over all books).</p>\n");
    if (s.fillModel() != null) {
      h.append("<p>Fill model: ").append(esc(s.fillModel().description())).append(".</p>\n");
    }
    h.append("<h2 id=\"books\">Books</h2>\n<table><thead><tr><th>measure</th>");
    s.books().keySet().forEach(k -> h.append("<th>").append(esc(k)).append("</th>"));
    h.append("</tr></thead><tbody>\n");
    row(h, s, "total return %", m -> fmt(m.totalReturn()));
    row(h, s, "CAGR %", m -> fmt(m.cagr()));
    row(h, s, "max drawdown, % of equity", m -> fmt(m.maxDrawdownPct()));
    row(h, s, "max drawdown, % of condor risk capital", m -> fmt(m.maxDrawdownRiskPct()));
    row(h, s, "condor risk capital (peak summed max loss), USD", m -> money(m.riskCapital()));
    row(h, s, "Sharpe (daily, annualized, rf 0)", m -> fmt(m.sharpe()));
    row(h, s, "Sortino (daily, annualized, rf 0)", m -> fmt(m.sortino()));
    row(h, s, "worst month", m -> m.worstMonth() == null ? "" : m.worstMonth().month() + " "
        + fmt(m.worstMonth().returnPct()) + "%");
    row(h, s, "hedge premium spent, USD", m -> money(m.hedgePremium()));
    row(h, s, "hedge P&amp;L, USD", m -> money(m.hedgePnl()));
    row(h, s, "layers engaged per volatility cycle", m -> m.layersPerCycle().toString());
    row(h, s, "final equity, USD", m -> money(m.finalEquity()));
    row(h, s, "tranches opened", m -> Long.toString(m.tranchesOpened()));
    row(h, s, "orders sent / leg fills", m -> m.ordersSent() + " / " + m.fills());
    row(h, s, "realized condor P&amp;L, USD", m -> money(m.condorPnl()));
    row(h, s, "CAGR / max drawdown", m -> String.format(Locale.ROOT, "%.4f", m.cagrOverMaxDrawdown()));
    row(h, s, "max drawdown, USD", m -> money(m.maxDrawdownUsd()));
    row(h, s, "condor credit received, USD", m -> money(m.condorCredit()));
    row(h, s, "hedge net cost, USD", m -> money(m.hedgeNetCost()));
    row(h, s, "hedge net cost, % of condor credit", m -> fmt(m.hedgeNetCostShareOfCreditPct()));
    row(h, s, "entries refused in L2/L3 / opened in L2/L3", m -> m.entriesBlockedInL2L3() + " / "
        + m.entriesOpenedInL2L3());
    row(h, s, "orders filled / walked to the end unfilled", m -> m.execution().ordersFilled() + " / "
        + m.execution().ordersUnfilled());
    row(h, s, "fills by walk step (0 = at mid)", m -> m.execution().stepsToFill().toString());
    row(h, s, "mean share of the spread paid from the bid, by legs", m -> fmt(m.execution().meanSharePaid()) + " "
        + m.execution().meanSharePaidByLegs());
    h.append("</tbody></table>\n");
    if (s.alvhVsBase() != null) {
      h.append("<p><b>").append(esc(s.alvhVsBase().verdict())).append("</b> (CAGR / max drawdown: alvh ")
          .append(String.format(Locale.ROOT, "%.4f", s.alvhVsBase().alvhCagrOverMaxDd())).append(", base ")
          .append(String.format(Locale.ROOT, "%.4f", s.alvhVsBase().baseCagrOverMaxDd())).append(").</p>\n");
    }
    perYearTable(h, s);
    heldLayers(h, s);
    h.append("<p class=\"note\">Risk capital is the peak, over the run, of the summed maximum loss")
        .append(" ((width &minus; credit) &times; 100 &times; contracts) of the tranches open at a day's end.")
        .append(" Hedge P&amp;L is the signed cash of hedge fills, plus hedge settlements, plus the end mark of")
        .append(" hedge positions still open.</p>\n");
    chartImg(h, "equity.png", "Equity of each book");
    chartImg(h, "drawdown.png", "Drawdown of each book");
    chartImg(h, "rolling-sharpe.png", "Rolling " + rollingSharpeDays + "-day Sharpe ratio of each book");
    monthlyReturns(h, r);
    h.append("<h2 id=\"hedge\">The hedge</h2>\n");
    chartImg(h, "vix-hedge.png", "VIX with the ALVH book's hedge state");
    daysPerState(h, r);
    chartImg(h, "greeks.png", "Greeks of the ALVH book");
    h.append("<p class=\"note\">Greeks at each day's end from the model quotes of the book's positions: SPX")
        .append(" delta in USD for a 1% rise of SPX, VIX-option delta in USD per point of the VX future, vega in")
        .append(" USD per volatility point (SPX and VIX options together), theta in USD per calendar day.</p>\n");
    h.append("<h2 id=\"exits\">Exit reasons</h2>\n");
    chartImg(h, "exit-reasons.png", "Exit reasons by book");
    exitReasons(h, r);
    roundTrips(h, r);
    h.append("<h2 id=\"cycles\">Volatility cycles: ").append(s.volatilityCycles().count()).append("</h2>\n");
    if (s.volatilityCycles().count() > 0) {
      h.append("<table><thead><tr><th>#</th><th>start</th><th>spike</th><th>peak</th><th>peak VIX</th>")
          .append("<th>calm again</th></tr></thead><tbody>\n");
      int i = 1;
      for (VolatilityCycles.VolatilityCycle c : s.volatilityCycles().cycles()) {
        h.append("<tr><td>").append(i++).append("</td><td>").append(c.start()).append("</td><td>").append(c.spike())
            .append("</td><td>").append(c.peak()).append("</td><td>").append(fmt(c.peakVix())).append("</td><td>")
            .append(c.end()).append("</td></tr>\n");
      }
      h.append("</tbody></table>\n");
    }
    h.append(extra);
    h.append("<h2 id=\"files\">Files</h2>\n<ul><li><a href=\"summary.json\">summary.json</a>: the JSON summary</li>\n")
        .append("<li><a href=\"trades.csv\">trades.csv</a>: every fill of every book</li>\n")
        .append("<li><a href=\"transitions.csv\">transitions.csv</a>: every hedge transition, one column per")
        .append(" signal</li></ul>\n");
    if (!s.dataProblems().isEmpty()) {
      h.append("<h2 id=\"data-problems\">History rows left out or filled in: ").append(s.dataProblems().size()).append("</h2>\n<ul>\n");
      s.dataProblems().forEach(p -> h.append("<li>").append(esc(p)).append("</li>\n"));
      h.append("</ul>\n");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void chartImg(StringBuilder h, String png, String alt) {
    h.append("<p><img src=\"").append(png).append("\" alt=\"").append(esc(alt)).append("\"></p>\n");
  }

  /** Monthly returns of each book: a row per year, a column per month and the year's compounded total. */
  private static void monthlyReturns(StringBuilder h, Replay.ReplayResult r) {
    h.append("<h2 id=\"monthly-returns\">Monthly returns (%)</h2>\n");
    for (BookRun b : r.books().values()) {
      NavigableMap<LocalDate, BigDecimal> eq = equity(b);
      NavigableMap<YearMonth, Double> months = Metrics.monthlyReturns(eq);
      NavigableMap<Integer, Double> years = Metrics.yearlyReturns(eq);
      h.append("<h3>").append(esc(b.book().key())).append("</h3>\n<table class=\"small monthly\"><thead><tr><th>year</th>");
      for (Month m : Month.values()) {
        h.append("<th>").append(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).append("</th>");
      }
      h.append("<th>year</th></tr></thead><tbody>\n");
      for (Map.Entry<Integer, Double> y : years.entrySet()) {
        h.append("<tr><td>").append(y.getKey()).append("</td>");
        for (Month m : Month.values()) {
          Double v = months.get(YearMonth.of(y.getKey(), m));
          h.append(v == null ? "<td></td>" : signedCell(v));
        }
        h.append(signedCell(y.getValue())).append("</tr>\n");
      }
      h.append("</tbody></table>\n");
    }
    h.append("<p class=\"note\">A month's return is its last equity against the previous month's last (the first")
        .append(" month against the first day's equity); the year's is the months compounded.</p>\n");
  }

  private static String signedCell(double v) {
    return "<td class=\"" + (v < 0 ? "neg" : "pos") + "\">" + String.format(Locale.ROOT, "%.2f", v) + "</td>";
  }

  /** Trading days in each hedge state, a column per book, every state listed. */
  private static void daysPerState(StringBuilder h, Replay.ReplayResult r) {
    h.append("<h3 id=\"days-per-state\">Days per hedge state</h3>\n<table class=\"states\"><thead><tr><th>state</th>");
    r.books().keySet().forEach(b -> h.append("<th>").append(esc(b.key())).append("</th>"));
    h.append("</tr></thead><tbody>\n");
    for (String state : STATE_COLORS.keySet()) {
      Color c = opaqueOnWhite(STATE_COLORS.get(state));
      h.append("<tr><td><span style=\"display:inline-block;width:.9em;height:.9em;margin-right:.4em;background:")
          .append(String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue()))
          .append("\"></span>").append(state).append("</td>");
      for (BookRun b : r.books().values()) {
        long days = b.statesVisited().getOrDefault(state, 0L);
        long all = b.statesVisited().values().stream().mapToLong(Long::longValue).sum();
        h.append("<td>").append(days).append(all > 0 ? String.format(Locale.ROOT, " (%.1f%%)", days * 100.0 / all) : "")
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  private static void exitReasons(StringBuilder h, Replay.ReplayResult r) {
    h.append("<table class=\"exits\"><thead><tr><th>exit reason</th>");
    r.books().keySet().forEach(b -> h.append("<th>").append(esc(b.key())).append("</th>"));
    h.append("</tr></thead><tbody>\n");
    for (String k : exitReasonKeys(r)) {
      h.append("<tr><td>").append(esc(k)).append("</td>");
      r.books().values().forEach(b -> h.append("<td>").append(b.exitReasons().getOrDefault(k, 0L)).append("</td>"));
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n<p class=\"note\">Each reason counts the tranches it closed, except roll: every")
        .append(" roll carried out (a theta-inversion roll moves a tested side out and the tranche stays open, to")
        .append(" close later for another reason).</p>\n");
  }

  /** Each book's round-trip statistics, then every round trip of the ALVH book. */
  private static void roundTrips(StringBuilder h, Replay.ReplayResult r) {
    h.append("<h2 id=\"round-trips\">Round trips</h2>\n<table class=\"trip-stats\"><thead><tr><th>measure</th>");
    r.books().keySet().forEach(b -> h.append("<th>").append(esc(b.key())).append("</th>"));
    h.append("</tr></thead><tbody>\n");
    Map<Book, List<ReplayQueries.RoundTrip>> closed = new LinkedHashMap<>();
    r.books().forEach((k, b) -> closed.put(k, b.roundTrips().stream().filter(t -> t.closedOn() != null).toList()));
    tripRow(h, closed, "closed tranches", l -> Integer.toString(l.size()));
    tripRow(h, closed, "winners %", l -> l.isEmpty() ? "" : fmt(l.stream()
        .filter(t -> t.realizedPnl() != null && t.realizedPnl().signum() > 0).count() * 100.0 / l.size()));
    tripRow(h, closed, "average P&amp;L, USD", l -> l.isEmpty() ? "" : money(l.stream().map(ReportWriter::pnl)
        .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(l.size()), 2, RoundingMode.HALF_EVEN)));
    tripRow(h, closed, "average days held", l -> l.isEmpty() ? "" : String.format(Locale.ROOT, "%.1f",
        l.stream().mapToLong(t -> ChronoUnit.DAYS.between(t.openedOn(), t.closedOn())).average().orElse(0)));
    tripRow(h, closed, "best / worst P&amp;L, USD", l -> l.isEmpty() ? "" : money(l.stream().map(ReportWriter::pnl)
        .max(BigDecimal::compareTo).orElseThrow()) + " / " + money(l.stream().map(ReportWriter::pnl)
        .min(BigDecimal::compareTo).orElseThrow()));
    h.append("</tbody></table>\n");
    BookRun alvh = r.books().get(Book.ALVH);
    if (alvh == null) {
      return;
    }
    LocalDate last = r.bars().isEmpty() ? null : r.bars().get(r.bars().size() - 1).date();
    h.append("<h3>Every tranche of the ALVH book</h3>\n<table class=\"small trips\"><thead><tr><th>tranche</th>")
        .append("<th>opened</th><th>closed</th><th>days held</th><th>condors</th><th>opening credit</th>")
        .append("<th>rolls</th><th>exit</th><th>P&amp;L, USD</th></tr></thead><tbody>\n");
    for (ReplayQueries.RoundTrip t : alvh.roundTrips()) {
      LocalDate end = t.closedOn() != null ? t.closedOn() : last;
      h.append("<tr><td>").append(t.id()).append("</td><td>").append(t.openedOn()).append("</td><td>")
          .append(t.closedOn() == null ? "open" : t.closedOn().toString()).append("</td><td>")
          .append(end == null ? "" : Long.toString(ChronoUnit.DAYS.between(t.openedOn(), end)))
          .append("</td><td>").append(t.quantity()).append("</td><td>")
          .append(t.openingCredit() == null ? "" : t.openingCredit().stripTrailingZeros().toPlainString())
          .append("</td><td>").append(t.rolls()).append("</td><td>")
          .append(t.exitReason() == null ? "" : esc(t.exitReason())).append("</td>");
      if (t.realizedPnl() == null || t.closedOn() == null) {
        h.append("<td></td>");
      } else {
        h.append("<td class=\"").append(t.realizedPnl().signum() < 0 ? "neg" : "pos").append("\">")
            .append(money(t.realizedPnl())).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n<p class=\"note\">Days held are calendar days; the opening credit is in points per")
        .append(" condor; P&amp;L is the tranche's credits less its debits and commissions, for closed tranches.</p>\n");
  }

  private static BigDecimal pnl(ReplayQueries.RoundTrip t) {
    return t.realizedPnl() == null ? BigDecimal.ZERO : t.realizedPnl();
  }

  private static void tripRow(StringBuilder h, Map<Book, List<ReplayQueries.RoundTrip>> closed, String label,
      java.util.function.Function<List<ReplayQueries.RoundTrip>, String> value) {
    h.append("<tr><td>").append(label).append("</td>");
    closed.values().forEach(l -> h.append("<td>").append(esc(value.apply(l))).append("</td>"));
    h.append("</tr>\n");
  }

  /** Per book and year: days in CALM or WATCH and adaptive-layer round trips. */
  private static void perYearTable(StringBuilder h, ReplaySummary s) {
    h.append("<h2>Per year</h2>\n<table><thead><tr><th>book</th><th>year</th><th>return %</th>")
        .append("<th>max drawdown, USD</th><th>days in CALM or WATCH, %</th><th>adaptive layers bought</th>")
        .append("<th>round trips (sold within ").append(HedgeStudyMeasures.ROUND_TRIP_TRADING_DAYS)
        .append(" trading days)</th></tr></thead><tbody>\n");
    s.books().forEach((book, m) -> m.perYear().forEach((year, y) -> h.append("<tr><td>").append(esc(book))
        .append("</td><td>").append(year).append("</td><td>").append(fmt(y.returnPct())).append("</td><td>")
        .append(money(y.maxDrawdownUsd())).append("</td><td>").append(fmt(y.calmOrWatchPct())).append("</td><td>")
        .append(y.adaptiveLayersBought()).append("</td><td>").append(y.adaptiveRoundTrips()).append("</td></tr>\n")));
    h.append("</tbody></table>\n");
  }

  /** Per book: each hedge position held at the end, why it is held, its cost, mark and P&amp;L. */
  private static void heldLayers(StringBuilder h, ReplaySummary s) {
    h.append("<h2>Hedge positions held at the end</h2>\n<table><thead><tr><th>book</th><th>position</th>")
        .append("<th>layer</th><th>qty</th><th>cost, USD</th><th>mark, USD</th><th>P&amp;L, USD</th>")
        .append("<th>why</th></tr></thead><tbody>\n");
    s.books().forEach((book, m) -> m.heldAtEnd().forEach(v -> h.append("<tr><td>").append(esc(book))
        .append("</td><td>").append(esc(v.id())).append("</td><td>").append(esc(v.layer())).append("</td><td>")
        .append(v.quantity()).append("</td><td>").append(money(v.cost())).append("</td><td>")
        .append(v.mark() == null ? "n/a" : money(v.mark())).append("</td><td>")
        .append(v.pnl() == null ? "n/a" : money(v.pnl())).append("</td><td style=\"text-align:left\">")
        .append(esc(v.why())).append(v.signals() == null ? "" : "<br><span class=\"note\">" + esc(v.signals())
            + "</span>").append("</td></tr>\n")));
    h.append("</tbody></table>\n");
  }

  private static void row(StringBuilder h, ReplaySummary s, String label,
      java.util.function.Function<BookMetrics, String> value) {
    h.append("<tr><td>").append(label).append("</td>");
    s.books().values().forEach(m -> h.append("<td>").append(esc(value.apply(m))).append("</td>"));
    h.append("</tr>\n");
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String money(BigDecimal v) {
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
