package dev.alvh.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.alvh.app.engine.Book;
import dev.alvh.app.replay.Metrics;
import dev.alvh.app.replay.Replay;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.config.BotConfig;
import dev.alvh.paper.market.MarketHistory;
import dev.alvh.paper.market.SyntheticHistory;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report folder of a short three-book replay: every file, charts that show data, offline HTML. */
class ReportWriterTest {

  @TempDir
  static Path dataDir;
  @TempDir
  static Path out;

  private static Replay.ReplayResult result;

  @BeforeAll
  static void replayAndWrite() {
    NyseCalendar cal = NyseCalendar.of(BotConfig.DEFAULTS.schedule());
    MarketHistory h = MarketHistory.of(SyntheticHistory.twoCycles(5L, LocalDate.of(2024, 1, 2), 120, 4000.0,
        cal::isTradingDay));
    result = new Replay(BotConfig.DEFAULTS, dataDir).runBooks("test", h, cal, null, null, false, List.of(
        "vix.csv line 7: high 14.9 < low 15 on 2024-01-12"));
    new ReportWriter().write(result, "{\"scenario\":\"test\"}", out, List.of(new ReportWriter.Section() {
      @Override
      public String title() {
        return "An added section";
      }

      @Override
      public String html(Path dir) throws java.io.IOException {
        Files.writeString(dir.resolve("added.txt"), "x");
        return "<p id=\"added\">added body</p>";
      }
    }), 20);
  }

  @Test
  void everyFileIsWritten() {
    for (String f : List.of("report.html", "summary.json", "trades.csv", "transitions.csv", "equity.png",
        "vix-hedge.png", "drawdown.png", "rolling-sharpe.png", "greeks.png", "exit-reasons.png")) {
      assertThat(out.resolve(f)).isNotEmptyFile();
    }
  }

  @Test
  void chartsAreNotBlank() throws Exception {
    for (String png : ReportWriter.CHARTS) {
      BufferedImage img = ImageIO.read(out.resolve(png).toFile());
      assertThat(img).as(png).isNotNull();
      assertThat(img.getWidth()).isGreaterThan(500);
      int background = img.getRGB(2, 2);
      Set<Integer> colours = new HashSet<>();
      long drawn = 0;
      for (int y = 0; y < img.getHeight(); y += 2) {
        for (int x = 0; x < img.getWidth(); x += 2) {
          int rgb = img.getRGB(x, y);
          colours.add(rgb);
          if (rgb != background) {
            drawn++;
          }
        }
      }
      assertThat(colours.size()).as("%s distinct colours", png).isGreaterThan(20);
      assertThat(drawn).as("%s non-background pixels", png).isGreaterThan(2000);
    }
  }

  @Test
  void htmlOpensOfflineAndShowsEveryBookChartAndProblem() throws Exception {
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script")
        .doesNotContain("<link");
    assertThat(html).contains("<style>").contains("<img src=\"equity.png\"").contains("<img src=\"vix-hedge.png\"")
        .contains("<img src=\"drawdown.png\"");
    assertThat(html).contains("<th>alvh</th>").contains("<th>unhedged</th>").contains("<th>rigid</th>")
        .contains("Sortino").contains("vix.csv line 7: high 14.9 &lt; low 15");
  }

  @Test
  void summaryJsonIsTheGivenObject() throws Exception {
    assertThat(Files.readString(out.resolve("summary.json")).strip()).isEqualTo("{\"scenario\":\"test\"}");
  }

  @Test
  void tradesCsvHasEveryFillOfEveryBook() throws Exception {
    List<String> lines = Files.readAllLines(out.resolve("trades.csv"), StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("book,time,orderRef,purpose,contract,side,qty,price,commission");
    long fills = result.books().values().stream().mapToLong(b -> b.fills()).sum();
    assertThat(lines).hasSize((int) fills + 1);
    for (Book b : Book.values()) {
      assertThat(lines.stream().filter(l -> l.startsWith(b.key() + ",")).count())
          .isEqualTo(result.books().get(b).fills());
    }
    String[] first = lines.get(1).split(",");
    assertThat(first).hasSize(9);
    assertThat(first[3]).isEqualTo("OPEN_CONDOR");
    assertThat(first[4]).startsWith("SPXW ");
  }

  @Test
  void transitionsCsvStartsWithItsColumns() throws Exception {
    List<String> lines = Files.readAllLines(out.resolve("transitions.csv"), StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("book,time,from,to,rule");
    long transitions = result.books().values().stream().mapToLong(b -> b.transitions().size()).sum();
    assertThat(lines).hasSize((int) transitions + 1);
  }

  @Test
  void signalsJsonIsFlattenedToOneColumnPerSignal() {
    Map<String, String> m = new ReportCsv().flatten(
        "{\"vix\":31.2,\"vixRel\":1.45,\"score\":3,\"macd\":{\"hist\":-0.2},\"reason\":\"spike, falling\"}");
    assertThat(m).containsExactly(Map.entry("vix", "31.2"), Map.entry("vixRel", "1.45"), Map.entry("score", "3"),
        Map.entry("macd.hist", "-0.2"), Map.entry("reason", "spike, falling"));
    assertThat(new ReportCsv().flatten("not json")).containsEntry("signals", "not json");
    assertThat(ReportCsv.csv("a", "spike, falling", "say \"hi\"")).isEqualTo(
        "a,\"spike, falling\",\"say \"\"hi\"\"\"\n");
  }

  // ---- charts: date ticks, legend, axes -------------------------------------------------------

  /** The x axis of a drawn chart: its ticks' labels, their screen positions, and value-to-screen. */
  private record XAxisTicks(List<String> labels, List<Double> screen, java.util.function.DoubleUnaryOperator toScreen) {
  }

  private static Object call(Object target, Class<?> owner, String method, Object... args) throws Exception {
    for (java.lang.reflect.Method m : owner.getDeclaredMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length) {
        m.setAccessible(true);
        return m.invoke(target, args);
      }
    }
    throw new NoSuchMethodException(owner + "." + method);
  }

  @SuppressWarnings("unchecked")
  private static XAxisTicks xTicks(org.knowm.xchart.XYChart c) throws Exception {
    org.knowm.xchart.BitmapEncoder.getBufferedImage(c); // lays the chart out: the ticks exist after painting
    java.lang.reflect.Field pairField = null;
    for (Class<?> k = c.getClass(); k != null && pairField == null; k = k.getSuperclass()) {
      for (java.lang.reflect.Field f : k.getDeclaredFields()) {
        if (f.getName().equals("axisPair")) {
          pairField = f;
        }
      }
    }
    pairField.setAccessible(true);
    Object pair = pairField.get(c);
    Object axis = call(pair, pair.getClass(), "getXAxis");
    Class<?> axisBase = Class.forName("org.knowm.xchart.internal.chartpart.Axis_");
    Object calc = call(axis, axisBase, "getAxisTickCalculator");
    Class<?> calcIf = Class.forName("org.knowm.xchart.internal.chartpart.AxisTickCalculator");
    List<String> labels = (List<String>) calcIf.getMethod("getTickLabels").invoke(calc);
    List<Double> locations = (List<Double>) calcIf.getMethod("getTickLocations").invoke(calc);
    double left = ((java.awt.geom.Rectangle2D) call(axis, axisBase, "getBounds")).getX();
    List<Double> screen = locations.stream().map(l -> left + l).toList();
    return new XAxisTicks(labels, screen, v -> {
      try {
        return (double) call(axis, axisBase, "getScreenValue", v);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void everyDateTickSitsOnTheDateItNames() throws Exception {
    DateAxis axis = ReportCharts.axis(result);
    LocalDate first = result.bars().get(0).date();
    LocalDate last = result.bars().get(result.bars().size() - 1).date();
    for (var chart : ReportCharts.charts(result, 20)) {
      if (!(chart instanceof org.knowm.xchart.XYChart xy)) {
        continue;
      }
      XAxisTicks t = xTicks(xy);
      assertThat(t.labels()).as(xy.getTitle()).hasSizeGreaterThanOrEqualTo(3);
      for (int i = 0; i < t.labels().size(); i++) {
        String label = t.labels().get(i);
        LocalDate named = tickDate(label);
        // the tick is drawn where the chart draws the data of the day it names (within half a pixel)
        assertThat(t.screen().get(i)).as("%s: tick %s", xy.getTitle(), label)
            .isCloseTo(t.toScreen().applyAsDouble(axis.x(named)), within(0.5));
        assertThat(named).as("%s: tick %s", xy.getTitle(), label).isBetween(first.minusMonths(2), last.plusMonths(2));
      }
    }
    // and a data day lands between the ticks that enclose it, at its place between their dates
    XAxisTicks vix = xTicks((org.knowm.xchart.XYChart) ReportCharts.charts(result, 20).get(3));
    LocalDate day = LocalDate.of(2024, 2, 5);
    int before = -1;
    for (int i = 0; i < vix.labels().size(); i++) {
      if (!tickDate(vix.labels().get(i)).isAfter(day)) {
        before = i;
      }
    }
    assertThat(before).isNotNegative().isLessThan(vix.labels().size() - 1);
    LocalDate d0 = tickDate(vix.labels().get(before));
    LocalDate d1 = tickDate(vix.labels().get(before + 1));
    double at = vix.toScreen().applyAsDouble(axis.x(day));
    double drawn = (at - vix.screen().get(before)) / (vix.screen().get(before + 1) - vix.screen().get(before));
    double expected = (axis.x(day) - axis.x(d0)) / (axis.x(d1) - axis.x(d0));
    assertThat(drawn).isCloseTo(expected, within(0.01));
    if (axis.monthsPerUnit() == 1) {
      assertThat(d0).isEqualTo(LocalDate.of(2024, 2, 1));
      assertThat(drawn).isCloseTo(4.0 / 29, within(0.01));
    }
  }

  private static LocalDate tickDate(String label) {
    return label.length() == 7 ? java.time.YearMonth.parse(label).atDay(1) : LocalDate.parse(label);
  }

  @Test
  void hedgeLegendHasASwatchOfItsBandColourForEveryState() {
    var vix = (org.knowm.xchart.XYChart) ReportCharts.charts(result, 20).get(3);
    for (dev.alvh.core.HedgeState st : dev.alvh.core.HedgeState.values()) {
      org.knowm.xchart.XYSeries key = vix.getSeries(st.name());
      if (key == null) {
        key = vix.getSeries(st.name() + " (not visited)");
      }
      assertThat(key).as("legend entry of %s", st).isNotNull();
      assertThat(key.isShowInLegend()).isTrue();
      assertThat(key.getMarker()).isNotNull();
      assertThat(key.getMarkerColor()).as(st.name())
          .isEqualTo(ReportCharts.opaqueOnWhite(ReportCharts.STATE_COLORS.get(st)));
      org.knowm.xchart.XYSeries band = vix.getSeries("band " + st.name());
      if (band != null) {
        assertThat(band.getFillColor()).isEqualTo(ReportCharts.STATE_COLORS.get(st));
        assertThat(band.isShowInLegend()).isFalse();
      }
    }
    assertThat(vix.getStyler().getLegendPosition()).isEqualTo(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
  }

  @Test
  void equityAxisIsInPlainDollars() {
    var equity = (org.knowm.xchart.XYChart) ReportCharts.charts(result, 20).get(0);
    assertThat(equity.getStyler().getYAxisDecimalPattern()).isEqualTo("#,##0");
    assertThat(new java.text.DecimalFormat(equity.getStyler().getYAxisDecimalPattern(),
        java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(1_250_000.0)).isEqualTo("1,250,000");
  }

  @Test
  void everyBookIsDrawnInItsOwnColour() {
    var equity = (org.knowm.xchart.XYChart) ReportCharts.charts(result, 20).get(0);
    Set<java.awt.Color> colours = new HashSet<>();
    for (Book b : result.books().keySet()) {
      assertThat(equity.getSeries(b.key())).as(b.key()).isNotNull();
      colours.add(equity.getSeries(b.key()).getLineColor());
    }
    assertThat(colours).hasSize(result.books().size());
  }

  // ---- tables -----------------------------------------------------------------------------------

  @Test
  void htmlHasTheMonthlyReturnsStatesExitsAndRoundTripsTables() throws Exception {
    String html = Files.readString(out.resolve("report.html"));
    for (String png : ReportWriter.CHARTS) {
      assertThat(html).contains("<img src=\"" + png + "\"");
    }
    assertThat(html).contains("id=\"monthly-returns\"").contains("<table class=\"small monthly\">")
        .contains("<th>Jan</th>").contains("<th>Dec</th>").contains("<tr><td>2024</td>");
    for (Book b : result.books().keySet()) {
      assertThat(html).contains("<h3>" + b.key() + "</h3>");
    }
    assertThat(html).contains("id=\"days-per-state\"");
    for (dev.alvh.core.HedgeState st : dev.alvh.core.HedgeState.values()) {
      assertThat(html).contains("</span>" + st.name() + "</td>");
    }
    assertThat(html).contains("<table class=\"exits\">").contains("<td>roll</td>").contains("<td>profitTarget</td>");
    assertThat(html).contains("id=\"round-trips\"").contains("<table class=\"small trips\">")
        .contains("<th>days held</th>").contains("average days held");
    long trips = result.books().get(Book.ALVH).roundTrips().size();
    assertThat(trips).isPositive();
    String table = html.substring(html.indexOf("<table class=\"small trips\">"));
    table = table.substring(0, table.indexOf("</table>"));
    assertThat(table.split("<tr><td>", -1)).hasSize((int) trips + 1);
    assertThat(html).contains("Rolling 20-day Sharpe ratio");
    // a section another part of the bot adds comes with its heading and files
    assertThat(html).contains("<h2>An added section</h2>\n<p id=\"added\">added body</p>");
    assertThat(out.resolve("added.txt")).exists();
  }

  @Test
  void monthlyReturnsOfTheTableCompoundToTheBooksTotalReturn() {
    for (var e : result.summary().books().entrySet()) {
      Book b = result.books().keySet().stream().filter(k -> k.key().equals(e.getKey())).findFirst().orElseThrow();
      java.util.NavigableMap<LocalDate, java.math.BigDecimal> eq = new java.util.TreeMap<>();
      result.books().get(b).snapshots().forEach(s -> eq.put(s.date(), s.equity()));
      double growth = Metrics.monthlyReturns(eq).values().stream().mapToDouble(r -> 1 + r / 100).reduce(1, (x, y) -> x * y);
      assertThat(growth * 100 - 100).as(e.getKey()).isCloseTo(e.getValue().totalReturn(), within(0.01));
    }
  }

  @Test
  void greeksAreRecordedEveryDayAndShowTheOpenCondors() {
    var alvh = result.books().get(Book.ALVH);
    assertThat(alvh.greeks().keySet()).containsExactlyElementsOf(alvh.snapshots().stream()
        .map(dev.alvh.app.store.ReplayQueries.DaySnapshot::date).toList());
    // short condors: positive theta and negative vega on the days tranches are open
    var withTranches = alvh.snapshots().stream().filter(s -> s.openTranches() > 0 && alvh.greeks().get(s.date())
        .vixDeltaUsdPerPt() == 0).map(s -> alvh.greeks().get(s.date())).toList();
    assertThat(withTranches).isNotEmpty().allSatisfy(g -> {
      assertThat(g.thetaUsdPerDay()).isPositive();
      assertThat(g.vegaUsdPerVolPt()).isNegative();
    });
  }
}
