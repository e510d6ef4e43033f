package dev.alvh.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.core.hedge.HedgeBook;
import dev.alvh.core.hedge.HedgeContext;
import dev.alvh.core.hedge.HedgeLayerKind;
import dev.alvh.core.hedge.HedgeState;
import dev.alvh.core.hedge.HedgeTransition;
import dev.alvh.core.hedge.HeldLayer;
import dev.alvh.core.signal.DailyCloses;
import dev.alvh.core.signal.SignalSnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The hedge's tables in the bot's database (migration V2): the state machine's context and
 * transitions, the positions held and their trades, and the daily closes of the signals.
 *
 * <p>Every row carries the book ({@code alvh}, {@code rigid}), so books sharing a database stay
 * apart. Not thread-safe: the trading thread owns the connection.
 */
public final class HedgeStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbc jdbc;
  private final String book;

  /** The hedge tables of {@code book} over {@code jdbc}. */
  public HedgeStore(Jdbc jdbc, String book) {
    this.jdbc = jdbc;
    this.book = book;
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
    jdbc.update("MERGE INTO hedge_context(book, state, as_of, vix_peak, last_escalation, closes_since_escalation,"
            + " l3_trigger_closes, calm_closes, exit_closes, contango_closes, layers_held, carry_cap_reached,"
            + " state_since, updated_at, returned, be_sigma_entry, closes_since_unwind) KEY(book)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        book, c.state().code(), date(c.asOf()), c.vixPeak(), date(c.lastEscalation()), c.closesSinceEscalation(),
        c.l3TriggerCloses(), c.calmCloses(), c.exitCloses(), c.contangoCloses(), c.layersHeld(),
        c.carryCapReached(), date(stateSince), Timestamp.from(at), c.returned(), c.beSigmaEntry(),
        c.closesSinceUnwind());
  }

  /** The book's stored context, if the bot ran before. */
  public Optional<SavedContext> loadContext() {
    return jdbc.queryOne("SELECT state, as_of, vix_peak, last_escalation, closes_since_escalation, l3_trigger_closes,"
        + " calm_closes, exit_closes, contango_closes, layers_held, carry_cap_reached, state_since, returned,"
        + " be_sigma_entry, closes_since_unwind FROM hedge_context WHERE book=?", rs -> new SavedContext(new HedgeContext(
            HedgeState.fromCode(rs.getInt(1)), local(rs.getDate(2)), rs.getDouble(3), local(rs.getDate(4)),
            rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getBoolean(10),
            rs.getBoolean(11), rs.getInt(13), rs.getBoolean(14), rs.getInt(15)), local(rs.getDate(12))), book);
  }

  // --------------------------------------------------------------------------------- transitions

  /** Stores a transition with every signal value as JSON. */
  public void transition(HedgeTransition t, Instant at) {
    jdbc.update("INSERT INTO hedge_transition(occurred_at, from_state, to_state, rule, signals, book, trade_date)"
            + " VALUES (?,?,?,?,?,?,?)", Timestamp.from(at), t.from().name(), t.to().name(), truncate(t.rule(), 256),
        signalsJson(t.signals(), t.vixPeak()), book, Date.valueOf(t.date()));
  }

  /** One stored transition, as a person reads it. */
  public record TransitionRow(LocalDate date, String from, String to, String rule, String signals) {
  }

  /** The book's transitions, oldest first. */
  public List<TransitionRow> transitions() {
    return jdbc.query("SELECT trade_date, from_state, to_state, rule, signals FROM hedge_transition WHERE book=?"
        + " ORDER BY id", rs -> new TransitionRow(local(rs.getDate(1)), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5)), book);
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
    jdbc.update("MERGE INTO hedge_daily_close(trade_date, spx, vix, vix3m, vx_front, vx_second) KEY(trade_date)"
            + " VALUES (?,?,?,?,?,?)", Date.valueOf(c.date()), c.spx(), c.vix(), c.vix3m(),
        c.hasVx() ? c.vxFront() : null, c.hasVx() ? c.vxSecond() : null);
  }

  /** The stored daily closes, oldest first. */
  public List<DailyCloses> closes() {
    return jdbc.query("SELECT trade_date, spx, vix, vix3m, vx_front, vx_second FROM hedge_daily_close"
        + " ORDER BY trade_date", rs -> {
          double f = rs.getDouble(5);
          boolean noVx = rs.wasNull();
          double s = rs.getDouble(6);
          DailyCloses c = DailyCloses.of(local(rs.getDate(1)), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
          return noVx ? c : c.withVx(f, s);
        });
  }

  // --------------------------------------------------------------------------------- positions

  /** Writes (or replaces) a position held now. */
  public void saveLayer(HeldLayer h) {
    Optional<Integer> opened = jdbc.queryOne("SELECT opened_qty FROM hedge_layer WHERE book=? AND id=?",
        rs -> rs.getInt(1), book, h.id());
    BigDecimal cost = h.entryPrice().multiply(BigDecimal.valueOf(100L * opened.orElse(h.quantity())));
    jdbc.update("MERGE INTO hedge_layer(id, book, level, kind, legs, quantity, opened_qty, entry_price, cost, opened_on,"
            + " status, profit_taken, pressed) KEY(book, id) VALUES (?,?,?,?,?,?,?,?,?,?,'OPEN',?,?)",
        h.id(), book, h.level(), h.kind().name(), LegCodec.layerText(h.legs()), h.quantity(), opened.orElse(h.quantity()),
        h.entryPrice(), cost, Date.valueOf(h.openedOn()), h.profitTaken(), h.pressed());
  }

  /** Marks position {@code id} closed on {@code date}. */
  public void closeLayer(String id, LocalDate date) {
    jdbc.update("UPDATE hedge_layer SET status='CLOSED', quantity=0, closed_on=? WHERE book=? AND id=?",
        Date.valueOf(date), book, id);
  }

  /** The positions held, oldest first. */
  public List<HeldLayer> heldLayers() {
    return jdbc.query("SELECT id, level, kind, legs, quantity, entry_price, opened_on, profit_taken, pressed"
        + " FROM hedge_layer WHERE book=? AND status='OPEN' ORDER BY opened_on, id", rs -> new HeldLayer(
            rs.getString(1), rs.getInt(2), HedgeLayerKind.valueOf(rs.getString(3)), LegCodec.parse(rs.getString(4)),
            rs.getInt(5), rs.getBigDecimal(6), local(rs.getDate(7)), rs.getBoolean(8), rs.getBoolean(9)), book);
  }

  /** Records a trade of a position and adds its commissions and realized P&amp;L to the position. */
  public void trade(HedgeBook.Trade t, int level, HedgeLayerKind kind, String action, BigDecimal commissions) {
    jdbc.update("INSERT INTO hedge_trade(book, layer_id, level, kind, action, trade_date, quantity, net_price, cash,"
            + " commissions, realized_pnl) VALUES (?,?,?,?,?,?,?,?,?,?,?)", book, t.layerId(), level, kind.name(),
        action, Date.valueOf(t.date()), t.quantity(), t.netPerCombo(), t.cash(), commissions, t.realizedPnl());
    jdbc.update("UPDATE hedge_layer SET commissions = commissions + ?, realized_pnl = realized_pnl + ?"
        + " WHERE book=? AND id=?", commissions, t.realizedPnl(), book, t.layerId());
  }

  /** Premium paid for long positions opened from {@code from} (exclusive) to {@code to} (inclusive), USD. */
  public BigDecimal premiumSpent(LocalDate from, LocalDate to) {
    return sum("SELECT COALESCE(-SUM(cash), 0) FROM hedge_trade WHERE book=? AND quantity > 0 AND kind <> 'PRESS_SPREAD'"
        + " AND trade_date > ? AND trade_date <= ?", book, Date.valueOf(from), Date.valueOf(to));
  }

  /** Realized P&amp;L of hedge closes on or after {@code since}, USD, before commissions. */
  public BigDecimal realizedSince(LocalDate since) {
    return sum("SELECT COALESCE(SUM(realized_pnl), 0) FROM hedge_trade WHERE book=? AND quantity < 0"
        + " AND trade_date >= ?", book, Date.valueOf(since));
  }

  /** Premium paid for L3 top-ups (PRESS action 2) on or after {@code since}, USD. */
  public BigDecimal topUpsSince(LocalDate since) {
    return sum("SELECT COALESCE(-SUM(cash), 0) FROM hedge_trade WHERE book=? AND quantity > 0"
        + " AND layer_id LIKE 'L3T-%' AND trade_date >= ?", book, Date.valueOf(since));
  }

  /** Whether PRESS spreads were sold on or after {@code since}. */
  public boolean spreadsSoldSince(LocalDate since) {
    return jdbc.queryOne("SELECT COUNT(*) FROM hedge_trade WHERE book=? AND kind='PRESS_SPREAD' AND quantity > 0"
        + " AND trade_date >= ?", rs -> rs.getLong(1), book, Date.valueOf(since)).orElse(0L) > 0;
  }

  /** Hedge P&amp;L realized so far (all closes and settlements), USD, after commissions. */
  public BigDecimal realizedPnl() {
    return sum("SELECT COALESCE(SUM(realized_pnl), 0) - COALESCE(SUM(commissions), 0) FROM hedge_trade WHERE book=?",
        book);
  }

  /** Condor credit received on tranches opened from {@code from} (exclusive) to {@code to} (inclusive), USD. */
  public BigDecimal condorCredit(LocalDate from, LocalDate to) {
    return sum("SELECT COALESCE(SUM(credit * quantity * 100), 0) FROM tranche WHERE opened_on > ? AND opened_on <= ?",
        Date.valueOf(from), Date.valueOf(to));
  }

  /** Days spent in each hedge state, from the daily snapshots, in the order of the states. */
  public static Map<String, Long> statesVisited(Jdbc jdbc) {
    Map<String, Long> counts = jdbc.query("SELECT hedge_state, COUNT(*) FROM daily_snapshot GROUP BY hedge_state",
        rs -> Map.entry(rs.getString(1), rs.getLong(2))).stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
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
    return jdbc.queryOne(sql, rs -> rs.getBigDecimal(1), args).orElse(BigDecimal.ZERO);
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static LocalDate local(Date d) {
    return d == null ? null : d.toLocalDate();
  }

  private static String truncate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }
}
