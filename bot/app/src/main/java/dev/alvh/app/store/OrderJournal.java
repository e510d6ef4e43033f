package dev.alvh.app.store;

import dev.alvh.core.hedge.HedgeAction;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order journal: the one writer of {@code orders}, and of what the journal keeps beside it,
 * the legs of every order as structured rows ({@code order_leg}, V6), the hedge action of every
 * hedge order ({@code hedge_order}), the limits an order was worked at ({@code order_step}, V3)
 * and the fills ({@code fill}). A restart can finish an order's bookkeeping from it alone: how
 * many of an order's combos are in the books already is {@code orders.applied_combos}.
 *
 * <p>The journal writes belong in the transaction that writes the {@code orders} row; the
 * applied mark in the transaction that writes the books (tranche, hedge position). Statuses,
 * purposes, sides, hedge actions and layer kinds are bound and mapped as enums. Not
 * thread-safe, like {@link Store}.
 */
public final class OrderJournal {


  private final Jdbc jdbc;

  /** The journal tables over {@code jdbc}. */
  public OrderJournal(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  // --------------------------------------------------------------------------------- orders

  /** Writes an order intent to the journal, status JOURNALED, before it is sent. */
  public void journal(OrderIntent o, Instant at) {
    jdbc.write("journaling order " + o.ref(), "INSERT INTO orders(ref, purpose, tranche_id, legs, quantity,"
        + " limit_price, status, reason, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)", o.ref().value(),
        o.purpose(), o.trancheId(), LegCodec.orderText(o.legs()), o.quantity(), o.limit().bagLimit(),
        OrderStatus.JOURNALED, cut(o.reason(), 512), at, at);
  }

  /** Records a status change of order {@code ref}. */
  public void status(OrderRef ref, OrderStatus status, long brokerId, int filled, String reason, Instant at) {
    jdbc.write("storing the status of order " + ref, "UPDATE orders SET status=?, broker_id=?, filled=?,"
        + " status_reason=?, updated_at=? WHERE ref=?", status, brokerId, filled, cut(reason, 512), at, ref.value());
  }

  /** The status of order {@code ref}, if journaled. */
  public Optional<OrderStatus> status(OrderRef ref) {
    return jdbc.withHandle("reading the status of order " + ref, h -> h.createQuery(
        "SELECT status FROM orders WHERE ref=?").bind(0, ref.value()).map((rs, ctx) -> StoredEnums.ORDER_STATUS.parse(rs, 1))
        .findFirst());
  }

  /**
   * Stores a fill once: a second fill with the same execution id is ignored.
   *
   * @return true when it was new
   */
  public boolean fill(Fill f) {
    return jdbc.write("storing fill " + f.execId(), "MERGE INTO fill(exec_id, ref, occurred_at, contract, side,"
        + " quantity, price, commission) KEY(exec_id) SELECT ?,?,?,?,?,?,?,? FROM DUAL WHERE NOT EXISTS"
        + " (SELECT 1 FROM fill WHERE exec_id=?)", f.execId(), f.ref().value(), f.time(), f.contract().key(), f.side(),
        f.quantity(), f.price(), f.commission(), f.execId()) > 0;
  }

  /** Records one limit an order was worked at and its status after the step. */
  public void step(OrderRef ref, int step, NetPrice limit, Instant at, OrderStatus status, int filled) {
    String what = "storing step " + step + " of order " + ref;
    // Both rows under one hold of the statement lock: no other thread writes between them (not a transaction).
    jdbc.withHandle(what, h -> {
      jdbc.write(what, "INSERT INTO order_step(ref, step, limit_price, occurred_at, status, filled)"
          + " VALUES (?,?,?,?,?,?)", ref.value(), step, limit.bagLimit(), at, status, filled);
      return jdbc.write(what, "UPDATE orders SET steps=?, final_limit=? WHERE ref=?", step, limit.bagLimit(),
          ref.value());
    });
  }

  /** Records how order {@code ref} ended. */
  public void outcome(OrderRef ref, String outcome, int filledCombos) {
    jdbc.withHandle("storing the outcome of order " + ref, h -> h.createUpdate(
        "UPDATE orders SET outcome=?, filled_combos=? WHERE ref=?").bind(0, outcome).bind(1, filledCombos)
        .bind(2, ref.value()).execute());
  }

  /** The limits order {@code ref} was worked at, in step order. */
  public List<BigDecimal> steps(OrderRef ref) {
    return jdbc.withHandle("reading the steps of order " + ref, h -> h.createQuery(
        "SELECT limit_price FROM order_step WHERE ref=? ORDER BY step").bind(0, ref.value())
        .map((rs, ctx) -> rs.getBigDecimal(1)).list());
  }

  /** The outcome of order {@code ref}, if it ended. */
  public Optional<String> outcome(OrderRef ref) {
    return jdbc.withHandle("reading the outcome of order " + ref, h -> h.createQuery(
        "SELECT outcome FROM orders WHERE ref=?").bind(0, ref.value()).map((rs, ctx) -> rs.getString(1))
        .findFirst());
  }

  // --------------------------------------------------------------------------------- legs, hedge action

  /** Completes the journal row of {@code o} (it must exist): its legs, and nothing applied yet. */
  public void journaled(OrderIntent o) {
    String what = "journaling the legs of order " + o.ref();
    // The rows under one hold of the statement lock: no other thread writes between them (not a transaction).
    jdbc.withHandle(what, h -> {
      LegCodec.insertRows(jdbc, what, o.ref().value(), o.legs());
      return jdbc.write(what, "UPDATE orders SET applied_combos=0 WHERE ref=?", o.ref().value());
    });
  }

  /** Writes the legs of {@code o} (its {@code orders} row must exist). */
  public void legs(OrderIntent o) {
    String what = "journaling the legs of order " + o.ref();
    jdbc.withHandle(what, h -> {
      LegCodec.insertRows(jdbc, what, o.ref().value(), o.legs());
      return null;
    });
  }

  /** The structured legs of order {@code ref} in order; empty for an order journaled before V6. */
  public List<ComboLeg> legsOf(OrderRef ref) {
    return jdbc.withHandle("reading the legs of order " + ref, h -> h.createQuery("SELECT " + LegCodec.ROW_COLUMNS
        + " FROM order_leg WHERE ref=? ORDER BY seq").bind(0, ref.value()).map(LegCodec.ROW).list());
  }

  /**
   * The legs of order {@code ref}: the structured rows, or for an order journaled before V6 the
   * {@code orders.legs} text ({@code SIDE xRATIO CLASS YYYY-MM-DD STRIKE C|P; ...}).
   */
  public List<ComboLeg> legsOf(OrderRef ref, String legsText) {
    List<ComboLeg> legs = legsOf(ref);
    if (!legs.isEmpty()) {
      return legs;
    }
    return LegCodec.parse(legsText);
  }

  /** Writes the hedge action of {@code a}'s order for {@code book} (its {@code orders} row must exist). */
  public void hedgeAction(String book, HedgeAction a) {
    jdbc.withHandle("journaling the hedge action of order " + a.order().ref(), h -> h.createUpdate(
        "INSERT INTO hedge_order(ref, book, action, layer_id, level, kind) VALUES (?,?,?,?,?,?)")
        .bind(0, a.order().ref().value()).bind(1, book).bind(2, a.type()).bind(3, a.layerId()).bind(4, a.level())
        .bind(5, a.kind()).execute());
  }

  /**
   * Combos of order {@code ref} already in the books; empty for an order journaled before V6 or
   * not journaled.
   */
  public Optional<Integer> appliedCombos(OrderRef ref) {
    return jdbc.withHandle("reading the applied combos of order " + ref, h -> h.createQuery(
        "SELECT applied_combos FROM orders WHERE ref=?").bind(0, ref.value()).map((rs, ctx) -> {
          int n = rs.getInt(1);
          return rs.wasNull() ? null : n;
        }).findFirst());
  }

  /** True when some of order {@code ref}'s combos are in the books already. */
  public boolean applied(OrderRef ref) {
    return appliedCombos(ref).orElse(0) > 0;
  }

  /** Marks {@code combos} of order {@code ref} as in the books (in the transaction that writes them). */
  public void markApplied(OrderRef ref, int combos, Instant at) {
    jdbc.withHandle("marking order " + ref + " applied", h -> h.createUpdate(
        "UPDATE orders SET applied_combos=?, applied_at=? WHERE ref=?").bind(0, combos).bind(1, at)
        .bind(2, ref.value()).execute());
  }

  /** The hedge action journaled with order {@code ref}, if it is a hedge order journaled since V6. */
  public Optional<HedgeAction> hedgeActionOf(OrderIntent o) {
    return jdbc.withHandle("reading the hedge action of order " + o.ref(), h -> h.createQuery(
        "SELECT action, layer_id, level, kind FROM hedge_order WHERE ref=?").bind(0, o.ref().value())
        .map((rs, ctx) -> new HedgeAction(StoredEnums.HEDGE_ACTION.parse(rs, 1), rs.getString(2), rs.getInt(3), StoredEnums.HEDGE_LAYER_KIND.parse(rs, 4), o))
        .findFirst());
  }

  /**
   * An order of the journal with stored fills that are not in the books yet.
   *
   * @param intent the order as journaled (legs, quantity, first limit, tranche, reason)
   * @param status the order's journal status
   */
  public record Pending(OrderIntent intent, String status) {
  }

  /**
   * The orders journaled since V6 whose journal status is in {@code statuses}, with a stored fill
   * and nothing applied to the books, oldest first.
   */
  public List<Pending> pending(List<String> statuses) {
    String in = String.join(",", java.util.Collections.nCopies(statuses.size(), "?"));
    record Row(String ref, OrderPurpose purpose, long trancheId, String legs, int quantity, BigDecimal limit,
        String reason, String status) {
    }
    List<Row> rows = jdbc.withHandle("reading the orders with fills not in the books", h -> {
      var q = h.createQuery("SELECT o.ref, o.purpose, o.tranche_id, o.legs, o.quantity, o.limit_price, o.reason,"
          + " o.status FROM orders o WHERE o.applied_combos = 0 AND o.status IN (" + in + ")"
          + " AND EXISTS (SELECT 1 FROM fill f WHERE f.ref = o.ref) ORDER BY o.created_at, o.ref");
      for (int i = 0; i < statuses.size(); i++) {
        q.bind(i, statuses.get(i));
      }
      return q.map((rs, ctx) -> new Row(rs.getString(1), StoredEnums.ORDER_PURPOSE.parse(rs, 2), rs.getLong(3), rs.getString(4),
          rs.getInt(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8))).list();
    });
    List<Pending> out = new ArrayList<>();
    for (Row r : rows) {
      OrderRef ref = new OrderRef(r.ref());
      out.add(new Pending(new OrderIntent(ref, r.purpose(), r.trancheId(), legsOf(ref, r.legs()), r.quantity(),
          new NetPrice(r.limit()), r.reason()), r.status()));
    }
    return out;
  }

  private static String cut(String s, int n) {
    return s == null || s.length() <= n ? s : s.substring(0, n);
  }

  /** Sets the limit of journaled order {@code ref} (an order sent again after approval). */
  public void limitPrice(OrderRef ref, BigDecimal limit, Instant at) {
    jdbc.withHandle("updating the limit of " + ref, h -> h.createUpdate(
        "UPDATE orders SET limit_price=:limit, updated_at=:at WHERE ref=:ref")
        .bind("limit", limit).bind("at", at).bind("ref", ref.value()).execute());
  }
}
