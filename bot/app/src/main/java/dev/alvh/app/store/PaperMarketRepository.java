package dev.alvh.app.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The paper market's anchor row (table {@code paper_market}, migration V8) and the latest market
 * time a data directory's books record.
 */
public final class PaperMarketRepository {

  private final Jdbc jdbc;

  /** The anchor of the store behind {@code jdbc}. */
  public PaperMarketRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The stored anchor.
   *
   * @param start    first calendar day of the history
   * @param seed     the generator's seed
   * @param startSpx SPX on the first day
   * @param days     trading days of one segment
   */
  public record Anchor(LocalDate start, long seed, double startSpx, int days) {
  }

  /** The stored anchor, if any. */
  public Optional<Anchor> stored() {
    return jdbc.withHandle("reading the paper market's anchor", h -> h.createQuery(
        "SELECT start_date, seed, start_spx, days FROM paper_market WHERE id=1")
        .map((rs, ctx) -> new Anchor(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getDouble(3), rs.getInt(4)))
        .findFirst());
  }

  /** Stores {@code a} as the anchor (there must be none yet). */
  public void store(Anchor a, Instant at) {
    jdbc.withHandle("storing the paper market's anchor", h -> h.createUpdate(
        "INSERT INTO paper_market(id, start_date, seed, start_spx, days, created_at)"
            + " VALUES (1, :start, :seed, :spx, :days, :at)")
        .bind("start", a.start()).bind("seed", a.seed()).bind("spx", a.startSpx()).bind("days", a.days())
        .bind("at", at).execute());
  }

  /**
   * The latest market time the books record (orders, fills, decisions, the hedge's context, the
   * switches saved at a stop, the paper account, the audit), if any.
   */
  public Optional<Instant> lastMarketTime() {
    return jdbc.withHandle("reading the latest market time", h -> h.createQuery("SELECT MAX(t) FROM ("
        + " SELECT MAX(updated_at) t FROM orders UNION ALL SELECT MAX(occurred_at) FROM fill"
        + " UNION ALL SELECT MAX(occurred_at) FROM decision UNION ALL SELECT MAX(updated_at) FROM hedge_context"
        + " UNION ALL SELECT MAX(updated_at) FROM control_switch UNION ALL SELECT MAX(updated_at) FROM paper_account"
        + " UNION ALL SELECT MAX(occurred_at) FROM audit) x")
        .map((rs, ctx) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).list())
        .stream().filter(Objects::nonNull).findFirst();
  }
}
