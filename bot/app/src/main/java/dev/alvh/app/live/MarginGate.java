package dev.alvh.app.live;

import dev.alvh.core.Check;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.ibkr.broker.IbkrBroker;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What-if before every opening order on a live account (condor entries, hedge layers, press
 * spreads): the order is previewed with IB's whatIf flag and refused when the account's initial
 * margin after it would exceed {@code live.maxInitMarginPct} of net liquidation. A what-if answer
 * without a usable figure (empty, or one of TWS's "unset" sentinels such as
 * {@code 1.7976931348623157E308}, Double.MAX_VALUE) is no answer: the order is refused too, since
 * its margin is unknown.
 */
public final class MarginGate {

  private static final Logger LOG = LoggerFactory.getLogger(MarginGate.class);
  /** Figures at or above this are TWS's unset sentinels (Double.MAX_VALUE, Integer.MAX_VALUE-like), not money. */
  static final BigDecimal SENTINEL_FLOOR = new BigDecimal("1E300");

  private final IbkrBroker broker;
  private final BigDecimal maxPct;

  /** A gate over {@code broker} with {@code live.maxInitMarginPct}. */
  public MarginGate(IbkrBroker broker, BigDecimal maxInitMarginPct) {
    this.broker = Check.notNull(broker, "broker");
    this.maxPct = Check.notNull(maxInitMarginPct, "maxInitMarginPct");
  }

  /**
   * A what-if figure as money, or empty when TWS sent none: blank, not a number, or an unset
   * sentinel ({@code 1.7976931348623157E308}, and anything from {@link #SENTINEL_FLOOR} up).
   */
  static Optional<BigDecimal> figure(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      BigDecimal v = new BigDecimal(text.trim());
      return v.abs().compareTo(SENTINEL_FLOOR) >= 0 ? Optional.empty() : Optional.of(v);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Why {@code intent} must not be sent, or empty (closing orders always pass). */
  public Optional<String> refusal(OrderIntent intent) {
    if (!intent.purpose().opens()) {
      return Optional.empty();
    }
    IbkrBroker.WhatIf w;
    BigDecimal netLiq;
    try {
      w = broker.whatIf(intent);
      netLiq = broker.account().netLiquidation();
    } catch (RuntimeException e) {
      return Optional.of("what-if margin preview failed (" + e.getMessage() + "); an opening order is not sent"
          + " without it");
    }
    Optional<BigDecimal> after = figure(w.initMarginAfter());
    if (after.isEmpty()) {
      return Optional.of("what-if answered no initial margin after the order ('" + w.initMarginAfter()
          + "', TWS's unset value); an opening order is not sent without it");
    }
    BigDecimal limit = netLiq.multiply(maxPct).divide(new BigDecimal("100"), 2, RoundingMode.HALF_EVEN);
    if (after.get().compareTo(limit) > 0) {
      return Optional.of("initial margin after the order " + after.get().setScale(2, RoundingMode.HALF_EVEN)
          .toPlainString() + " would exceed live.maxInitMarginPct " + maxPct.toPlainString() + "% of net liquidation "
          + netLiq.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " (" + limit.toPlainString() + ")");
    }
    LOG.info("what-if {}: initial margin after {} of {} allowed", intent.ref(), after.get().toPlainString(),
        limit.toPlainString());
    return Optional.empty();
  }
}
