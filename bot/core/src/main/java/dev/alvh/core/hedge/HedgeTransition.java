package dev.alvh.core.hedge;

import dev.alvh.core.Check;
import dev.alvh.core.HedgeState;
import dev.alvh.core.signal.SignalSnapshot;
import java.time.LocalDate;

/**
 * One move of the hedge state machine, as it is stored and shown to a person.
 *
 * <p>Example: 2020-02-24, CALM to L2, rule "CALM, WATCH or L1 to L2: VIX >= 20 and vixRel >=
 * 1.25 and macdVixHist > 0", with every signal of that close and the VIX peak the rules saw.
 *
 * @param date    the trading day of the close that fired the rule
 * @param from    the state before
 * @param to      the state after
 * @param rule    the name of the rule that fired, a sentence
 * @param signals every signal value of that close
 * @param vixPeak the VIX peak the rules saw (through the previous close)
 */
public record HedgeTransition(
    LocalDate date, HedgeState from, HedgeState to, String rule, SignalSnapshot signals,
    double vixPeak) {

  /** Checks every value. */
  public HedgeTransition {
    Check.notNull(date, "date");
    Check.notNull(from, "from");
    Check.notNull(to, "to");
    Check.notBlank(rule, "rule");
    Check.notNull(signals, "signals");
  }
}
