package dev.alvh.app.store;

import dev.alvh.core.account.Position;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.OrderRef;
import dev.alvh.paper.broker.PaperAccountPort;
import dev.alvh.paper.broker.PaperBroker;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
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
    Optional<Head> head = jdbc.queryOne("SELECT cash, next_order_id, next_exec_seq FROM paper_account WHERE id=1",
        rs -> new Head(rs.getBigDecimal(1), rs.getLong(2), rs.getLong(3)));
    if (head.isEmpty()) {
      return Optional.empty();
    }
    List<Position> positions = jdbc.query("SELECT contract, quantity, avg_cost FROM paper_position ORDER BY contract",
        rs -> new Position(OptionContract.parseKey(rs.getString(1)), rs.getLong(2), rs.getBigDecimal(3)));
    List<PaperBroker.Settlement> ledger = jdbc.query("SELECT settle_date, contract, quantity, price, cash"
        + " FROM paper_settlement ORDER BY id", rs -> new PaperBroker.Settlement(rs.getDate(1).toLocalDate(),
            OptionContract.parseKey(rs.getString(2)), rs.getInt(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
    List<SavedOrder> orders = jdbc.query("SELECT ref, order_id, quantity, filled, working FROM paper_order"
        + " ORDER BY order_id", rs -> new SavedOrder(new OrderRef(rs.getString(1)), rs.getLong(2), rs.getInt(3),
            rs.getInt(4), rs.getBoolean(5)));
    Head h = head.get();
    return Optional.of(new Saved(h.cash(), h.nextOrderId(), h.nextExecSeq(), positions, ledger, orders));
  }

  @Override
  public void atomically(Runnable work) {
    jdbc.inTransaction(work);
  }

  @Override
  public void saveAccount(BigDecimal cash, long nextOrderId, long nextExecSeq) {
    jdbc.update("MERGE INTO paper_account(id, cash, next_order_id, next_exec_seq, updated_at) KEY(id)"
        + " VALUES (1,?,?,?,?)", cash, nextOrderId, nextExecSeq, Timestamp.from(now.get()));
  }

  @Override
  public void savePosition(OptionContract contract, long quantity, BigDecimal avgCost) {
    if (quantity == 0) {
      jdbc.update("DELETE FROM paper_position WHERE contract=?", contract.key());
    } else {
      jdbc.update("MERGE INTO paper_position(contract, quantity, avg_cost) KEY(contract) VALUES (?,?,?)",
          contract.key(), quantity, avgCost);
    }
  }

  @Override
  public void saveExecution(Fill f) {
    jdbc.update("MERGE INTO paper_execution(exec_id, ref, occurred_at, contract, side, quantity, price, commission)"
        + " KEY(exec_id) VALUES (?,?,?,?,?,?,?,?)", f.execId(), f.ref().value(), Timestamp.from(f.time()),
        f.contract().key(), f.side().name(), f.quantity(), f.price(), f.commission());
  }

  @Override
  public void saveSettlement(PaperBroker.Settlement s) {
    jdbc.update("INSERT INTO paper_settlement(settle_date, contract, quantity, price, cash) VALUES (?,?,?,?,?)",
        Date.valueOf(s.date()), s.contract().key(), s.quantity(), s.price(), s.cash());
  }

  @Override
  public void saveOrder(SavedOrder o) {
    jdbc.update("MERGE INTO paper_order(ref, order_id, quantity, filled, working) KEY(ref) VALUES (?,?,?,?,?)",
        o.ref().value(), o.orderId(), o.quantity(), o.filled(), o.working());
  }

  @Override
  public List<Fill> executionsSince(Instant since) {
    return jdbc.query("SELECT ref, exec_id, occurred_at, contract, side, quantity, price, commission"
        + " FROM paper_execution WHERE occurred_at >= ? ORDER BY occurred_at, exec_id",
        rs -> new Fill(new OrderRef(rs.getString(1)), rs.getString(2), rs.getTimestamp(3).toInstant(),
            OptionContract.parseKey(rs.getString(4)), Side.valueOf(rs.getString(5)), rs.getInt(6),
            rs.getBigDecimal(7), rs.getBigDecimal(8)), Timestamp.from(since));
  }
}
