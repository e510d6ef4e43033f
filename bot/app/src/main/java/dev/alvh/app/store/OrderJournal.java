package dev.alvh.app.store;

import dev.alvh.core.hedge.HedgeAction;
import dev.alvh.core.hedge.HedgeLayerKind;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the order journal keeps beyond the {@code orders} row (migration V6), so that a restart
 * can finish an order's bookkeeping from the store alone: the legs of every order as structured
 * rows ({@code order_leg}), the hedge action of every hedge order ({@code hedge_order}), and how
 * many of an order's combos are in the books already ({@code orders.applied_combos}).
 *
 * <p>The journal writes belong in the transaction that writes the {@code orders} row; the
 * applied mark in the transaction that writes the books (tranche, hedge position). Not
 * thread-safe, like {@link Store}.
 */
public final class OrderJournal {

  private final Jdbc jdbc;

  /** The journal tables over {@code jdbc}. */
  public OrderJournal(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Completes the journal row of {@code o} (it must exist): its legs, and nothing applied yet. */
  public void journaled(OrderIntent o) {
    legs(o);
    jdbc.update("UPDATE orders SET applied_combos=0 WHERE ref=?", o.ref().value());
  }

  /** Writes the legs of {@code o} (its {@code orders} row must exist). */
  public void legs(OrderIntent o) {
    int seq = 0;
    for (ComboLeg l : o.legs()) {
      OptionContract c = l.contract();
      jdbc.update("INSERT INTO order_leg(ref, seq, side, ratio, symbol, trading_class, expiry, strike, option_right,"
              + " multiplier, contract) VALUES (?,?,?,?,?,?,?,?,?,?,?)", o.ref().value(), seq++, l.side().name(),
          l.ratio(), c.symbol(), c.tradingClass(), Date.valueOf(c.expiry()), c.strike(), c.right().code(),
          c.multiplier(), c.key());
    }
  }

  /** The structured legs of order {@code ref} in order; empty for an order journaled before V6. */
  public List<ComboLeg> legsOf(OrderRef ref) {
    return jdbc.query("SELECT side, ratio, symbol, trading_class, expiry, strike, option_right, multiplier"
        + " FROM order_leg WHERE ref=? ORDER BY seq", rs -> new ComboLeg(new OptionContract(rs.getString(3),
            rs.getString(4), rs.getDate(5).toLocalDate(), rs.getBigDecimal(6), OptionRight.parse(rs.getString(7)),
            rs.getInt(8)), Side.valueOf(rs.getString(1)), rs.getInt(2)), ref.value());
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
    jdbc.update("INSERT INTO hedge_order(ref, book, action, layer_id, level, kind) VALUES (?,?,?,?,?,?)",
        a.order().ref().value(), book, a.type().name(), a.layerId(), a.level(), a.kind().name());
  }

  /**
   * Combos of order {@code ref} already in the books; empty for an order journaled before V6 or
   * not journaled.
   */
  public Optional<Integer> appliedCombos(OrderRef ref) {
    return jdbc.queryOne("SELECT applied_combos FROM orders WHERE ref=?", rs -> {
      int n = rs.getInt(1);
      return rs.wasNull() ? null : n;
    }, ref.value());
  }

  /** True when some of order {@code ref}'s combos are in the books already. */
  public boolean applied(OrderRef ref) {
    return appliedCombos(ref).orElse(0) > 0;
  }

  /** Marks {@code combos} of order {@code ref} as in the books (in the transaction that writes them). */
  public void markApplied(OrderRef ref, int combos, Instant at) {
    jdbc.update("UPDATE orders SET applied_combos=?, applied_at=? WHERE ref=?", combos, Timestamp.from(at),
        ref.value());
  }

  /** The hedge action journaled with order {@code ref}, if it is a hedge order journaled since V6. */
  public Optional<HedgeAction> hedgeActionOf(OrderIntent o) {
    return jdbc.queryOne("SELECT action, layer_id, level, kind FROM hedge_order WHERE ref=?",
        rs -> new HedgeAction(HedgeAction.Type.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3),
            HedgeLayerKind.valueOf(rs.getString(4)), o), o.ref().value());
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
    record Row(String ref, OrderPurpose purpose, long trancheId, String legs, int quantity,
        java.math.BigDecimal limit, String reason, String status) {
    }
    List<Row> rows = jdbc.query("SELECT o.ref, o.purpose, o.tranche_id, o.legs, o.quantity, o.limit_price, o.reason,"
        + " o.status FROM orders o WHERE o.applied_combos = 0 AND o.status IN (" + in + ")"
        + " AND EXISTS (SELECT 1 FROM fill f WHERE f.ref = o.ref) ORDER BY o.created_at, o.ref",
        rs -> new Row(rs.getString(1), OrderPurpose.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4),
            rs.getInt(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8)), statuses.toArray());
    List<Pending> out = new ArrayList<>();
    for (Row r : rows) {
      OrderRef ref = new OrderRef(r.ref());
      out.add(new Pending(new OrderIntent(ref, r.purpose(), r.trancheId(), legsOf(ref, r.legs()), r.quantity(),
          new NetPrice(r.limit()), r.reason()), r.status()));
    }
    return out;
  }
}
