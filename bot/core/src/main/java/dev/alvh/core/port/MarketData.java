package dev.alvh.core.port;

import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Market data, as the strategy sees it: index levels and option chains.
 *
 * <p>Implemented by the simulated market (replay and paper) and by the IBKR adapter.
 */
public interface MarketData {

  /** SPX, VIX and VIX3M now. */
  IndexLevels indices();

  /** Listed expirations of {@code tradingClass} from today on, ascending. */
  List<LocalDate> expirations(String tradingClass);

  /** The quoted chain of one expiry, with greeks. */
  OptionChain chain(String tradingClass, LocalDate expiry);

  /**
   * What {@code contract} would settle on now, in index points: for a VIX option
   * ({@link OptionContract#settlesOnVix()}) the VX future of its expiry, VIX when there is none;
   * for SPX and SPXW options SPX.
   */
  default double settlementUnderlyingNow(OptionContract contract) {
    return contract.settlesOnVix() ? vxFuture(contract.expiry()).orElseGet(() -> indices().vix()) : indices().spx();
  }

  /**
   * The VX future expiring on {@code expiry} (the VIX options of that expiry are priced off it),
   * in VIX points; empty when the source has no such future. Sources without VX quotes derive it
   * from the VIX/VIX3M term structure.
   */
  default OptionalDouble vxFuture(LocalDate expiry) {
    return OptionalDouble.empty();
  }

  /**
   * When the quote of {@code contract} was last updated; empty when the source does not time its
   * quotes (the simulated market quotes as of its clock, so its quotes are never stale). Order
   * execution refuses quotes older than {@code risk.maxQuoteAgeSeconds}.
   */
  default Optional<java.time.Instant> quoteTime(OptionContract contract) {
    return Optional.empty();
  }

  /**
   * The daily closes of index {@code symbol} ({@code SPX}, {@code VIX}, {@code VIX3M}) on the last
   * {@code days} trading days before today, oldest first: the signals' warm-up history on start.
   * Empty when the source keeps no history (the default) or has none for the symbol.
   *
   * @throws RuntimeException when the source has history but cannot deliver it now (e.g. TWS
   *     refused the request); the caller says so and carries on
   */
  default List<dev.alvh.core.market.DailyClose> dailyHistory(String symbol, int days) {
    return List.of();
  }

  /**
   * The implied vol (a fraction) of the put nearest 50 delta of one expiry: the at-the-money vol
   * the break-even distance ({@code beSigma}) is measured in. Empty when the chain quotes no such
   * put or its vol is not positive. Sources that can answer without quoting the whole chain
   * override it; the answer must stay that of {@code chain(...).nearestDelta(PUT, 0.5)}.
   */
  default OptionalDouble atmVol(String tradingClass, LocalDate expiry) {
    return chain(tradingClass, expiry).nearestDelta(dev.alvh.core.instrument.OptionRight.PUT, 0.5)
        .filter(q -> q.iv() > 0).map(q -> OptionalDouble.of(q.iv())).orElse(OptionalDouble.empty());
  }

  /**
   * The datum a decision's snapshot asks for ({@link dev.alvh.core.market.MarketSnapshot.Request}),
   * read from this source now; a quote with the time it was last updated ({@code asOf} when the
   * source does not time its quotes).
   */
  default Object datum(dev.alvh.core.market.MarketSnapshot.Request request, java.time.Instant asOf) {
    if (request instanceof dev.alvh.core.market.MarketSnapshot.Quote q) {
      return new dev.alvh.core.market.MarketSnapshot.TimedQuote(quote(q.contract()),
          quoteTime(q.contract()).orElse(asOf));
    }
    if (request instanceof dev.alvh.core.market.MarketSnapshot.Chain c) {
      return chain(c.tradingClass(), c.expiry());
    }
    if (request instanceof dev.alvh.core.market.MarketSnapshot.Expirations e) {
      return expirations(e.tradingClass());
    }
    if (request instanceof dev.alvh.core.market.MarketSnapshot.Vx v) {
      return vxFuture(v.expiry());
    }
    dev.alvh.core.market.MarketSnapshot.AtmVol a = (dev.alvh.core.market.MarketSnapshot.AtmVol) request;
    return atmVol(a.tradingClass(), a.expiry());
  }

  /** The quote of one series, with greeks; empty when it is not listed or not quoted. */
  Optional<OptionQuote> quote(OptionContract contract);
}
