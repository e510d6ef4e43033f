package dev.alvh.core.condor;

import dev.alvh.core.Check;

/** The outcome of asking whether to open a tranche now: enter with a resolved condor, or skip and why. */
public sealed interface EntryDecision {

  /** Open this condor. */
  record Enter(ResolvedCondor condor) implements EntryDecision {
    /** Checks the condor. */
    public Enter {
      Check.notNull(condor, "condor");
    }
  }

  /**
   * No tranche now.
   *
   * @param code   the rule's stable code
   * @param rule   the rule that blocked the entry, as a sentence
   * @param detail the values that made it block
   */
  record Skip(SkipCode code, String rule, String detail) implements EntryDecision {
    /** Checks the texts. */
    public Skip {
      Check.notNull(code, "code");
      Check.notBlank(rule, "rule");
      Check.notNull(detail, "detail");
    }

    @Override
    public String toString() {
      return rule + " (" + detail + ")";
    }
  }
}
