package dev.alvh.app.control;

import static dev.alvh.app.control.ViewFormat.TIME;
import static dev.alvh.app.control.ViewFormat.jsonNum;
import static dev.alvh.app.control.ViewFormat.line;
import static dev.alvh.app.control.ViewFormat.num;
import static dev.alvh.app.control.ViewFormat.nyTime;

import dev.alvh.app.runtime.Bot;
import dev.alvh.app.runtime.BookSnapshot;
import dev.alvh.app.store.ConsoleQueries;
import dev.alvh.app.store.PositionStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The read-only commands that show the account and its books: status, positions, tranches,
 * orders. The hedge and the decisions are in {@link DecisionViews}.
 */
final class AccountViews {

  private AccountViews() {
  }

  /** status: mode, broker, clock, hedge state, switches, last cycle, overrides. */
  static final class Status extends NoArgCommand {
    Status() {
      super("status", "Mode, broker, clock, hedge state, paused/halted, approval mode, last cycle and"
          + " configuration overrides.", false);
    }

    @Override
    Reply run(Bot bot) {
      LocalDate today = bot.clock().marketDate();
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("mode", bot.mode());
      d.put("broker", bot.brokerName());
      d.put("clock", bot.clock().marketTime().toOffsetDateTime().toString());
      d.put("speed", bot.speed());
      dev.alvh.core.HedgeState machine = bot.engine().hedgeMachineState();
      dev.alvh.core.HedgeState effective = bot.controls().effectiveHedgeState(machine, today);
      d.put("hedgeState", effective.name());
      d.put("machineState", machine.name());
      d.putAll(bot.controls().describe());
      Map<String, Object> last = new LinkedHashMap<>();
      bot.lastCycle().ifPresent(c -> {
        last.put("at", c.at().toString());
        last.put("outcome", c.outcome());
      });
      d.put("lastCycle", bot.lastCycle().isPresent() ? last : null);
      int open = bot.store().openTranches().size();
      d.put("openTranches", open);
      d.put("workingOrders", bot.engine().desk().workingOrders().size());
      d.put("heldOrders", bot.engine().desk().heldOrders().size());
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
      line(t, "tranches", open + " open; orders " + bot.engine().desk().workingOrders().size() + " working, "
          + bot.engine().desk().heldOrders().size() + " waiting for approval");
      line(t, "equity", bot.broker().account().netLiquidation().toPlainString() + " USD");
      line(t, "overrides", overrides.isEmpty() ? "none" : overrides.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
      bot.healthUrl().ifPresent(u -> line(t, "health", u));
      return Reply.ok(t.toString().stripTrailing(), d);
    }
  }

  /** positions: what the broker holds, with marks, unrealised P&amp;L and greeks. */
  static final class Positions extends NoArgCommand {
    Positions() {
      super("positions", "The broker's positions in USD per contract (average cost and mark at mid),"
          + " unrealised P&L and greeks per position (delta USD per point, vega USD per vol point, theta USD per"
          + " day), then the book's totals (the same figures as /metrics).", false);
    }

    @Override
    Reply run(Bot bot) {
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
  static final class Tranches extends NoArgCommand {
    /** Closed tranches listed after the open ones. */
    static final int CLOSED_SHOWN = 5;

    Tranches() {
      super("tranches", "Open condor tranches with days to expiry and unrealised P&L (USD, legs at mid),"
          + " then the last 5 closed with their exit and realised P&L; credit in points per condor.", false);
    }

    @Override
    Reply run(Bot bot) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (ConsoleQueries.TrancheRow r : new ConsoleQueries(bot.store()).tranches(CLOSED_SHOWN)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("openedOn", r.openedOn().toString());
        m.put("expiry", r.expiry().toString());
        m.put("strikes", r.longPut().toPlainString() + "/" + r.shortPut().toPlainString() + "/"
            + r.shortCall().toPlainString() + "/" + r.longCall().toPlainString());
        m.put("quantity", r.quantity());
        m.put("credit", r.credit().toPlainString());
        m.put("status", r.status().name());
        m.put("exitReason", r.exitReason());
        m.put("realizedPnl", r.realizedPnl() == null ? null : r.realizedPnl().toPlainString());
        rows.add(m);
      }
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
        String tail = PositionStatus.OPEN.name().equals(m.get("status"))
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

  /** orders: working, waiting for approval, and the most recent from the journal. */
  static final class Orders extends NoArgCommand {
    /** Journal entries listed as recent. */
    static final int RECENT_SHOWN = 10;

    Orders() {
      super("orders", "Working orders, orders waiting for approval, and the 10 most recent journal"
          + " entries with their status.", false);
    }

    @Override
    Reply run(Bot bot) {
      List<Map<String, Object>> working = bot.engine().desk().workingOrders().stream().map(ViewFormat::order).toList();
      List<Map<String, Object>> held = bot.engine().desk().heldOrders().stream().map(ViewFormat::order).toList();
      List<Map<String, Object>> recent = new ArrayList<>();
      for (ConsoleQueries.OrderRow r : new ConsoleQueries(bot.store()).recentOrders(RECENT_SHOWN)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ref", r.ref());
        m.put("purpose", r.purpose().name());
        m.put("quantity", r.quantity());
        m.put("limit", r.limit().toPlainString());
        m.put("status", r.status().name());
        m.put("filled", r.filled());
        m.put("statusReason", r.statusReason());
        m.put("updatedAt", r.updatedAt().toString());
        recent.add(m);
      }
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
}
