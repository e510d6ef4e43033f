package dev.alvh.app.store;

import dev.alvh.core.HedgeState;
import dev.alvh.core.condor.CondorEntryPolicy;
import dev.alvh.core.hedge.HedgeLayerKind;
import dev.alvh.core.condor.SkipCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The read-only queries a replay report needs from one book's store; kept apart from
 * {@link Store} so the store's own class stays the trading thread's.
 */
public final class ReplayQueries {


  private final Jdbc jdbc;

  /** Reads through {@code store}'s connection. */
  public ReplayQueries(Store store) {
    this.jdbc = store.jdbc();
  }

  /** Daily snapshots, ascending. */
  public List<DaySnapshot> snapshots() {
    return jdbc.withHandle("reading the daily snapshots", h -> h.createQuery(
        "SELECT trade_date, equity, cash, spx, vix, vix3m, hedge_state, open_tranches FROM daily_snapshot"
            + " ORDER BY trade_date").map((rs, ctx) -> new DaySnapshot(rs.getDate(1).toLocalDate(),
            rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
            StoredEnums.HEDGE_STATE.parse(rs, 7), rs.getInt(8))).list());
  }

  /** Every fill with its order's purpose, in execution order. */
  public List<Trade> trades() {
    return jdbc.withHandle("reading the trades", h -> h.createQuery(
        "SELECT f.occurred_at, f.ref, o.purpose, f.contract, f.side, f.quantity, f.price, f.commission"
            + " FROM fill f JOIN orders o ON o.ref = f.ref ORDER BY f.occurred_at, f.exec_id")
        .map((rs, ctx) -> new Trade(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getInt(6), rs.getBigDecimal(7), rs.getBigDecimal(8))).list());
  }

  /** Every change of a hedge position (hedge_trade), in order. */
  public List<HedgeTrade> hedgeTrades() {
    return jdbc.withHandle("reading the hedge trades", h -> h.createQuery(
        "SELECT layer_id, level, kind, action, trade_date, quantity FROM hedge_trade ORDER BY id")
        .map((rs, ctx) -> new HedgeTrade(rs.getString(1), rs.getInt(2), StoredEnums.HEDGE_LAYER_KIND.parse(rs, 3), StoredEnums.HEDGE_TRADE_ACTION.parse(rs, 4),
            rs.getDate(5).toLocalDate(), rs.getInt(6))).list());
  }

  /** Each tranche's opening day and credit received over its life, USD (credit x quantity x 100). */
  public List<TrancheCredit> trancheCredits() {
    return jdbc.withHandle("reading the tranche credits", h -> h.createQuery(
        "SELECT opened_on, credit * quantity * 100 FROM tranche ORDER BY id")
        .map((rs, ctx) -> new TrancheCredit(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2))).list());
  }

  /**
   * Entry opportunities refused by the hedge state ({@code condor.entryStates}): one per day and
   * state, with the day and the state named in the stored rule.
   */
  public List<StateSkip> stateSkips() {
    return jdbc.withHandle("reading the entries the hedge state refused", h -> h.createQuery(
        "SELECT occurred_at, rule FROM decision WHERE kind=:kind AND code=:code ORDER BY id")
        .bind("kind", OrderStore.ENTRY_SKIPPED).bind("code", SkipCode.HEDGE_STATE.key())
        .map((rs, ctx) -> new StateSkip(rs.getTimestamp(1).toInstant(), CondorEntryPolicy.refusedIn(rs.getString(2))))
        .list());
  }

  /**
   * One change of a hedge position.
   *
   * @param layerId  the position
   * @param level    0 base layer or PRESS spread, 1 to 3 adaptive layers
   * @param kind     the position's kind
   * @param action   what the trade did
   * @param date     trade date
   * @param quantity combos, positive opened, negative closed
   */
  public record HedgeTrade(String layerId, int level, HedgeLayerKind kind, HedgeTradeAction action, LocalDate date,
      int quantity) {
  }

  /**
   * A tranche's opening day and its credit.
   *
   * @param openedOn the day it opened
   * @param credit   credit received over its life, USD
   */
  public record TrancheCredit(LocalDate openedOn, BigDecimal credit) {
  }

  /**
   * An entry refused by the hedge state.
   *
   * @param time  when
   * @param state the hedge state that refused it; empty for a stored rule that names no state (none
   *              is written so today)
   */
  public record StateSkip(Instant time, Optional<HedgeState> state) {
  }

  /**
   * Each tranche's life and maximum loss ({@code (width - credit) x 100 x quantity}, USD), by
   * id.
   */
  public List<TrancheRisk> trancheRisks() {
    return jdbc.withHandle("reading the tranche risks", h -> h.createQuery(
        "SELECT opened_on, closed_on, GREATEST(short_put - long_put, long_call - short_call), credit, quantity"
            + " FROM tranche ORDER BY id").map((rs, ctx) -> new TrancheRisk(rs.getDate(1).toLocalDate(),
            rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate(),
            rs.getBigDecimal(3).subtract(rs.getBigDecimal(4)).multiply(BigDecimal.valueOf(100L * rs.getInt(5)))))
        .list());
  }

  /** Every tranche with its life and result (its round trip), by id. */
  public List<RoundTrip> roundTrips() {
    return jdbc.withHandle("reading the round trips", h -> h.createQuery(
        "SELECT id, opened_on, closed_on, quantity, COALESCE(opening_credit, credit), rolls, exit_reason,"
            + " realized_pnl FROM tranche ORDER BY id").map((rs, ctx) -> new RoundTrip(rs.getLong(1),
            rs.getDate(2).toLocalDate(), rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getInt(4),
            rs.getBigDecimal(5), rs.getInt(6), rs.getString(7), rs.getBigDecimal(8))).list());
  }

  /**
   * One tranche from its opening to its close.
   *
   * @param id            the tranche's id
   * @param openedOn      the day it opened
   * @param closedOn      the day it closed, null while open
   * @param quantity      condors
   * @param openingCredit credit received at the opening, points per condor
   * @param rolls         theta-inversion rolls it went through
   * @param exitReason    why it ended (an {@code ExitReason} key), null while open
   * @param realizedPnl   its P&amp;L when closed (credits, debits, commissions), USD; null while open
   */
  public record RoundTrip(long id, LocalDate openedOn, LocalDate closedOn, int quantity, BigDecimal openingCredit,
      int rolls, String exitReason, BigDecimal realizedPnl) {
  }

  /**
   * One day's end of one book.
   *
   * @param date          the trading day
   * @param equity        net liquidation, USD
   * @param cash          cash, USD
   * @param spx           SPX at the end of day
   * @param vix           VIX at the end of day
   * @param vix3m         VIX3M at the end of day
   * @param hedgeState    the hedge state at the end of day
   * @param openTranches  tranches open at the end of day
   */
  public record DaySnapshot(LocalDate date, BigDecimal equity, BigDecimal cash, double spx, double vix, double vix3m,
      HedgeState hedgeState, int openTranches) {
  }

  /**
   * One fill of one leg.
   *
   * @param time       when it executed
   * @param orderRef   its order's ref
   * @param purpose    its order's purpose ({@code OrderPurpose} name)
   * @param contract   the series' key
   * @param side       BUY or SELL
   * @param quantity   contracts
   * @param price      points per unit
   * @param commission USD
   */
  public record Trade(Instant time, String orderRef, String purpose, String contract, String side, int quantity,
      BigDecimal price, BigDecimal commission) {
  }

  /**
   * A tranche's life and risk.
   *
   * @param openedOn the day it opened
   * @param closedOn the day it closed, null while open
   * @param maxLoss  its maximum loss, USD
   */
  public record TrancheRisk(LocalDate openedOn, LocalDate closedOn, BigDecimal maxLoss) {

    /** Whether it was open at the end of {@code day}. */
    public boolean openAtEndOf(LocalDate day) {
      return !openedOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
    }
  }
}
