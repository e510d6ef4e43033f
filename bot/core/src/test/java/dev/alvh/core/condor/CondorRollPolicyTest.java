package dev.alvh.core.condor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.HedgeState;
import dev.alvh.core.config.CondorConfig;
import dev.alvh.core.instrument.OptionRight;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CondorRollPolicyTest {

  private static final LocalDate E = LocalDate.of(2024, 2, 23);
  private final CondorRollPolicy policy = new CondorRollPolicy(CondorConfig.DEFAULTS);

  private static Tranche tranche(int rolls) {
    return new Tranche(3, LocalDate.of(2024, 1, 2), E, E, new BigDecimal("4750"), new BigDecimal("4800"),
        new BigDecimal("5150"), new BigDecimal("5200"), 5, new BigDecimal("2.40"), rolls);
  }

  @Test
  void bothThresholdsIncludeEquality() {
    assertThat(policy.testedSide(tranche(0), 16.00, -0.30, 0.10)).contains(OptionRight.PUT);
    assertThat(policy.testedSide(tranche(0), 16.00, -0.10, 0.30)).contains(OptionRight.CALL);
  }

  @Test
  void justBelowEitherThresholdDoesNotRoll() {
    assertThat(policy.testedSide(tranche(0), 15.99, -0.35, 0.10)).isEmpty();
    assertThat(policy.testedSide(tranche(0), 25, -0.2999, 0.2999)).isEmpty();
  }

  @Test
  void whenBothSidesAreTestedTheLargerDeltaRollsAndATieRollsThePuts() {
    assertThat(policy.testedSide(tranche(0), 20, -0.31, 0.35)).contains(OptionRight.CALL);
    assertThat(policy.testedSide(tranche(0), 20, -0.35, 0.31)).contains(OptionRight.PUT);
    assertThat(policy.testedSide(tranche(0), 20, -0.33, 0.33)).contains(OptionRight.PUT);
  }

  @Test
  void atMostOneRollPerTranche() {
    assertThat(policy.mayRoll(tranche(0), 20)).isTrue();
    assertThat(policy.mayRoll(tranche(1), 20)).isFalse();
    assertThat(policy.testedSide(tranche(1), 30, -0.45, 0.05)).isEmpty();
  }

  @Test
  void creditAnyDebitUpToTheLimitAndNotBeyond() {
    assertThat(policy.priceAllowed(new BigDecimal("0.35"))).isTrue();
    assertThat(policy.priceAllowed(new BigDecimal("-1.00"))).isTrue();
    assertThat(policy.priceAllowed(new BigDecimal("-1.05"))).isFalse();
  }

  @Test
  void rolledTrancheMovesOnlyTheTestedSideAndAddsTheRollCredit() {
    Tranche r = tranche(0).rolled(OptionRight.PUT, LocalDate.of(2024, 3, 8), new BigDecimal("4850"),
        new BigDecimal("4800"), new BigDecimal("-0.40"));
    assertThat(r.putExpiry()).isEqualTo(LocalDate.of(2024, 3, 8));
    assertThat(r.callExpiry()).isEqualTo(E);
    assertThat(r.expiry()).isEqualTo(E);
    assertThat(r.lastExpiry()).isEqualTo(LocalDate.of(2024, 3, 8));
    assertThat(r.mixedExpiry()).isTrue();
    assertThat(r.shortPut()).isEqualByComparingTo("4850");
    assertThat(r.longPut()).isEqualByComparingTo("4800");
    assertThat(r.shortCall()).isEqualByComparingTo("5150");
    assertThat(r.credit()).isEqualByComparingTo("2.00");
    assertThat(r.rolls()).isEqualTo(1);
    // break-evens follow the whole-life credit: 4850 - 2.00 and 5150 + 2.00
    assertThat(r.lowerBreakEven()).isEqualByComparingTo("4848.00");
    assertThat(r.upperBreakEven()).isEqualByComparingTo("5152.00");
    assertThat(r.openingLegs().get(0).contract().expiry()).isEqualTo(LocalDate.of(2024, 3, 8));
    assertThat(r.openingLegs().get(3).contract().expiry()).isEqualTo(E);
  }

  @Test
  void rollAtTimeExitNamesTheExitRoll() {
    CondorConfig d = CondorConfig.DEFAULTS;
    CondorConfig rolling = new CondorConfig(d.dteMin(), d.dteMax(), d.shortDelta(), d.wingWidth(), d.minCreditPct(),
        d.trancheRiskPct(), d.entryIntervalDays(), d.maxOpenTranches(), d.entryStates(), d.skipEventDays(),
        d.profitTargetPct(), d.stopMultiple(), d.timeExitDte(), true, d.rollVixMin(), d.rollShortDelta(),
        d.maxRollsPerTranche(), d.rollMaxDebit(), d.priceTick());
    assertThat(new CondorExitPolicy(rolling).exit(tranche(0), new BigDecimal("2.40"), E.minusDays(21)))
        .contains(ExitReason.ROLL);
    assertThat(new CondorExitPolicy(d).exit(tranche(0), new BigDecimal("2.40"), E.minusDays(21)))
        .contains(ExitReason.TIME_EXIT);
  }

  @Test
  void skipsCarryStableCodes() {
    CondorEntryPolicy entry = new CondorEntryPolicy(CondorConfig.DEFAULTS);
    LocalDate d = LocalDate.of(2024, 1, 8);
    assertThat(entry.gate(d, HedgeState.CALM, false, 0, java.util.Optional.of(d.minusDays(6)))).get()
        .extracting(EntryDecision.Skip::code).isEqualTo(SkipCode.CADENCE);
    assertThat(entry.gate(d, HedgeState.CALM, false, 4, java.util.Optional.empty())).get()
        .extracting(EntryDecision.Skip::code).isEqualTo(SkipCode.MAX_OPEN);
    assertThat(entry.gate(d, HedgeState.L2, false, 0, java.util.Optional.empty())).get()
        .extracting(EntryDecision.Skip::code).isEqualTo(SkipCode.HEDGE_STATE);
    assertThat(entry.gate(d, HedgeState.CALM, true, 0, java.util.Optional.empty())).get()
        .extracting(EntryDecision.Skip::code).isEqualTo(SkipCode.EVENT_DAY);
  }
}
