package dev.alvh.app.report;

import java.awt.Color;
import org.knowm.xchart.style.AxesChartStyler;

/** The one look of the project's charts: a white chart and plot area, light grey grid lines. */
public final class ChartStyle {

  private static final Color GRID = new Color(0xe0, 0xe0, 0xe0);

  private ChartStyle() {
  }

  /** Gives {@code s} the charts' look; returns it for further settings. */
  public static <S extends AxesChartStyler> S apply(S s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotGridLinesColor(GRID);
    return s;
  }
}
