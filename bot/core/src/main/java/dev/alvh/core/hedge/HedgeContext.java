package dev.alvh.core.hedge;

import dev.alvh.core.Check;
import dev.alvh.core.HedgeState;
import java.time.LocalDate;

/**
 * Everything the hedge state machine remembers between two closes, as plain values.
 *
 * <p>The application stores this record after every evaluation (the state as
 * {@link HedgeState#code()}, the dates as ISO strings, the rest as numbers) and reads it back
 * after a restart, so the machine resumes in the same state with the same counters.
 *
 * <p>Counters count closes, one per evaluated trading day. {@code l3TriggerCloses} runs in every
 * state; the others count closes <em>in the current state</em> and restart at 0 when the state
 * changes, so that hysteresis on the way down starts with the state (a layer entered on a low
 * VIX through {@code beSigma} is not unwound the next morning because VIX had already been low).
 *
 * <p>Example: L3 since 2020-02-27, peak VIX 82.69, the last escalation on 2020-03-09 eight
 * closes ago, VIX above 26 with vixRel above 1.5 on 12 closes in a row, one close of restored
 * contango, layers held, carry cap not reached.
 *
 * @param state                 the current state
 * @param asOf                  the date of the last evaluated close, null before the first
 * @param vixPeak               highest VIX close since the hedge left CALM/WATCH, 0 in CALM/WATCH
 * @param lastEscalation        date of the last move into L1, L2 or L3 from below (or from PRESS
 *                              or UNWIND), null if none
 * @param closesSinceEscalation closes evaluated since {@code lastEscalation} (the escalation close
 *                              is 0); {@link Integer#MAX_VALUE} when there was none
 * @param l3TriggerCloses       consecutive closes with {@code vix >= hedge.l3.vixTrigger} and
 *                              {@code vixRel >= hedge.l3.vixRel}, in any state
 * @param calmCloses            consecutive closes in this state with
 *                              {@code score <= hedge.watch.calmScoreAtMost}
 * @param exitCloses            consecutive closes in this state with VIX below the state's exit
 *                              level (0 in states without one)
 * @param contangoCloses        consecutive closes in this state with restored contango
 * @param layersHeld            input: whether any hedge layer is still held (UNWIND to CALM
 *                              waits until none is); set by the caller before each evaluation
 * @param carryCapReached       input: whether hedge premium over the carry-cap window exceeds its
 *                              share of condor credit; set by the caller before each evaluation
 * @param returned              the escalation alternatives ({@link HedgeRules.Escalation} bits)
 *                              whose condition failed on at least one close since the last
 *                              escalation. From UNWIND an alternative fires again only once its
 *                              condition has gone and come back ("escalation conditions return"): a
 *                              condition that never stopped holding, such as {@code beSigma} below a
 *                              trigger while the same condors stay open, does not re-buy the layers
 *                              UNWIND has just sold. Restarts at 0 with each escalation.
 * @param beSigmaEntry          the current state was entered through a {@code beSigma} rule
 *                              (revision 2 hysteresis: it is not left through the VIX exit level
 *                              while {@code beSigma} stays below that rule's trigger plus
 *                              {@code hedge.unwind.beSigmaMargin})
 * @param closesSinceUnwind     closes evaluated since the machine last entered UNWIND or PRESS, the
 *                              states that sell layers (the entry close is 0);
 *                              {@link Integer#MAX_VALUE} when it never did or when unknown (a
 *                              context stored before revision 2). No escalation buys layers again
 *                              before {@code hedge.unwind.coolDownTradingDays} such closes
 */
public record HedgeContext(
    HedgeState state,
    LocalDate asOf,
    double vixPeak,
    LocalDate lastEscalation,
    int closesSinceEscalation,
    int l3TriggerCloses,
    int calmCloses,
    int exitCloses,
    int contangoCloses,
    boolean layersHeld,
    boolean carryCapReached,
    int returned,
    boolean beSigmaEntry,
    int closesSinceUnwind) {

  /** Checks every value. */
  public HedgeContext {
    Check.notNull(state, "state");
    Check.notNegative(vixPeak, "vixPeak");
    Check.notNegative(closesSinceEscalation, "closesSinceEscalation");
    Check.notNegative(l3TriggerCloses, "l3TriggerCloses");
    Check.notNegative(calmCloses, "calmCloses");
    Check.notNegative(exitCloses, "exitCloses");
    Check.notNegative(contangoCloses, "contangoCloses");
    Check.notNegative(returned, "returned");
    Check.notNegative(closesSinceUnwind, "closesSinceUnwind");
  }

  /** A context with no UNWIND or PRESS known. */
  public HedgeContext(HedgeState state, LocalDate asOf, double vixPeak, LocalDate lastEscalation,
      int closesSinceEscalation, int l3TriggerCloses, int calmCloses, int exitCloses, int contangoCloses,
      boolean layersHeld, boolean carryCapReached, int returned, boolean beSigmaEntry) {
    this(state, asOf, vixPeak, lastEscalation, closesSinceEscalation, l3TriggerCloses, calmCloses, exitCloses,
        contangoCloses, layersHeld, carryCapReached, returned, beSigmaEntry, Integer.MAX_VALUE);
  }

  /** A context not entered through a {@code beSigma} rule. */
  public HedgeContext(HedgeState state, LocalDate asOf, double vixPeak, LocalDate lastEscalation,
      int closesSinceEscalation, int l3TriggerCloses, int calmCloses, int exitCloses, int contangoCloses,
      boolean layersHeld, boolean carryCapReached, int returned) {
    this(state, asOf, vixPeak, lastEscalation, closesSinceEscalation, l3TriggerCloses, calmCloses, exitCloses,
        contangoCloses, layersHeld, carryCapReached, returned, false);
  }

  /** A context with no escalation alternative returned yet. */
  public HedgeContext(HedgeState state, LocalDate asOf, double vixPeak, LocalDate lastEscalation,
      int closesSinceEscalation, int l3TriggerCloses, int calmCloses, int exitCloses, int contangoCloses,
      boolean layersHeld, boolean carryCapReached) {
    this(state, asOf, vixPeak, lastEscalation, closesSinceEscalation, l3TriggerCloses, calmCloses, exitCloses,
        contangoCloses, layersHeld, carryCapReached, 0);
  }

  /** Whether the escalation alternative {@code e} has returned since UNWIND was entered. */
  public boolean hasReturned(HedgeRules.Escalation e) {
    return (returned & e.bit()) != 0;
  }

  /** The context of a bot that has never run: CALM, no history, no layers. */
  public static HedgeContext initial() {
    return new HedgeContext(HedgeState.CALM, null, 0, null, Integer.MAX_VALUE, 0, 0, 0, 0, false, false);
  }

  /** This context with the caller's knowledge of whether layers are still held. */
  public HedgeContext withLayersHeld(boolean held) {
    return new HedgeContext(state, asOf, vixPeak, lastEscalation, closesSinceEscalation,
        l3TriggerCloses, calmCloses, exitCloses, contangoCloses, held, carryCapReached, returned, beSigmaEntry, closesSinceUnwind);
  }

  /** This context with the caller's knowledge of whether the carry cap is reached. */
  public HedgeContext withCarryCapReached(boolean reached) {
    return new HedgeContext(state, asOf, vixPeak, lastEscalation, closesSinceEscalation,
        l3TriggerCloses, calmCloses, exitCloses, contangoCloses, layersHeld, reached, returned, beSigmaEntry, closesSinceUnwind);
  }

  HedgeContext withCounters(LocalDate date, int sinceEscalation, int l3Trigger, int calm, int exit,
      int contango) {
    return withCounters(date, sinceEscalation, l3Trigger, calm, exit, contango, returned);
  }

  HedgeContext withCounters(LocalDate date, int sinceEscalation, int l3Trigger, int calm, int exit,
      int contango, int returnedNow) {
    return new HedgeContext(state, date, vixPeak, lastEscalation, sinceEscalation, l3Trigger, calm,
        exit, contango, layersHeld, carryCapReached, returnedNow, beSigmaEntry, closesSinceUnwind);
  }

  HedgeContext withClosesSinceUnwind(int n) {
    return new HedgeContext(state, asOf, vixPeak, lastEscalation, closesSinceEscalation,
        l3TriggerCloses, calmCloses, exitCloses, contangoCloses, layersHeld, carryCapReached, returned, beSigmaEntry, n);
  }

  HedgeContext withAsOf(LocalDate date) {
    return new HedgeContext(state, date, vixPeak, lastEscalation, closesSinceEscalation,
        l3TriggerCloses, calmCloses, exitCloses, contangoCloses, layersHeld, carryCapReached, returned, beSigmaEntry, closesSinceUnwind);
  }

  HedgeContext withPeak(double peak) {
    return new HedgeContext(state, asOf, peak, lastEscalation, closesSinceEscalation,
        l3TriggerCloses, calmCloses, exitCloses, contangoCloses, layersHeld, carryCapReached, returned, beSigmaEntry, closesSinceUnwind);
  }

  /**
   * The context after entering {@code to} on {@code date}: state counters restart; an escalation
   * also restarts the cool-down and the returned alternatives; {@code throughBeSigma} says whether
   * the rule that fired was a {@code beSigma} rule.
   */
  HedgeContext enter(HedgeState to, LocalDate date, boolean escalation, boolean throughBeSigma) {
    return new HedgeContext(to, date, vixPeak, escalation ? date : lastEscalation,
        escalation ? 0 : closesSinceEscalation, l3TriggerCloses, 0, 0, 0, layersHeld, carryCapReached,
        escalation ? 0 : returned, throughBeSigma,
        to == HedgeState.UNWIND || to == HedgeState.PRESS ? 0 : closesSinceUnwind);
  }
}
