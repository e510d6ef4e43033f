package dev.alvh.core.condor;

import dev.alvh.core.EnumKeys;

/**
 * Why no tranche opened, as a stable code: stored with every skipped entry so that "why no
 * condor today?" is one query, and so code never parses the rule's wording. The code stored in the
 * decision table is its {@link #key()}: the name in camel case, e.g. {@code noWings}.
 */
public enum SkipCode implements EnumKeys.CamelCase {
  /** Too soon after the last entry (condor.entryIntervalDays). */
  CADENCE,
  /** Enough tranches open (condor.maxOpenTranches). */
  MAX_OPEN,
  /** The hedge is in a state that allows no entry (condor.entryStates). */
  HEDGE_STATE,
  /** An event day (condor.skipEventDays). */
  EVENT_DAY,
  /** No SPXW expiry in the 45-60 DTE window. */
  NO_EXPIRY,
  /** No strikes near the target delta. */
  NO_SHORT_STRIKES,
  /** The wings are not listed. */
  NO_WINGS,
  /** The credit is below the minimum (condor.minCreditPct). */
  MIN_CREDIT,
  /** The risk budget does not cover one condor (condor.trancheRiskPct). */
  SIZE,
  /** A risk limit refused the order (risk.*). */
  RISK_LIMIT,
  /** The quotes failed the sanity check (execution.*, risk.maxQuoteAgeSeconds). */
  QUOTES,
  /** The walked order did not fill by the end of its walk. */
  UNFILLED
}
