package dev.alvh.core.cycle;

import dev.alvh.core.Check;
import dev.alvh.core.HedgeState;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.market.IndexLevels;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one trading cycle decides over: the snapshot the app assembled from the ports and the store.
 *
 * @param time           the cycle's time in New York
 * @param account        account values
 * @param indices        SPX, VIX, VIX3M
 * @param hedgeState     the hedge state the cycle decides in (the operator's forced state, else the machine's)
 * @param eventDay       true within one trading day of an FOMC, CPI or PPI date
 * @param openTranches   tranches open in the store
 * @param lastEntry      the trade date of the last tranche opened, if any
 * @param nextTrancheId  the id a new tranche gets
 * @param busyTranches   tranches that already have a working order (nothing more is sent for them)
 */
public record CycleInput(
    ZonedDateTime time, AccountSummary account, IndexLevels indices, HedgeState hedgeState, boolean eventDay,
    List<Tranche> openTranches, Optional<LocalDate> lastEntry, long nextTrancheId, Set<Long> busyTranches) {

  /** Checks every field. */
  public CycleInput {
    Check.notNull(time, "time");
    Check.notNull(account, "account");
    Check.notNull(indices, "indices");
    Check.notNull(hedgeState, "hedgeState");
    openTranches = List.copyOf(openTranches);
    Check.notNull(lastEntry, "lastEntry");
    busyTranches = Set.copyOf(busyTranches);
  }
}
