package dev.alvh.app.report;

import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.paper.market.MarketFit;
import dev.alvh.paper.market.MarketHistory;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "market model" section of a replay report: the simulated market against real SPX/SPXW
 * quotes ({@link MarketFit}): the fit table per bucket, and the model smile against the real
 * quotes on three dates of the chain files (first, middle and last quote date), one PNG each.
 *
 * <p>Chain files: every {@code *.csv} of the folder with the 2019 sample's columns
 * ({@code quote_date, underlying_snapshot, root, expiration, dte, type, strike, bid, ask}); other
 * files are skipped. docs/market-model.md explains the comparison.
 */
public final class MarketModelReport {

  private static final Logger LOG = LoggerFactory.getLogger(MarketModelReport.class);
  private static final int WIDTH = 1100;
  private static final int HEIGHT = 520;
  /** Days to expiry of the expirations each smile chart shows (the nearest SPXW of each). */
  static final int[] CHART_DTE = {10, 30, 90};
  private static final Color[] COLORS = {new Color(0xd6, 0x27, 0x28), new Color(0x1f, 0x77, 0xb4),
      new Color(0x2c, 0xa0, 0x2c)};

  /**
   * What was written.
   *
   * @param quotes the real quotes compared
   * @param table  the fit table
   * @param charts the PNG files, in the report folder
   * @param html   the HTML section
   */
  public record Result(int quotes, List<MarketFit.Bucket> table, List<String> charts, String html) {
  }

  /**
   * Compares the chain files of {@code chainDir} with the market of {@code history} and
   * {@code config}, writes the smile charts into {@code reportDir} and adds the section to its
   * {@code report.html} (before the end of the page; the page is created when missing).
   *
   * @throws UncheckedIOException when a file cannot be read or written
   * @throws IllegalArgumentException when the folder has no chain file or a row cannot be read
   */
  public Result write(Path chainDir, MarketHistory history, MarketConfig config, Predicate<LocalDate> tradingDay,
      Path reportDir) {
    List<MarketFit.SampleQuote> quotes = read(chainDir);
    List<MarketFit.Point> points = MarketFit.compare(quotes, history, config, tradingDay);
    List<MarketFit.Bucket> table = MarketFit.table(points);
    List<LocalDate> dates = points.stream().map(p -> p.quote().date()).distinct().sorted().toList();
    if (dates.isEmpty()) {
      throw new IllegalArgumentException("no quote of " + chainDir + " falls on a day of the history");
    }
    List<LocalDate> shown = dates.size() <= 3 ? dates
        : List.of(dates.get(0), dates.get(dates.size() / 2), dates.get(dates.size() - 1));
    List<String> charts = new ArrayList<>();
    try {
      Files.createDirectories(reportDir);
      System.setProperty("java.awt.headless", "true");
      for (LocalDate d : shown) {
        String name = "market-smile-" + d + ".png";
        BitmapEncoder.saveBitmap(smileChart(d, points), reportDir.resolve(name).toString(),
            BitmapEncoder.BitmapFormat.PNG);
        charts.add(name);
      }
      String html = html(chainDir, points.size(), dates, table, charts);
      Path page = reportDir.resolve("report.html");
      String text = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8)
          : "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Market model</title></head><body>\n"
              + "</body></html>\n";
      int end = text.lastIndexOf("</body>");
      text = end < 0 ? text + html : text.substring(0, end) + html + text.substring(end);
      Files.writeString(page, text, StandardCharsets.UTF_8);
      LOG.info("market model: {} real quotes of {} compared on {} dates; {} of {} buckets checked", points.size(),
          chainDir, dates.size(), table.stream().filter(MarketFit.Bucket::checked).count(), table.size());
      return new Result(points.size(), table, charts, html);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the market model section in " + reportDir + ": " + e.getMessage(),
          e);
    }
  }

  /** The quotes of every chain file of {@code dir} in the sample's layout. */
  static List<MarketFit.SampleQuote> read(Path dir) {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    List<MarketFit.SampleQuote> out = new ArrayList<>();
    for (Path f : files) {
      if (MarketFit.hasSampleLayout(f)) {
        out.addAll(MarketFit.read(f));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(dir + " has no chain file with the columns quote_date, underlying_snapshot,"
          + " root, expiration, dte, type, strike, bid, ask");
    }
    return out;
  }

  /** The real out-of-the-money vols and the model's of {@code day}, three SPXW expirations. */
  private static XYChart smileChart(LocalDate day, List<MarketFit.Point> points) {
    List<MarketFit.Point> ofDay = points.stream().filter(p -> p.quote().date().equals(day))
        .filter(p -> OptionContract.SPXW.equals(p.quote().root()))
        .filter(p -> p.quote().right() == OptionRight.PUT ? p.logMoneyness() < 0 : p.logMoneyness() >= 0)
        .filter(p -> Math.abs(p.realDelta()) >= 0.02)
        .toList();
    Map<LocalDate, Integer> dte = new TreeMap<>();
    ofDay.forEach(p -> dte.put(p.quote().expiry(), p.quote().dte()));
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("SPXW smile on " + day + ": real quotes (dots) and the model at the closes (lines)")
        .xAxisTitle("ln(K / F), %").yAxisTitle("implied vol, %").build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    ChartStyle.apply(c.getStyler());
    c.getStyler().setMarkerSize(4);
    int i = 0;
    java.util.Set<LocalDate> used = new java.util.HashSet<>();
    for (int want : CHART_DTE) {
      LocalDate expiry = dte.entrySet().stream().min(Comparator.comparingInt(e -> Math.abs(e.getValue() - want)))
          .map(Map.Entry::getKey).orElse(null);
      if (expiry == null) {
        continue;
      }
      List<MarketFit.Point> smile = ofDay.stream().filter(p -> p.quote().expiry().equals(expiry))
          .sorted(Comparator.comparingDouble(MarketFit.Point::logMoneyness)).toList();
      if (smile.isEmpty() || !used.add(expiry)) {
        continue;
      }
      List<Double> x = smile.stream().map(p -> p.logMoneyness() * 100).toList();
      Color color = COLORS[i++ % COLORS.length];
      XYSeries real = c.addSeries(expiry + " real (" + dte.get(expiry) + " d)", x,
          smile.stream().map(p -> p.realIv() * 100).toList());
      real.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      real.setMarker(SeriesMarkers.CIRCLE);
      real.setMarkerColor(color);
      XYSeries model = c.addSeries(expiry + " model", x, smile.stream().map(p -> p.modelIv() * 100).toList());
      model.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      model.setMarker(SeriesMarkers.NONE);
      model.setLineColor(color);
    }
    return c;
  }

  private static String html(Path chainDir, int quotes, List<LocalDate> dates, List<MarketFit.Bucket> table,
      List<String> charts) {
    StringBuilder h = new StringBuilder("<h2>Market model</h2>\n");
    h.append("<p>The simulated market against ").append(quotes).append(" real SPX/SPXW quotes of ")
        .append(esc(chainDir.toString())).append(" on ").append(dates.size()).append(" dates (")
        .append(dates.get(0)).append(" to ").append(dates.get(dates.size() - 1))
        .append("): the model priced at each quote date's closes, at the same log-moneyness to its forward as the"
            + " real strike to the parity forward. A bucket with at least ").append(MarketFit.MIN_BUCKET_QUOTES)
        .append(" quotes is held to a median IV error of 1.5 vol points and a median spread error of 30%"
            + " (docs/market-model.md).</p>\n");
    h.append("<table><thead><tr><th>type</th><th>|delta| %</th><th>DTE</th><th>quotes</th>"
        + "<th>median |IV error|, vol pts</th><th>median IV bias, vol pts</th><th>median |spread error| / real</th>"
        + "<th>median real spread</th><th>median model spread</th></tr></thead><tbody>\n");
    for (MarketFit.Bucket b : table) {
      h.append("<tr><td>").append(b.right().name().toLowerCase(Locale.ROOT)).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.0f-%.0f", b.deltaLo() * 100, b.deltaHi() * 100)).append("</td><td>")
          .append(b.dteLo()).append('-').append(b.dteHi()).append("</td><td>").append(b.quotes()).append("</td>");
      if (b.quotes() == 0) {
        h.append("<td></td><td></td><td></td><td></td><td></td></tr>\n");
        continue;
      }
      h.append(String.format(Locale.ROOT, "<td>%.2f</td><td>%+.2f</td><td>%.0f%%</td><td>%.2f</td><td>%.2f</td></tr>%n",
          b.ivError(), b.ivBias(), b.spreadError() * 100, b.realSpread(), b.modelSpread()));
    }
    h.append("</tbody></table>\n");
    h.append(charts.stream().map(c -> "<p><img src=\"" + c + "\" alt=\"" + c + "\"></p>")
        .collect(Collectors.joining("\n"))).append('\n');
    return h.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
