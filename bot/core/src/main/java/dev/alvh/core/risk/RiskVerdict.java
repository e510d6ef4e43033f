package dev.alvh.core.risk;

import dev.alvh.core.Check;

/**
 * What the {@link RiskGate} says about one order or one cycle: pass, or reject with the limit's
 * key and the values that broke it.
 *
 * <p>Example: {@code reject("risk.maxContractsPerOrder", "51 combos > limit 50")} prints as
 * {@code risk.maxContractsPerOrder: 51 combos > limit 50}.
 *
 * @param passed true when the order may be sent (or the cycle may run)
 * @param limit  the limit's full YAML key (or {@code halted}, {@code killSwitch}); empty on a pass
 * @param detail the values compared, in words; empty on a pass
 */
public record RiskVerdict(boolean passed, String limit, String detail) {

  private static final RiskVerdict PASS = new RiskVerdict(true, "", "");

  /** Checks the fields: a rejection names its limit. */
  public RiskVerdict {
    Check.notNull(limit, "limit");
    Check.notNull(detail, "detail");
    Check.isTrue(passed || !limit.isBlank(), "limit", "must name the limit of a rejection");
  }

  /** A pass. */
  public static RiskVerdict pass() {
    return PASS;
  }

  /** A rejection by {@code limit} with {@code detail}. */
  public static RiskVerdict reject(String limit, String detail) {
    return new RiskVerdict(false, limit, detail);
  }

  @Override
  public String toString() {
    return passed ? "pass" : limit + ": " + detail;
  }
}
