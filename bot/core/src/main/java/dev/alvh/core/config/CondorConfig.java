package dev.alvh.core.config;

import dev.alvh.core.Check;
import dev.alvh.core.HedgeState;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The iron condor rules of docs/strategy.md section 2, every number a named default.
 *
 * <p>YAML group {@code condor.*}. Percentages are in percent: {@code trancheRiskPct: 2.5} means
 * 2.5% of net liquidation.
 *
 * @param dteMin               shortest days to expiry of a new tranche
 * @param dteMax               longest days to expiry of a new tranche
 * @param shortDelta           target |delta| of each short strike
 * @param wingWidth            points between each short strike and its wing
 * @param minCreditPct         minimum credit, percent of wing width; below it the entry is skipped
 * @param trancheRiskPct       risk budget of one tranche, percent of net liquidation
 * @param entryIntervalDays    calendar days that must pass between two new tranches
 * @param maxOpenTranches      open tranches at most
 * @param entryStates          hedge states in which new tranches may open
 * @param skipEventDays        no new tranche on an event day
 * @param profitTargetPct      close when the debit to close is at most this percent of the credit
 * @param stopMultiple         close when the debit to close is at least this multiple of the credit
 * @param timeExitDte          close (or roll) at this many days to expiry
 * @param rollAtTimeExit       roll instead of closing at the time exit
 * @param rollVixMin           theta-inversion roll: VIX at least this
 * @param rollShortDelta       theta-inversion roll: a short strike's |delta| at least this
 * @param maxRollsPerTranche   theta-inversion rolls at most per tranche
 * @param rollMaxDebit         a roll may cost at most this debit, points
 * @param priceTick            price increment of SPX combo orders, points
 */
public record CondorConfig(
    int dteMin, int dteMax, double shortDelta, BigDecimal wingWidth, BigDecimal minCreditPct,
    BigDecimal trancheRiskPct, int entryIntervalDays, int maxOpenTranches, Set<HedgeState> entryStates,
    boolean skipEventDays, BigDecimal profitTargetPct, BigDecimal stopMultiple, int timeExitDte,
    boolean rollAtTimeExit, double rollVixMin, double rollShortDelta, int maxRollsPerTranche,
    BigDecimal rollMaxDebit, BigDecimal priceTick) {

  /** Expiry window start: 45 DTE (seed 001). */
  public static final int DEFAULT_DTE_MIN = 45;
  /** Expiry window end: 60 DTE (seed 001). */
  public static final int DEFAULT_DTE_MAX = 60;
  /** Short strikes nearest 16 delta. */
  public static final double DEFAULT_SHORT_DELTA = 0.16;
  /** Wings 50 SPX points beyond each short strike. */
  public static final BigDecimal DEFAULT_WING_WIDTH = new BigDecimal("50");
  /** Minimum credit 10% of the wing width. */
  public static final BigDecimal DEFAULT_MIN_CREDIT_PCT = new BigDecimal("10");
  /** Tranche risk budget 2.5% of net liquidation (seed 003: 2-3%). */
  public static final BigDecimal DEFAULT_TRANCHE_RISK_PCT = new BigDecimal("2.5");
  /** At most one new tranche a week: 7 calendar days between entries. */
  public static final int DEFAULT_ENTRY_INTERVAL_DAYS = 7;
  /** At most 4 open tranches. */
  public static final int DEFAULT_MAX_OPEN_TRANCHES = 4;
  /** Entries allowed in CALM, WATCH, L1, PRESS and UNWIND; never in L2 or L3. */
  public static final Set<HedgeState> DEFAULT_ENTRY_STATES = Collections.unmodifiableSet(
      EnumSet.of(HedgeState.CALM, HedgeState.WATCH, HedgeState.L1, HedgeState.PRESS, HedgeState.UNWIND));
  /** No entries on event days. */
  public static final boolean DEFAULT_SKIP_EVENT_DAYS = true;
  /** Take profit when the debit to close is at most 50% of the credit. */
  public static final BigDecimal DEFAULT_PROFIT_TARGET_PCT = new BigDecimal("50");
  /** Stop when the debit to close is at least 2.0 x the credit (seed 001). */
  public static final BigDecimal DEFAULT_STOP_MULTIPLE = new BigDecimal("2.0");
  /** Time exit at 21 DTE. */
  public static final int DEFAULT_TIME_EXIT_DTE = 21;
  /** Close, not roll, at the time exit; true closes with reason roll and opens the successor in the same cycle. */
  public static final boolean DEFAULT_ROLL_AT_TIME_EXIT = false;
  /** Theta-inversion roll needs VIX >= 16 (seed 001). */
  public static final double DEFAULT_ROLL_VIX_MIN = 16.0;
  /** Theta-inversion roll needs a short strike at |delta| >= 0.30. */
  public static final double DEFAULT_ROLL_SHORT_DELTA = 0.30;
  /** At most one theta-inversion roll per tranche. */
  public static final int DEFAULT_MAX_ROLLS_PER_TRANCHE = 1;
  /** A roll may cost at most a 1.00-point debit. */
  public static final BigDecimal DEFAULT_ROLL_MAX_DEBIT = new BigDecimal("1.00");
  /** SPX combo prices are multiples of 0.05 (tws-protocol.md section 4.2). */
  public static final BigDecimal DEFAULT_PRICE_TICK = new BigDecimal("0.05");

  /** The defaults of docs/strategy.md section 2. */
  public static final CondorConfig DEFAULTS = new CondorConfig(
      DEFAULT_DTE_MIN, DEFAULT_DTE_MAX, DEFAULT_SHORT_DELTA, DEFAULT_WING_WIDTH, DEFAULT_MIN_CREDIT_PCT,
      DEFAULT_TRANCHE_RISK_PCT, DEFAULT_ENTRY_INTERVAL_DAYS, DEFAULT_MAX_OPEN_TRANCHES, DEFAULT_ENTRY_STATES,
      DEFAULT_SKIP_EVENT_DAYS, DEFAULT_PROFIT_TARGET_PCT, DEFAULT_STOP_MULTIPLE, DEFAULT_TIME_EXIT_DTE,
      DEFAULT_ROLL_AT_TIME_EXIT, DEFAULT_ROLL_VIX_MIN, DEFAULT_ROLL_SHORT_DELTA, DEFAULT_MAX_ROLLS_PER_TRANCHE,
      DEFAULT_ROLL_MAX_DEBIT, DEFAULT_PRICE_TICK);

  /**
   * What {@code condor.entryStates} may hold, and the text {@code had} that names no hedge state:
   * "must contain only [CALM, WATCH, L1, L2, L3, PRESS, UNWIND], but had 'PANIC'". The message of
   * a bad element, here for a null one and from the configuration reader for a bad name.
   */
  public static String entryStatesAllow(String had) {
    return "must contain only " + Arrays.toString(HedgeState.values()) + ", but had '" + had + "'";
  }

  /** Checks every field; messages name the full key. */
  public CondorConfig {
    Check.inRange(dteMin, 1, 365, "condor.dteMin");
    Check.inRange(dteMax, 1, 365, "condor.dteMax");
    Check.isTrue(dteMax >= dteMin, "condor.dteMax", "must be at least condor.dteMin " + dteMin + ", but was " + dteMax);
    Check.inRange(shortDelta, 0.01, 0.5, "condor.shortDelta");
    Check.inRange(wingWidth, new BigDecimal("5"), new BigDecimal("500"), "condor.wingWidth");
    Check.inRange(minCreditPct, BigDecimal.ZERO, new BigDecimal("99"), "condor.minCreditPct");
    Check.inRange(trancheRiskPct, new BigDecimal("0.01"), new BigDecimal("20"), "condor.trancheRiskPct");
    Check.inRange(entryIntervalDays, 0, 365, "condor.entryIntervalDays");
    Check.inRange(maxOpenTranches, 0, 50, "condor.maxOpenTranches");
    Check.notNull(entryStates, "condor.entryStates");
    for (HedgeState s : entryStates) {
      Check.isTrue(s != null, "condor.entryStates", entryStatesAllow(null));
    }
    EnumSet<HedgeState> states = EnumSet.noneOf(HedgeState.class);
    states.addAll(entryStates);
    entryStates = Collections.unmodifiableSet(states);
    Check.inRange(profitTargetPct, BigDecimal.ZERO, new BigDecimal("100"), "condor.profitTargetPct");
    Check.inRange(stopMultiple, BigDecimal.ONE, new BigDecimal("20"), "condor.stopMultiple");
    Check.inRange(timeExitDte, 0, 365, "condor.timeExitDte");
    Check.isTrue(timeExitDte < dteMin, "condor.timeExitDte",
        "must be below condor.dteMin " + dteMin + ", but was " + timeExitDte);
    Check.inRange(rollVixMin, 0, 200, "condor.rollVixMin");
    Check.inRange(rollShortDelta, 0.01, 1.0, "condor.rollShortDelta");
    Check.inRange(maxRollsPerTranche, 0, 10, "condor.maxRollsPerTranche");
    Check.inRange(rollMaxDebit, BigDecimal.ZERO, new BigDecimal("100"), "condor.rollMaxDebit");
    Check.inRange(priceTick, new BigDecimal("0.01"), new BigDecimal("1"), "condor.priceTick");
  }
}
