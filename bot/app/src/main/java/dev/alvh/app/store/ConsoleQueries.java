package dev.alvh.app.store;

import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The read-only queries of the operator's views (console, {@code ctl}, {@code /metrics}): the
 * recorded decisions, hedge transitions, tranches and orders as rows, and the book's realised
 * P&amp;L and day base.
 */
public final class ConsoleQueries {

  private final Jdbc jdbc;

  /** Reads through {@code store}'s connection. */
  public ConsoleQueries(Store store) {
    this.jdbc = store.jdbc();
  }

  /**
   * One recorded decision.
   *
   * @param at     when
   * @param kind   its kind (skip, reject, note...)
   * @param rule   the rule that decided
   * @param detail its detail, may be empty
   */
  public record Decision(Instant at, String kind, String rule, String detail) {
  }

  /**
   * One tranche as the console lists it.
   *
   * @param id          its id
   * @param openedOn    the day it opened
   * @param expiry      its expiry
   * @param longPut     long put strike
   * @param shortPut    short put strike
   * @param shortCall   short call strike
   * @param longCall    long call strike
   * @param quantity    condors
   * @param credit      credit, points per condor
   * @param status      held or closed
   * @param exitReason  why it closed, null while open
   * @param realizedPnl its P&amp;L when closed, USD; null while open
   */
  public record TrancheRow(long id, LocalDate openedOn, LocalDate expiry, BigDecimal longPut, BigDecimal shortPut,
      BigDecimal shortCall, BigDecimal longCall, int quantity, BigDecimal credit, PositionStatus status, String exitReason,
      BigDecimal realizedPnl) {
  }

  /**
   * One journaled order as the console lists it.
   *
   * @param ref          its ref
   * @param purpose      its purpose
   * @param quantity     combos
   * @param limit        its limit, the BAG limit
   * @param status       its journal status
   * @param filled       combos filled
   * @param statusReason why it has its status, may be null
   * @param updatedAt    its last change
   */
  public record OrderRow(String ref, OrderPurpose purpose, int quantity, BigDecimal limit, OrderStatus status,
      int filled, String statusReason, Instant updatedAt) {
  }

  /** A decision row selected as occurred_at, kind, rule, detail. */
  private static final RowMapper<Decision> DECISION = (rs, ctx) -> new Decision(rs.getTimestamp(1).toInstant(),
      rs.getString(2), rs.getString(3), rs.getString(4));

  /** The last {@code n} recorded decisions, newest first. */
  public List<Decision> lastDecisions(int n) {
    return jdbc.withHandle("reading the last decisions", h -> h.createQuery(
        "SELECT occurred_at, kind, rule, detail FROM decision ORDER BY id DESC LIMIT :n").bind("n", n)
        .map(DECISION).list());
  }

  /** The decisions recorded at or after {@code from}, in order. */
  public List<Decision> decisionsSince(Instant from) {
    return jdbc.withHandle("reading the decisions of the last cycle", h -> h.createQuery(
        "SELECT occurred_at, kind, rule, detail FROM decision WHERE occurred_at >= :from ORDER BY id")
        .bind("from", from).map(DECISION).list());
  }

  /** The last {@code n} hedge transitions, newest first. */
  public List<HedgeStore.TransitionRow> lastTransitions(int n) {
    return jdbc.withHandle("reading the last hedge transitions", h -> h.createQuery(
        "SELECT " + HedgeStore.TRANSITION_COLUMNS + " FROM hedge_transition ORDER BY id DESC LIMIT :n").bind("n", n)
        .map(HedgeStore.TRANSITION).list());
  }

  /** The open tranches and the last {@code closed} closed ones, by id. */
  public List<TrancheRow> tranches(int closed) {
    return jdbc.withHandle("reading the tranches", h -> h.createQuery(
        "SELECT id, opened_on, expiry, long_put, short_put, short_call, long_call, quantity, credit, status,"
            + " exit_reason, realized_pnl FROM tranche WHERE status=:open OR id IN (SELECT id FROM tranche"
            + " WHERE status=:closedStatus ORDER BY id DESC LIMIT :closed) ORDER BY id").bind("closed", closed)
        .bind("open", PositionStatus.OPEN).bind("closedStatus", PositionStatus.CLOSED)
        .map((rs, ctx) -> new TrancheRow(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(),
            rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getInt(8),
            rs.getBigDecimal(9), StoredEnums.POSITION_STATUS.parse(rs, 10), rs.getString(11), rs.getBigDecimal(12))).list());
  }

  /** The {@code n} most recently changed orders of the journal, newest first. */
  public List<OrderRow> recentOrders(int n) {
    return jdbc.withHandle("reading the recent orders", h -> h.createQuery(
        "SELECT ref, purpose, quantity, limit_price, status, filled, status_reason, updated_at FROM orders"
            + " ORDER BY updated_at DESC, ref DESC LIMIT :n").bind("n", n)
        .map((rs, ctx) -> new OrderRow(rs.getString(1), StoredEnums.ORDER_PURPOSE.parse(rs, 2), rs.getInt(3),
            rs.getBigDecimal(4), StoredEnums.ORDER_STATUS.parse(rs, 5), rs.getInt(6), rs.getString(7),
            rs.getTimestamp(8).toInstant())).list());
  }

  /** Realised P&amp;L of the books before commissions: every closed tranche and every hedge close, USD. */
  public BigDecimal realizedPnl() {
    return jdbc.withHandle("reading the realised P&L", h -> h.createQuery(
        "SELECT COALESCE(SUM(realized_pnl), 0) FROM tranche WHERE realized_pnl IS NOT NULL")
        .map((rs, ctx) -> rs.getBigDecimal(1)).one()
        .add(h.createQuery("SELECT COALESCE(SUM(realized_pnl), 0) FROM hedge_trade")
            .map((rs, ctx) -> rs.getBigDecimal(1)).one()));
  }

  /** The equity of the last daily snapshot before {@code day}, if there is one. */
  public Optional<BigDecimal> equityBefore(LocalDate day) {
    return jdbc.withHandle("reading the last daily snapshot", h -> h.createQuery(
        "SELECT equity FROM daily_snapshot WHERE trade_date < :day ORDER BY trade_date DESC LIMIT 1")
        .bind("day", day).map((rs, ctx) -> rs.getBigDecimal(1)).findFirst());
  }
}
