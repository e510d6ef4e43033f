package dev.alvh.app.store;

import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The order journal's rows ({@code orders}, {@code fill}, {@code reconciliation}) as the engine,
 * the reconciliation, the recovery and the console read and amend them, beyond what
 * {@link Store} and {@link OrderJournal} write when an order is journaled, acknowledged or
 * filled. Statuses, purposes and sides are bound and read as their enums.
 */
public final class OrderJournalRepository {

  private final Jdbc jdbc;

  /**
   * Expands {@code <statuses>} into one placeholder per bound status. The store's JDBI has no
   * template engine (its statements are plain SQL); only these IN-list queries use one.
   */
  private static final org.jdbi.v3.core.statement.TemplateEngine LISTS =
      new org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine();

  /** The journal of {@code store}'s database. */
  public OrderJournalRepository(Store store) {
    this.jdbc = store.jdbc();
  }

  /**
   * A journaled order as the reconciliation sees it.
   *
   * @param ref      its ref
   * @param status   its journal status
   * @param quantity combos ordered
   * @param filled   combos filled, as the broker last said
   * @param brokerId the broker's id, 0 when none was given
   */
  public record Journaled(OrderRef ref, OrderStatus status, int quantity, int filled, long brokerId) {
  }

  /**
   * An order of the journal with what its books need.
   *
   * @param ref       its ref
   * @param purpose   its purpose
   * @param trancheId the tranche it is for
   * @param legs      its legs as the {@code orders.legs} text
   * @param quantity  combos ordered
   * @param limit     its first limit, the BAG limit (positive debit, negative credit)
   * @param reason    the rule that asked for it
   * @param status    its journal status
   */
  public record Row(OrderRef ref, OrderPurpose purpose, long trancheId, String legs, int quantity, BigDecimal limit,
      String reason, OrderStatus status) {
  }

  /**
   * How far an order went.
   *
   * @param status   its journal status
   * @param filled   combos filled
   * @param quantity combos ordered
   */
  public record Progress(OrderStatus status, int filled, int quantity) {
  }

  /**
   * The money of an order's fills.
   *
   * @param netCash     sells minus buys, price x quantity x 100, USD (positive: a credit)
   * @param commissions USD
   */
  public record FillCash(BigDecimal netCash, BigDecimal commissions) {
  }

  /** Stores one difference a reconciliation found ({@code detail} cut to 1024 characters). */
  public void reconciliation(Instant at, String kind, String ref, String detail) {
    jdbc.withHandle("storing a reconciliation difference", h -> h.createUpdate(
        "INSERT INTO reconciliation(occurred_at, kind, ref, detail) VALUES (:at, :kind, :ref, :detail)")
        .bind("at", at).bind("kind", kind).bind("ref", ref)
        .bind("detail", detail.length() > 1024 ? detail.substring(0, 1024) : detail).execute());
  }

  /** When the newest stored fill executed, if there is one. */
  public Optional<Instant> lastFillAt() {
    return jdbc.withHandle("reading the newest fill", h -> h.createQuery("SELECT MAX(occurred_at) FROM fill")
        .map((rs, ctx) -> instant(rs.getTimestamp(1))).list().stream()
        .filter(Objects::nonNull).findFirst());
  }

  /** When the oldest order whose status is one of {@code statuses} was journaled, if there is one. */
  public Optional<Instant> oldestCreatedAt(Collection<OrderStatus> statuses) {
    return jdbc.withHandle("reading the oldest unfinished order", h -> h.createQuery(
        "SELECT MIN(created_at) FROM orders WHERE status IN (<statuses>)").setTemplateEngine(LISTS).bindList("statuses", List.copyOf(statuses))
        .map((rs, ctx) -> instant(rs.getTimestamp(1))).list().stream()
        .filter(Objects::nonNull).findFirst());
  }

  /** The orders whose status is one of {@code statuses}, oldest first. */
  public List<Journaled> inStatus(Collection<OrderStatus> statuses) {
    return jdbc.withHandle("reading the unfinished orders", h -> h.createQuery(
        "SELECT ref, status, quantity, filled, COALESCE(broker_id, 0) FROM orders WHERE status IN (<statuses>)"
            + " ORDER BY created_at, ref").setTemplateEngine(LISTS).bindList("statuses", List.copyOf(statuses))
        .map((rs, ctx) -> new Journaled(new OrderRef(rs.getString(1)), StoredEnums.ORDER_STATUS.parse(rs, 2),
            rs.getInt(3), rs.getInt(4), rs.getLong(5))).list());
  }

  /** The orders whose status is one of {@code statuses}, oldest first. */
  public List<Row> rowsInStatus(Collection<OrderStatus> statuses) {
    return jdbc.withHandle("reading the orders in " + statuses, h -> h.createQuery(
        "SELECT " + ROW_COLUMNS + " FROM orders o WHERE o.status IN (<statuses>) ORDER BY o.created_at, o.ref")
        .setTemplateEngine(LISTS).bindList("statuses", List.copyOf(statuses)).map(OrderJournalRepository::row).list());
  }

  /**
   * The orders whose status is one of {@code statuses}, with a stored fill, journaled before V6
   * (no applied mark), oldest first.
   */
  public List<Row> endedBeforeV6(Collection<OrderStatus> statuses) {
    return jdbc.withHandle("reading the orders journaled before V6", h -> h.createQuery(
        "SELECT " + ROW_COLUMNS + " FROM orders o WHERE o.applied_combos IS NULL AND o.status IN (<statuses>)"
            + " AND EXISTS (SELECT 1 FROM fill f WHERE f.ref = o.ref) ORDER BY o.created_at, o.ref")
        .setTemplateEngine(LISTS).bindList("statuses", List.copyOf(statuses)).map(OrderJournalRepository::row).list());
  }

  private static final String ROW_COLUMNS =
      "o.ref, o.purpose, o.tranche_id, o.legs, o.quantity, o.limit_price, o.reason, o.status";

  private static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Row(new OrderRef(rs.getString(1)), StoredEnums.ORDER_PURPOSE.parse(rs, 2), rs.getLong(3),
        rs.getString(4), rs.getInt(5), rs.getBigDecimal(6), rs.getString(7), StoredEnums.ORDER_STATUS.parse(rs, 8));
  }

  /** True when the journal holds order {@code ref}. */
  public boolean journaled(OrderRef ref) {
    return jdbc.withHandle("looking up order " + ref, h -> h.createQuery("SELECT 1 FROM orders WHERE ref=:ref")
        .bind("ref", ref.value()).mapTo(Integer.class).findFirst().isPresent());
  }

  /** The {@code orders.legs} text of order {@code ref}, if it is journaled. */
  public Optional<String> legsText(OrderRef ref) {
    return jdbc.withHandle("reading the legs of " + ref, h -> h.createQuery("SELECT legs FROM orders WHERE ref=:ref")
        .bind("ref", ref.value()).map((rs, ctx) -> rs.getString(1)).findFirst());
  }

  /** Status, filled and ordered combos of order {@code ref}, if it is journaled. */
  public Optional<Progress> progress(OrderRef ref) {
    return jdbc.withHandle("reading the status of " + ref, h -> h.createQuery(
        "SELECT status, filled, quantity FROM orders WHERE ref=:ref").bind("ref", ref.value())
        .map((rs, ctx) -> new Progress(StoredEnums.ORDER_STATUS.parse(rs, 1), rs.getInt(2), rs.getInt(3)))
        .findFirst());
  }

  /** The highest broker order id the journal holds, 0 when none. */
  public long maxBrokerId() {
    return jdbc.withHandle("reading the highest broker order id", h -> h.createQuery(
        "SELECT MAX(broker_id) FROM orders").map((rs, ctx) -> rs.getLong(1)).findFirst().orElse(0L));
  }

  /** True when the fill of execution {@code execId} is stored. */
  public boolean hasFill(String execId) {
    return jdbc.withHandle("looking up execution " + execId, h -> h.createQuery(
        "SELECT 1 FROM fill WHERE exec_id=:exec").bind("exec", execId).mapTo(Integer.class).findFirst().isPresent());
  }

  /** The stored fills of order {@code ref}, in execution order. */
  public List<Fill> fills(OrderRef ref) {
    return jdbc.withHandle("reading the fills of " + ref, h -> h.createQuery(
        "SELECT exec_id, occurred_at, contract, side, quantity, price, commission FROM fill WHERE ref=:ref"
            + " ORDER BY occurred_at, exec_id").bind("ref", ref.value())
        .map((rs, ctx) -> new Fill(ref, rs.getString(1), rs.getTimestamp(2).toInstant(),
            OptionContract.parseKey(rs.getString(3)), StoredEnums.SIDE.parse(rs, 4), rs.getInt(5),
            rs.getBigDecimal(6), rs.getBigDecimal(7))).list());
  }

  /** Contracts filled for order {@code ref}, by contract key. */
  public Map<String, Integer> filledByContract(OrderRef ref) {
    return jdbc.withHandle("reading the fills of " + ref, h -> h.createQuery(
        "SELECT contract, SUM(quantity) FROM fill WHERE ref=:ref GROUP BY contract").bind("ref", ref.value())
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).list()).stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Net cash and commissions of the fills of order {@code ref} (zero without fills). */
  public FillCash fillCash(OrderRef ref) {
    return jdbc.withHandle("reading the cash of " + ref, h -> h.createQuery(
        "SELECT COALESCE(SUM(CASE WHEN side=:sell THEN 1 ELSE -1 END * price * quantity * 100), 0),"
            + " COALESCE(SUM(commission), 0) FROM fill WHERE ref=:ref").bind("sell", Side.SELL).bind("ref", ref.value())
        .map((rs, ctx) -> new FillCash(rs.getBigDecimal(1), rs.getBigDecimal(2))).one());
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
