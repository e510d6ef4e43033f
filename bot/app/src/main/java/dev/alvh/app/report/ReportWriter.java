package dev.alvh.app.report;

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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a replay's report folder: {@code report.html} (opens offline: inline CSS, images by
 * relative path), PNG charts drawn with XChart ({@code equity.png}, {@code vix-hedge.png},
 * {@code drawdown.png}), {@code summary.json}, {@code trades.csv} (every fill of every book) and
 * {@code transitions.csv} (every hedge transition of every book, one column per signal).
 */
public final class ReportWriter {

  /** The chart files, in the order the page shows them. */
  public static final List<String> CHARTS = List.of("equity.png", "vix-hedge.png", "drawdown.png");

  private static final int WIDTH = 1100;
  private static final int HEIGHT = 460;
  private static final Map<Book, Color> BOOK_COLORS = Map.of(Book.ALVH, new Color(0x1f, 0x77, 0xb4),
      Book.UNHEDGED, new Color(0xd6, 0x27, 0x28), Book.RIGID, new Color(0x2c, 0xa0, 0x2c));
  /** Band colours of the hedge states, light enough to read the VIX line over them. */
  private static final Map<String, Color> STATE_COLORS = new LinkedHashMap<>();

  static {
    STATE_COLORS.put("CALM", new Color(0xa6, 0xdb, 0xa0, 110));
    STATE_COLORS.put("WATCH", new Color(0xff, 0xe0, 0x8a, 150));
    STATE_COLORS.put("L1", new Color(0xfd, 0xb4, 0x62, 150));
    STATE_COLORS.put("L2", new Color(0xf4, 0x6d, 0x43, 150));
    STATE_COLORS.put("L3", new Color(0xd7, 0x30, 0x27, 150));
    STATE_COLORS.put("PRESS", new Color(0x9e, 0x6b, 0xd1, 150));
    STATE_COLORS.put("UNWIND", new Color(0x74, 0xad, 0xd1, 150));
  }

  private final ObjectMapper json = new ObjectMapper();

  /**
   * Writes the report of {@code result} into {@code dir} (created if needed).
   *
   * @param summaryJson the JSON summary, exactly as {@code --json} prints it
   * @throws UncheckedIOException when a file cannot be written
   */
  public void write(Replay.ReplayResult result, String summaryJson, Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("summary.json"), summaryJson + System.lineSeparator(), StandardCharsets.UTF_8);
      writeTrades(result, dir.resolve("trades.csv"));
      writeTransitions(result, dir.resolve("transitions.csv"));
      System.setProperty("java.awt.headless", "true");
      // Each chart is its own object; drawing them side by side uses the second core.
      List<XYChart> charts = List.of(equityChart(result), vixChart(result), drawdownChart(result));
      java.util.stream.IntStream.range(0, charts.size()).parallel().forEach(i -> {
        try {
          BitmapEncoder.saveBitmap(charts.get(i), dir.resolve(CHARTS.get(i)).toString(),
              BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      Files.writeString(dir.resolve("report.html"), html(result.summary()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report in " + dir + ": " + e.getMessage(), e);
    }
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

  private static XYChart chart(String title, String yTitle) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("date").yAxisTitle(yTitle)
        .build();
    org.knowm.xchart.style.XYStyler s = c.getStyler();
    s.setLegendPosition(Styler.LegendPosition.InsideNW);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotGridLinesColor(new Color(0xe0, 0xe0, 0xe0));
    s.setTimezone(TimeZone.getTimeZone(ZoneOffset.UTC));
    c.getStyler().setDatePattern("yyyy-MM");
    c.getStyler().setXAxisMaxLabelCount(14);
    return c;
  }

  private static Date date(LocalDate d) {
    return Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static XYChart equityChart(Replay.ReplayResult r) {
    XYChart c = chart("Equity of the three books (net liquidation, USD)", "USD");
    for (BookRun b : r.books().values()) {
      List<Date> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      b.snapshots().forEach(s -> {
        x.add(date(s.date()));
        y.add(s.equity().doubleValue());
      });
      line(c, b.book().key(), x, y, BOOK_COLORS.get(b.book()));
    }
    return c;
  }

  private static XYChart drawdownChart(Replay.ReplayResult r) {
    XYChart c = chart("Drawdown from the running peak (% of equity)", "%");
    for (BookRun b : r.books().values()) {
      List<Date> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      double peak = Double.NEGATIVE_INFINITY;
      for (ReplayQueries.DaySnapshot s : b.snapshots()) {
        double e = s.equity().doubleValue();
        peak = Math.max(peak, e);
        x.add(date(s.date()));
        y.add(peak > 0 ? -(peak - e) / peak * 100 : 0.0);
      }
      line(c, b.book().key(), x, y, BOOK_COLORS.get(b.book()));
    }
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
    return c;
  }

  private static XYChart vixChart(Replay.ReplayResult r) {
    BookRun alvh = r.books().get(Book.ALVH);
    XYChart c = chart("VIX close with the ALVH book's hedge state as bands", "VIX");
    double top = 0;
    for (DailyBar b : r.bars()) {
      top = Math.max(top, b.vixClose());
    }
    top = Math.ceil(top / 5) * 5 + 5;
    Map<LocalDate, String> stateByDay = new LinkedHashMap<>();
    alvh.snapshots().forEach(s -> stateByDay.put(s.date(), s.hedgeState()));
    for (Map.Entry<String, Color> st : STATE_COLORS.entrySet()) {
      List<Date> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      boolean any = false;
      for (DailyBar b : r.bars()) {
        boolean in = st.getKey().equals(stateByDay.get(b.date()));
        any |= in;
        x.add(date(b.date()));
        y.add(in ? top : 0.0);
      }
      if (any) {
        XYSeries s = c.addSeries("state " + st.getKey(), x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        s.setFillColor(st.getValue());
        s.setLineColor(new Color(0, 0, 0, 0));
        s.setMarker(SeriesMarkers.NONE);
      }
    }
    List<Date> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    r.bars().forEach(b -> {
      x.add(date(b.date()));
      y.add(b.vixClose());
    });
    line(c, "VIX", x, y, Color.BLACK);
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisMax(top);
    return c;
  }

  private static void line(XYChart c, String name, List<Date> x, List<Double> y, Color color) {
    if (x.isEmpty()) {
      x = List.of(new Date(0));
      y = List.of(0.0);
    }
    XYSeries s = c.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
  }

  // ---- HTML -----------------------------------------------------------------------------------

  private static String html(ReplaySummary s) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>ALVH replay: ")
        .append(esc(s.scenario())).append("</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em auto;")
        .append("max-width:1150px;color:#222;line-height:1.45}\n")
        .append("table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 10px;")
        .append("text-align:right}th:first-child,td:first-child{text-align:left}thead th{background:#f2f2f2}\n")
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
    h.append("<h2>Books</h2>\n<table><thead><tr><th>measure</th>");
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
    row(h, s, "orders filled / walked to the end unfilled", m -> m.execution().ordersFilled() + " / "
        + m.execution().ordersUnfilled());
    row(h, s, "fills by walk step (0 = at mid)", m -> m.execution().stepsToFill().toString());
    row(h, s, "mean share of the spread paid from the bid, by legs", m -> fmt(m.execution().meanSharePaid()) + " "
        + m.execution().meanSharePaidByLegs());
    h.append("</tbody></table>\n");
    h.append("<p class=\"note\">Risk capital is the peak, over the run, of the summed maximum loss")
        .append(" ((width &minus; credit) &times; 100 &times; contracts) of the tranches open at a day's end.")
        .append(" Hedge P&amp;L is the signed cash of hedge fills, plus hedge settlements, plus the end mark of")
        .append(" hedge positions still open.</p>\n");
    h.append("<h2>Volatility cycles: ").append(s.volatilityCycles().count()).append("</h2>\n");
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
    h.append("<h2>Charts</h2>\n");
    for (String png : CHARTS) {
      h.append("<p><img src=\"").append(png).append("\" alt=\"").append(png).append("\"></p>\n");
    }
    h.append("<h2>Files</h2>\n<ul><li><a href=\"summary.json\">summary.json</a>: the JSON summary</li>\n")
        .append("<li><a href=\"trades.csv\">trades.csv</a>: every fill of every book</li>\n")
        .append("<li><a href=\"transitions.csv\">transitions.csv</a>: every hedge transition, one column per")
        .append(" signal</li></ul>\n");
    if (!s.dataProblems().isEmpty()) {
      h.append("<h2>History rows left out or filled in: ").append(s.dataProblems().size()).append("</h2>\n<ul>\n");
      s.dataProblems().forEach(p -> h.append("<li>").append(esc(p)).append("</li>\n"));
      h.append("</ul>\n");
    }
    h.append("</body></html>\n");
    return h.toString();
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
