package dev.alvh.app.runtime;

import dev.alvh.app.store.ConsoleQueries;
import dev.alvh.app.store.Store;
import dev.alvh.core.account.Position;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.MarketData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The book as the operator sees it, computed once for the console, {@code ctl} and
 * {@code /metrics} so they always agree: every broker position with its mark, unrealised P&amp;L
 * and greeks, the book's totals, equity and P&amp;L.
 *
 * <p>Units: money in USD; a position's {@code avgCost} and {@code mark} are USD per contract
 * (the quote's mid in points x the multiplier, 100). Position greeks are for the whole position
 * (quantity x multiplier x the quote's greek): delta in USD per point of the option's underlying,
 * gamma the change of that delta per point, vega USD per volatility point, theta USD per calendar
 * day. The book's {@code delta} and {@code gamma} are the SPX options' only (per SPX point; the
 * VIX options' deltas are per VIX point and do not add to them); its {@code vega} and
 * {@code theta} are every position's.
 *
 * @param equity     the broker's net liquidation value
 * @param realized   realised P&amp;L of the books, before commissions: every closed tranche and
 *                   every hedge close
 * @param unrealized the sum of the positions' unrealised P&amp;L (positions without a quote count 0)
 * @param day        equity minus the equity of the last daily snapshot before today (0 without one)
 */
public record BookSnapshot(BigDecimal equity, BigDecimal realized, BigDecimal unrealized, BigDecimal day,
    List<Line> lines, double delta, double gamma, double vega, double theta) {

  /**
   * One broker position.
   *
   * @param mark       USD per contract at the quote's mid; empty without a quote
   * @param unrealized (mark - avgCost) x quantity, USD; 0 without a quote
   */
  public record Line(OptionContract contract, long quantity, BigDecimal avgCost, Optional<BigDecimal> mark,
      BigDecimal unrealized, double delta, double gamma, double vega, double theta) {
  }

  /** The book now: positions and equity from the broker, marks and greeks from the market, P&amp;L from the store. */
  public static BookSnapshot of(Broker broker, MarketData market, Store store, LocalDate today) {
    BigDecimal equity = broker.account().netLiquidation();
    List<Line> lines = new ArrayList<>();
    BigDecimal unrealized = BigDecimal.ZERO.setScale(2);
    double delta = 0;
    double gamma = 0;
    double vega = 0;
    double theta = 0;
    for (Position p : broker.positions()) {
      if (p.quantity() == 0) {
        continue;
      }
      Optional<OptionQuote> q = quote(market, p.contract());
      double units = (double) p.quantity() * p.contract().multiplier();
      Optional<BigDecimal> mark = q.map(x -> x.mid().multiply(BigDecimal.valueOf(p.contract().multiplier()))
          .setScale(2, RoundingMode.HALF_EVEN));
      BigDecimal pnl = mark.map(m -> m.subtract(p.avgCost()).multiply(BigDecimal.valueOf(p.quantity()))
          .setScale(2, RoundingMode.HALF_EVEN)).orElse(BigDecimal.ZERO.setScale(2));
      double d = q.map(x -> x.delta() * units).orElse(0.0);
      double g = q.map(x -> x.gamma() * units).orElse(0.0);
      double v = q.map(x -> x.vega() / 100 * units).orElse(0.0);
      double t = q.map(x -> x.theta() * units).orElse(0.0);
      lines.add(new Line(p.contract(), p.quantity(), p.avgCost(), mark, pnl, d, g, v, t));
      unrealized = unrealized.add(pnl);
      if (!OptionContract.VIX.equals(p.contract().tradingClass())) {
        delta += d;
        gamma += g;
      }
      vega += v;
      theta += t;
    }
    ConsoleQueries q = new ConsoleQueries(store);
    BigDecimal realized = q.realizedPnl();
    BigDecimal dayBase = q.equityBefore(today).orElse(equity);
    return new BookSnapshot(equity, realized.setScale(2, RoundingMode.HALF_EVEN), unrealized,
        equity.subtract(dayBase).setScale(2, RoundingMode.HALF_EVEN), List.copyOf(lines), delta, gamma, vega, theta);
  }

  private static Optional<OptionQuote> quote(MarketData market, OptionContract c) {
    try {
      return market.quote(c);
    } catch (RuntimeException e) {
      return Optional.empty(); // an expired or unlisted series: shown without a mark
    }
  }

  /**
   * The unrealised P&amp;L of an open tranche, USD: the credit received minus what its four legs
   * cost to buy back at mid, times 100 and the quantity; empty when a leg has no quote.
   */
  public static Optional<BigDecimal> unrealized(Tranche t, MarketData market) {
    // points to close one condor at mid: + paid
    return dev.alvh.core.market.ComboMid.of(t.closingLegs(), c -> quote(market, c)).map(value -> t.credit()
        .subtract(value).multiply(BigDecimal.valueOf(100L * t.quantity())).setScale(2, RoundingMode.HALF_EVEN));
  }
}
