package dev.alvh.paper.market;

import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.Clock;
import dev.alvh.core.pricing.Black76Pricer;
import dev.alvh.core.pricing.BlackInputs;
import dev.alvh.core.pricing.ImpliedVolatilityException;
import dev.alvh.core.time.VirtualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The simulated market against real SPX/SPXW quotes: each real quote's implied vol and spread
 * beside what {@link SimulatedMarket} quotes for the same contract at the close of the quote date.
 *
 * <p>Real side: a chain file with the columns {@code quote_date, underlying_snapshot, root,
 * expiration, dte, type, strike, bid, ask} (the 2019 sample's layout). Per quote date, root and
 * expiration, put-call parity on the six strike pairs nearest the snapshot level gives the
 * forward (median of the six, discount rate {@value #PARITY_RATE}); the mid is inverted with
 * Black-76 on that forward, the delta is the forward delta at that vol. The time to expiry runs
 * to 16:00 (SPXW) or 9:30 (SPX) of the expiration from 16:00 of the quote date.
 *
 * <p>Model side: a {@link SimulatedMarket} over the daily history at 16:00 of the quote date
 * (the day's closes), quoting the strike with the same log-moneyness to its own forward as the
 * real strike has to the parity forward (the quotes were taken during the day, not at the
 * close, so the same strike would mix the intraday move into the smile).
 */
public final class MarketFit {

  /** Discount rate of the parity forward and of the real vols. */
  public static final double PARITY_RATE = 0.02;
  private static final int PARITY_PAIRS = 6;
  private static final double DAYS_PER_YEAR = 365.0;
  private static final Black76Pricer PRICER = Black76Pricer.DEFAULT;

  /** The |delta| edges of the buckets. */
  public static final double[] DELTA_EDGES = {0.05, 0.10, 0.20, 0.35, 0.50};
  /** The days-to-expiry edges of the buckets (the last one inclusive). */
  public static final int[] DTE_EDGES = {7, 30, 60, 120};
  /** Quotes a bucket needs to be checked. */
  public static final int MIN_BUCKET_QUOTES = 50;

  private MarketFit() {
  }

  /** One real quote of the sample. */
  public record SampleQuote(
      LocalDate date, double snapshot, String root, LocalDate expiry, int dte, OptionRight right, double strike,
      double bid, double ask) {

    /** The mid. */
    public double mid() {
      return (bid + ask) / 2;
    }

    /** The trading class of the simulated market: SPXW or SPX. */
    public String tradingClass() {
      return OptionContract.SPXW.equals(root) ? OptionContract.SPXW : OptionContract.SPX_AM;
    }
  }

  /**
   * One real quote beside the model.
   *
   * @param quote       the real quote
   * @param forward     its parity forward
   * @param realIv      its implied vol
   * @param realDelta   its forward delta at that vol
   * @param modelIv     the model's vol at the same log-moneyness
   * @param modelSpread the model's ask - bid there, points
   * @param modelMid    the model's mid there, points
   */
  public record Point(
      SampleQuote quote, double forward, double realIv, double realDelta, double modelIv, double modelSpread,
      double modelMid) {

    /** ln(K/F) of the real quote. */
    public double logMoneyness() {
      return Math.log(quote.strike() / forward);
    }

    /** Ask - bid of the real quote. */
    public double realSpread() {
      return quote.ask() - quote.bid();
    }
  }

  /**
   * One bucket of the fit table.
   *
   * @param right          put or call
   * @param deltaLo        lowest |delta| (inclusive)
   * @param deltaHi        highest |delta| (exclusive, but 0.50 inclusive)
   * @param dteLo          fewest days (inclusive)
   * @param dteHi          most days (exclusive, but 120 inclusive)
   * @param quotes         real quotes in it
   * @param ivError        median |model IV - real IV|, vol points
   * @param ivBias         median model IV - real IV, vol points
   * @param spreadError    median |model spread - real spread| / real spread
   * @param realSpread     median real spread, points
   * @param modelSpread    median model spread, points
   */
  public record Bucket(
      OptionRight right, double deltaLo, double deltaHi, int dteLo, int dteHi, int quotes, double ivError,
      double ivBias, double spreadError, double realSpread, double modelSpread) {

    /** True when it has enough quotes to be checked. */
    public boolean checked() {
      return quotes >= MIN_BUCKET_QUOTES;
    }

    /** The row of the Markdown table. */
    public String markdownRow() {
      String d = String.format(Locale.ROOT, "%02.0f-%02.0f", deltaLo * 100, deltaHi * 100);
      if (quotes == 0) {
        return String.format(Locale.ROOT, "| %s | %s | %d-%d | 0 | | | | | |", right.name().toLowerCase(Locale.ROOT),
            d, dteLo, dteHi);
      }
      return String.format(Locale.ROOT, "| %s | %s | %d-%d | %d | %.2f | %+.2f | %.0f%% | %.2f | %.2f |%s",
          right.name().toLowerCase(Locale.ROOT), d, dteLo, dteHi, quotes, ivError, ivBias, spreadError * 100,
          realSpread, modelSpread, checked() ? "" : " (fewer than " + MIN_BUCKET_QUOTES + " quotes: not checked)");
    }
  }

  /** The header of {@link Bucket#markdownRow()}. */
  public static final String MARKDOWN_HEADER = "| type | abs delta % | DTE | quotes | median abs IV error, vol pts"
      + " | median IV bias, vol pts | median abs spread error / real | median real spread | median model spread |\n"
      + "|---|---|---|---|---|---|---|---|---|";

  /** The columns a chain file in the sample's layout has (in any order, among others). */
  public static final List<String> COLUMNS = List.of("quote_date", "underlying_snapshot", "root", "expiration", "dte",
      "type", "strike", "bid", "ask");

  /** True when the header of {@code file} has every column of {@link #COLUMNS}. */
  public static boolean hasSampleLayout(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      List<String> header = lines.findFirst().map(l -> Arrays.stream(l.split(","))
          .map(h -> h.strip().toLowerCase(Locale.ROOT)).toList()).orElse(List.of());
      return header.containsAll(COLUMNS);
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /**
   * Reads a chain file in the 2019 sample's layout.
   *
   * @throws UncheckedIOException when it cannot be read
   * @throws IllegalArgumentException naming the file and line when a row cannot be parsed
   */
  public static List<SampleQuote> read(Path file) {
    List<SampleQuote> out = new ArrayList<>();
    try (Stream<String> lines = Files.lines(file)) {
      Map<String, Integer> col = new HashMap<>();
      int[] line = {0};
      lines.forEachOrdered(l -> {
        line[0]++;
        String[] f = l.split(",", -1);
        if (line[0] == 1) {
          for (int i = 0; i < f.length; i++) {
            col.put(f[i].strip().toLowerCase(Locale.ROOT), i);
          }
          for (String need : COLUMNS) {
            if (!col.containsKey(need)) {
              throw new IllegalArgumentException(file + ": no column '" + need + "' in the header");
            }
          }
          return;
        }
        try {
          out.add(new SampleQuote(LocalDate.parse(f[col.get("quote_date")]),
              Double.parseDouble(f[col.get("underlying_snapshot")]), f[col.get("root")],
              LocalDate.parse(f[col.get("expiration")]), Integer.parseInt(f[col.get("dte")]),
              "put".equalsIgnoreCase(f[col.get("type")]) ? OptionRight.PUT : OptionRight.CALL,
              Double.parseDouble(f[col.get("strike")]), Double.parseDouble(f[col.get("bid")]),
              Double.parseDouble(f[col.get("ask")])));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(file + " line " + line[0] + ": cannot be read (" + e.getMessage() + ")");
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Every real quote that has an implied vol beside the model priced from {@code history} with
   * {@code config}, in the order of {@code quotes}; quote dates outside the history are left out.
   */
  public static List<Point> compare(List<SampleQuote> quotes, MarketHistory history, MarketConfig config,
      Predicate<LocalDate> tradingDay) {
    Map<String, List<SampleQuote>> groups = new LinkedHashMap<>();
    for (SampleQuote q : quotes) {
      groups.computeIfAbsent(q.date() + " " + q.root() + " " + q.expiry(), k -> new ArrayList<>()).add(q);
    }
    List<LocalDate> days = quotes.stream().map(SampleQuote::date).distinct().sorted().toList();
    if (days.isEmpty()) {
      return List.of();
    }
    VirtualClock clock = new VirtualClock(close(days.get(0)));
    SimulatedMarket market = new SimulatedMarket(history, clock, config, tradingDay);
    List<Point> out = new ArrayList<>();
    List<List<SampleQuote>> ordered = new ArrayList<>(groups.values());
    ordered.sort(Comparator.comparing(g -> g.get(0).date()));
    for (List<SampleQuote> g : ordered) {
      SampleQuote first = g.get(0);
      if (market.bar(first.date()).isEmpty()) {
        continue;
      }
      clock.set(close(first.date()));
      double years = years(first);
      Optional<Double> fwd = parityForward(g, years);
      if (fwd.isEmpty()) {
        continue;
      }
      double modelFwd = market.spxForward(first.tradingClass(), first.expiry());
      for (SampleQuote q : g) {
        BlackInputs in = BlackInputs.onFuture(fwd.get(), PARITY_RATE, years, 0.2, q.strike(), q.right());
        double iv;
        try {
          iv = PRICER.impliedVol(q.mid(), in);
        } catch (ImpliedVolatilityException e) {
          continue;
        }
        if (!(iv > 0.01) || iv > 3) {
          continue;
        }
        double delta = PRICER.greeks(BlackInputs.onFuture(fwd.get(), 0, years, iv, q.strike(), q.right())).delta();
        BigDecimal strike = BigDecimal.valueOf(q.strike() * modelFwd / fwd.get()).setScale(2, RoundingMode.HALF_EVEN);
        OptionContract c = new OptionContract("SPX", first.tradingClass(), q.expiry(), strike, q.right(), 100);
        Optional<OptionQuote> mq = market.quote(c);
        if (mq.isEmpty()) {
          continue;
        }
        OptionQuote m = mq.get();
        out.add(new Point(q, fwd.get(), iv, delta, m.iv(), m.spread().doubleValue(), m.mid().doubleValue()));
      }
    }
    return out;
  }

  /** The fit table: put then call, |delta| buckets, DTE buckets. */
  public static List<Bucket> table(List<Point> points) {
    List<Bucket> out = new ArrayList<>();
    for (OptionRight r : List.of(OptionRight.PUT, OptionRight.CALL)) {
      for (int d = 0; d + 1 < DELTA_EDGES.length; d++) {
        for (int t = 0; t + 1 < DTE_EDGES.length; t++) {
          double dLo = DELTA_EDGES[d];
          double dHi = DELTA_EDGES[d + 1];
          int tLo = DTE_EDGES[t];
          int tHi = DTE_EDGES[t + 1];
          boolean lastD = d + 2 == DELTA_EDGES.length;
          boolean lastT = t + 2 == DTE_EDGES.length;
          List<Point> in = points.stream().filter(p -> p.quote().right() == r)
              .filter(p -> Math.abs(p.realDelta()) >= dLo
                  && (Math.abs(p.realDelta()) < dHi || lastD && Math.abs(p.realDelta()) <= dHi))
              .filter(p -> p.quote().dte() >= tLo && (p.quote().dte() < tHi || lastT && p.quote().dte() <= tHi))
              .toList();
          out.add(new Bucket(r, dLo, dHi, tLo, tHi, in.size(),
              median(in.stream().mapToDouble(p -> Math.abs(p.modelIv() - p.realIv()) * 100).toArray()),
              median(in.stream().mapToDouble(p -> (p.modelIv() - p.realIv()) * 100).toArray()),
              median(in.stream().mapToDouble(p -> Math.abs(p.modelSpread() - p.realSpread()) / p.realSpread())
                  .toArray()),
              median(in.stream().mapToDouble(Point::realSpread).toArray()),
              median(in.stream().mapToDouble(Point::modelSpread).toArray())));
        }
      }
    }
    return out;
  }

  /** The fit table as Markdown. */
  public static String markdown(List<Bucket> table) {
    StringBuilder sb = new StringBuilder(MARKDOWN_HEADER).append('\n');
    table.forEach(b -> sb.append(b.markdownRow()).append('\n'));
    return sb.toString();
  }

  /** 16:00 New York of {@code day}: the close the model quotes at. */
  public static java.time.Instant close(LocalDate day) {
    return day.atTime(LocalTime.of(16, 0)).atZone(Clock.MARKET_ZONE).toInstant();
  }

  /** Years from 16:00 of the quote date to settlement (16:00 SPXW, 9:30 SPX). */
  static double years(SampleQuote q) {
    double days = q.dte() - (OptionContract.SPXW.equals(q.root()) ? 0.0 : 6.5 / 24);
    return days / DAYS_PER_YEAR;
  }

  /** The median of the parity forwards of the pairs nearest the snapshot, if any pair. */
  static Optional<Double> parityForward(List<SampleQuote> group, double years) {
    Map<Double, Double> calls = new HashMap<>();
    Map<Double, Double> puts = new HashMap<>();
    for (SampleQuote q : group) {
      (q.right() == OptionRight.CALL ? calls : puts).put(q.strike(), q.mid());
    }
    double spot = group.get(0).snapshot();
    double growth = Math.exp(PARITY_RATE * years);
    double[] fwds = calls.keySet().stream().filter(puts::containsKey)
        .sorted(Comparator.comparingDouble(k -> Math.abs(k - spot))).limit(PARITY_PAIRS)
        .mapToDouble(k -> k + growth * (calls.get(k) - puts.get(k))).toArray();
    return fwds.length == 0 ? Optional.empty() : Optional.of(median(fwds));
  }

  /** The median, NaN for none. */
  static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
