package dev.alvh.core.port;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a broker or a book gets the settlement value of an expiring option class.
 *
 * <p>SPXW settle on the SPX close of the expiration day, AM-settled SPX monthlies on the SPX
 * opening print of that day (the special opening quotation, SOQ), VIX options on the VIX
 * opening print of that day (Cboe's SOQ for VIX).
 */
@FunctionalInterface
public interface SettlementPrices {

  /**
   * The settlement value of {@code tradingClass} options expiring on {@code expiry}, in index
   * points; empty when the market has no data for that day.
   */
  Optional<BigDecimal> settlementPrice(String tradingClass, LocalDate expiry);
}
