package dev.alvh.app.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.app.runtime.Bot;
import dev.alvh.app.runtime.BookSnapshot;
import dev.alvh.app.store.AuditStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.port.Clock;
import dev.alvh.core.signal.SignalSnapshot;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The commands that only read: status, positions, tranches, hedge, orders, why, history. */
final class ViewCommands {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ViewCommands() {
  }

  static String nyTime(Instant t) {
    return t == null ? "-" : TIME.format(t.atZone(Clock.MARKET_ZONE));
  }

  static String num(double v) {
    return Double.isNaN(v) ? "n/a" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf")
        : String.format(Locale.ROOT, "%.2f", v);
  }

  static Object jsonNum(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 10000) / 10000.0;
  }

  static Map<String, Object> order(OrderIntent o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ref", o.ref().value());
    m.put("purpose", o.purpose().name());
    m.put("tranche", o.trancheId());
    m.put("quantity", o.quantity());
    m.put("limit", o.limit().bagLimit().toPlainString());
    m.put("reason", o.reason());
    return m;
  }

  /** status: mode, broker, clock, hedge state, switches, last cycle, overrides. */
  static final class Status extends BaseCommand {
    Status() {
      super("status", "status", "Mode, broker, clock, hedge state, paused/halted, approval mode, last cycle and"
          + " configuration overrides.", false);
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      noArgs(args);
      LocalDate today = bot.clock().marketDate();
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("mode", bot.mode());
      d.put("broker", bot.brokerName());
      d.put("clock", bot.clock().marketTime().toOffsetDateTime().toString());
      d.put("speed", bot.speed());
      String machine = bot.engine().hedgeState();
      String effective = bot.controls().effectiveHedgeState(machine, today);
      d.put("hedgeState", effective);
      d.put("machineState", machine);
      d.putAll(bot.controls().describe());
      Map<String, Object> last = new LinkedHashMap<>();
      bot.lastCycle().ifPresent(c -> {
        last.put("at", c.at().toString());
        last.put("outcome", c.outcome());
      });
      d.put("lastCycle", bot.lastCycle().isPresent() ? last : null);
      int open = bot.store().openTranches().size();
      d.put("openTranches", open);
      d.put("workingOrders", bot.engine().workingOrders().size());
      d.put("heldOrders", bot.engine().heldOrders().size());
      d.put("netLiquidation", bot.broker().account().netLiquidation().toPlainString());
      Map<String, String> overrides = bot.controlStore().overrides();
      d.put("overrides", overrides);
      d.put("dataDir", bot.dataDir().toAbsolutePath().toString());
      bot.healthUrl().ifPresent(u -> d.put("healthUrl", u));
      StringBuilder t = new StringBuilder();
      line(t, "mode", bot.mode() + " (broker " + bot.brokerName() + ", speed " + bot.speed() + "x)");
      line(t, "clock", TIME.format(bot.clock().marketTime()) + " New York");
      line(t, "hedge", effective + bot.controls().forcedState(today).map(s -> " (forced"
          + bot.controls().forcedUntil().map(u -> " until " + u).orElse("") + "; machine " + machine + ")").orElse(""));
      line(t, "automation", (bot.controls().paused() ? "PAUSED" : "running")
          + (bot.controls().halted() ? ", HALTED (kill switch: no new risk)" : ", not halted"));
      line(t, "approval", bot.controls().approvalRequired() ? "on: each order waits for approve ID" : "off");
      line(t, "last cycle", bot.lastCycle().map(c -> nyTime(c.at()) + " " + c.outcome()).orElse("none yet"));
      line(t, "tranches", open + " open; orders " + bot.engine().workingOrders().size() + " working, "
          + bot.engine().heldOrders().size() + " waiting for approval");
      line(t, "equity", bot.broker().account().netLiquidation().toPlainString() + " USD");
      line(t, "overrides", overrides.isEmpty() ? "none" : overrides.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
      bot.healthUrl().ifPresent(u -> line(t, "health", u));
      return Reply.ok(t.toString().stripTrailing(), d);
    }
  }

  static void line(StringBuilder t, String label, String value) {
    t.append(String.format(Locale.ROOT, "%-11s %s%n", label, value));
  }

  /** positions: what the broker holds, with marks, unrealised P&amp;L and greeks. */
  static final class Positions extends BaseCommand {
    Positions() {
      super("positions", "positions", "The broker's positions in USD per contract (average cost and mark at mid),"
          + " unrealised P&L and greeks per position (delta USD per point, vega USD per vol point, theta USD per"
          + " day), then the book's totals (the same figures as /metrics).", false);
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      noArgs(args);
      BookSnapshot b = bot.book();
      List<Map<String, Object>> rows = new ArrayList<>();
      StringBuilder t = new StringBuilder();
      if (b.lines().isEmpty()) {
        t.append("no positions").append(System.lineSeparator());
      } else {
        t.append(String.format(Locale.ROOT, "%-24s %5s %10s %10s %11s %8s %8s %8s %8s%n", "contract", "qty",
            "avg $/ct", "mark $/ct", "unreal $", "delta", "gamma", "vega", "theta"));
      }
      for (BookSnapshot.Line l : b.lines()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contract", l.contract().key());
        m.put("quantity", l.quantity());
        m.put("avgCost", l.avgCost().toPlainString());
        m.put("mark", l.mark().map(BigDecimal::toPlainString).orElse(null));
        m.put("unrealizedPnl", l.unrealized().toPlainString());
        m.put("delta", jsonNum(l.delta()));
        m.put("gamma", jsonNum(l.gamma()));
        m.put("vega", jsonNum(l.vega()));
        m.put("theta", jsonNum(l.theta()));
        rows.add(m);
        t.append(String.format(Locale.ROOT, "%-24s %5d %10s %10s %11s %8s %8s %8s %8s%n", l.contract().key(),
            l.quantity(), l.avgCost().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
            l.mark().map(BigDecimal::toPlainString).orElse("no quote"), l.unrealized().toPlainString(),
            num(l.delta()), num(l.gamma()), num(l.vega()), num(l.theta())));
      }
      Map<String, Object> totals = new LinkedHashMap<>();
      totals.put("equity", b.equity().toPlainString());
      totals.put("unrealizedPnl", b.unrealized().toPlainString());
      totals.put("realizedPnl", b.realized().toPlainString());
      totals.put("dayPnl", b.day().toPlainString());
      totals.put("delta", jsonNum(b.delta()));
      totals.put("gamma", jsonNum(b.gamma()));
      totals.put("vega", jsonNum(b.vega()));
      totals.put("theta", jsonNum(b.theta()));
      t.append(String.format(Locale.ROOT, "book: equity %s USD, unrealised %s, realised %s, day %s;"
          + " delta %s, gamma %s (SPX options, per SPX point), vega %s, theta %s%n", b.equity().toPlainString(),
          b.unrealized().toPlainString(), b.realized().toPlainString(), b.day().toPlainString(), num(b.delta()),
          num(b.gamma()), num(b.vega()), num(b.theta())));
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("positions", rows);
      d.put("book", totals);
      return Reply.ok(t.toString().stripTrailing(), d);
    }
  }

  /** tranches: open tranches and the last closed ones. */
  static final class Tranches extends BaseCommand {
    Tranches() {
      super("tranches", "tranches", "Open condor tranches with days to expiry and unrealised P&L (USD, legs at mid),"
          + " then the last 5 closed with their exit and realised P&L; credit in points per condor.", false);
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      noArgs(args);
      List<Map<String, Object>> rows = bot.store().jdbc().query("SELECT id, opened_on, expiry, long_put, short_put,"
          + " short_call, long_call, quantity, credit, status, exit_reason, realized_pnl FROM tranche"
          + " WHERE status='OPEN' OR id IN (SELECT id FROM tranche WHERE status='CLOSED' ORDER BY id DESC LIMIT 5)"
          + " ORDER BY id", rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", rs.getLong(1));
            m.put("openedOn", rs.getDate(2).toString());
            m.put("expiry", rs.getDate(3).toString());
            m.put("strikes", rs.getBigDecimal(4).toPlainString() + "/" + rs.getBigDecimal(5).toPlainString() + "/"
                + rs.getBigDecimal(6).toPlainString() + "/" + rs.getBigDecimal(7).toPlainString());
            m.put("quantity", rs.getInt(8));
            m.put("credit", rs.getBigDecimal(9).toPlainString());
            m.put("status", rs.getString(10));
            m.put("exitReason", rs.getString(11));
            m.put("realizedPnl", rs.getBigDecimal(12) == null ? null : rs.getBigDecimal(12).toPlainString());
            return m;
          });
      LocalDate today = bot.clock().marketDate();
      Map<Long, dev.alvh.core.condor.Tranche> open = new java.util.HashMap<>();
      bot.store().openTranches().forEach(x -> open.put(x.id(), x));
      for (Map<String, Object> m : rows) {
        dev.alvh.core.condor.Tranche tr = open.get((Long) m.get("id"));
        if (tr != null) {
          m.put("dte", tr.expiry().toEpochDay() - today.toEpochDay());
          m.put("unrealizedPnl", BookSnapshot.unrealized(tr, bot.market()).map(BigDecimal::toPlainString)
              .orElse(null));
        }
      }
      StringBuilder t = new StringBuilder(rows.isEmpty() ? "no tranches yet" : "");
      for (Map<String, Object> m : rows) {
        String tail = "OPEN".equals(m.get("status"))
            ? "  DTE " + m.get("dte") + "  unrealised " + (m.get("unrealizedPnl") == null ? "n/a (no quote)"
                : m.get("unrealizedPnl") + " USD")
            : m.get("exitReason") == null ? "" : "  " + m.get("exitReason") + " P&L " + m.get("realizedPnl") + " USD";
        t.append(String.format(Locale.ROOT, "T%-4s %-6s %s exp %s  %s x%s credit %s pts%s%n", m.get("id"),
            m.get("status"), m.get("openedOn"), m.get("expiry"), m.get("strikes"), m.get("quantity"), m.get("credit"),
            tail));
      }
      return Reply.ok(t.toString().stripTrailing(), Map.of("tranches", rows));
    }
  }

  /** hedge: state, layers, every signal and every rule threshold in force. */
  static final class Hedge extends BaseCommand {
    Hedge() {
      super("hedge", "hedge", "Hedge state, layers held, the signals the hedge machine evaluated at the last close"
          + " (with the open tranches' break-evens and the event calendar), and the rule thresholds in force"
          + " (hedge.*, with overrides).", false);
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      noArgs(args);
      LocalDate today = bot.clock().marketDate();
      String machine = bot.engine().hedgeState();
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("state", bot.controls().effectiveHedgeState(machine, today));
      d.put("machineState", machine);
      d.put("forced", bot.controls().forcedState(today).map(Enum::name).orElse(null));
      d.put("forcedUntil", bot.controls().forcedUntil().map(LocalDate::toString).orElse(null));
      List<Map<String, Object>> layers = new java.util.ArrayList<>();
      for (dev.alvh.core.hedge.HeldLayer h : bot.engine().hedgeDesk().held()) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("id", h.id());
        l.put("level", h.level());
        l.put("kind", h.kind().name());
        l.put("legs", h.legs().stream().map(x -> x.side() + " " + x.contract().key()).toList());
        l.put("quantity", h.quantity());
        l.put("entryPrice", h.entryPrice().toPlainString());
        l.put("openedOn", h.openedOn().toString());
        layers.add(l);
      }
      d.put("layers", layers);
      SignalSnapshot s = bot.signals();
      Map<String, Object> sig = new LinkedHashMap<>();
      if (s != null) {
        sig.put("date", s.date().toString());
        sig.put("vix", jsonNum(s.vix()));
        sig.put("vixBase", jsonNum(s.vixBase()));
        sig.put("vixRel", jsonNum(s.vixRel()));
        sig.put("termRatio", jsonNum(s.termRatio()));
        sig.put("contangoZ", jsonNum(s.contangoZ()));
        sig.put("rsiSpx", jsonNum(s.rsiSpx()));
        sig.put("rsiVix", jsonNum(s.rsiVix()));
        sig.put("rsiVix21", jsonNum(s.rsiVix21()));
        sig.put("macdVixHist", jsonNum(s.macdVixHist()));
        sig.put("macdVixHistTrend", s.macdVixHistTrend());
        sig.put("beSigma", jsonNum(s.beSigma()));
        sig.put("eventDay", s.eventDay());
        sig.put("score", s.score());
        sig.put("warm", s.warm());
      }
      d.put("signals", sig);
      Map<String, Object> rules = new LinkedHashMap<>();
      flatten(JSON.valueToTree(bot.config().hedge()), "hedge.", rules);
      d.put("rules", rules);
      StringBuilder t = new StringBuilder();
      t.append("state      ").append(d.get("state"));
      if (d.get("forced") != null) {
        t.append(" (forced").append(d.get("forcedUntil") == null ? "" : " until " + d.get("forcedUntil"))
            .append("; machine ").append(machine).append(')');
      }
      t.append(System.lineSeparator()).append("layers     ").append(layers.isEmpty() ? "none held" : "")
          .append(System.lineSeparator());
      for (dev.alvh.core.hedge.HeldLayer h : bot.engine().hedgeDesk().held()) {
        t.append("  ").append(h.id()).append(" L").append(h.level()).append(' ').append(h.kind()).append(" x")
            .append(h.quantity()).append(" at ").append(h.entryPrice().toPlainString()).append(" since ")
            .append(h.openedOn()).append(": ").append(String.join(", ", h.legs().stream()
                .map(x -> x.side() + " " + x.contract().key()).toList())).append(System.lineSeparator());
      }
      heldLayerReasons(bot, d, t);
      t.append("signals    ").append(s == null ? "no closes yet" : "as of the close of " + s.date()
          + (s.warm() ? "" : " (not warm: " + s.notWarmReason() + ")")).append(System.lineSeparator());
      String noBeSigma = bot.store().openTranches().isEmpty() || s == null || !s.date().isBefore(bot.startedAt()
          .atZone(Clock.MARKET_ZONE).toLocalDate()) ? "none (no open tranche)"
          : "not computed since the start (the next close computes it from the open tranches)";
      sig.forEach((k, v) -> {
        if (!"date".equals(k)) {
          String shown = v instanceof Double x ? num(x) : v == null ? "beSigma".equals(k) ? noBeSigma
              : "n/a" : String.valueOf(v);
          t.append(String.format(Locale.ROOT, "  %-17s %s%n", k, shown));
        }
      });
      t.append("rules      (thresholds in force)").append(System.lineSeparator());
      rules.forEach((k, v) -> t.append(String.format(Locale.ROOT, "  %-40s %s%n", k, v)));
      return Reply.ok(t.toString().stripTrailing(), d);
    }

    /**
     * For each held layer: why it is held (the rule and signals of the transition that wanted it),
     * its cost, its mark and its P&amp;L; as {@code layerReasons} in the data and a block of text.
     */
    private static void heldLayerReasons(Bot bot, Map<String, Object> d, StringBuilder t) {
      List<dev.alvh.app.hedge.LayerReasons.HeldLayerView> views = dev.alvh.app.hedge.LayerReasons.of(
          bot.engine().hedgeDesk().held(), bot.engine().hedgeDesk().transitions(), bot.market());
      List<Map<String, Object>> rows = new java.util.ArrayList<>();
      for (dev.alvh.app.hedge.LayerReasons.HeldLayerView v : views) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", v.id());
        r.put("layer", v.layer());
        r.put("quantity", v.quantity());
        r.put("openedOn", v.openedOn().toString());
        r.put("why", v.why());
        r.put("since", v.since() == null ? null : v.since().toString());
        r.put("signals", v.signals());
        r.put("cost", v.cost().toPlainString());
        r.put("mark", v.mark() == null ? null : v.mark().toPlainString());
        r.put("pnl", v.pnl() == null ? null : v.pnl().toPlainString());
        rows.add(r);
      }
      d.put("layerReasons", rows);
      if (!views.isEmpty()) {
        t.append("why held").append(System.lineSeparator());
        dev.alvh.app.hedge.LayerReasons.lines(views).forEach(l -> t.append("  ").append(l)
            .append(System.lineSeparator()));
      }
    }

    private static void flatten(JsonNode n, String prefix, Map<String, Object> out) {
      n.fields().forEachRemaining(e -> {
        if (e.getValue().isObject()) {
          flatten(e.getValue(), prefix + e.getKey() + ".", out);
        } else {
          out.put(prefix + e.getKey(), e.getValue().isNumber() ? e.getValue().numberValue() : e.getValue().isArray()
              ? e.getValue().toString() : e.getValue().asText());
        }
      });
    }
  }

  /** orders: working, waiting for approval, and the most recent from the journal. */
  static final class Orders extends BaseCommand {
    Orders() {
      super("orders", "orders", "Working orders, orders waiting for approval, and the 10 most recent journal"
          + " entries with their status.", false);
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      noArgs(args);
      List<Map<String, Object>> working = bot.engine().workingOrders().stream().map(ViewCommands::order).toList();
      List<Map<String, Object>> held = bot.engine().heldOrders().stream().map(ViewCommands::order).toList();
      List<Map<String, Object>> recent = bot.store().jdbc().query("SELECT ref, purpose, quantity, limit_price, status,"
          + " filled, status_reason, updated_at FROM orders ORDER BY updated_at DESC, ref DESC LIMIT 10", rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ref", rs.getString(1));
            m.put("purpose", rs.getString(2));
            m.put("quantity", rs.getInt(3));
            m.put("limit", rs.getBigDecimal(4).toPlainString());
            m.put("status", rs.getString(5));
            m.put("filled", rs.getInt(6));
            m.put("statusReason", rs.getString(7));
            m.put("updatedAt", rs.getTimestamp(8).toInstant().toString());
            return m;
          });
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("working", working);
      d.put("waitingForApproval", held);
      d.put("recent", recent);
      StringBuilder t = new StringBuilder();
      t.append("working: ").append(working.isEmpty() ? "none" : "").append(System.lineSeparator());
      working.forEach(o -> t.append(String.format(Locale.ROOT, "  %s %s x%s limit %s%n", o.get("ref"),
          o.get("purpose"), o.get("quantity"), o.get("limit"))));
      t.append("waiting for approval: ").append(held.isEmpty() ? "none" : "").append(System.lineSeparator());
      held.forEach(o -> t.append(String.format(Locale.ROOT, "  %s %s x%s limit %s (%s)%n", o.get("ref"),
          o.get("purpose"), o.get("quantity"), o.get("limit"), o.get("reason"))));
      t.append("recent: ").append(recent.isEmpty() ? "none" : "").append(System.lineSeparator());
      recent.forEach(o -> t.append(String.format(Locale.ROOT, "  %s %s x%s limit %s %s filled %s%s%n", o.get("ref"),
          o.get("purpose"), o.get("quantity"), o.get("limit"), o.get("status"), o.get("filled"),
          o.get("statusReason") == null || o.get("statusReason").toString().isEmpty() ? ""
              : " (" + o.get("statusReason") + ")")));
      return Reply.ok(t.toString().stripTrailing(), d);
    }
  }

  /** why: the last cycle's outcome and the decisions it recorded. */
  static final class Why extends BaseCommand {
    Why() {
      super("why", "why", "Why the last cycle did or did not trade: its outcome and the rules it recorded in the"
          + " decision table.", false);
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      noArgs(args);
      Map<String, Object> d = new LinkedHashMap<>();
      StringBuilder t = new StringBuilder();
      List<Map<String, Object>> decisions;
      if (bot.lastCycle().isEmpty()) {
        t.append("no cycle has run since the bot started; the last recorded decisions:").append(System.lineSeparator());
        d.put("lastCycle", null);
        decisions = decisions(bot, "SELECT occurred_at, kind, rule, detail FROM decision ORDER BY id DESC LIMIT 5");
      } else {
        Bot.LastCycle c = bot.lastCycle().get();
        d.put("lastCycle", Map.of("at", c.at().toString(), "outcome", c.outcome()));
        t.append("last cycle ").append(nyTime(c.at())).append(": ").append(c.outcome()).append(System.lineSeparator());
        decisions = decisions(bot, "SELECT occurred_at, kind, rule, detail FROM decision WHERE occurred_at >= ?"
            + " ORDER BY id", Timestamp.from(c.at()));
      }
      d.put("decisions", decisions);
      if (decisions.isEmpty()) {
        t.append("  no rule recorded a decision (nothing to skip or reject)");
      }
      decisions.forEach(m -> t.append(String.format(Locale.ROOT, "  %s %s: %s%s%n", nyTime(Instant.parse(
          m.get("at").toString())), m.get("kind"), m.get("rule"),
          m.get("detail").toString().isEmpty() ? "" : " (" + m.get("detail") + ")")));
      return Reply.ok(t.toString().stripTrailing(), d);
    }

    private static List<Map<String, Object>> decisions(Bot bot, String sql, Object... args) {
      return bot.store().jdbc().query(sql, rs -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", rs.getTimestamp(1).toInstant().toString());
        m.put("kind", rs.getString(2));
        m.put("rule", rs.getString(3));
        m.put("detail", rs.getString(4));
        return m;
      }, args);
    }
  }

  /** history [N]: hedge transitions and operator actions, newest last. */
  static final class History extends BaseCommand {
    static final int MAX = dev.alvh.core.config.ConsoleConfig.MAX_HISTORY_LINES;

    History() {
      super("history", "history [N]", "The last N (default console.historyLines, " + dev.alvh.core.config
          .ConsoleConfig.DEFAULT_HISTORY_LINES + "; at most " + MAX + ") hedge transitions and operator actions,"
          + " oldest first.", false);
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      atMost(args, 1);
      int n = args.isEmpty() ? bot.config().console().historyLines() : number(args.get(0), "N", 1, MAX);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (AuditStore.Entry e : bot.audit().last(n)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("type", "operator");
        m.put("source", e.source());
        m.put("command", e.command());
        m.put("outcome", e.outcome());
        m.put("before", e.before());
        m.put("after", e.after());
        rows.add(m);
      }
      rows.addAll(bot.store().jdbc().query("SELECT occurred_at, from_state, to_state, rule FROM hedge_transition"
          + " ORDER BY id DESC LIMIT ?", rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", rs.getTimestamp(1).toInstant().toString());
            m.put("type", "transition");
            m.put("from", rs.getString(2));
            m.put("to", rs.getString(3));
            m.put("rule", rs.getString(4));
            return m;
          }, n));
      rows.sort(Comparator.comparing(m -> Instant.parse(m.get("at").toString())));
      List<Map<String, Object>> last = rows.subList(Math.max(0, rows.size() - n), rows.size());
      StringBuilder t = new StringBuilder(last.isEmpty() ? "no transitions or operator actions yet" : "");
      for (Map<String, Object> m : last) {
        String when = nyTime(Instant.parse(m.get("at").toString()));
        if ("operator".equals(m.get("type"))) {
          t.append(String.format(Locale.ROOT, "%s  %-22s %s -> %s%n", when, m.get("source"), m.get("command"),
              m.get("outcome")));
        } else {
          t.append(String.format(Locale.ROOT, "%s  hedge %s -> %s (%s)%n", when, m.get("from"), m.get("to"),
              m.get("rule")));
        }
      }
      return Reply.ok(t.toString().stripTrailing(), Map.of("history", new ArrayList<>(last)));
    }
  }
}
