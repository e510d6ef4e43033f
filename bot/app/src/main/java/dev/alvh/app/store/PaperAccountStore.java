package dev.alvh.app.store;

import dev.alvh.core.account.Position;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.OrderRef;
import dev.alvh.paper.broker.PaperAccountPort;
import dev.alvh.paper.broker.PaperBroker;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The built-in paper broker's account in the bot's own database (migration V8: {@code paper_account},
 * {@code paper_position}, {@code paper_execution}, {@code paper_settlement}, {@code paper_order}).
 *
 * <p>Ordering and kill -9: the broker wraps every booking (an order accepted, a fill, a cancel, a
 * settlement) in {@link #atomically}, which is a transaction on the store's one connection, and
 * inside it first writes its own rows, then hands the fill and the status to its listener, the
 * bot's order desk, which writes the bot's {@code fill} row and the order's status on the same
 * connection. The commit makes both durable together ({@code WRITE_DELAY 0} on a live bot); a kill
 * before it leaves neither, so the restarted broker and the bot's journal agree on every
 * execution. What the desk does after the order is over (the tranche, the hedge layer) comes after
 * the commit; a crash there is repaired by the reconciliation from the stored fills. Not
 * thread-safe, like {@link Store}.
 */
public final class PaperAccountStore implements PaperAccountPort {


  private final Jdbc jdbc;
  private final Supplier<Instant> now;

  /**
   * The paper account kept in {@code jdbc}'s database.
   *
   * @param now the bot's clock, for {@code updated_at}
   */
  public PaperAccountStore(Jdbc jdbc, Supplier<Instant> now) {
    this.jdbc = jdbc;
    this.now = now;
  }

  @Override
  public Optional<Saved> load() {
    record Head(BigDecimal cash, long nextOrderId, long nextExecSeq) {
    }
    return jdbc.withHandle("reading the paper account", h -> {
      Optional<Head> head = h.createQuery("SELECT cash, next_order_id, next_exec_seq FROM paper_account WHERE id=1")
          .map((rs, ctx) -> new Head(rs.getBigDecimal(1), rs.getLong(2), rs.getLong(3))).findFirst();
      if (head.isEmpty()) {
        return Optional.empty();
      }
      List<Position> positions = h.createQuery("SELECT contract, quantity, avg_cost FROM paper_position"
          + " ORDER BY contract").map((rs, ctx) -> new Position(OptionContract.parseKey(rs.getString(1)),
              rs.getLong(2), rs.getBigDecimal(3))).list();
      List<PaperBroker.Settlement> ledger = h.createQuery("SELECT settle_date, contract, quantity, price, cash"
          + " FROM paper_settlement ORDER BY id").map((rs, ctx) -> new PaperBroker.Settlement(
              rs.getDate(1).toLocalDate(), OptionContract.parseKey(rs.getString(2)), rs.getInt(3),
              rs.getBigDecimal(4), rs.getBigDecimal(5))).list();
      List<SavedOrder> orders = h.createQuery("SELECT ref, order_id, quantity, filled, working FROM paper_order"
          + " ORDER BY order_id").map((rs, ctx) -> new SavedOrder(new OrderRef(rs.getString(1)), rs.getLong(2),
              rs.getInt(3), rs.getInt(4), rs.getBoolean(5))).list();
      Head a = head.get();
      return Optional.of(new Saved(a.cash(), a.nextOrderId(), a.nextExecSeq(), positions, ledger, orders));
    });
  }

  @Override
  public void atomically(Runnable work) {
    jdbc.inTransaction(work);
  }

  @Override
  public void saveAccount(BigDecimal cash, long nextOrderId, long nextExecSeq) {
    Instant at = now.get();
    jdbc.withHandle("storing the paper account", h -> h.createUpdate("MERGE INTO paper_account(id, cash,"
        + " next_order_id, next_exec_seq, updated_at) KEY(id) VALUES (1,?,?,?,?)").bind(0, cash).bind(1, nextOrderId)
        .bind(2, nextExecSeq).bind(3, at).execute());
  }

  @Override
  public void savePosition(OptionContract contract, long quantity, BigDecimal avgCost) {
    if (quantity == 0) {
      jdbc.withHandle("storing a paper position", h -> h.createUpdate("DELETE FROM paper_position WHERE contract=?")
          .bind(0, contract.key()).execute());
    } else {
      jdbc.withHandle("storing a paper position", h -> h.createUpdate("MERGE INTO paper_position(contract, quantity,"
          + " avg_cost) KEY(contract) VALUES (?,?,?)").bind(0, contract.key()).bind(1, quantity).bind(2, avgCost)
          .execute());
    }
  }

  @Override
  public void saveExecution(Fill f) {
    jdbc.withHandle("storing a paper execution", h -> h.createUpdate("MERGE INTO paper_execution(exec_id, ref,"
            + " occurred_at, contract, side, quantity, price, commission) KEY(exec_id) VALUES (?,?,?,?,?,?,?,?)")
        .bind(0, f.execId()).bind(1, f.ref().value()).bind(2, f.time()).bind(3, f.contract().key())
        .bind(4, f.side()).bind(5, f.quantity()).bind(6, f.price()).bind(7, f.commission()).execute());
  }

  @Override
  public void saveSettlement(PaperBroker.Settlement s) {
    jdbc.withHandle("storing a paper settlement", h -> h.createUpdate("INSERT INTO paper_settlement(settle_date,"
        + " contract, quantity, price, cash) VALUES (?,?,?,?,?)").bind(0, s.date()).bind(1, s.contract().key())
        .bind(2, s.quantity()).bind(3, s.price()).bind(4, s.cash()).execute());
  }

  @Override
  public void saveOrder(SavedOrder o) {
    jdbc.withHandle("storing a paper order", h -> h.createUpdate("MERGE INTO paper_order(ref, order_id, quantity,"
        + " filled, working) KEY(ref) VALUES (?,?,?,?,?)").bind(0, o.ref().value()).bind(1, o.orderId())
        .bind(2, o.quantity()).bind(3, o.filled()).bind(4, o.working()).execute());
  }

  @Override
  public List<Fill> executionsSince(Instant since) {
    return jdbc.withHandle("reading the paper executions", h -> h.createQuery("SELECT ref, exec_id, occurred_at,"
        + " contract, side, quantity, price, commission FROM paper_execution WHERE occurred_at >= ?"
        + " ORDER BY occurred_at, exec_id").bind(0, since).map((rs, ctx) -> new Fill(new OrderRef(rs.getString(1)),
            rs.getString(2), rs.getTimestamp(3).toInstant(), OptionContract.parseKey(rs.getString(4)),
            StoredEnums.SIDE.parse(rs, 5), rs.getInt(6), rs.getBigDecimal(7), rs.getBigDecimal(8))).list());
  }
}
