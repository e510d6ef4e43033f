package dev.alvh.app.store;

import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.SkipCode;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The execution records (migration V3) in the store's database: the walk of every order, its
 * outcome, skipped entries with their stable codes, rolls, partial closes and settlements of
 * tranches, and the book's condor P&amp;L from cash flows.
 *
 * <p>Tranche accounting: {@code tranche.credit} is the net credit per condor over the tranche's
 * life (opening credit plus rolls); while a tranche is open, {@code realized_pnl} holds the
 * gross P&amp;L of condors already closed by partial fills; at the final close it becomes the whole
 * tranche's P&amp;L net of every commission. Not thread-safe, like {@link Store}.
 */
public final class OrderStore {

  /** The decision kind of a skipped entry. */
  public static final String ENTRY_SKIPPED = "entry-skipped";
  /** The decision kind of an order not sent because its quotes failed the sanity check. */
  public static final String ORDER_SKIPPED = "order-skipped";

  private final Jdbc jdbc;

  /** The execution records of {@code store}. */
  public OrderStore(Store store) {
    this.jdbc = store.jdbc();
  }

  /** Records one limit an order was worked at and its status after the step. */
  public void step(OrderRef ref, int step, NetPrice limit, Instant at, OrderStatus status, int filled) {
    jdbc.update("INSERT INTO order_step(ref, step, limit_price, occurred_at, status, filled) VALUES (?,?,?,?,?,?)",
        ref.value(), step, limit.bagLimit(), Timestamp.from(at), status.name(), filled);
    jdbc.update("UPDATE orders SET steps=?, final_limit=? WHERE ref=?", step, limit.bagLimit(), ref.value());
  }

  /** Records how order {@code ref} ended. */
  public void outcome(OrderRef ref, String outcome, int filledCombos) {
    jdbc.update("UPDATE orders SET outcome=?, filled_combos=? WHERE ref=?", outcome, filledCombos, ref.value());
  }

  /** The limits order {@code ref} was worked at, in step order. */
  public List<BigDecimal> steps(OrderRef ref) {
    return jdbc.query("SELECT limit_price FROM order_step WHERE ref=? ORDER BY step", rs -> rs.getBigDecimal(1),
        ref.value());
  }

  /** The outcome of order {@code ref}, if it ended. */
  public Optional<String> outcome(OrderRef ref) {
    return jdbc.queryOne("SELECT outcome FROM orders WHERE ref=?", rs -> rs.getString(1), ref.value());
  }

  /** Records a decision with its stable code. */
  public void decision(Instant at, String kind, String code, String rule, String detail) {
    jdbc.update("INSERT INTO decision(occurred_at, kind, code, rule, detail) VALUES (?,?,?,?,?)", Timestamp.from(at),
        kind, code, cut(rule, 256), cut(detail, 1024));
  }

  /**
   * Why no condor opened on {@code day} (New York trading day from {@code from} to {@code to}):
   * the skipped entries of that period, each as "code: rule (detail)", oldest first.
   */
  public List<String> whyNoCondor(Instant from, Instant to) {
    return jdbc.query("SELECT code, rule, detail FROM decision WHERE kind IN (?, ?) AND occurred_at >= ?"
        + " AND occurred_at < ? ORDER BY id", rs -> rs.getString(1) + ": " + rs.getString(2)
            + (rs.getString(3).isEmpty() ? "" : " (" + rs.getString(3) + ")"),
        ENTRY_SKIPPED, ORDER_SKIPPED, Timestamp.from(from), Timestamp.from(to));
  }

  /** Skipped entries by code over the whole store. */
  public java.util.Map<String, Long> skipCounts() {
    java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
    for (SkipCode c : SkipCode.values()) {
      out.put(c.key(), jdbc.queryOne("SELECT COUNT(*) FROM decision WHERE code=?", rs -> rs.getLong(1), c.key())
          .orElse(0L));
    }
    return out;
  }

  /** Stores tranche {@code t} after a roll of {@code rollCredit} points per condor and its commissions. */
  public void rolled(Tranche t, BigDecimal rollCredit, BigDecimal commissions) {
    jdbc.update("UPDATE tranche SET expiry=?, call_expiry=?, long_put=?, short_put=?, short_call=?, long_call=?,"
        + " credit=?, rolls=?, roll_credit=roll_credit+?, commissions=commissions+? WHERE id=?",
        Date.valueOf(t.putExpiry()), Date.valueOf(t.callExpiry()), t.longPut(), t.shortPut(), t.shortCall(),
        t.longCall(), t.credit(), t.rolls(), rollCredit, commissions, t.id());
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
    BigDecimal gross = t.credit().subtract(debit).multiply(BigDecimal.valueOf(100L * closed));
    jdbc.update("UPDATE tranche SET realized_pnl=COALESCE(realized_pnl, 0)+?, commissions=commissions+?,"
        + " quantity=? WHERE id=?", gross, commissions, Math.max(t.quantity() - closed, 0), t.id());
    if (closed < t.quantity()) {
      return Optional.empty();
    }
    BigDecimal pnl = jdbc.queryOne("SELECT realized_pnl - commissions FROM tranche WHERE id=?",
        rs -> rs.getBigDecimal(1), t.id()).orElseThrow();
    jdbc.update("UPDATE tranche SET status='CLOSED', closed_on=?, close_debit=?, exit_reason=?, realized_pnl=?,"
        + " quantity=? WHERE id=?", Date.valueOf(on), debit, reason.key(), pnl, t.quantity(), t.id());
    return Optional.of(pnl);
  }

  /** Records the settlement of tranche {@code t} at {@code price}: {@code value} points owed per condor. */
  public void settlement(Tranche t, LocalDate on, BigDecimal price, BigDecimal value) {
    BigDecimal cash = value.multiply(BigDecimal.valueOf(100L * t.quantity())).negate();
    jdbc.update("INSERT INTO settlement(tranche_id, trade_date, settle_price, value_points, cash) VALUES (?,?,?,?,?)",
        t.id(), Date.valueOf(on), price, value, cash);
  }

  /**
   * The condor book's realized P&amp;L from its cash flows, USD: every fill of every order of a
   * closed tranche (after commissions) plus the cash its legs settled for. Independent of the
   * tranche accounting, so the two can be compared.
   */
  public BigDecimal bookCondorPnl() {
    List<String> condor = dev.alvh.core.order.OrderPurpose.condorNames();
    BigDecimal fills = jdbc.queryOne("SELECT COALESCE(SUM(CASE WHEN f.side='SELL' THEN f.price ELSE -f.price END"
        + " * f.quantity * 100 - f.commission), 0) FROM fill f JOIN orders o ON o.ref=f.ref"
        + " JOIN tranche t ON t.id=o.tranche_id WHERE t.status='CLOSED' AND o.purpose IN ("
        + String.join(",", java.util.Collections.nCopies(condor.size(), "?")) + ")",
        rs -> rs.getBigDecimal(1), condor.toArray()).orElse(BigDecimal.ZERO);
    BigDecimal settled = jdbc.queryOne("SELECT COALESCE(SUM(s.cash), 0) FROM settlement s JOIN tranche t"
        + " ON t.id=s.tranche_id WHERE t.status='CLOSED'", rs -> rs.getBigDecimal(1)).orElse(BigDecimal.ZERO);
    return fills.add(settled);
  }

  private static String cut(String s, int n) {
    return s == null || s.length() <= n ? s : s.substring(0, n);
  }
}
