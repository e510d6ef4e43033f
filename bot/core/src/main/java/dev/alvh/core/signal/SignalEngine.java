package dev.alvh.core.signal;

import dev.alvh.core.Check;
import dev.alvh.core.config.HedgeConfig;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * Computes the signals of spec section 3 from daily closes, one close at a time.
 *
 * <p>Appendable by design: the replay calls {@link #append} once per trading day for six years
 * and three books, so the engine keeps its ta4j bar series and indicators and extends them by one
 * bar instead of rebuilding them. ta4j caches indicator values by index, so each append costs a
 * constant amount of work per indicator (the z-score window costs its length). Values are
 * {@link DoubleNum}: the signals are ratios and levels, not money.
 *
 * <p>Indicators (ta4j 0.17): {@link EMAIndicator} for {@code vixBase}, {@link RSIIndicator}
 * (Wilder smoothing) for the RSIs, {@link MACDIndicator} and its histogram for
 * {@code macdVixHist}, {@link SMAIndicator} and {@link StandardDeviationIndicator} (population)
 * for {@code contangoZ}.
 *
 * <p>Warm-up: the snapshot is {@linkplain SignalSnapshot#warm() warm} once every indicator has
 * its full window, which with the defaults is 51 closes (EMA 50 as of the previous close). The
 * VIX RSIs use VX front-month closes on days with a VX quote once the VX series holds a full
 * RSI window, and spot VIX otherwise.
 *
 * <p>Not thread-safe: one engine per book, driven by one thread (the trading cycle).
 */
public final class SignalEngine {

  private final HedgeConfig.Signals config;
  private final TradingDays tradingDays;

  private final BarSeries spx = newSeries("SPX");
  private final BarSeries vix = newSeries("VIX");
  private final BarSeries termRatio = newSeries("VIX3M/VIX");
  private final BarSeries vxFront = newSeries("VX1");

  private final Indicator<Num> vixEma;
  private final Indicator<Num> rsiSpx;
  private final Indicator<Num> rsiVix;
  private final Indicator<Num> rsiVixLong;
  private final Indicator<Num> rsiVx;
  private final Indicator<Num> rsiVxLong;
  private final Indicator<Num> macdHist;
  private final Indicator<Num> ratioMean;
  private final Indicator<Num> ratioSd;

  private LocalDate lastDate;

  /**
   * An engine without history.
   *
   * @param config      the windows and score thresholds, {@code hedge.signals}
   * @param tradingDays the exchange's trading days, for the event window
   */
  public SignalEngine(HedgeConfig.Signals config, TradingDays tradingDays) {
    this.config = Check.notNull(config, "config");
    this.tradingDays = Check.notNull(tradingDays, "tradingDays");
    ClosePriceIndicator vixClose = new ClosePriceIndicator(vix);
    ClosePriceIndicator vxClose = new ClosePriceIndicator(vxFront);
    ClosePriceIndicator ratio = new ClosePriceIndicator(termRatio);
    vixEma = new EMAIndicator(vixClose, config.vixBaseEmaDays());
    rsiSpx = new RSIIndicator(new ClosePriceIndicator(spx), config.rsiSpxDays());
    rsiVix = new RSIIndicator(vixClose, config.rsiVixDays());
    rsiVixLong = new RSIIndicator(vixClose, config.rsiVixLongDays());
    rsiVx = new RSIIndicator(vxClose, config.rsiVixDays());
    rsiVxLong = new RSIIndicator(vxClose, config.rsiVixLongDays());
    macdHist = new MACDIndicator(vixClose, config.macdFastDays(), config.macdSlowDays())
        .getHistogram(config.macdSignalDays());
    ratioMean = new SMAIndicator(ratio, config.contangoZDays());
    ratioSd = new StandardDeviationIndicator(ratio, config.contangoZDays());
  }

  private static BarSeries newSeries(String name) {
    return new BaseBarSeriesBuilder().withName(name).withNumTypeOf(DoubleNum.class).build();
  }

  /** The number of closes appended so far. */
  public int closes() {
    return vix.getBarCount();
  }

  /** The closes an indicator of each window needs before the snapshot is warm. */
  public int warmUpCloses() {
    int macd = config.macdSlowDays() + config.macdSignalDays() - 1 + config.score().macdRisingDays();
    return Math.max(Math.max(config.vixBaseEmaDays() + 1, config.contangoZDays()),
        Math.max(Math.max(config.rsiSpxDays(), config.rsiVixLongDays()) + 1, macd));
  }

  /**
   * Appends the closes of one trading day and returns the signals as of that close.
   *
   * @param closes   the day's closes; the date must be after the last appended date
   * @param beSigma  minimum break-even distance over open tranches in sigma, computed by the
   *                 caller from the tranches; {@code +Infinity} without open tranches
   * @param events   the event calendar in force today
   * @return the signals as of this close
   */
  public SignalSnapshot append(DailyCloses closes, double beSigma, EventCalendar events) {
    Check.notNull(closes, "closes");
    Check.notNull(events, "events");
    Check.isTrue(!Double.isNaN(beSigma) && beSigma >= 0, "beSigma",
        "must be 0 or more (+Infinity without open tranches), but was " + beSigma);
    if (lastDate != null) {
      Check.isTrue(closes.date().isAfter(lastDate), "closes.date",
          "must be after the last appended date " + lastDate + ", but was " + closes.date());
    }
    lastDate = closes.date();
    ZonedDateTime end = closes.date().atStartOfDay(ZoneOffset.UTC).plusHours(21);
    addClose(spx, end, closes.spx());
    addClose(vix, end, closes.vix());
    double ratio = closes.vix3m() / closes.vix();
    addClose(termRatio, end, ratio);
    if (closes.hasVx()) {
      addClose(vxFront, end, closes.vxFront());
    }

    int i = vix.getEndIndex();
    double base = i >= 1 ? value(vixEma, i - 1) : Double.NaN;
    double mean = value(ratioMean, i);
    double sd = value(ratioSd, i);
    double z = sd > 0 ? (ratio - mean) / sd : 0;
    boolean onVx = config.rsiVixOnVxFront() && closes.hasVx()
        && vxFront.getBarCount() > config.rsiVixLongDays();
    double rsiShort = onVx ? value(rsiVx, vxFront.getEndIndex()) : value(rsiVix, i);
    double rsiLong = onVx ? value(rsiVxLong, vxFront.getEndIndex()) : value(rsiVixLong, i);
    double hist = value(macdHist, i);
    int trend = histTrend(i);
    double rsiS = value(rsiSpx, spx.getEndIndex());
    double contango = closes.hasVx() ? closes.vxSecond() / closes.vxFront() - 1 : Double.NaN;
    boolean eventDay = events.isEventDay(closes.date(), config.eventWindowTradingDays(), tradingDays);
    int score = ScorePoint.score(new ScorePoint.Values(z, ratio, rsiS, hist, trend, beSigma), config.score());
    String notWarm = notWarmReason();
    return new SignalSnapshot(closes.date(), closes.spx(), closes.vix(), closes.vix3m(),
        closes.vxFront(), closes.vxSecond(), base, closes.vix() / base, ratio, contango, z, rsiS,
        rsiShort, rsiLong, onVx ? RsiSource.VX_FRONT : RsiSource.VIX, hist, trend, beSigma,
        eventDay, score, notWarm.isEmpty(), notWarm);
  }

  private static void addClose(BarSeries series, ZonedDateTime end, double close) {
    series.addBar(end, close, close, close, close, 0);
  }

  private static double value(Indicator<Num> indicator, int index) {
    return indicator.getValue(index).doubleValue();
  }

  /** Consecutive rising (+) or falling (-) days of the MACD histogram, up to the score's need. */
  private int histTrend(int i) {
    int cap = Math.max(2, config.score().macdRisingDays());
    double today = value(macdHist, i);
    if (i < 1) {
      return 0;
    }
    double yesterday = value(macdHist, i - 1);
    if (today == yesterday) {
      return 0;
    }
    int sign = today > yesterday ? 1 : -1;
    int n = 1;
    for (int k = i - 1; k >= 1 && n < cap; k--) {
      double a = value(macdHist, k);
      double b = value(macdHist, k - 1);
      if (sign > 0 ? a > b : a < b) {
        n++;
      } else {
        break;
      }
    }
    return sign * n;
  }

  private String notWarmReason() {
    int n = vix.getBarCount();
    List<String> missing = new ArrayList<>();
    need(missing, "vixBase (EMA " + config.vixBaseEmaDays() + " as of the previous close)",
        config.vixBaseEmaDays() + 1, n);
    need(missing, "contangoZ (" + config.contangoZDays() + "-day z-score)", config.contangoZDays(), n);
    need(missing, "rsiSpx (RSI " + config.rsiSpxDays() + ")", config.rsiSpxDays() + 1, n);
    need(missing, "rsiVix21 (RSI " + config.rsiVixLongDays() + ")", config.rsiVixLongDays() + 1, n);
    need(missing, "macdVixHist (MACD " + config.macdFastDays() + "/" + config.macdSlowDays() + "/"
            + config.macdSignalDays() + ", rising for " + config.score().macdRisingDays() + " days)",
        config.macdSlowDays() + config.macdSignalDays() - 1 + config.score().macdRisingDays(), n);
    return missing.isEmpty() ? "" : "not enough history: " + String.join("; ", missing);
  }

  private static void need(List<String> missing, String what, int needed, int have) {
    if (have < needed) {
      missing.add(what + " needs " + needed + " closes, has " + have);
    }
  }
}
