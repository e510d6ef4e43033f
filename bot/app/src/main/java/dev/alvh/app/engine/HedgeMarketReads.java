package dev.alvh.app.engine;

import dev.alvh.core.condor.Tranche;
import dev.alvh.core.hedge.HedgeMeasures;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.signal.DailyCloses;
import dev.alvh.core.port.SettlementPrices;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the hedge desk's end of day reads from the market-data port: the day's closes with the
 * front two VX futures, the VIX expiries and VX curve for beta, the at-the-money vols
 * {@code beSigma} is measured in and the prices expiring positions settle against. The values are
 * computed in core ({@link HedgeMeasures}); this class only reads.
 */
final class HedgeMarketReads {

  private final MarketData market;

  HedgeMarketReads(MarketData market) {
    this.market = market;
  }

  /** Today's SPX, VIX and VIX3M, with the first two VX futures after today when both are quoted. */
  DailyCloses closes(LocalDate today) {
    IndexLevels ix = market.indices();
    DailyCloses c = DailyCloses.of(today, ix.spx(), ix.vix(), ix.vix3m());
    List<LocalDate> vixExpiries = vixExpirations().stream().filter(d -> d.isAfter(today)).toList();
    if (vixExpiries.size() >= 2) {
      OptionalDouble f = market.vxFuture(vixExpiries.get(0));
      OptionalDouble s = market.vxFuture(vixExpiries.get(1));
      if (f.isPresent() && s.isPresent() && f.getAsDouble() > 0 && s.getAsDouble() > 0) {
        return c.withVx(f.getAsDouble(), s.getAsDouble());
      }
    }
    return c;
  }

  /** The VIX expirations the market lists, or none when it lists no VIX options. */
  List<LocalDate> vixExpirations() {
    try {
      return market.expirations(OptionContract.VIX);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  /** The VX future of each of {@code expiries} that has one. */
  Map<LocalDate, Double> vxCurve(List<LocalDate> expiries) {
    Map<LocalDate, Double> now = new HashMap<>();
    for (LocalDate e : expiries) {
      market.vxFuture(e).ifPresent(v -> now.put(e, v));
    }
    return now;
  }

  /**
   * Minimum break-even distance over {@code open}, in sigmas of a move over
   * {@code horizonTradingDays} trading days; +Infinity without any ({@link HedgeMeasures#beSigma}).
   */
  double beSigma(LocalDate today, List<Tranche> open, int horizonTradingDays) {
    double spx = market.indices().spx();
    Map<LocalDate, OptionalDouble> atm = new HashMap<>();
    for (LocalDate e : HedgeMeasures.beSigmaExpiries(today, open)) {
      atm.put(e, market.atmVol(OptionContract.SPXW, e));
    }
    return HedgeMeasures.beSigma(today, spx, open, atm, horizonTradingDays);
  }

  /** The price each leg's contract of {@code legs} settles against ({@link #settlementUnderlying}), read once each. */
  Map<OptionContract, Double> settlementUnderlyings(List<ComboLeg> legs) {
    Map<OptionContract, Double> out = new LinkedHashMap<>();
    for (ComboLeg leg : legs) {
      out.computeIfAbsent(leg.contract(), this::settlementUnderlying);
    }
    return out;
  }

  /**
   * The price an expiring contract settles against: the exchange's settlement price of its class
   * and expiry when the source publishes it ({@link SettlementPrices}), else what it would settle
   * on now ({@link MarketData#settlementUnderlyingNow}).
   */
  double settlementUnderlying(OptionContract c) {
    double now = market.settlementUnderlyingNow(c);
    Optional<BigDecimal> official = market instanceof SettlementPrices sp
        ? sp.settlementPrice(c.tradingClass(), c.expiry()) : Optional.empty();
    return official.map(BigDecimal::doubleValue).orElse(now);
  }
}
