package dev.alvh.app.report;

import dev.alvh.app.replay.Replay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;

/**
 * Writes a replay's report folder: {@code report.html} (opens offline: inline CSS, images by
 * relative path), PNG charts drawn with XChart ({@link #CHARTS}), {@code summary.json},
 * {@code trades.csv} (every fill of every book) and {@code transitions.csv} (every hedge transition
 * of every book, one column per signal). The page has the books' measures, monthly returns, days
 * per hedge state, exit reasons, the ALVH book's round trips, the charts, and any further
 * {@link Section} a caller adds. Every book the replay ran is shown; none is assumed.
 *
 * <p>The page is {@link ReportPage}, the charts {@link ReportCharts}, the CSV files {@link ReportCsv}.
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

  private final ReportCsv csv = new ReportCsv();

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
    write(result, summaryJson, dir, extra, dev.alvh.app.config.ReplayConfig.DEFAULT_ROLLING_SHARPE_DAYS);
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
      ReportCsv.writeTrades(result, dir.resolve("trades.csv"));
      csv.writeTransitions(result, dir.resolve("transitions.csv"));
      System.setProperty("java.awt.headless", "true");
      List<org.knowm.xchart.internal.chartpart.Chart<?, ?>> charts = ReportCharts.charts(result, rollingSharpeDays);
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
        more.append("<h2>").append(ReportPage.esc(sec.title())).append("</h2>\n").append(sec.html(dir)).append('\n');
      }
      Files.writeString(dir.resolve("report.html"), ReportPage.html(result, rollingSharpeDays, more.toString()),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report in " + dir + ": " + e.getMessage(), e);
    }
  }

}
