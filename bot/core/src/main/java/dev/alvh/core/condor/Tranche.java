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
 * <p>A theta-inversion roll moves one side (its vertical) to a later expiry, so the two sides
 * have their own expiries; {@link #expiry()} is the nearer one, which the time exit and
 * {@code beSigma} use. The credit is the net credit of the whole life per condor: the opening
 * credit plus the net credit of every roll (minus a roll's debit).
 *
 * @param id        the tranche id, unique and increasing
 * @param openedOn  the trade date of the opening fill
 * @param putExpiry the expiration of the two puts
 * @param callExpiry the expiration of the two calls
 * @param longPut   the wing put strike
 * @param shortPut  the short put strike
 * @param shortCall the short call strike
 * @param longCall  the wing call strike
 * @param quantity  condors held
 * @param credit    the net credit received per condor, points (opening plus rolls)
 * @param rolls     theta-inversion rolls done
 */
public record Tranche(
    long id, LocalDate openedOn, LocalDate putExpiry, LocalDate callExpiry, BigDecimal longPut, BigDecimal shortPut,
    BigDecimal shortCall, BigDecimal longCall, int quantity, BigDecimal credit, int rolls) {

  private static final BigDecimal MULTIPLIER = BigDecimal.valueOf(100);

  /** Checks the strikes are ordered long put < short put < short call < long call. */
  public Tranche {
    Check.positive((int) Math.min(id, Integer.MAX_VALUE), "id");
    Check.notNull(openedOn, "openedOn");
    Check.notNull(putExpiry, "putExpiry");
    Check.notNull(callExpiry, "callExpiry");
    Check.notNegative(rolls, "rolls");
    Check.isTrue(longPut.compareTo(shortPut) < 0 && shortPut.compareTo(shortCall) < 0
        && shortCall.compareTo(longCall) < 0, "strikes",
        "must be ordered longPut < shortPut < shortCall < longCall, but were "
            + longPut + "/" + shortPut + "/" + shortCall + "/" + longCall);
    Check.positive(quantity, "quantity");
    Check.notNull(credit, "credit");
  }

  /** A tranche whose four legs share one expiry and that was never rolled. */
  public Tranche(long id, LocalDate openedOn, LocalDate expiry, BigDecimal longPut, BigDecimal shortPut,
      BigDecimal shortCall, BigDecimal longCall, int quantity, BigDecimal credit) {
    this(id, openedOn, expiry, expiry, longPut, shortPut, shortCall, longCall, quantity, credit, 0);
  }

  /** The nearer expiry of the two sides (both sides' expiry unless rolled). */
  public LocalDate expiry() {
    return putExpiry.isBefore(callExpiry) ? putExpiry : callExpiry;
  }

  /** The later expiry of the two sides. */
  public LocalDate lastExpiry() {
    return putExpiry.isAfter(callExpiry) ? putExpiry : callExpiry;
  }

  /** True when the two sides expire on different days (after a roll). */
  public boolean mixedExpiry() {
    return !putExpiry.equals(callExpiry);
  }

  /** The expiry of the {@code side} vertical. */
  public LocalDate expiry(OptionRight side) {
    return side == OptionRight.PUT ? putExpiry : callExpiry;
  }

  /** The short strike of the {@code side} vertical. */
  public BigDecimal shortStrike(OptionRight side) {
    return side == OptionRight.PUT ? shortPut : shortCall;
  }

  /** The two legs of the {@code side} vertical as sold: buy the wing, sell the short strike. */
  public List<ComboLeg> verticalLegs(OptionRight side) {
    return side == OptionRight.PUT ? openingLegs().subList(0, 2) : openingLegs().subList(2, 4);
  }

  /**
   * This tranche after rolling its {@code side} vertical to {@code newExpiry}, short strike
   * {@code newShort} and wing {@code newLong}, for {@code rollCredit} points per condor (negative
   * for a debit).
   */
  public Tranche rolled(OptionRight side, LocalDate newExpiry, BigDecimal newShort, BigDecimal newLong,
      BigDecimal rollCredit) {
    return side == OptionRight.PUT
        ? new Tranche(id, openedOn, newExpiry, callExpiry, newLong, newShort, shortCall, longCall, quantity,
            credit.add(rollCredit), rolls + 1)
        : new Tranche(id, openedOn, putExpiry, newExpiry, longPut, shortPut, newShort, newLong, quantity,
            credit.add(rollCredit), rolls + 1);
  }

  /** The same tranche with {@code q} condors (after a partial close). */
  public Tranche withQuantity(int q) {
    return new Tranche(id, openedOn, putExpiry, callExpiry, longPut, shortPut, shortCall, longCall, q, credit, rolls);
  }

  /** The four legs as sold (the opening combo is a BUY of these legs at a negative, credit, limit). */
  public List<ComboLeg> openingLegs() {
    return List.of(
        ComboLeg.of(Side.BUY, OptionContract.spxw(putExpiry, longPut, OptionRight.PUT)),
        ComboLeg.of(Side.SELL, OptionContract.spxw(putExpiry, shortPut, OptionRight.PUT)),
        ComboLeg.of(Side.SELL, OptionContract.spxw(callExpiry, shortCall, OptionRight.CALL)),
        ComboLeg.of(Side.BUY, OptionContract.spxw(callExpiry, longCall, OptionRight.CALL)));
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
   * divided by {@code spot x atmVol x sqrt(dte / 365)} (docs/strategy.md section 2); the DTE is that of
   * the nearer expiry, at least one day.
   */
  public double beSigma(double spot, double atmVol, LocalDate today) {
    double years = Math.max(java.time.temporal.ChronoUnit.DAYS.between(today, expiry()), 1) / 365.0;
    double distance = Math.min(spot - lowerBreakEven().doubleValue(), upperBreakEven().doubleValue() - spot);
    return distance / (spot * atmVol * Math.sqrt(years));
  }

  /**
   * Break-even distance in sigmas of a move over {@code horizonTradingDays} trading days (spec
   * section 3, revision 2): the distance from {@code spot} to the nearer break-even, divided by
   * spot x ATM implied vol x sqrt(h / 252). Negative when spot is beyond a break-even.
   *
   * <p>Example: SPX 5000, ATM IV 0.15, h 5: a one-week sigma is 5000 x 0.15 x sqrt(5/252) = 105.6
   * points; a break-even 300 points away is 2.84 sigma.
   */
  public double beSigmaOver(double spot, double atmVol, int horizonTradingDays) {
    double years = Math.max(horizonTradingDays, 1) / 252.0;
    double distance = Math.min(spot - lowerBreakEven().doubleValue(), upperBreakEven().doubleValue() - spot);
    return distance / (spot * atmVol * Math.sqrt(years));
  }
}
