package dev.alvh.core.condor;

/**
 * Why no tranche opened, as a stable code: stored with every skipped entry so that "why no
 * condor today?" is one query, and so code never parses the rule's wording.
 */
public enum SkipCode {
  /** Too soon after the last entry (condor.entryIntervalDays). */
  CADENCE("cadence"),
  /** Enough tranches open (condor.maxOpenTranches). */
  MAX_OPEN("maxOpen"),
  /** The hedge is in a state that allows no entry (condor.entryStates). */
  HEDGE_STATE("hedgeState"),
  /** An event day (condor.skipEventDays). */
  EVENT_DAY("eventDay"),
  /** No SPXW expiry in the 45-60 DTE window. */
  NO_EXPIRY("noExpiry"),
  /** No strikes near the target delta. */
  NO_SHORT_STRIKES("noShortStrikes"),
  /** The wings are not listed. */
  NO_WINGS("noWings"),
  /** The credit is below the minimum (condor.minCreditPct). */
  MIN_CREDIT("minCredit"),
  /** The risk budget does not cover one condor (condor.trancheRiskPct). */
  SIZE("size"),
  /** A risk limit refused the order (risk.*). */
  RISK_LIMIT("riskLimit"),
  /** The quotes failed the sanity check (execution.*, risk.maxQuoteAgeSeconds). */
  QUOTES("quotes"),
  /** The walked order did not fill by the end of its walk. */
  UNFILLED("unfilled");

  private final String key;

  SkipCode(String key) {
    this.key = key;
  }

  /** The camel-case key stored in the decision table. */
  public String key() {
    return key;
  }
}
