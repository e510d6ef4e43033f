package dev.alvh.core.execution;

import dev.alvh.core.Check;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.order.OrderUpdate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The life of one order from the broker's statuses and executions.
 *
 * <p>Tolerates what brokers do: the same status twice, statuses out of order (a late
 * Submitted after Filled is ignored: a terminal status is final), the same execution twice
 * (kept once by execution id), and executions that arrive while a cancel is under way or after
 * the terminal status. Fills are accounted leg by leg: {@link #filledCombos()} counts the combos
 * whose every leg has executed. Thread-safe: the broker's thread may report while the trading
 * thread reads.
 */
public final class OrderTracker {

  private final OrderIntent intent;
  private final Map<String, Integer> legFilled = new LinkedHashMap<>();
  private final Set<String> execIds = new HashSet<>();
  private final List<Fill> fills = new ArrayList<>();
  private OrderStatus status = OrderStatus.JOURNALED;
  private int reportedFilled;
  private long brokerId;
  private String reason = "";
  private int duplicates;

  /** A tracker of {@code intent}, status JOURNALED. */
  public OrderTracker(OrderIntent intent) {
    this.intent = Check.notNull(intent, "intent");
    for (ComboLeg l : intent.legs()) {
      legFilled.put(legKey(l), 0);
    }
  }

  /** The order. */
  public OrderIntent intent() {
    return intent;
  }

  /** Marks the order sent (PendingSubmit) with the broker's id, unless the broker already reported. */
  public synchronized void sent(long id) {
    brokerId = id;
    if (status == OrderStatus.JOURNALED) {
      status = OrderStatus.PENDING_SUBMIT;
    }
  }

  /**
   * Applies a status report.
   *
   * @return true when it changed the status or the filled count; false for a duplicate or a
   *         report after the terminal status
   */
  public synchronized boolean apply(OrderUpdate u) {
    Check.isTrue(u.ref().equals(intent.ref()), "update", "must be for " + intent.ref() + ", but was for " + u.ref());
    if (u.brokerId() != 0) {
      brokerId = u.brokerId();
    }
    if (status.isTerminal() || (u.status() == status && u.filled() == reportedFilled)) {
      duplicates++;
      return false;
    }
    if (rank(u.status()) < rank(status) && !u.status().isTerminal()) {
      duplicates++;
      return false;
    }
    status = u.status();
    reportedFilled = Math.max(reportedFilled, u.filled());
    if (!u.reason().isEmpty()) {
      reason = u.reason();
    }
    return true;
  }

  /**
   * Applies one execution of one leg.
   *
   * @return true when it was new; false for a repeated execution id
   */
  public synchronized boolean apply(Fill f) {
    Check.isTrue(f.ref().equals(intent.ref()), "fill", "must be for " + intent.ref() + ", but was for " + f.ref());
    if (!execIds.add(f.execId())) {
      return false;
    }
    String key = f.side().name() + " " + f.contract().key();
    Check.isTrue(legFilled.containsKey(key), "fill", "must be of a leg of " + intent.ref() + ", but was " + key);
    legFilled.merge(key, f.quantity(), Integer::sum);
    fills.add(f);
    return true;
  }

  /** The last status. */
  public synchronized OrderStatus status() {
    return status;
  }

  /** True when no more fills are expected from the broker's side. */
  public synchronized boolean isTerminal() {
    return status.isTerminal();
  }

  /** The broker's order id, 0 before it is known. */
  public synchronized long brokerId() {
    return brokerId;
  }

  /** The broker's reason for the last status (for Inactive and cancels), may be empty. */
  public synchronized String reason() {
    return reason;
  }

  /** Status reports that changed nothing (duplicates and late reports). */
  public synchronized int duplicates() {
    return duplicates;
  }

  /** Combos whose every leg has executed: the minimum over legs of executed quantity / ratio. */
  public synchronized int filledCombos() {
    return dev.alvh.core.order.ComboFills.wholeCombos(intent.legs(), l -> legFilled.get(legKey(l)));
  }

  /** Contracts executed of {@code leg}. */
  public synchronized int legFilled(ComboLeg leg) {
    return legFilled.getOrDefault(legKey(leg), 0);
  }

  /** True when some leg executed more combos than another (a broken package, to be reported). */
  public synchronized boolean legsUneven() {
    int max = 0;
    for (ComboLeg l : intent.legs()) {
      max = Math.max(max, legFilled.get(legKey(l)) / l.ratio());
    }
    return max != filledCombos();
  }

  /** True when every combo of the order has executed. */
  public synchronized boolean complete() {
    return filledCombos() >= intent.quantity();
  }

  /** The executions, in arrival order. */
  public synchronized List<Fill> fills() {
    return List.copyOf(fills);
  }

  /** Cash to the account from all executions, USD, after commissions. */
  public synchronized BigDecimal cashFlow() {
    return fills.stream().map(Fill::cashFlow).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Commissions of all executions, USD. */
  public synchronized BigDecimal commissions() {
    return fills.stream().map(Fill::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static String legKey(ComboLeg l) {
    return l.side().name() + " " + l.contract().key();
  }

  /** Order of the non-terminal statuses: a report of a lower one after a higher one is stale. */
  private static int rank(OrderStatus s) {
    return switch (s) {
      case JOURNALED -> 0;
      case PENDING_SUBMIT -> 1;
      case PRE_SUBMITTED -> 2;
      case SUBMITTED -> 3;
      case PARTIALLY_FILLED -> 4;
      default -> 5;
    };
  }
}
