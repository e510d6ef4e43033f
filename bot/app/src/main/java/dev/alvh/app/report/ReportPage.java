package dev.alvh.app.report;

import dev.alvh.app.engine.Book;
import dev.alvh.app.replay.BookMetrics;
import dev.alvh.app.replay.BookRun;
import dev.alvh.app.replay.HedgeStudyMeasures;
import dev.alvh.app.replay.Metrics;
import dev.alvh.app.replay.Replay;
import dev.alvh.app.store.ReplayQueries;
import dev.alvh.app.replay.ReplaySummary;
import dev.alvh.app.replay.VolatilityCycles;
import dev.alvh.core.HedgeState;
import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The HTML of a replay's {@code report.html}: the run's header, the books' measures, per year
 * figures, hedge positions held at the end, monthly returns, days per hedge state, exit reasons,
 * round trips, volatility cycles, any further sections and the list of files, with the charts of
 * {@link ReportCharts} by relative path. Inline CSS, no external resource: it opens offline.
 */
final class ReportPage {

  private ReportPage() {
  }

  /** The page of {@code r}, with {@code extra} (further sections' HTML) before the list of files. */
  static String html(Replay.ReplayResult r, int rollingSharpeDays, String extra) {
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
      NavigableMap<LocalDate, BigDecimal> eq = ReportCharts.equity(b);
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
    for (HedgeState state : ReportCharts.STATE_COLORS.keySet()) {
      Color c = ReportCharts.opaqueOnWhite(ReportCharts.STATE_COLORS.get(state));
      h.append("<tr><td><span style=\"display:inline-block;width:.9em;height:.9em;margin-right:.4em;background:")
          .append(String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue()))
          .append("\"></span>").append(state).append("</td>");
      for (BookRun b : r.books().values()) {
        long days = b.statesVisited().getOrDefault(state.name(), 0L);
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
    for (String k : ReportCharts.exitReasonKeys(r)) {
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
    tripRow(h, closed, "average P&amp;L, USD", l -> l.isEmpty() ? "" : money(l.stream().map(ReportPage::pnl)
        .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(l.size()), 2, RoundingMode.HALF_EVEN)));
    tripRow(h, closed, "average days held", l -> l.isEmpty() ? "" : String.format(Locale.ROOT, "%.1f",
        l.stream().mapToLong(t -> ChronoUnit.DAYS.between(t.openedOn(), t.closedOn())).average().orElse(0)));
    tripRow(h, closed, "best / worst P&amp;L, USD", l -> l.isEmpty() ? "" : money(l.stream().map(ReportPage::pnl)
        .max(BigDecimal::compareTo).orElseThrow()) + " / " + money(l.stream().map(ReportPage::pnl)
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

  /** {@code s} escaped for HTML text and attribute values. */
  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}