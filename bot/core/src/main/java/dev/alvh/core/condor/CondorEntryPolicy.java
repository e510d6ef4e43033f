package dev.alvh.core.condor;

import dev.alvh.core.Check;
import dev.alvh.core.HedgeState;
import dev.alvh.core.config.CondorConfig;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * When a new iron condor tranche may open, and which one: the entry rules of docs/strategy.md
 * section 2, each a sentence that a skipped entry names.
 *
 * <p>Stateless; the gates that need no option chain ({@link #gate}) run first so the chain is
 * loaded only when an entry is possible.
 */
public final class CondorEntryPolicy {

  /**
   * The rule of an entry the hedge state refused, before the state's name: "no new tranche while
   * the hedge is in L2". Stored with each such skip; the replay reads the state back from it.
   */
  public static final String HEDGE_STATE_RULE = "no new tranche while the hedge is in ";

  /**
   * The hedge state a {@link SkipCode#HEDGE_STATE} skip's stored rule names ({@link #HEDGE_STATE_RULE}
   * and the state's name); empty for a rule of any other form or a name that is no state.
   */
  public static Optional<HedgeState> refusedIn(String rule) {
    return rule != null && rule.startsWith(HEDGE_STATE_RULE)
        ? HedgeState.named(rule.substring(HEDGE_STATE_RULE.length()).trim())
        : Optional.empty();
  }

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final CondorConfig config;

  /** A policy for {@code config}. */
  public CondorEntryPolicy(CondorConfig config) {
    this.config = Check.notNull(config, "config");
  }

  /**
   * The gates that need no chain: cadence, open tranches, hedge state, event day.
   *
   * @return the first rule that blocks, or empty when an entry may be tried
   */
  public Optional<EntryDecision.Skip> gate(
      LocalDate today, HedgeState hedgeState, boolean eventDay, int openTranches, Optional<LocalDate> lastEntry) {
    if (lastEntry.isPresent()) {
      long days = ChronoUnit.DAYS.between(lastEntry.get(), today);
      if (days < config.entryIntervalDays()) {
        return skip(SkipCode.CADENCE, "at most one new tranche every " + config.entryIntervalDays() + " days",
            "last entry " + lastEntry.get() + ", " + days + " days ago");
      }
    }
    if (openTranches >= config.maxOpenTranches()) {
      return skip(SkipCode.MAX_OPEN, "at most " + config.maxOpenTranches() + " open tranches", openTranches + " open");
    }
    if (!config.entryStates().contains(hedgeState)) {
      return skip(SkipCode.HEDGE_STATE, HEDGE_STATE_RULE + hedgeState.name(),
          // by name, alphabetically: the stored note reads as it always has
          "entries allowed in " + config.entryStates().stream().map(HedgeState::name).sorted().toList());
    }
    if (eventDay && config.skipEventDays()) {
      return skip(SkipCode.EVENT_DAY, "no new tranche on an event day", "FOMC, CPI or PPI within one trading day");
    }
    return Optional.empty();
  }

  /**
   * The listed expiry for a new tranche: within [dteMin, dteMax] days, the one nearest dteMin.
   */
  public Optional<LocalDate> expiry(List<LocalDate> listed, LocalDate today) {
    return listed.stream()
        .filter(e -> {
          long dte = ChronoUnit.DAYS.between(today, e);
          return dte >= config.dteMin() && dte <= config.dteMax();
        })
        .min(LocalDate::compareTo);
  }

  /**
   * Resolves the condor on {@code chain} and sizes it from {@code netLiquidation}.
   *
   * <p>Short strikes nearest the target delta; wings exactly {@code wingWidth} beyond; credit at
   * mid at least {@code minCreditPct} of the width; contracts =
   * floor(tranche budget / ((width - credit) x 100)).
   */
  public EntryDecision select(OptionChain chain, BigDecimal netLiquidation) {
    Optional<OptionQuote> shortPut = chain.nearestDelta(OptionRight.PUT, config.shortDelta());
    Optional<OptionQuote> shortCall = chain.nearestDelta(OptionRight.CALL, config.shortDelta());
    if (shortPut.isEmpty() || shortCall.isEmpty()) {
      return new EntryDecision.Skip(SkipCode.NO_SHORT_STRIKES, "short strikes near " + config.shortDelta() + " delta must be quoted",
          "chain " + chain.expiry() + " has no puts or no calls");
    }
    BigDecimal w = config.wingWidth();
    Optional<OptionQuote> longPut = chain.find(shortPut.get().contract().strike().subtract(w), OptionRight.PUT);
    Optional<OptionQuote> longCall = chain.find(shortCall.get().contract().strike().add(w), OptionRight.CALL);
    if (longPut.isEmpty() || longCall.isEmpty()) {
      return new EntryDecision.Skip(SkipCode.NO_WINGS, "wings " + w + " points beyond the short strikes must be listed",
          "short put " + shortPut.get().contract().strike().toPlainString() + ", short call "
              + shortCall.get().contract().strike().toPlainString());
    }
    ResolvedCondor condor = new ResolvedCondor(chain.expiry(), longPut.get(), shortPut.get(), shortCall.get(),
        longCall.get(), 0);
    BigDecimal credit = condor.midCredit();
    BigDecimal minCredit = w.multiply(config.minCreditPct()).divide(HUNDRED, 4, RoundingMode.HALF_EVEN);
    if (credit.compareTo(minCredit) < 0) {
      return new EntryDecision.Skip(SkipCode.MIN_CREDIT, "credit at least " + config.minCreditPct().toPlainString() + "% of the wing width",
          "mid credit " + credit.toPlainString() + " < " + minCredit.stripTrailingZeros().toPlainString());
    }
    BigDecimal budget = netLiquidation.multiply(config.trancheRiskPct()).divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
    BigDecimal riskPerCondor = condor.width().subtract(credit).multiply(HUNDRED);
    int quantity = budget.divide(riskPerCondor, 0, RoundingMode.FLOOR).intValueExact();
    if (quantity < 1) {
      return new EntryDecision.Skip(SkipCode.SIZE, "size at least one condor within " + config.trancheRiskPct().toPlainString()
          + "% of net liquidation", "budget " + budget.toPlainString() + " USD < risk per condor "
          + riskPerCondor.toPlainString() + " USD");
    }
    return new EntryDecision.Enter(condor.withQuantity(quantity));
  }

  private static Optional<EntryDecision.Skip> skip(SkipCode code, String rule, String detail) {
    return Optional.of(new EntryDecision.Skip(code, rule, detail));
  }
}
