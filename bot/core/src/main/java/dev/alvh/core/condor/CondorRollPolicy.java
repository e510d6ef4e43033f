package dev.alvh.core.condor;

import dev.alvh.core.Check;
import dev.alvh.core.config.CondorConfig;
import dev.alvh.core.instrument.OptionRight;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The time-shift ("theta inversion") roll of docs/strategy.md section 2: when VIX is at least
 * {@code condor.rollVixMin} (16) and a short strike's |delta| is at least
 * {@code condor.rollShortDelta} (0.30), roll that tested side to the next 45-60 DTE expiry, for a
 * credit or a debit of at most {@code condor.rollMaxDebit}; at most
 * {@code condor.maxRollsPerTranche} rolls per tranche.
 *
 * <p>Both thresholds include equality: VIX 16.00 with a short put at delta -0.30 rolls the put
 * side. When both sides are tested, the side with the larger |delta| rolls (puts on a tie).
 */
public final class CondorRollPolicy {

  private final CondorConfig config;

  /** A policy for {@code config}. */
  public CondorRollPolicy(CondorConfig config) {
    this.config = Check.notNull(config, "config");
  }

  /** True when {@code tranche} may still roll at this VIX: rolls left and VIX at least the minimum. */
  public boolean mayRoll(Tranche tranche, double vix) {
    return tranche.rolls() < config.maxRollsPerTranche() && vix >= config.rollVixMin();
  }

  /**
   * The side of {@code tranche} to roll, or empty.
   *
   * @param vix            VIX now
   * @param shortPutDelta  delta of the short put now (negative)
   * @param shortCallDelta delta of the short call now (positive)
   */
  public Optional<OptionRight> testedSide(Tranche tranche, double vix, double shortPutDelta, double shortCallDelta) {
    if (!mayRoll(tranche, vix)) {
      return Optional.empty();
    }
    double put = Math.abs(shortPutDelta);
    double call = Math.abs(shortCallDelta);
    boolean putTested = put >= config.rollShortDelta();
    boolean callTested = call >= config.rollShortDelta();
    if (putTested && (!callTested || put >= call)) {
      return Optional.of(OptionRight.PUT);
    }
    return callTested ? Optional.of(OptionRight.CALL) : Optional.empty();
  }

  /** True when a roll at net price {@code rollCredit} per condor (negative: a debit) is allowed. */
  public boolean priceAllowed(BigDecimal rollCredit) {
    return rollCredit.signum() >= 0 || rollCredit.negate().compareTo(config.rollMaxDebit()) <= 0;
  }
}
