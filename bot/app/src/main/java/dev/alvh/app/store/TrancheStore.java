package dev.alvh.app.store;

import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.OrderPurpose;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The condor tranches: {@code tranche}, its opening legs ({@code leg}) and its settlements
 * ({@code settlement}). The one writer of these tables.
 *
 * <p>Tranche accounting: {@code tranche.credit} is the net credit per condor over the tranche's
 * life (opening credit plus rolls); while a tranche is open, {@code realized_pnl} holds the
 * gross P&amp;L of condors already closed by partial fills; at the final close it becomes the whole
 * tranche's P&amp;L net of every commission. Exit reasons are bound and mapped by their key. Not
 * thread-safe, like {@link Store}. The open tranches, the newest entry, the next tranche id and the
 * condor credit of a window are kept in memory between two writes of their tables (see {@link #open()}); every reader goes through
 * {@link Jdbc}'s statement lock, which also guards those kept reads.
 */
public final class TrancheStore {

  private static final RowMapper<Tranche> TRANCHE = (rs, ctx) -> new Tranche(rs.getLong(1),
      rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(), rs.getDate(10).toLocalDate(), rs.getBigDecimal(4),
      rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getInt(8), rs.getBigDecimal(9),
      rs.getInt(11));

  private final Jdbc jdbc;
  /** The open tranches as last read, and the {@code tranche} table's version then (guarded by the statement lock). */
  private List<Tranche> openRead;
  private long openVersion;
  /** The condor credit of the tranches opened on each day, kept for the carry cap. */
  private final DailySums credit = new DailySums("tranche");

  /** The newest tranche's date and the next id, as last read, and the versions then (statement lock). */
  private Optional<LocalDate> lastEntryRead;
  private long lastEntryVersion;
  private long nextIdRead;
  private long nextIdVersion;

  /** The tranche tables over {@code jdbc}. */
  public TrancheStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts an opened tranche and its legs. */
  public void open(Tranche t, BigDecimal commissions) {
    jdbc.withHandle("storing an opened tranche", h -> {
      h.createUpdate("INSERT INTO tranche(id, opened_on, expiry, long_put, short_put, short_call, long_call, quantity,"
              + " credit, status, commissions, call_expiry, rolls, opening_credit) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
          .bind(0, t.id()).bind(1, t.openedOn()).bind(2, t.putExpiry()).bind(3, t.longPut()).bind(4, t.shortPut())
          .bind(5, t.shortCall()).bind(6, t.longCall()).bind(7, t.quantity()).bind(8, t.credit())
          .bind(9, PositionStatus.OPEN).bind(10, commissions).bind(11, t.callExpiry()).bind(12, t.rolls())
          .bind(13, t.credit()).execute();
      for (ComboLeg leg : t.openingLegs()) {
        h.createUpdate("INSERT INTO leg(tranche_id, contract, side, quantity) VALUES (?,?,?,?)").bind(0, t.id())
            .bind(1, leg.contract().key()).bind(2, leg.side()).bind(3, leg.ratio() * t.quantity()).execute();
      }
      return null;
    });
  }

  /** Marks tranche {@code id} closed. */
  public void close(long id, LocalDate on, BigDecimal closeDebit, ExitReason reason, BigDecimal commissions,
      BigDecimal realizedPnl) {
    jdbc.withHandle("closing a tranche", h -> h.createUpdate("UPDATE tranche SET status=?, closed_on=?,"
            + " close_debit=?, exit_reason=?, commissions=?, realized_pnl=? WHERE id=?")
        .bind(0, PositionStatus.CLOSED).bind(1, on).bind(2, closeDebit).bind(3, reason).bind(4, commissions)
        .bind(5, realizedPnl).bind(6, id).execute());
  }

  /**
   * The open tranches, by id (a new list each call). The rows read are kept until the next write
   * of the {@code tranche} table over this connection (or a rollback, see {@link TableWrites}):
   * a trading cycle asks for them several times between two writes.
   */
  public List<Tranche> open() {
    return jdbc.withHandle("reading the open tranches", h -> {
      long version = jdbc.version("tranche");
      if (openRead == null || openVersion != version) {
        openRead = List.copyOf(h.createQuery("SELECT id, opened_on, expiry, long_put, short_put, short_call, long_call,"
            + " quantity, credit, COALESCE(call_expiry, expiry), rolls FROM tranche WHERE status=? ORDER BY id")
            .bind(0, PositionStatus.OPEN).map(TRANCHE).list());
        openVersion = version;
      }
      return new java.util.ArrayList<>(openRead);
    });
  }

  /** Commissions paid so far on tranche {@code id}. */
  public BigDecimal commissions(long id) {
    return jdbc.withHandle("reading a tranche's commissions", h -> h.createQuery(
        "SELECT commissions FROM tranche WHERE id=?").bind(0, id).map((rs, ctx) -> rs.getBigDecimal(1)).findFirst())
        .orElse(BigDecimal.ZERO);
  }

  /** The trade date of the newest tranche (kept until the tranche table is written, as {@link #open()}). */
  public Optional<LocalDate> lastEntry() {
    return jdbc.withHandle("reading the newest tranche's date", h -> {
      long version = jdbc.version("tranche");
      if (lastEntryRead == null || lastEntryVersion != version) {
        lastEntryRead = h.createQuery("SELECT MAX(opened_on) FROM tranche").map((rs, ctx) -> {
          java.sql.Date d = rs.getDate(1);
          return Optional.ofNullable(d == null ? null : d.toLocalDate());
        }).one();
        lastEntryVersion = version;
      }
      return lastEntryRead;
    });
  }

  /**
   * The id the next tranche gets: one above any tranche or order seen (kept until the tranche
   * or the orders table is written, as {@link #open()}).
   */
  public long nextId() {
    return jdbc.withHandle("reading the next tranche id", h -> {
      long version = jdbc.version("tranche") + jdbc.version("orders");
      if (nextIdRead == 0 || nextIdVersion != version) {
        nextIdRead = h.createQuery("SELECT GREATEST(COALESCE((SELECT MAX(id) FROM tranche), 0), COALESCE((SELECT"
            + " MAX(tranche_id) FROM orders), 0)) + 1").map((rs, ctx) -> rs.getLong(1)).findFirst().orElse(1L);
        nextIdVersion = version;
      }
      return nextIdRead;
    });
  }

  /** Stores tranche {@code t} after a roll of {@code rollCredit} points per condor and its commissions. */
  public void rolled(Tranche t, BigDecimal rollCredit, BigDecimal commissions) {
    jdbc.withHandle("storing a rolled tranche", h -> h.createUpdate("UPDATE tranche SET expiry=?, call_expiry=?,"
            + " long_put=?, short_put=?, short_call=?, long_call=?, credit=?, rolls=?, roll_credit=roll_credit+?,"
            + " commissions=commissions+? WHERE id=?")
        .bind(0, t.putExpiry()).bind(1, t.callExpiry()).bind(2, t.longPut()).bind(3, t.shortPut())
        .bind(4, t.shortCall()).bind(5, t.longCall()).bind(6, t.credit()).bind(7, t.rolls()).bind(8, rollCredit)
        .bind(9, commissions).bind(10, t.id()).execute());
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
    return jdbc.withHandle("closing condors of a tranche", h -> {
      h.createUpdate("UPDATE tranche SET realized_pnl=COALESCE(realized_pnl, 0)+?, commissions=commissions+?,"
          + " quantity=? WHERE id=?").bind(0, gross).bind(1, commissions).bind(2, Math.max(t.quantity() - closed, 0))
          .bind(3, t.id()).execute();
      if (closed < t.quantity()) {
        return Optional.empty();
      }
      BigDecimal pnl = h.createQuery("SELECT realized_pnl - commissions FROM tranche WHERE id=?").bind(0, t.id())
          .map((rs, ctx) -> rs.getBigDecimal(1)).one();
      h.createUpdate("UPDATE tranche SET status=?, closed_on=?, close_debit=?, exit_reason=?, realized_pnl=?,"
          + " quantity=? WHERE id=?").bind(0, PositionStatus.CLOSED).bind(1, on).bind(2, debit).bind(3, reason)
          .bind(4, pnl).bind(5, t.quantity()).bind(6, t.id()).execute();
      return Optional.of(pnl);
    });
  }

  /** Records the settlement of tranche {@code t} at {@code price}: {@code value} points owed per condor. */
  public void settlement(Tranche t, LocalDate on, BigDecimal price, BigDecimal value) {
    BigDecimal cash = value.multiply(BigDecimal.valueOf(100L * t.quantity())).negate();
    jdbc.withHandle("storing a settlement", h -> h.createUpdate("INSERT INTO settlement(tranche_id, trade_date,"
        + " settle_price, value_points, cash) VALUES (?,?,?,?,?)").bind(0, t.id()).bind(1, on).bind(2, price)
        .bind(3, value).bind(4, cash).execute());
  }

  /**
   * How condor positions ended, by exit reason key: tranches closed for each reason, except
   * {@code roll}, which counts every roll carried out: the theta-inversion rolls (roll orders
   * that filled; the tranche stays open and later ends for another reason) plus the tranches
   * closed by a roll at the time exit.
   */
  public Map<String, Long> exitReasons() {
    return jdbc.withHandle("counting the exit reasons", h -> {
      Map<String, Long> out = new LinkedHashMap<>();
      for (ExitReason r : ExitReason.values()) {
        long n = h.createQuery("SELECT COUNT(*) FROM tranche WHERE exit_reason=?").bind(0, r).mapTo(Long.class).one();
        if (r == ExitReason.ROLL) {
          n += h.createQuery("SELECT COUNT(DISTINCT f.ref) FROM fill f JOIN orders o ON o.ref = f.ref WHERE o.purpose=?")
              .bind(0, OrderPurpose.ROLL_CONDOR).mapTo(Long.class).one();
        }
        // The five strategy exits always appear (zero counts included); an operator's flatten only when it happened.
        if (r != ExitReason.MANUAL || n > 0) {
          out.put(r.key(), n);
        }
      }
      return out;
    });
  }

  /** Sum of realized P&amp;L over closed tranches, USD. */
  public BigDecimal realizedPnl() {
    return jdbc.withHandle("summing the condors' realized P&L", h -> h.createQuery(
        "SELECT COALESCE(SUM(realized_pnl), 0) FROM tranche WHERE status=?").bind(0, PositionStatus.CLOSED)
        .mapTo(BigDecimal.class).one());
  }

  /**
   * The condor book's realized P&amp;L from its cash flows, USD: every fill of every order of a
   * closed tranche (after commissions) plus the cash its legs settled for. Independent of the
   * tranche accounting, so the two can be compared.
   */
  public BigDecimal bookCondorPnl() {
    List<String> condor = OrderPurpose.condorNames();
    return jdbc.withHandle("summing the condor book's cash flows", h -> {
      Query fills = h.createQuery("SELECT COALESCE(SUM(CASE WHEN f.side=? THEN f.price ELSE -f.price END"
          + " * f.quantity * 100 - f.commission), 0) FROM fill f JOIN orders o ON o.ref=f.ref"
          + " JOIN tranche t ON t.id=o.tranche_id WHERE t.status=? AND o.purpose IN ("
          + String.join(",", java.util.Collections.nCopies(condor.size(), "?")) + ")")
          .bind(0, Side.SELL).bind(1, PositionStatus.CLOSED);
      for (int i = 0; i < condor.size(); i++) {
        fills.bind(i + 2, condor.get(i));
      }
      BigDecimal paid = fills.mapTo(BigDecimal.class).one();
      BigDecimal settled = h.createQuery("SELECT COALESCE(SUM(s.cash), 0) FROM settlement s JOIN tranche t"
          + " ON t.id=s.tranche_id WHERE t.status=?").bind(0, PositionStatus.CLOSED).mapTo(BigDecimal.class).one();
      return paid.add(settled);
    });
  }

  /** Condor credit received on tranches opened from {@code from} (exclusive) to {@code to} (inclusive), USD. */
  public BigDecimal credit(LocalDate from, LocalDate to) {
    return jdbc.withHandle("summing the condors' credit", h -> credit.total(jdbc, from, to,
        start -> h.createQuery("SELECT opened_on, SUM(credit * quantity * 100) FROM tranche WHERE opened_on > ?"
            + " GROUP BY opened_on").bind(0, start)));
  }

  /** Sets the condors of tranche {@code id} (what stays after a partial roll split some off). */
  public void quantity(long id, int quantity) {
    jdbc.withHandle("setting the quantity of tranche " + id, h -> h.createUpdate(
        "UPDATE tranche SET quantity=:quantity WHERE id=:id").bind("quantity", quantity).bind("id", id).execute());
  }

  /** True when tranche {@code id} was ever opened (open or closed). */
  public boolean exists(long id) {
    return jdbc.withHandle("looking up tranche " + id, h -> h.createQuery("SELECT 1 FROM tranche WHERE id=:id")
        .bind("id", id).mapTo(Integer.class).findFirst().isPresent());
  }
}
