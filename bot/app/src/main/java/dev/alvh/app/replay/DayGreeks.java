package dev.alvh.app.replay;

import dev.alvh.core.account.Position;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.MarketData;
import java.util.List;
import java.util.Optional;

/**
 * A book's greeks at one moment, summed over its option positions with the quotes' model values,
 * in USD so they read on one axis.
 *
 * @param spxDeltaUsdPerPct SPX options' delta: USD gained for a 1% rise of SPX
 * @param vixDeltaUsdPerPt  VIX options' delta: USD gained for a 1-point rise of the VX future
 * @param vegaUsdPerVolPt   vega of every option: USD gained for a 1-point rise of implied volatility
 * @param thetaUsdPerDay    theta of every option: USD gained per calendar day, all else equal
 */
public record DayGreeks(double spxDeltaUsdPerPct, double vixDeltaUsdPerPt, double vegaUsdPerVolPt,
    double thetaUsdPerDay) {

  /** The greeks of {@code positions} on {@code market}'s quotes; a position without a quote adds nothing. */
  public static DayGreeks of(List<Position> positions, MarketData market, double spx) {
    double spxDelta = 0;
    double vixDelta = 0;
    double vega = 0;
    double theta = 0;
    for (Position p : positions) {
      Optional<OptionQuote> q = p.quantity() == 0 ? Optional.empty() : market.quote(p.contract());
      if (q.isEmpty()) {
        continue;
      }
      double units = (double) p.quantity() * p.contract().multiplier();
      if (OptionContract.VIX.equals(p.contract().symbol())) {
        vixDelta += q.get().delta() * units;
      } else {
        spxDelta += q.get().delta() * units * spx / 100;
      }
      vega += q.get().vega() / 100 * units;
      theta += q.get().theta() * units;
    }
    return new DayGreeks(spxDelta, vixDelta, vega, theta);
  }
}
