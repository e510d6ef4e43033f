package dev.alvh.core.condor;

import dev.alvh.core.Check;
import dev.alvh.core.config.CondorConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When an open tranche closes: profit target, stop, time exit (docs/strategy.md section 2).
 * With {@code condor.rollAtTimeExit} the time exit is a roll: the tranche closes with reason
 * {@link ExitReason#ROLL} and the entry rules open its successor in the 45-60 DTE window.
 *
 * <p>Checked in that order; the first that holds names the exit. A tranche past its time exit on
 * a weekend closes on the next cycle, because the rule is {@code dte <= timeExitDte}.
 */
public final class CondorExitPolicy {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final CondorConfig config;

  /** A policy for {@code config}. */
  public CondorExitPolicy(CondorConfig config) {
    this.config = Check.notNull(config, "config");
  }

  /**
   * The exit that applies to {@code tranche} when closing it costs {@code closeDebit} points per
   * condor at mid, on {@code today}; empty when it stays open.
   */
  public Optional<ExitReason> exit(Tranche tranche, BigDecimal closeDebit, LocalDate today) {
    BigDecimal target = tranche.credit().multiply(config.profitTargetPct()).divide(HUNDRED, 4, RoundingMode.HALF_EVEN);
    if (closeDebit.compareTo(target) <= 0) {
      return Optional.of(ExitReason.PROFIT_TARGET);
    }
    if (closeDebit.compareTo(tranche.credit().multiply(config.stopMultiple())) >= 0) {
      return Optional.of(ExitReason.STOP);
    }
    if (ChronoUnit.DAYS.between(today, tranche.expiry()) <= config.timeExitDte()) {
      return Optional.of(config.rollAtTimeExit() ? ExitReason.ROLL : ExitReason.TIME_EXIT);
    }
    return Optional.empty();
  }
}
