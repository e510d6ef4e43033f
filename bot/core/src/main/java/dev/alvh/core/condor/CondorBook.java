package dev.alvh.core.condor;

import dev.alvh.core.Check;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The open tranches as the hedge sees them: the nearest break-even in sigma ({@code beSigma}
 * of docs/strategy.md section 3) and the condors' risk capital (the base of the hedge budget,
 * section 4).
 *
 * @param open the open tranches
 */
public record CondorBook(List<Tranche> open) {

  /** Copies the list. */
  public CondorBook {
    open = List.copyOf(Check.notNull(open, "open"));
  }

  /**
   * The smallest break-even distance in sigma over the open tranches; positive infinity when
   * none is open (no break-even to defend).
   *
   * @param spot   SPX now
   * @param atmVol SPX at-the-money implied vol, as a decimal
   */
  public double minBeSigma(double spot, double atmVol, LocalDate today) {
    return open.stream().mapToDouble(t -> t.beSigma(spot, atmVol, today)).min().orElse(Double.POSITIVE_INFINITY);
  }

  /** The sum of the open tranches' maximum losses, USD: the condors' total risk capital. */
  public BigDecimal riskCapital() {
    return open.stream().map(Tranche::maxLoss).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Credit received over the open tranches' lives (opening plus rolls), USD. */
  public BigDecimal creditReceived() {
    return open.stream().map(t -> t.credit().multiply(BigDecimal.valueOf(100L * t.quantity())))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
