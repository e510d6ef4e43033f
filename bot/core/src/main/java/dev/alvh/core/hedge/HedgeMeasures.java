package dev.alvh.core.hedge;

import dev.alvh.core.Check;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.config.HedgeConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The values the hedge desk computes from the store and the market before the machine and the
 * planner run: the break-even distance {@code beSigma}, the carry cap, the PRESS gain still to move
 * into L3 and the settlement value of an expiring position. Pure functions over values the caller
 * read; the beta of each layer is kept by {@link BetaWindows}.
 */
public final class HedgeMeasures {

  private HedgeMeasures() {
  }

  /**
   * The expiries whose at-the-money vol {@link #beSigma} reads: those of {@code open} after
   * {@code today}, in the tranches' order, each once.
   */
  public static List<LocalDate> beSigmaExpiries(LocalDate today, List<Tranche> open) {
    return open.stream().map(Tranche::expiry).filter(e -> e.isAfter(today)).distinct().toList();
  }

  /**
   * The minimum break-even distance over the tranches of {@code open} that expire after
   * {@code today}, in sigmas of a move over {@code horizonTradingDays} trading days
   * ({@code hedge.signals.beSigmaHorizonDays}), each at least 0; +Infinity without any tranche
   * whose expiry has an at-the-money vol.
   *
   * @param spx      SPX now
   * @param atmVols  the at-the-money vol of each expiry of {@link #beSigmaExpiries}, empty where
   *                 none is quoted
   */
  public static double beSigma(LocalDate today, double spx, List<Tranche> open, Map<LocalDate, OptionalDouble> atmVols,
      int horizonTradingDays) {
    double min = Double.POSITIVE_INFINITY;
    for (Tranche t : open) {
      if (!t.expiry().isAfter(today)) {
        continue;
      }
      OptionalDouble atm = Check.notNull(atmVols.get(t.expiry()), "atmVols of " + t.expiry());
      if (atm.isPresent()) {
        min = Math.min(min, Math.max(0, t.beSigmaOver(spx, atm.getAsDouble(), horizonTradingDays)));
      }
    }
    return min;
  }

  /** The first day of the carry cap's trailing window ({@code hedge.carryCap.months}) ending {@code today}. */
  public static LocalDate carryCapFrom(LocalDate today, HedgeConfig.CarryCap cap) {
    return today.minusMonths(cap.months());
  }

  /**
   * Whether the carry cap is reached: hedge premium spent over the trailing window above
   * {@code hedge.carryCap.maxShareOfCredit} of the condor credit taken in it (and some spent).
   *
   * @param spent  hedge premium paid in the window, USD
   * @param credit condor credit taken in the window, USD
   */
  public static boolean carryCapReached(BigDecimal spent, BigDecimal credit, HedgeConfig.CarryCap cap) {
    return spent.signum() > 0 && spent.compareTo(credit.multiply(cap.maxShareOfCredit())) > 0;
  }

  /**
   * The realized hedge gain still to move into L3 in this PRESS (spec PRESS action 2): the share
   * {@code hedge.press.gainToL3Share} of the gain realized since PRESS was entered (0 when it is a
   * loss), less what was already moved, at least 0, in cents.
   *
   * @param realized hedge P&amp;L realized since PRESS was entered, USD
   * @param toppedUp USD already spent on L3 top-ups since then
   */
  public static BigDecimal pressGainBudget(BigDecimal realized, BigDecimal toppedUp, HedgeConfig.Press press) {
    return realized.max(BigDecimal.ZERO).multiply(press.gainToL3Share()).subtract(toppedUp)
        .max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN);
  }

  /**
   * What one combo of {@code legs} settles at: the sum over the legs of intrinsic value
   * ({@link OptionContract#intrinsic}) x side x ratio, points, at scale 4 (positive when the holder
   * receives cash).
   *
   * @param underlying the settlement price of each leg's contract (the exchange's when published,
   *     else {@link dev.alvh.core.port.MarketData#settlementUnderlyingNow}), read before the call
   * @throws IllegalArgumentException when a leg's contract has no price in {@code underlying}
   */
  public static BigDecimal settlementValue(List<ComboLeg> legs, Map<OptionContract, Double> underlying) {
    BigDecimal value = BigDecimal.ZERO;
    for (ComboLeg leg : legs) {
      OptionContract c = leg.contract();
      Double price = underlying.get(c);
      Check.isTrue(price != null, "underlying", "must hold a settlement price of " + c.key());
      BigDecimal intrinsic = c.intrinsic(BigDecimal.valueOf(price));
      value = value.add(leg.perCombo(intrinsic));
    }
    return value.setScale(4, RoundingMode.HALF_EVEN);
  }
}
