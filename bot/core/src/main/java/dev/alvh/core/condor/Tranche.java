package dev.alvh.core.condor;

import dev.alvh.core.Check;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One iron condor position: sell a put and a call, buy a further put and call, same expiry.
 *
 * <p>Example: tranche 3 opened 2024-01-08, expiring 2024-02-23, 4750/4800 puts and 5150/5200
 * calls, 5 condors for a 2.40 credit: it received 1,200 USD, its maximum loss is
 * (50 - 2.40) x 100 x 5 = 23,800 USD, and its break-evens are 4797.60 and 5152.40.
 *
 * @param id        the tranche id, unique and increasing
 * @param openedOn  the trade date of the opening fill
 * @param expiry    the expiration of all four legs
 * @param longPut   the wing put strike
 * @param shortPut  the short put strike
 * @param shortCall the short call strike
 * @param longCall  the wing call strike
 * @param quantity  condors held
 * @param credit    the net credit received per condor, points
 */
public record Tranche(
    long id, LocalDate openedOn, LocalDate expiry, BigDecimal longPut, BigDecimal shortPut, BigDecimal shortCall,
    BigDecimal longCall, int quantity, BigDecimal credit) {

  private static final BigDecimal MULTIPLIER = BigDecimal.valueOf(100);

  /** Checks the strikes are ordered long put < short put < short call < long call. */
  public Tranche {
    Check.positive((int) Math.min(id, Integer.MAX_VALUE), "id");
    Check.notNull(openedOn, "openedOn");
    Check.notNull(expiry, "expiry");
    Check.isTrue(longPut.compareTo(shortPut) < 0 && shortPut.compareTo(shortCall) < 0
        && shortCall.compareTo(longCall) < 0, "strikes",
        "must be ordered longPut < shortPut < shortCall < longCall, but were "
            + longPut + "/" + shortPut + "/" + shortCall + "/" + longCall);
    Check.positive(quantity, "quantity");
    Check.notNull(credit, "credit");
  }

  /** The four legs as sold (the opening combo is a BUY of these legs at a negative, credit, limit). */
  public List<ComboLeg> openingLegs() {
    return List.of(
        ComboLeg.of(Side.BUY, OptionContract.spxw(expiry, longPut, OptionRight.PUT)),
        ComboLeg.of(Side.SELL, OptionContract.spxw(expiry, shortPut, OptionRight.PUT)),
        ComboLeg.of(Side.SELL, OptionContract.spxw(expiry, shortCall, OptionRight.CALL)),
        ComboLeg.of(Side.BUY, OptionContract.spxw(expiry, longCall, OptionRight.CALL)));
  }

  /** The four legs reversed: what closes the tranche. */
  public List<ComboLeg> closingLegs() {
    return openingLegs().stream().map(ComboLeg::reversed).toList();
  }

  /** The wider of the two wings, points. */
  public BigDecimal width() {
    return shortPut.subtract(longPut).max(longCall.subtract(shortCall));
  }

  /** The maximum loss of the whole tranche, USD: (width - credit) x 100 x quantity. */
  public BigDecimal maxLoss() {
    return width().subtract(credit).multiply(MULTIPLIER).multiply(BigDecimal.valueOf(quantity));
  }

  /** The lower break-even: short put strike minus credit. */
  public BigDecimal lowerBreakEven() {
    return shortPut.subtract(credit);
  }

  /** The upper break-even: short call strike plus credit. */
  public BigDecimal upperBreakEven() {
    return shortCall.add(credit);
  }

  /**
   * The value of one condor at expiry when the index settles at {@code settlement}: what the
   * bot owes, points, between 0 and the width.
   */
  public BigDecimal settlementValue(BigDecimal settlement) {
    BigDecimal putSide = shortPut.subtract(settlement).max(BigDecimal.ZERO).min(shortPut.subtract(longPut));
    BigDecimal callSide = settlement.subtract(shortCall).max(BigDecimal.ZERO).min(longCall.subtract(shortCall));
    return putSide.add(callSide);
  }

  /**
   * The break-even distance in sigma: distance from {@code spot} to the nearer break-even,
   * divided by {@code spot x atmVol x sqrt(dte / 365)} (alvh-spec.md section 2).
   */
  public double beSigma(double spot, double atmVol, LocalDate today) {
    double years = Math.max(java.time.temporal.ChronoUnit.DAYS.between(today, expiry), 1) / 365.0;
    double distance = Math.min(spot - lowerBreakEven().doubleValue(), upperBreakEven().doubleValue() - spot);
    return distance / (spot * atmVol * Math.sqrt(years));
  }
}
