package dev.alvh.app.control;

import static dev.alvh.app.control.ViewFormat.jsonNum;
import static dev.alvh.app.control.ViewFormat.num;
import static dev.alvh.app.control.ViewFormat.nyTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.app.runtime.Bot;
import dev.alvh.app.store.AuditStore;
import dev.alvh.app.store.ConsoleQueries;
import dev.alvh.app.store.HedgeStore;
import dev.alvh.core.port.Clock;
import dev.alvh.core.signal.SignalSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read-only commands that show what the bot decided and why: hedge (state, layers, signals,
 * rules), why (the last cycle's decisions), history (hedge transitions and operator actions).
 * The account and its orders are in {@link AccountViews}.
 */
final class DecisionViews {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DecisionViews() {
  }

  /** hedge: state, layers, every signal and every rule threshold in force. */
  static final class Hedge extends NoArgCommand {
    Hedge() {
      super("hedge", "Hedge state, layers held, the signals the hedge machine evaluated at the last close"
          + " (with the open tranches' break-evens and the event calendar), and the rule thresholds in force"
          + " (hedge.*, with overrides).", false);
    }

    @Override
    Reply run(Bot bot) {
      LocalDate today = bot.clock().marketDate();
      dev.alvh.core.HedgeState machine = bot.engine().hedgeMachineState();
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("state", bot.controls().effectiveHedgeState(machine, today).name());
      d.put("machineState", machine.name());
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

  /** why: the last cycle's outcome and the decisions it recorded. */
  static final class Why extends NoArgCommand {
    /** Decisions shown when no cycle has run since the start. */
    static final int LAST_DECISIONS = 5;

    Why() {
      super("why", "Why the last cycle did or did not trade: its outcome and the rules it recorded in the"
          + " decision table.", false);
    }

    @Override
    Reply run(Bot bot) {
      Map<String, Object> d = new LinkedHashMap<>();
      StringBuilder t = new StringBuilder();
      List<Map<String, Object>> decisions;
      if (bot.lastCycle().isEmpty()) {
        t.append("no cycle has run since the bot started; the last recorded decisions:").append(System.lineSeparator());
        d.put("lastCycle", null);
        decisions = decisions(new ConsoleQueries(bot.store()).lastDecisions(LAST_DECISIONS));
      } else {
        Bot.LastCycle c = bot.lastCycle().get();
        d.put("lastCycle", Map.of("at", c.at().toString(), "outcome", c.outcome()));
        t.append("last cycle ").append(nyTime(c.at())).append(": ").append(c.outcome()).append(System.lineSeparator());
        decisions = decisions(new ConsoleQueries(bot.store()).decisionsSince(c.at()));
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

    private static List<Map<String, Object>> decisions(List<ConsoleQueries.Decision> rows) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (ConsoleQueries.Decision r : rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", r.at().toString());
        m.put("kind", r.kind());
        m.put("rule", r.rule());
        m.put("detail", r.detail());
        out.add(m);
      }
      return out;
    }
  }

  /** history [N]: hedge transitions and operator actions, newest last. */
  static final class History extends BaseCommand {
    static final int MAX = dev.alvh.app.config.ConsoleConfig.MAX_HISTORY_LINES;

    History() {
      super("history", "history [N]", "The last N (default console.historyLines, " + dev.alvh.app.config
          .ConsoleConfig.DEFAULT_HISTORY_LINES + "; at most " + MAX + ") hedge transitions and operator actions,"
          + " oldest first.", false);
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      atMost(args, 1);
      int n = args.isEmpty() ? bot.config().console().historyLines() : number(args.get(0), "N", 1, MAX);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (AuditStore.Entry e : bot.audit().last(n)) {
        Map<String, Object> m = row(e.at(), "operator");
        m.put("source", e.source());
        m.put("command", e.command());
        m.put("outcome", e.outcome());
        m.put("before", e.before());
        m.put("after", e.after());
        rows.add(m);
      }
      for (HedgeStore.TransitionRow x : new ConsoleQueries(bot.store()).lastTransitions(n)) {
        Map<String, Object> m = row(x.at(), "transition");
        m.put("from", x.from());
        m.put("to", x.to());
        m.put("rule", x.rule());
        rows.add(m);
      }
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

    /** A history row: its time and type, then the fields of that type. */
    private static Map<String, Object> row(Instant at, String type) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("at", at.toString());
      m.put("type", type);
      return m;
    }
  }
}
