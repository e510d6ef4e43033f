package dev.alvh.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.core.hedge.HedgeBook;
import dev.alvh.core.hedge.HedgeContext;
import dev.alvh.core.hedge.HedgeLayerKind;
import dev.alvh.core.HedgeState;
import dev.alvh.core.hedge.HedgeTransition;
import dev.alvh.core.hedge.HeldLayer;
import dev.alvh.core.signal.DailyCloses;
import dev.alvh.core.signal.SignalSnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The hedge's tables in the bot's database (migration V2): the state machine's context and
 * transitions, the positions held and their trades, and the daily closes of the signals.
 *
 * <p>Every row carries the book ({@code alvh}, {@code rigid}), so books sharing a database stay
 * apart. Not thread-safe: the trading thread owns the connection.
 */
public final class HedgeStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One {@code hedge_context} row as {@link #loadContext} selects it; the state is stored by its code. */
  private static final RowMapper<SavedContext> CONTEXT = (rs, ctx) -> new SavedContext(new HedgeContext(
      HedgeState.fromCode(rs.getInt(1)), local(rs.getDate(2)), rs.getDouble(3), local(rs.getDate(4)), rs.getInt(5),
      rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getBoolean(10), rs.getBoolean(11), rs.getInt(13),
      rs.getBoolean(14), rs.getInt(15)), local(rs.getDate(12)));

  /** One {@code hedge_layer} row as {@link #heldLayers} selects it. */
  private static final RowMapper<HeldLayer> LAYER = (rs, ctx) -> new HeldLayer(rs.getString(1), rs.getInt(2),
      StoredEnums.HEDGE_LAYER_KIND.parse(rs, 3), LegCodec.parse(rs.getString(4)), rs.getInt(5), rs.getBigDecimal(6), local(rs.getDate(7)),
      rs.getBoolean(8), rs.getBoolean(9));

  private final Jdbc jdbc;
  private final String book;
  private final TrancheStore tranches;
  /** The hedge premium of each day, kept for the carry cap. */
  private final DailySums premium = new DailySums("hedge_trade");

  /** The hedge tables of {@code book} over {@code jdbc}. */
  public HedgeStore(Jdbc jdbc, String book) {
    this.jdbc = jdbc;
    this.book = book;
    this.tranches = new TrancheStore(jdbc);
  }

  /** The book this store reads and writes. */
  public String book() {
    return book;
  }

  // --------------------------------------------------------------------------------- context

  /** A stored context and the date its state was entered. */
  public record SavedContext(HedgeContext context, LocalDate stateSince) {
  }

  /** Writes (or replaces) the book's context after an evaluation. */
  public void saveContext(HedgeContext c, LocalDate stateSince, Instant at) {
    jdbc.write("storing the hedge context", "MERGE INTO hedge_context(book, state, as_of, vix_peak, last_escalation,"
        + " closes_since_escalation, l3_trigger_closes, calm_closes, exit_closes, contango_closes, layers_held,"
        + " carry_cap_reached, state_since, updated_at, returned, be_sigma_entry, closes_since_unwind) KEY(book)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", book, c.state().code(), c.asOf(), c.vixPeak(),
        c.lastEscalation(), c.closesSinceEscalation(), c.l3TriggerCloses(), c.calmCloses(), c.exitCloses(),
        c.contangoCloses(), c.layersHeld(), c.carryCapReached(), stateSince, at, c.returned(), c.beSigmaEntry(),
        c.closesSinceUnwind());
  }

  /** The book's stored context, if the bot ran before. */
  public Optional<SavedContext> loadContext() {
    return jdbc.withHandle("reading the hedge context", h -> h.createQuery("SELECT state, as_of, vix_peak,"
        + " last_escalation, closes_since_escalation, l3_trigger_closes, calm_closes, exit_closes, contango_closes,"
        + " layers_held, carry_cap_reached, state_since, returned, be_sigma_entry, closes_since_unwind"
        + " FROM hedge_context WHERE book=?").bind(0, book).map(CONTEXT).findFirst());
  }

  // --------------------------------------------------------------------------------- transitions

  /** Stores a transition with every signal value as JSON. */
  public void transition(HedgeTransition t, Instant at) {
    String signals = signalsJson(t.signals(), t.vixPeak());
    jdbc.withHandle("storing a hedge transition", h -> h.createUpdate("INSERT INTO hedge_transition(occurred_at,"
            + " from_state, to_state, rule, signals, book, trade_date) VALUES (?,?,?,?,?,?,?)")
        .bind(0, at).bind(1, t.from()).bind(2, t.to()).bind(3, truncate(t.rule(), 256)).bind(4, signals)
        .bind(5, book).bind(6, t.date()).execute());
  }

  /**
   * One stored transition, as a person reads it; the one row type of the hedge_transition table for
   * the hedge desk, the console and the replay report.
   *
   * @param at      when it was written
   * @param date    the trading day it was decided on (null on rows written before the column was added)
   * @param from    the state before
   * @param to      the state after
   * @param rule    the rule that moved it
   * @param signals every signal value the rule saw, as JSON
   */
  public record TransitionRow(Instant at, LocalDate date, HedgeState from, HedgeState to, String rule, String signals) {
  }

  /** The columns {@link #TRANSITION} maps, in its order. */
  static final String TRANSITION_COLUMNS = "occurred_at, trade_date, from_state, to_state, rule, signals";

  /** A hedge_transition row selected as {@link #TRANSITION_COLUMNS}. */
  static final RowMapper<TransitionRow> TRANSITION = (rs, ctx) -> new TransitionRow(rs.getTimestamp(1).toInstant(),
      local(rs.getDate(2)), StoredEnums.HEDGE_STATE.parse(rs, 3), StoredEnums.HEDGE_STATE.parse(rs, 4), rs.getString(5), rs.getString(6));

  /** The book's transitions, oldest first. */
  public List<TransitionRow> transitions() {
    return jdbc.withHandle("reading the hedge transitions", h -> h.createQuery("SELECT " + TRANSITION_COLUMNS
        + " FROM hedge_transition WHERE book=? ORDER BY id").bind(0, book).map(TRANSITION).list());
  }

  /** Every signal of {@code s} and the peak the rules saw, as one JSON object (NaN and infinity as null). */
  public static String signalsJson(SignalSnapshot s, double vixPeak) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", s.date().toString());
    m.put("spx", num(s.spx()));
    m.put("vix", num(s.vix()));
    m.put("vix3m", num(s.vix3m()));
    m.put("vxFront", num(s.vxFront()));
    m.put("vxSecond", num(s.vxSecond()));
    m.put("vixBase", num(s.vixBase()));
    m.put("vixRel", num(s.vixRel()));
    m.put("termRatio", num(s.termRatio()));
    m.put("futuresContango", num(s.futuresContango()));
    m.put("contangoZ", num(s.contangoZ()));
    m.put("rsiSpx", num(s.rsiSpx()));
    m.put("rsiVix", num(s.rsiVix()));
    m.put("rsiVix21", num(s.rsiVix21()));
    m.put("rsiVixSource", s.rsiVixSource().name());
    m.put("macdVixHist", num(s.macdVixHist()));
    m.put("macdVixHistTrend", s.macdVixHistTrend());
    m.put("beSigma", num(s.beSigma()));
    m.put("eventDay", s.eventDay());
    m.put("score", s.score());
    m.put("vixPeak", num(vixPeak));
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write signals as JSON: " + e.getMessage(), e);
    }
  }

  private static Object num(double v) {
    return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros() : null;
  }

  // --------------------------------------------------------------------------------- closes

  /** Stores (or replaces) the closes of one day. */
  public void saveClose(DailyCloses c) {
    jdbc.write("storing the daily closes", "MERGE INTO hedge_daily_close(trade_date, spx, vix, vix3m, vx_front,"
        + " vx_second) KEY(trade_date) VALUES (?,?,?,?,?,?)", c.date(), c.spx(), c.vix(), c.vix3m(),
        c.hasVx() ? (Double) c.vxFront() : null, c.hasVx() ? (Double) c.vxSecond() : null);
  }

  /** The stored daily closes, oldest first. */
  public List<DailyCloses> closes() {
    return jdbc.withHandle("reading the daily closes", h -> h.createQuery("SELECT trade_date, spx, vix, vix3m,"
        + " vx_front, vx_second FROM hedge_daily_close ORDER BY trade_date").map((rs, ctx) -> {
          double f = rs.getDouble(5);
          boolean noVx = rs.wasNull();
          double s = rs.getDouble(6);
          DailyCloses c = DailyCloses.of(local(rs.getDate(1)), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
          return noVx ? c : c.withVx(f, s);
        }).list());
  }

  // --------------------------------------------------------------------------------- positions

  /** Writes (or replaces) a position held now. */
  public void saveLayer(HeldLayer h) {
    jdbc.withHandle("storing a hedge position", handle -> {
      int opened = handle.createQuery("SELECT opened_qty FROM hedge_layer WHERE book=? AND id=?").bind(0, book)
          .bind(1, h.id()).mapTo(Integer.class).findFirst().orElse(h.quantity());
      BigDecimal cost = h.entryPrice().multiply(BigDecimal.valueOf(100L * opened));
      return handle.createUpdate("MERGE INTO hedge_layer(id, book, level, kind, legs, quantity, opened_qty, entry_price,"
              + " cost, opened_on, status, profit_taken, pressed) KEY(book, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
          .bind(0, h.id()).bind(1, book).bind(2, h.level()).bind(3, h.kind()).bind(4, LegCodec.layerText(h.legs()))
          .bind(5, h.quantity()).bind(6, opened).bind(7, h.entryPrice()).bind(8, cost).bind(9, h.openedOn())
          .bind(10, PositionStatus.OPEN).bind(11, h.profitTaken()).bind(12, h.pressed()).execute();
    });
  }

  /** Marks position {@code id} closed on {@code date}. */
  public void closeLayer(String id, LocalDate date) {
    jdbc.withHandle("closing a hedge position", h -> h.createUpdate("UPDATE hedge_layer SET status=?,"
        + " quantity=0, closed_on=? WHERE book=? AND id=?").bind(0, PositionStatus.CLOSED).bind(1, date).bind(2, book)
        .bind(3, id).execute());
  }

  /** The positions held, oldest first. */
  public List<HeldLayer> heldLayers() {
    return jdbc.withHandle("reading the hedge positions", h -> h.createQuery("SELECT id, level, kind, legs, quantity,"
        + " entry_price, opened_on, profit_taken, pressed FROM hedge_layer WHERE book=? AND status=?"
        + " ORDER BY opened_on, id").bind(0, book).bind(1, PositionStatus.OPEN).map(LAYER).list());
  }

  /** Records a trade of a position and adds its commissions and realized P&amp;L to the position. */
  public void trade(HedgeBook.Trade t, int level, HedgeLayerKind kind, HedgeTradeAction action, BigDecimal commissions) {
    jdbc.withHandle("storing a hedge trade", h -> {
      h.createUpdate("INSERT INTO hedge_trade(book, layer_id, level, kind, action, trade_date, quantity, net_price,"
              + " cash, commissions, realized_pnl) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
          .bind(0, book).bind(1, t.layerId()).bind(2, level).bind(3, kind).bind(4, action).bind(5, t.date())
          .bind(6, t.quantity()).bind(7, t.netPerCombo()).bind(8, t.cash()).bind(9, commissions)
          .bind(10, t.realizedPnl()).execute();
      return h.createUpdate("UPDATE hedge_layer SET commissions = commissions + ?, realized_pnl = realized_pnl + ?"
          + " WHERE book=? AND id=?").bind(0, commissions).bind(1, t.realizedPnl()).bind(2, book).bind(3, t.layerId())
          .execute();
    });
  }

  /** Premium paid for long positions opened from {@code from} (exclusive) to {@code to} (inclusive), USD. */
  public BigDecimal premiumSpent(LocalDate from, LocalDate to) {
    return jdbc.withHandle("summing the hedge premium", h -> premium.total(jdbc, from, to,
        start -> h.createQuery("SELECT trade_date, -SUM(cash) FROM hedge_trade WHERE book=? AND quantity > 0"
            + " AND kind <> ? AND trade_date > ? GROUP BY trade_date").bind(0, book)
            .bind(1, HedgeLayerKind.PRESS_SPREAD).bind(2, start)));
  }

  /** Realized P&amp;L of hedge closes on or after {@code since}, USD, before commissions. */
  public BigDecimal realizedSince(LocalDate since) {
    return sum("SELECT COALESCE(SUM(realized_pnl), 0) FROM hedge_trade WHERE book=? AND quantity < 0"
        + " AND trade_date >= ?", book, since);
  }

  /** Premium paid for L3 top-ups (PRESS action 2) on or after {@code since}, USD. */
  public BigDecimal topUpsSince(LocalDate since) {
    return sum("SELECT COALESCE(-SUM(cash), 0) FROM hedge_trade WHERE book=? AND quantity > 0"
        + " AND layer_id LIKE 'L3T-%' AND trade_date >= ?", book, since);
  }

  /** Whether PRESS spreads were sold on or after {@code since}. */
  public boolean spreadsSoldSince(LocalDate since) {
    return jdbc.withHandle("reading the PRESS spreads sold", h -> h.createQuery("SELECT COUNT(*) FROM hedge_trade"
        + " WHERE book=? AND kind=? AND quantity > 0 AND trade_date >= ?").bind(0, book)
        .bind(1, HedgeLayerKind.PRESS_SPREAD).bind(2, since).mapTo(Long.class).one()) > 0;
  }

  /** Hedge P&amp;L realized so far (all closes and settlements), USD, after commissions. */
  public BigDecimal realizedPnl() {
    return sum("SELECT COALESCE(SUM(realized_pnl), 0) - COALESCE(SUM(commissions), 0) FROM hedge_trade WHERE book=?",
        book);
  }

  /** Condor credit received on tranches opened from {@code from} (exclusive) to {@code to} (inclusive), USD. */
  public BigDecimal condorCredit(LocalDate from, LocalDate to) {
    return tranches.credit(from, to);
  }

  /** Days spent in each hedge state, from the daily snapshots, in the order of the states. */
  public static Map<String, Long> statesVisited(Jdbc jdbc) {
    Map<String, Long> counts = jdbc.withHandle("counting the days per hedge state", h -> h.createQuery(
        "SELECT hedge_state, COUNT(*) FROM daily_snapshot GROUP BY hedge_state")
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    Map<String, Long> out = new LinkedHashMap<>();
    for (HedgeState s : HedgeState.values()) {
      if (counts.containsKey(s.name())) {
        out.put(s.name(), counts.remove(s.name()));
      }
    }
    out.putAll(counts);
    return out;
  }

  // --------------------------------------------------------------------------------- helpers

  private BigDecimal sum(String sql, Object... args) {
    return jdbc.withHandle("summing hedge trades", h -> {
      var q = h.createQuery(sql);
      for (int i = 0; i < args.length; i++) {
        q.bind(i, args[i]);
      }
      return q.mapTo(BigDecimal.class).one();
    });
  }

  private static LocalDate local(Date d) {
    return d == null ? null : d.toLocalDate();
  }

  private static String truncate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }
}
