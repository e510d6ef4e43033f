package dev.alvh.app.sweep;

import dev.alvh.app.report.ChartStyle;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws {@code frontier.png} (max drawdown against CAGR of every point on the window the choice
 * is made on, each book its own marker, the efficient frontier of the chosen book as a line,
 * the chosen point ringed) and writes {@code sweep.html}: the point table (click a heading to
 * sort), the chart embedded, and the point the spec section 7 rule chooses.
 */
public final class SweepReport {

  /** The chart file. */
  public static final String CHART = "frontier.png";
  /** The page. */
  public static final String PAGE = "sweep.html";

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 620;
  private static final Map<String, Color> BOOK_COLORS = Map.of("alvh", new Color(0x1f, 0x77, 0xb4),
      "unhedged", new Color(0xd6, 0x27, 0x28), "rigid", new Color(0x2c, 0xa0, 0x2c),
      "base", new Color(0x94, 0x67, 0xbd));
  private static final Color OTHER = new Color(0x7f, 0x7f, 0x7f);

  private final List<Map<String, String>> rows;
  private final List<String> keys;
  private final List<String> books;
  private final List<String> windows;
  private final String objectiveBook;
  private final String objectiveWindow;

  /**
   * A report of {@code rows} (one per point, {@code sweep.csv} cells).
   *
   * @param keys           the grid's keys (the point columns)
   * @param books          the book keys measured
   * @param windows        the window names ({@code train}, {@code test})
   * @param objectiveBook  the book the point is chosen for
   * @param objectiveWindow the window it is chosen on
   */
  public SweepReport(List<Map<String, String>> rows, List<String> keys, List<String> books, List<String> windows,
      String objectiveBook, String objectiveWindow) {
    this.rows = List.copyOf(rows);
    this.keys = List.copyOf(keys);
    this.books = List.copyOf(books);
    this.windows = List.copyOf(windows);
    this.objectiveBook = objectiveBook;
    this.objectiveWindow = objectiveWindow;
  }

  /** The chosen book's measures of each row on {@code window}. */
  public List<Frontier.Measures> measures(String window) {
    List<Frontier.Measures> out = new ArrayList<>();
    String p = window + "." + objectiveBook + ".";
    for (Map<String, String> r : rows) {
      out.add(new Frontier.Measures(num(r, p + "maxDrawdownPct"), num(r, p + "cagr"),
          "true".equals(r.get(p + "withinCarryCap"))));
    }
    return out;
  }

  /** The row index the rule chooses on the objective window, if any point is within the carry cap. */
  public Optional<Integer> chosen() {
    return Frontier.chosen(measures(objectiveWindow));
  }

  /** Writes the chart and the page into {@code dir}. */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    System.setProperty("java.awt.headless", "true");
    byte[] png = BitmapEncoder.getBitmapBytes(chart(objectiveWindow), BitmapEncoder.BitmapFormat.PNG);
    Files.write(dir.resolve(CHART), png);
    Files.writeString(dir.resolve(PAGE), html(png), StandardCharsets.UTF_8);
  }

  XYChart chart(String window) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Sweep, " + window + " window: max drawdown against CAGR, one marker per point and book")
        .xAxisTitle("max drawdown, % of equity").yAxisTitle("CAGR, % a year").build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    ChartStyle.apply(c.getStyler());
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    c.getStyler().setMarkerSize(8);
    c.getStyler().setXAxisDecimalPattern("0.0");
    c.getStyler().setYAxisDecimalPattern("0.00");
    boolean any = false;
    for (String b : books) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (Map<String, String> r : rows) {
        double dd = num(r, window + "." + b + ".maxDrawdownPct");
        double cagr = num(r, window + "." + b + ".cagr");
        if (!Double.isNaN(dd) && !Double.isNaN(cagr)) {
          x.add(dd);
          y.add(cagr);
        }
      }
      if (!x.isEmpty()) {
        XYSeries s = c.addSeries(b + " (" + x.size() + " points)", x, y);
        s.setMarkerColor(BOOK_COLORS.getOrDefault(b, OTHER));
        s.setMarker(b.equals(objectiveBook) ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
        any = true;
      }
    }
    List<Frontier.Measures> m = measures(window);
    List<Integer> front = Frontier.efficient(m);
    if (front.size() > 1) {
      XYSeries f = c.addSeries(objectiveBook + " efficient frontier", front.stream().map(i -> m.get(i).maxDrawdownPct())
          .toList(), front.stream().map(i -> m.get(i).cagr()).toList());
      f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      f.setLineColor(BOOK_COLORS.getOrDefault(objectiveBook, OTHER).darker());
      f.setMarker(SeriesMarkers.NONE);
    }
    Optional<Integer> pick = Frontier.chosen(measures(objectiveWindow));
    if (pick.isPresent()) {
      Frontier.Measures p = m.get(pick.get());
      XYSeries s = c.addSeries("chosen: point " + rows.get(pick.get()).get("point"), List.of(p.maxDrawdownPct()),
          List.of(p.cagr()));
      s.setMarker(SeriesMarkers.TRIANGLE_UP);
      s.setMarkerColor(Color.BLACK);
    }
    if (!any) {
      c.addSeries("no points", List.of(0.0), List.of(0.0)).setMarker(SeriesMarkers.NONE);
    }
    return c;
  }

  // ---- HTML -----------------------------------------------------------------------------------

  private static final List<String> HEADLINE = List.of("cagr", "maxDrawdownPct", "cagrOverMaxDrawdown",
      "maxDrawdownRiskPct", "totalReturn", "hedgePremium", "hedgeNetCost", "hedgeNetCostShareOfCredit",
      "withinCarryCap");

  String html(byte[] png) {
    Optional<Integer> pick = chosen();
    List<Integer> front = Frontier.efficient(measures(objectiveWindow));
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>ALVH sweep</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em;color:#222;")
        .append("line-height:1.45}\n")
        .append("table{border-collapse:collapse;margin:1em 0;font-size:.85em}th,td{border:1px solid #ccc;")
        .append("padding:3px 7px;text-align:right}thead th{background:#f2f2f2;cursor:pointer;position:sticky;top:0}\n")
        .append("tr.chosen td{background:#fff3b0;font-weight:bold}td.front{color:#1f77b4}\n")
        .append("img{max-width:100%;border:1px solid #ddd}.note{color:#555;font-size:.92em}\n")
        .append("</style></head><body>\n<h1>ALVH sweep</h1>\n");
    Map<String, String> first = rows.isEmpty() ? Map.of() : rows.get(0);
    h.append("<p>").append(rows.size()).append(" points; data ").append(esc(first.getOrDefault("data", "")))
        .append("; base configuration ").append(esc(first.getOrDefault("config", ""))).append(".");
    for (String w : windows) {
      h.append(" ").append(esc(w)).append(" window ").append(esc(first.getOrDefault(w + ".from", ""))).append(" to ")
          .append(esc(first.getOrDefault(w + ".to", ""))).append(".");
    }
    h.append("</p>\n<h2>Chosen point</h2>\n<p>The rule (spec section 7): the largest CAGR / max drawdown (% of equity)"
        + " of the <b>").append(esc(objectiveBook)).append("</b> book on the <b>").append(esc(objectiveWindow))
        .append("</b> window, among the points whose hedge net cost (premium paid less what the hedge returned:"
            + " minus hedgePnl) stays under the carry cap (hedge.carryCap.maxShareOfCredit of the condor credit"
            + " received in the window).</p>\n");
    if (pick.isPresent()) {
      Map<String, String> r = rows.get(pick.get());
      h.append("<p><b>Point ").append(esc(r.get("point"))).append("</b>: <code>").append(esc(r.get("values")))
          .append("</code>.</p>\n<table><thead><tr><th>window</th><th>book</th>");
      HEADLINE.forEach(m -> h.append("<th>").append(esc(m)).append("</th>"));
      h.append("</tr></thead><tbody>\n");
      for (String w : windows) {
        for (String b : books) {
          h.append("<tr><td>").append(esc(w)).append("</td><td>").append(esc(b)).append("</td>");
          HEADLINE.forEach(m -> h.append("<td>").append(esc(fmt(r.get(w + "." + b + "." + m)))).append("</td>"));
          h.append("</tr>\n");
        }
      }
      h.append("</tbody></table>\n");
    } else {
      h.append("<p><b>No point keeps the hedge's net cost under the carry cap</b> on the ").append(esc(objectiveWindow))
          .append(" window: none is chosen. The frontier below shows what the grid reaches.</p>\n");
    }
    h.append("<h2>Frontier</h2>\n<p class=\"note\">Every point's max drawdown against its CAGR on the ")
        .append(esc(objectiveWindow)).append(" window; the line joins the ").append(esc(objectiveBook))
        .append(" points no other point beats on both (").append(front.size()).append(" points).</p>\n")
        .append("<img alt=\"frontier\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
        .append("\">\n");
    h.append("<h2>Points</h2>\n<p class=\"note\">Click a heading to sort. The chosen point is highlighted; a")
        .append(" <span style=\"color:#1f77b4\">blue</span> point number marks the efficient frontier. Every measure")
        .append(" of every book is in <a href=\"").append(Sweep.CSV).append("\">").append(Sweep.CSV)
        .append("</a>.</p>\n<table id=\"points\"><thead><tr><th>point</th>");
    keys.forEach(k -> h.append("<th>").append(esc(k)).append("</th>"));
    List<String> cols = new ArrayList<>();
    for (String w : windows) {
      for (String b : books) {
        for (String m : HEADLINE) {
          cols.add(w + "." + b + "." + m);
        }
      }
    }
    cols.forEach(c -> h.append("<th>").append(esc(c.replace(".", " "))).append("</th>"));
    h.append("</tr></thead><tbody>\n");
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> r = rows.get(i);
      h.append(pick.isPresent() && pick.get() == i ? "<tr class=\"chosen\">" : "<tr>");
      h.append(front.contains(i) ? "<td class=\"front\">" : "<td>").append(esc(r.get("point"))).append("</td>");
      keys.forEach(k -> h.append("<td>").append(esc(r.getOrDefault(k, ""))).append("</td>"));
      cols.forEach(c -> h.append("<td>").append(esc(fmt(r.get(c)))).append("</td>"));
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n").append(SORT_SCRIPT).append("</body></html>\n");
    return h.toString();
  }

  private static final String SORT_SCRIPT = """
      <script>
      document.querySelectorAll('#points thead th').forEach(function (th, col) {
        var asc = false;
        th.addEventListener('click', function () {
          var body = document.querySelector('#points tbody');
          var rows = Array.prototype.slice.call(body.rows);
          asc = !asc;
          rows.sort(function (a, b) {
            var x = a.cells[col].textContent, y = b.cells[col].textContent;
            var nx = parseFloat(x), ny = parseFloat(y);
            var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
            return asc ? c : -c;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      });
      </script>
      """;

  /** Numbers to two decimals (four for shares below 1), other text as is. */
  static String fmt(String cell) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    try {
      double d = Double.parseDouble(cell);
      if (Double.isInfinite(d) || Double.isNaN(d)) {
        return cell;
      }
      return String.format(Locale.ROOT, Math.abs(d) < 1 && d != 0 ? "%.4f" : "%.2f", d);
    } catch (NumberFormatException e) {
      return cell;
    }
  }

  static double num(Map<String, String> r, String col) {
    String v = r.get(col);
    if (v == null || v.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** The grid keys of {@code points}, in first-seen order. */
  public static List<String> keys(List<SweepGrid.Point> points) {
    Map<String, Boolean> k = new LinkedHashMap<>();
    points.forEach(p -> p.values().keySet().forEach(x -> k.put(x, true)));
    return List.copyOf(k.keySet());
  }
}
