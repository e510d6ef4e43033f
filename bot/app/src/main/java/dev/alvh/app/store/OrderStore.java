package dev.alvh.app.store;

import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The execution records (migration V3) in the store's database: the walk of every order, its
 * outcome, skipped entries with their stable codes, rolls, partial closes and settlements of
 * tranches, and the book's condor P&amp;L from cash flows. Each record is kept by its repository:
 * the walk and outcome by the {@link OrderJournal}, the tranche changes by the
 * {@link TrancheStore}, the skipped entries by the {@link DecisionStore}; this class hands over.
 * Not thread-safe, like {@link Store}.
 */
public final class OrderStore {

  /** The decision kind of a skipped entry. */
  public static final String ENTRY_SKIPPED = DecisionStore.ENTRY_SKIPPED;
  /** The decision kind of an order not sent because its quotes failed the sanity check. */
  public static final String ORDER_SKIPPED = DecisionStore.ORDER_SKIPPED;

  private final OrderJournal journal;
  private final TrancheStore tranches;
  private final DecisionStore decisions;

  /** The execution records of {@code store}. */
  public OrderStore(Store store) {
    this.journal = store.orderJournal();
    this.tranches = store.tranches();
    this.decisions = store.decisions();
  }

  /** Records one limit an order was worked at and its status after the step. */
  public void step(OrderRef ref, int step, NetPrice limit, Instant at, OrderStatus status, int filled) {
    journal.step(ref, step, limit, at, status, filled);
  }

  /** Records how order {@code ref} ended. */
  public void outcome(OrderRef ref, String outcome, int filledCombos) {
    journal.outcome(ref, outcome, filledCombos);
  }

  /** The limits order {@code ref} was worked at, in step order. */
  public List<BigDecimal> steps(OrderRef ref) {
    return journal.steps(ref);
  }

  /** The outcome of order {@code ref}, if it ended. */
  public Optional<String> outcome(OrderRef ref) {
    return journal.outcome(ref);
  }

  /** Records a decision with its stable code. */
  public void decision(Instant at, String kind, String code, String rule, String detail) {
    decisions.record(at, kind, code, rule, detail);
  }

  /**
   * Why no condor opened on {@code day} (New York trading day from {@code from} to {@code to}):
   * the skipped entries of that period, each as "code: rule (detail)", oldest first.
   */
  public List<String> whyNoCondor(Instant from, Instant to) {
    return decisions.skipped(from, to);
  }

  /** Skipped entries by code over the whole store. */
  public java.util.Map<String, Long> skipCounts() {
    return decisions.skipCounts();
  }

  /** Stores tranche {@code t} after a roll of {@code rollCredit} points per condor and its commissions. */
  public void rolled(Tranche t, BigDecimal rollCredit, BigDecimal commissions) {
    tranches.rolled(t, rollCredit, commissions);
  }

  /**
   * Closes {@code closed} of tranche {@code t}'s condors at {@code debit} points each (a partial
   * close when fewer than all), adding {@code commissions}; the last condor closes the tranche
   * with {@code reason}.
   *
   * @return the tranche's P&amp;L when this closed it, USD net of all its commissions
   */
  public Optional<BigDecimal> close(Tranche t, int closed, BigDecimal debit, BigDecimal commissions, ExitReason reason,
      LocalDate on) {
    return tranches.close(t, closed, debit, commissions, reason, on);
  }

  /** Records the settlement of tranche {@code t} at {@code price}: {@code value} points owed per condor. */
  public void settlement(Tranche t, LocalDate on, BigDecimal price, BigDecimal value) {
    tranches.settlement(t, on, price, value);
  }

  /**
   * The condor book's realized P&amp;L from its cash flows, USD: every fill of every order of a
   * closed tranche (after commissions) plus the cash its legs settled for. Independent of the
   * tranche accounting, so the two can be compared.
   */
  public BigDecimal bookCondorPnl() {
    return tranches.bookCondorPnl();
  }
}
