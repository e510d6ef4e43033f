package dev.alvh.core.condor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.HedgeState;
import dev.alvh.core.config.CondorConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CondorEntryPolicyTest {

  private static final LocalDate TODAY = LocalDate.of(2024, 1, 15);
  private static final LocalDate EXPIRY = TODAY.plusDays(45);
  private static final BigDecimal MILLION = new BigDecimal("1000000");

  private final CondorEntryPolicy policy = new CondorEntryPolicy(CondorConfig.DEFAULTS);

  static OptionQuote quote(LocalDate expiry, int strike, OptionRight right, double delta, String bid, String ask) {
    return new OptionQuote(OptionContract.spxw(expiry, BigDecimal.valueOf(strike), right), new BigDecimal(bid),
        new BigDecimal(ask), 0.15, delta, 0.001, 5.0, -0.5);
  }

  /**
   * A chain around SPX 5000 whose 16-delta strikes are the 4800 put and the 5150 call, with 50-point
   * wings at 4750 and 5200. Mids: 4750P 2.50, 4800P 5.10, 5150C 3.10, 5200C {@code longCallMid}
   * (bid and ask 0.10 apart), so the mid credit is 5.70 - longCallMid.
   */
  static List<OptionQuote> quotes(LocalDate expiry, String longCallBid, String longCallAsk) {
    List<OptionQuote> q = new ArrayList<>();
    q.add(quote(expiry, 4700, OptionRight.PUT, -0.06, "1.20", "1.40"));
    q.add(quote(expiry, 4750, OptionRight.PUT, -0.10, "2.40", "2.60"));
    q.add(quote(expiry, 4800, OptionRight.PUT, -0.155, "5.00", "5.20"));
    q.add(quote(expiry, 4850, OptionRight.PUT, -0.21, "7.00", "7.20"));
    q.add(quote(expiry, 5100, OptionRight.CALL, 0.23, "5.90", "6.10"));
    q.add(quote(expiry, 5150, OptionRight.CALL, 0.165, "3.00", "3.20"));
    q.add(quote(expiry, 5200, OptionRight.CALL, 0.09, longCallBid, longCallAsk));
    q.add(quote(expiry, 5250, OptionRight.CALL, 0.04, "0.20", "0.30"));
    return q;
  }

  static OptionChain chain(String longCallBid, String longCallAsk) {
    return new OptionChain(OptionContract.SPXW, EXPIRY, 5000, quotes(EXPIRY, longCallBid, longCallAsk));
  }

  // ---- gate -------------------------------------------------------------------------------

  @Test
  void entrySevenDaysAfterTheLastIsAllowed() {
    assertThat(policy.gate(TODAY, HedgeState.CALM, false, 0, Optional.of(TODAY.minusDays(7)))).isEmpty();
  }

  @Test
  void entrySixDaysAfterTheLastIsBlockedNamingTheInterval() {
    Optional<EntryDecision.Skip> skip = policy.gate(TODAY, HedgeState.CALM, false, 0, Optional.of(TODAY.minusDays(6)));
    assertThat(skip).isPresent();
    assertThat(skip.get().rule()).contains("one new tranche every 7 days");
    assertThat(skip.get().detail()).contains("6 days ago");
  }

  @Test
  void firstEntryEverHasNoCadenceLimit() {
    assertThat(policy.gate(TODAY, HedgeState.CALM, false, 0, Optional.empty())).isEmpty();
  }

  @Test
  void fourOpenTranchesBlockAndThreeAllow() {
    assertThat(policy.gate(TODAY, HedgeState.CALM, false, 3, Optional.empty())).isEmpty();
    Optional<EntryDecision.Skip> skip = policy.gate(TODAY, HedgeState.CALM, false, 4, Optional.empty());
    assertThat(skip).get().extracting(EntryDecision.Skip::rule).asString().contains("at most 4 open tranches");
  }

  @ParameterizedTest
  @EnumSource(value = HedgeState.class, names = {"L2", "L3"})
  void heavyHedgeStatesBlockEntries(HedgeState state) {
    Optional<EntryDecision.Skip> skip = policy.gate(TODAY, state, false, 0, Optional.empty());
    assertThat(skip).get().extracting(EntryDecision.Skip::rule).asString().contains(state.name());
  }

  @Test
  void hedgeStateSkipNamesTheStateAndListsTheAllowedOnesAlphabetically() {
    // the note is stored with every skip and read back by the replay summary: its text is fixed
    EntryDecision.Skip skip = policy.gate(TODAY, HedgeState.L2, false, 0, Optional.empty()).orElseThrow();
    assertThat(skip.code()).isEqualTo(SkipCode.HEDGE_STATE);
    assertThat(skip.rule()).isEqualTo("no new tranche while the hedge is in L2");
    assertThat(skip.detail()).isEqualTo("entries allowed in [CALM, L1, PRESS, UNWIND, WATCH]");
  }

  @ParameterizedTest
  @EnumSource(value = HedgeState.class, names = {"L2", "L3"})
  void theStateIsReadBackFromTheStoredRule(HedgeState state) {
    String rule = policy.gate(TODAY, state, false, 0, Optional.empty()).orElseThrow().rule();
    assertThat(CondorEntryPolicy.refusedIn(rule)).contains(state);
  }

  @Test
  void aRuleOfAnotherFormNamesNoState() {
    assertThat(CondorEntryPolicy.refusedIn("at most 6 open tranches")).isEmpty();
    assertThat(CondorEntryPolicy.refusedIn("no new tranche while the hedge is in l2")).isEmpty();
    assertThat(CondorEntryPolicy.refusedIn(null)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = HedgeState.class, names = {"CALM", "WATCH", "L1", "PRESS", "UNWIND"})
  void lightHedgeStatesAllowEntries(HedgeState state) {
    assertThat(policy.gate(TODAY, state, false, 0, Optional.empty())).isEmpty();
  }

  @Test
  void eventDayBlocksEntries() {
    Optional<EntryDecision.Skip> skip = policy.gate(TODAY, HedgeState.CALM, true, 0, Optional.empty());
    assertThat(skip).get().extracting(EntryDecision.Skip::rule).asString().contains("event day");
  }

  @Test
  void eventDayIsIgnoredWhenConfiguredNotToSkip() {
    CondorConfig d = CondorConfig.DEFAULTS;
    CondorConfig noSkip = new CondorConfig(d.dteMin(), d.dteMax(), d.shortDelta(), d.wingWidth(), d.minCreditPct(),
        d.trancheRiskPct(), d.entryIntervalDays(), d.maxOpenTranches(), d.entryStates(), false,
        d.profitTargetPct(), d.stopMultiple(), d.timeExitDte(), d.rollAtTimeExit(), d.rollVixMin(),
        d.rollShortDelta(), d.maxRollsPerTranche(), d.rollMaxDebit(), d.priceTick());
    assertThat(new CondorEntryPolicy(noSkip).gate(TODAY, HedgeState.CALM, true, 0, Optional.empty())).isEmpty();
  }

  // ---- expiry -----------------------------------------------------------------------------

  private static List<LocalDate> dtes(int... days) {
    List<LocalDate> out = new ArrayList<>();
    for (int d : days) {
      out.add(TODAY.plusDays(d));
    }
    return out;
  }

  @Test
  void expiryAtExactly45DaysIsChosen() {
    assertThat(policy.expiry(dtes(44, 45, 52, 60, 61), TODAY)).contains(TODAY.plusDays(45));
  }

  @Test
  void expiryAtExactly60DaysIsIncluded() {
    assertThat(policy.expiry(dtes(30, 44, 60, 61), TODAY)).contains(TODAY.plusDays(60));
  }

  @Test
  void expiriesAt44And61DaysAreExcluded() {
    assertThat(policy.expiry(dtes(7, 44, 61, 90), TODAY)).isEmpty();
  }

  @Test
  void theExpiryNearest45IsChosenWhateverTheListOrder() {
    assertThat(policy.expiry(dtes(59, 47, 53, 48), TODAY)).contains(TODAY.plusDays(47));
  }

  // ---- select -----------------------------------------------------------------------------

  @Test
  void shortStrikesNearest16DeltaAndWings50PointsBeyond() {
    EntryDecision d = policy.select(chain("0.60", "0.80"), MILLION);
    assertThat(d).isInstanceOf(EntryDecision.Enter.class);
    ResolvedCondor c = ((EntryDecision.Enter) d).condor();
    assertThat(c.longPut().contract().strike()).isEqualByComparingTo("4750");
    assertThat(c.shortPut().contract().strike()).isEqualByComparingTo("4800");
    assertThat(c.shortCall().contract().strike()).isEqualByComparingTo("5150");
    assertThat(c.longCall().contract().strike()).isEqualByComparingTo("5200");
    assertThat(c.expiry()).isEqualTo(EXPIRY);
  }

  @Test
  void deltaTieGoesToTheFurtherOutOfTheMoneyStrike() {
    // |delta| 0.14 and 0.18 are both 0.02 from 0.16: the smaller |delta| (further OTM) wins on each side.
    List<OptionQuote> q = new ArrayList<>();
    q.add(quote(EXPIRY, 4700, OptionRight.PUT, -0.09, "2.40", "2.60"));
    q.add(quote(EXPIRY, 4750, OptionRight.PUT, -0.14, "5.00", "5.20"));
    q.add(quote(EXPIRY, 4800, OptionRight.PUT, -0.18, "7.00", "7.20"));
    q.add(quote(EXPIRY, 5150, OptionRight.CALL, 0.18, "5.00", "5.20"));
    q.add(quote(EXPIRY, 5200, OptionRight.CALL, 0.14, "3.00", "3.20"));
    q.add(quote(EXPIRY, 5250, OptionRight.CALL, 0.08, "0.60", "0.80"));
    EntryDecision d = policy.select(new OptionChain(OptionContract.SPXW, EXPIRY, 5000, q), MILLION);
    ResolvedCondor c = ((EntryDecision.Enter) d).condor();
    assertThat(c.shortPut().contract().strike()).isEqualByComparingTo("4750");
    assertThat(c.shortCall().contract().strike()).isEqualByComparingTo("5200");
  }

  @Test
  void creditExactlyTenPercentOfWidthIsAccepted() {
    // mid credit 5.10 + 3.10 - 2.50 - 0.70 = 5.00 = 10% of 50
    EntryDecision d = policy.select(chain("0.60", "0.80"), MILLION);
    assertThat(d).isInstanceOf(EntryDecision.Enter.class);
    assertThat(((EntryDecision.Enter) d).condor().midCredit()).isEqualByComparingTo("5.00");
  }

  @Test
  void creditJustBelowTenPercentOfWidthIsSkippedNamingTheRule() {
    // long call mid 0.71: mid credit 4.99 < 5.00
    EntryDecision d = policy.select(chain("0.61", "0.81"), MILLION);
    assertThat(d).isInstanceOf(EntryDecision.Skip.class);
    EntryDecision.Skip s = (EntryDecision.Skip) d;
    assertThat(s.rule()).contains("credit at least 10% of the wing width");
    assertThat(s.detail()).contains("4.99").contains("5");
  }

  @Test
  void sizeIsBudgetOverRiskPerCondorRoundedDown() {
    // budget 2.5% of 1,000,000 = 25,000; risk per condor (50 - 5.00) x 100 = 4,500; 25,000 / 4,500 = 5.56 -> 5
    EntryDecision d = policy.select(chain("0.60", "0.80"), MILLION);
    assertThat(((EntryDecision.Enter) d).condor().quantity()).isEqualTo(5);
  }

  @Test
  void sizeStepsUpExactlyWhenTheBudgetCoversOneMoreCondor() {
    // 2.5% of 1,080,000 = 27,000 = 6 x 4,500; 2.5% of 1,079,960 = 26,999 -> 5
    assertThat(((EntryDecision.Enter) policy.select(chain("0.60", "0.80"), new BigDecimal("1080000")))
        .condor().quantity()).isEqualTo(6);
    assertThat(((EntryDecision.Enter) policy.select(chain("0.60", "0.80"), new BigDecimal("1079960")))
        .condor().quantity()).isEqualTo(5);
  }

  @Test
  void budgetBelowOneCondorsRiskIsSkippedNamingTheSizeRule() {
    // 2.5% of 100,000 = 2,500 < 4,500
    EntryDecision d = policy.select(chain("0.60", "0.80"), new BigDecimal("100000"));
    assertThat(d).isInstanceOf(EntryDecision.Skip.class);
    EntryDecision.Skip s = (EntryDecision.Skip) d;
    assertThat(s.rule()).contains("size at least one condor").contains("2.5% of net liquidation");
    assertThat(s.detail()).contains("2500").contains("4500");
  }

  @Test
  void missingPutWingIsSkippedNamingTheWingRule() {
    List<OptionQuote> q = new ArrayList<>(quotes(EXPIRY, "0.60", "0.80"));
    q.removeIf(x -> x.contract().right() == OptionRight.PUT && x.contract().strike().intValueExact() == 4750);
    EntryDecision d = policy.select(new OptionChain(OptionContract.SPXW, EXPIRY, 5000, q), MILLION);
    assertThat(d).isInstanceOf(EntryDecision.Skip.class);
    assertThat(((EntryDecision.Skip) d).rule()).contains("wings 50 points beyond the short strikes");
  }

  @Test
  void missingCallWingIsSkipped() {
    List<OptionQuote> q = new ArrayList<>(quotes(EXPIRY, "0.60", "0.80"));
    q.removeIf(x -> x.contract().right() == OptionRight.CALL && x.contract().strike().intValueExact() == 5200);
    EntryDecision d = policy.select(new OptionChain(OptionContract.SPXW, EXPIRY, 5000, q), MILLION);
    assertThat(d).isInstanceOf(EntryDecision.Skip.class);
    assertThat(((EntryDecision.Skip) d).detail()).contains("5150");
  }

  @Test
  void chainWithoutCallsIsSkipped() {
    List<OptionQuote> q = new ArrayList<>(quotes(EXPIRY, "0.60", "0.80"));
    q.removeIf(x -> x.contract().right() == OptionRight.CALL);
    EntryDecision d = policy.select(new OptionChain(OptionContract.SPXW, EXPIRY, 5000, q), MILLION);
    assertThat(d).isInstanceOf(EntryDecision.Skip.class);
    assertThat(((EntryDecision.Skip) d).rule()).contains("short strikes");
  }
}
