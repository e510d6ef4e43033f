package dev.alvh.app.report;

import dev.alvh.app.engine.Book;
import dev.alvh.app.replay.BookRun;
import dev.alvh.app.replay.DayGreeks;
import dev.alvh.app.replay.Metrics;
import dev.alvh.app.replay.Replay;
import dev.alvh.core.HedgeState;
import dev.alvh.paper.market.DailyBar;
import java.awt.Color;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of a replay's report, built with XChart and not yet drawn: equity, drawdown and
 * rolling Sharpe ratio of each book, the VIX with the ALVH book's hedge state as bands, the ALVH
 * book's greeks, and the exit reasons by book. Each book keeps its line colour in every chart;
 * each hedge state its band colour (the page's days-per-state table uses the same).
 */
final class ReportCharts {

  private static final int WIDTH = 1100;
  private static final int HEIGHT = 460;
  /** Line colours of the books, by key; a book not listed takes the next colour of {@link #SPARE_COLORS}. */
  private static final Map<String, Color> BOOK_COLORS = Map.of(Book.ALVH.key(), new Color(0x1f, 0x77, 0xb4),
      Book.UNHEDGED.key(), new Color(0xd6, 0x27, 0x28), Book.RIGID.key(), new Color(0x2c, 0xa0, 0x2c),
      Book.BASE.key(), new Color(0x94, 0x67, 0xbd));
  private static final List<Color> SPARE_COLORS = List.of(new Color(0xff, 0x7f, 0x0e), new Color(0x94, 0x67, 0xbd),
      new Color(0x8c, 0x56, 0x4b), new Color(0x7f, 0x7f, 0x7f), new Color(0x17, 0xbe, 0xcf));
  /** Band colours of the hedge states, light enough to read the VIX line over them; every state has one. */
  static final Map<HedgeState, Color> STATE_COLORS = new EnumMap<>(HedgeState.class);

  static {
    STATE_COLORS.put(HedgeState.CALM, new Color(0xa6, 0xdb, 0xa0, 110));
    STATE_COLORS.put(HedgeState.WATCH, new Color(0xff, 0xe0, 0x8a, 150));
    STATE_COLORS.put(HedgeState.L1, new Color(0xfd, 0xb4, 0x62, 150));
    STATE_COLORS.put(HedgeState.L2, new Color(0xf4, 0x6d, 0x43, 150));
    STATE_COLORS.put(HedgeState.L3, new Color(0xd7, 0x30, 0x27, 150));
    STATE_COLORS.put(HedgeState.PRESS, new Color(0x9e, 0x6b, 0xd1, 150));
    STATE_COLORS.put(HedgeState.UNWIND, new Color(0x74, 0xad, 0xd1, 150));
    for (HedgeState h : HedgeState.values()) {
      if (!STATE_COLORS.containsKey(h)) {
        throw new IllegalStateException("hedge state " + h + " has no band colour");
      }
    }
  }

  private ReportCharts() {
  }

  /** The charts of {@link ReportWriter#CHARTS}, in that order, not yet drawn. */
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

  private static XYChart chart(String title, String yTitle, DateAxis axis) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("date").yAxisTitle(yTitle)
        .build();
    org.knowm.xchart.style.XYStyler s = c.getStyler();
    s.setLegendPosition(Styler.LegendPosition.InsideNW);
    ChartStyle.apply(s);
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

  /** The equity of {@code b} at each day's end, USD. */
  static NavigableMap<LocalDate, BigDecimal> equity(BookRun b) {
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
    ChartStyle.apply(c.getStyler());
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
  static List<String> exitReasonKeys(Replay.ReplayResult r) {
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
    Map<LocalDate, HedgeState> stateByDay = new LinkedHashMap<>();
    if (alvh != null) {
      alvh.snapshots().forEach(s -> stateByDay.put(s.date(), s.hedgeState()));
    }
    List<Double> x = new ArrayList<>();
    r.bars().forEach(b -> x.add(axis.x(b.date())));
    if (x.isEmpty()) {
      x.add(0.0);
    }
    for (Map.Entry<HedgeState, Color> st : STATE_COLORS.entrySet()) {
      List<Double> y = new ArrayList<>();
      boolean any = false;
      for (DailyBar b : r.bars()) {
        boolean in = st.getKey() == stateByDay.get(b.date());
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
}
