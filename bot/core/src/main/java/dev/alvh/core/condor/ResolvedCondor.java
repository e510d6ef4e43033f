package dev.alvh.core.condor;

import dev.alvh.core.Check;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.ComboMid;
import dev.alvh.core.market.OptionQuote;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A condor spec resolved against one option chain: four quoted legs and a size.
 *
 * @param expiry    the expiry of the four legs
 * @param longPut   the wing put
 * @param shortPut  the short put
 * @param shortCall the short call
 * @param longCall  the wing call
 * @param quantity  condors to open
 */
public record ResolvedCondor(
    LocalDate expiry, OptionQuote longPut, OptionQuote shortPut, OptionQuote shortCall, OptionQuote longCall,
    int quantity) {

  /** Checks every leg is present. */
  public ResolvedCondor {
    Check.notNull(expiry, "expiry");
    Check.notNull(longPut, "longPut");
    Check.notNull(shortPut, "shortPut");
    Check.notNull(shortCall, "shortCall");
    Check.notNull(longCall, "longCall");
    Check.notNegative(quantity, "quantity");
  }

  /** The net credit at mid, points: the opening combo's {@link ComboMid} negated (short mids minus long mids). */
  public BigDecimal midCredit() {
    return ComboMid.of(legs(), List.of(longPut, shortPut, shortCall, longCall)).orElseThrow().negate();
  }

  /** The net credit at the natural price, points: short bids minus long asks. */
  public BigDecimal naturalCredit() {
    return shortPut.bid().add(shortCall.bid()).subtract(longPut.ask()).subtract(longCall.ask());
  }

  /** The wider wing, points. */
  public BigDecimal width() {
    BigDecimal put = shortPut.contract().strike().subtract(longPut.contract().strike());
    BigDecimal call = longCall.contract().strike().subtract(shortCall.contract().strike());
    return put.max(call);
  }

  /** The legs of the opening combo (a BUY of these at a credit limit). */
  public List<ComboLeg> legs() {
    return List.of(
        ComboLeg.of(Side.BUY, longPut.contract()),
        ComboLeg.of(Side.SELL, shortPut.contract()),
        ComboLeg.of(Side.SELL, shortCall.contract()),
        ComboLeg.of(Side.BUY, longCall.contract()));
  }

  /** The same condor with another size. */
  public ResolvedCondor withQuantity(int q) {
    return new ResolvedCondor(expiry, longPut, shortPut, shortCall, longCall, q);
  }
}
