package dev.alvh.app.journal;

import dev.alvh.core.EnumKeys;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one reconciliation found. Each difference is one {@link Difference}; an empty report means
 * the journal and the broker agree.
 *
 * @param differences every difference, in the order found
 * @param fillsStored executions stored now that were not in the store (fills that happened while down)
 */
public record ReconcileReport(List<Difference> differences, int fillsStored) {

  /** Copies the list. */
  public ReconcileReport {
    differences = List.copyOf(differences);
  }

  /** True when nothing differed. */
  public boolean clean() {
    return differences.isEmpty();
  }

  /** The differences of one kind. */
  public List<Difference> of(Kind kind) {
    return differences.stream().filter(d -> d.kind() == kind).toList();
  }

  /** One line per difference, for logs and alerts. */
  public String summary() {
    return clean() ? "journal and broker agree" : differences.stream().map(Difference::toString)
        .collect(Collectors.joining("; "));
  }

  /**
   * The kinds of difference. A kind's {@link #key()} is stored in the reconciliation table: the
   * name in kebab case, e.g. {@code never-sent}.
   */
  public enum Kind implements EnumKeys.KebabCase {
    /** An execution the store did not have: stored once and applied. */
    FILL_RECOVERED,
    /** A journaled order the broker filled while the bot was down. */
    FILLED_WHILE_DOWN,
    /** A working order the broker cancelled (or no longer has) while the bot was down. */
    CANCELLED_WHILE_DOWN,
    /** Journaled but unknown to the broker: the crash came between journal and send; not re-sent. */
    NEVER_SENT,
    /** Journaled as not yet acknowledged but working at the broker: the send got through. */
    SENT_UNACKNOWLEDGED,
    /** An order or execution at the broker whose ref the journal does not have: left alone. */
    FOREIGN_ORDER,
    /** A position (or part of one) the bot's open tranches do not explain: reported, left alone. */
    FOREIGN_POSITION,
    /** A position the bot's tranches expect that the broker does not have (in whole or part). */
    MISSING_POSITION
  }

  /**
   * One difference.
   *
   * @param kind   what differed
   * @param ref    the order ref, or the contract for a position difference
   * @param detail the values, in words
   */
  public record Difference(Kind kind, String ref, String detail) {
    @Override
    public String toString() {
      return kind.key() + " " + ref + ": " + detail;
    }
  }
}
