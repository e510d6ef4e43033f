package dev.alvh.app.replay;

import dev.alvh.app.engine.Book;
import dev.alvh.app.store.HedgeStore;
import dev.alvh.app.store.ReplayQueries;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * What one book did in a replay, read back from its store and broker at the end.
 *
 * @param book           which hedge it ran
 * @param database       its H2 file
 * @param cycles         trading cycles run
 * @param ordersSent     orders sent
 * @param fills          fills stored
 * @param tranchesOpened tranches opened
 * @param startEquity    net liquidation at the start, USD
 * @param finalEquity    net liquidation at the end, USD
 * @param exitReasons    tranches closed for each exit reason
 * @param condorPnl      realized P&amp;L of closed tranches, USD
 * @param snapshots      its daily snapshots inside the replayed range
 * @param trades         every fill with its purpose
 * @param transitions    every hedge transition
 * @param riskCapital    condor risk capital at each day's end: the summed maximum loss of the
 *                       tranches open then, USD
 * @param hedgePremium   premium paid for hedge buys, USD
 * @param hedgePnl       hedge fills' cash (premium and commissions, signed) plus hedge
 *                       settlements plus the end mark of hedge positions still open, USD
 * @param statesVisited  trading days in each hedge state
 * @param roundTrips     every tranche with its life and result
 * @param greeks         the book's greeks at each day's end
 * @param hedgeTrades    every change of a hedge position
 * @param trancheCredits each tranche's opening day and credit
 * @param stateSkips     entries refused by the hedge state
 * @param heldAtEnd      the hedge positions held at the end, each with why, cost, mark and P&amp;L
 * @param execution      how its orders were walked and filled
 */
public record BookRun(
    Book book, Path database, long cycles, long ordersSent, long fills, long tranchesOpened, BigDecimal startEquity,
    BigDecimal finalEquity, Map<String, Long> exitReasons, BigDecimal condorPnl,
    List<ReplayQueries.DaySnapshot> snapshots, List<ReplayQueries.Trade> trades,
    List<HedgeStore.TransitionRow> transitions, NavigableMap<LocalDate, BigDecimal> riskCapital,
    BigDecimal hedgePremium, BigDecimal hedgePnl, Map<String, Long> statesVisited,
    List<ReplayQueries.RoundTrip> roundTrips, NavigableMap<LocalDate, DayGreeks> greeks,
    List<ReplayQueries.HedgeTrade> hedgeTrades, List<ReplayQueries.TrancheCredit> trancheCredits,
    List<ReplayQueries.StateSkip> stateSkips, List<dev.alvh.app.hedge.LayerReasons.HeldLayerView> heldAtEnd,
    ExecutionStats execution) {
}
