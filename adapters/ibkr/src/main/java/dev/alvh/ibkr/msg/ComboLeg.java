package dev.alvh.ibkr.msg;

import dev.alvh.core.Check;

/**
 * One leg of a BAG (combo) contract, as sent in placeOrder and echoed in openOrder.
 *
 * <p>Example: the short put of an SPX iron condor is {@code ComboLeg.of(512345678, 1, "SELL",
 * "SMART")}: one contract per combo unit, open/close "same as parent" (0), short-sale slot 0, no
 * designated location, exempt code -1 (IB's default).
 *
 * @param conId the leg contract id (from contract details)
 * @param ratio contracts of this leg per combo unit, at least 1
 * @param action {@code BUY} or {@code SELL}
 * @param exchange the leg's exchange, e.g. {@code SMART} or {@code CBOE}
 * @param openClose 0 = same as parent (the only retail value), 1 open, 2 close, 3 unknown
 * @param shortSaleSlot 0 for retail
 * @param designatedLocation empty for retail
 * @param exemptCode -1 by default
 */
public record ComboLeg(int conId, int ratio, String action, String exchange, int openClose,
    int shortSaleSlot, String designatedLocation, int exemptCode) {

  /** Checks the strings are set. */
  public ComboLeg {
    Check.notNull(action, "action");
    Check.notNull(exchange, "exchange");
    Check.notNull(designatedLocation, "designatedLocation");
  }

  /** A retail leg with IB's defaults: openClose 0, shortSaleSlot 0, no location, exemptCode -1. */
  public static ComboLeg of(int conId, int ratio, String action, String exchange) {
    Check.positive(ratio, "ratio");
    return new ComboLeg(conId, ratio, action, exchange, 0, 0, "", -1);
  }
}
