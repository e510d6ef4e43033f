package dev.alvh.core.cycle;

import dev.alvh.core.condor.EntryDecision;
import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.ResolvedCondor;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What one trading cycle decided: orders to send and, for each, why; plus the reasons nothing
 * else was done.
 *
 * @param exits     tranches to close, each with its exit and its order
 * @param rolls     tested sides to roll (theta inversion), each with its order
 * @param entry     the tranche to open, if any
 * @param entrySkip why no tranche opens, when none does
 * @param rejected  intents the risk limits refused, with the limit's sentence
 * @param notes     other things worth a line in the log (missing quotes, ...)
 */
public record CycleDecision(
    List<PlannedExit> exits, List<PlannedRoll> rolls, Optional<PlannedEntry> entry, Optional<EntryDecision.Skip> entrySkip,
    List<String> rejected, List<String> notes) {

  /** Copies the lists. */
  public CycleDecision {
    exits = List.copyOf(exits);
    rolls = List.copyOf(rolls);
    rejected = List.copyOf(rejected);
    notes = List.copyOf(notes);
  }

  /** Every order to send, exits first. */
  public List<OrderIntent> intents() {
    List<OrderIntent> all = new java.util.ArrayList<>();
    exits.forEach(e -> all.add(e.order()));
    rolls.forEach(r -> all.add(r.order()));
    entry.ifPresent(e -> all.add(e.order()));
    return all;
  }

  /** A tranche to close. */
  public record PlannedExit(long trancheId, ExitReason reason, OrderIntent order) {
  }

  /**
   * A tranche to open.
   *
   * @param worst the smallest credit the walk may reach (the minimum credit)
   */
  public record PlannedEntry(long trancheId, ResolvedCondor condor, OrderIntent order, NetPrice worst) {
  }

  /**
   * A tested side to roll: one four-leg order that closes the side's vertical and opens the
   * same-delta vertical in {@code newExpiry}.
   *
   * @param side      the tested side
   * @param newExpiry the expiry the side moves to
   * @param newShort  the new short strike
   * @param newLong   the new wing strike
   * @param worst     the largest debit the walk may reach ({@code condor.rollMaxDebit})
   */
  public record PlannedRoll(long trancheId, OptionRight side, LocalDate newExpiry, BigDecimal newShort,
      BigDecimal newLong, OrderIntent order, NetPrice worst) {
  }
}
