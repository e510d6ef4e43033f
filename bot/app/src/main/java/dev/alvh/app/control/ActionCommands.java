package dev.alvh.app.control;

import dev.alvh.app.config.ConfigException;
import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.runtime.Bot;
import dev.alvh.core.hedge.HedgeState;
import dev.alvh.core.order.OrderRef;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The commands that change something: pause, resume, halt, release, flatten, force, unforce,
 * set, unset, approve, reject, note. Each is written to the audit table by
 * {@link ControlService}; switches are saved so that they survive a restart.
 */
final class ActionCommands {

  /** Keys (and groups, ending in a dot) read when the bot starts: a change applies after a restart. */
  static final List<String> RESTART_GROUPS = List.of("broker.", "schedule.", "store.", "console.bindAddress",
      "console.port", "market.");

  private ActionCommands() {
  }

  /** pause: the cycle decides nothing; working orders stay. */
  static final class Pause extends BaseCommand {
    Pause() {
      super("pause", "pause", "Stop deciding: cycles run but send and cancel nothing; working orders stay.", true);
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      noArgs(args);
      if (bot.controls().paused()) {
        return Reply.ok("already paused", Map.of("paused", true));
      }
      bot.controls().paused(true);
      bot.saveSwitches();
      return Reply.ok("paused: automation stops deciding from the next cycle; working orders stay",
          Map.of("paused", true));
    }
  }

  /** resume: decide again. */
  static final class Resume extends BaseCommand {
    Resume() {
      super("resume", "resume", "Decide again from the next cycle.", true);
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      noArgs(args);
      boolean was = bot.controls().paused();
      bot.controls().paused(false);
      bot.saveSwitches();
      return Reply.ok(was ? "resumed: automation decides from the next cycle" : "not paused: nothing to resume",
          Map.of("paused", false));
    }
  }

  /** halt: the kill switch. */
  static final class Halt extends BaseCommand {
    Halt() {
      super("halt", "halt", "Kill switch: cancel every working order now and send no new risk (no entries) until"
          + " release.", true);
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      noArgs(args);
      boolean was = bot.controls().halted();
      bot.controls().halted(true);
      bot.saveSwitches();
      int n = bot.engine().cancelWorking();
      if (!was) {
        bot.alert(dev.alvh.app.ops.Alerter.Kind.HALT, "halted by an operator; " + n + " working order"
            + (n == 1 ? "" : "s") + " cancelled; no new risk until release");
      }
      return Reply.ok("halted: " + n + " working order" + (n == 1 ? "" : "s") + " cancelled; no new risk until"
          + " release", Map.of("halted", true, "cancelled", n));
    }
  }

  /** release: the kill switch off. */
  static final class Release extends BaseCommand {
    Release() {
      super("release", "release", "Release the kill switch: entries are allowed again from the next cycle.", true);
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      noArgs(args);
      boolean was = bot.controls().halted();
      bot.controls().halted(false);
      bot.saveSwitches();
      return Reply.ok(was ? "released: new risk allowed from the next cycle" : "not halted: nothing to release",
          Map.of("halted", false));
    }
  }

  /** flatten hedges|condors|all. */
  static final class Flatten extends BaseCommand {
    static final List<String> WHAT = List.of("hedges", "condors", "all");

    Flatten() {
      super("flatten", "flatten hedges|condors|all [--yes]", "Close every hedge layer, every condor tranche, or"
          + " both, at the natural price; asks for confirmation (--yes for scripts).", true);
    }

    @Override
    public List<List<String>> completions() {
      return List.of(WHAT);
    }

    @Override
    public boolean needsConfirmation(List<String> args) {
      oneOf(args, "what to close", WHAT);
      return true;
    }

    @Override
    public String confirmation(List<String> args) {
      return "flatten " + args.get(0) + " closes " + ("all".equals(args.get(0).toLowerCase(Locale.ROOT))
          ? "every hedge layer and every condor tranche" : "every " + args.get(0).toLowerCase(Locale.ROOT)
          .replaceAll("s$", "")) + " at the natural price";
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      String what = oneOf(args, "what to close", WHAT);
      StringBuilder t = new StringBuilder();
      Map<String, Object> d = new LinkedHashMap<>();
      if (!"condors".equals(what)) {
        List<String> hrefs = bot.engine().flattenHedges().stream().map(OrderRef::value).toList();
        d.put("hedgeOrders", hrefs);
        t.append("hedges: ").append(hrefs.isEmpty() ? "no hedge layers held, nothing to close"
            : hrefs.size() + " closing order" + (hrefs.size() == 1 ? "" : "s") + ":" + outcomes(bot, hrefs, d));
      }
      if (!"hedges".equals(what)) {
        List<String> refs = bot.engine().flattenCondors().stream().map(OrderRef::value).toList();
        d.put("condorOrders", refs);
        if (!t.isEmpty()) {
          t.append(System.lineSeparator());
        }
        t.append("condors: ").append(refs.isEmpty() ? "no open tranche without a working order, nothing to close"
            : refs.size() + " closing order" + (refs.size() == 1 ? "" : "s") + ":" + outcomes(bot, refs, d));
      }
      return Reply.ok(t.toString(), d);
    }

    /**
     * What became of each closing order, from the journal: filled (quantity, net cash in USD,
     * commissions), still working, waiting for approval, or ended unfilled. Adds them to
     * {@code d} under {@code outcomes}.
     */
    @SuppressWarnings("unchecked")
    static String outcomes(Bot bot, List<String> refs, Map<String, Object> d) {
      StringBuilder t = new StringBuilder();
      List<Map<String, Object>> all = (List<Map<String, Object>>) d.computeIfAbsent("outcomes",
          k -> new java.util.ArrayList<Map<String, Object>>());
      for (String ref : refs) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("ref", ref);
        var row = bot.store().jdbc().queryOne("SELECT status, filled, quantity FROM orders WHERE ref=?",
            rs -> new Object[] {rs.getString(1), rs.getInt(2), rs.getInt(3)}, ref);
        String line;
        boolean held = bot.engine().heldOrders().stream().anyMatch(h -> h.ref().value().equals(ref));
        if (row.isEmpty() || held) {
          o.put("status", "HELD");
          line = "waiting for approval (approve " + ref + ")";
        } else {
          String status = (String) row.get()[0];
          int filled = (Integer) row.get()[1];
          int qty = (Integer) row.get()[2];
          o.put("status", status);
          o.put("filled", filled);
          o.put("quantity", qty);
          if (filled > 0) {
            var cash = bot.store().jdbc().queryOne("SELECT COALESCE(SUM(CASE WHEN side='SELL' THEN 1 ELSE -1 END"
                + " * price * quantity * 100), 0), COALESCE(SUM(commission), 0) FROM fill WHERE ref=?",
                rs -> new java.math.BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}, ref).orElseThrow();
            java.math.BigDecimal net = cash[0].setScale(2, java.math.RoundingMode.HALF_EVEN);
            o.put("netCash", net.toPlainString());
            o.put("commissions", cash[1].toPlainString());
            line = "filled " + filled + " of " + qty + ", net " + (net.signum() >= 0 ? "credit " : "debit ")
                + net.abs().toPlainString() + " USD, commissions " + cash[1].toPlainString() + " USD"
                + (filled < qty ? " (" + status.toLowerCase(Locale.ROOT) + ")" : "");
          } else if ("CANCELLED".equals(status) || "REJECTED".equals(status) || "EXPIRED".equals(status)) {
            line = status.toLowerCase(Locale.ROOT) + ", nothing filled (see orders)";
          } else {
            line = "working, nothing filled yet (see orders)";
          }
        }
        all.add(o);
        t.append(System.lineSeparator()).append("  ").append(ref).append(": ").append(line);
      }
      return t.toString();
    }
  }

  /** force STATE [--until DATE]. */
  static final class Force extends BaseCommand {
    static final List<String> STATES = Arrays.stream(HedgeState.values()).map(Enum::name).toList();

    Force() {
      super("force", "force STATE [--until YYYY-MM-DD]", "Hold the hedge in STATE (" + String.join(", ", STATES)
          + ") whatever the signals say, through the given day when --until is set; layers follow.", true);
    }

    @Override
    public List<List<String>> completions() {
      return List.of(STATES, List.of("--until"));
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      if (args.isEmpty()) {
        throw new UsageException("force needs a STATE, one of " + String.join(", ", STATES));
      }
      String s = args.get(0).toUpperCase(Locale.ROOT);
      if (!STATES.contains(s)) {
        throw new UsageException("force: STATE must be one of " + String.join(", ", STATES) + ", but was '"
            + args.get(0) + "'");
      }
      Optional<LocalDate> until = Optional.empty();
      if (args.size() > 1) {
        if (!"--until".equals(args.get(1)) || args.size() != 3) {
          throw new UsageException("force: after STATE only '--until YYYY-MM-DD' is allowed, but got '"
              + String.join(" ", args.subList(1, args.size())) + "'");
        }
        LocalDate d;
        try {
          d = LocalDate.parse(args.get(2));
        } catch (DateTimeParseException e) {
          throw new UsageException("force: --until must be a date YYYY-MM-DD, but was '" + args.get(2) + "'");
        }
        LocalDate today = bot.clock().marketDate();
        if (d.isBefore(today)) {
          throw new UsageException("force: --until must be today (" + today + ") or later, but was " + d);
        }
        until = Optional.of(d);
      }
      bot.controls().force(HedgeState.valueOf(s), until);
      bot.saveSwitches();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("forced", s);
      data.put("forcedUntil", until.map(LocalDate::toString).orElse(null));
      return Reply.ok("hedge forced to " + s + until.map(u -> " through " + u).orElse(" until unforce")
          + "; the machine state is " + bot.engine().hedgeState(), data);
    }
  }

  /** unforce. */
  static final class Unforce extends BaseCommand {
    Unforce() {
      super("unforce", "unforce", "Let the hedge state machine decide again.", true);
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      noArgs(args);
      boolean was = bot.controls().forcedSetting().isPresent();
      bot.controls().unforce();
      bot.saveSwitches();
      return Reply.ok(was ? "unforced: the machine decides again (state " + bot.engine().hedgeState() + ")"
          : "no state was forced", Map.of("forced", "none"));
    }
  }

  /** set KEY VALUE. */
  static final class Set extends BaseCommand {
    Set() {
      super("set", "set KEY VALUE", "Override a configuration key, validated like the file; stored, so it survives"
          + " a restart. The engine uses it from the next cycle (market, broker, schedule, store keys and the"
          + " console's address and port after a restart).", true);
    }

    @Override
    public List<List<String>> completions() {
      return List.of(ConfigLoader.keys());
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      if (args.size() < 2) {
        throw new UsageException("set needs KEY and VALUE, e.g. 'set hedge.l1.vixTrigger 15', but got "
            + (args.isEmpty() ? "nothing" : "'" + String.join(" ", args) + "'"));
      }
      String key = args.get(0);
      String value = String.join(" ", args.subList(1, args.size()));
      if (!ConfigLoader.keys().contains(key)) {
        try {
          ConfigLoader.withOverrides(bot.baseConfig(), Map.of(key, value), "set");
        } catch (ConfigException e) {
          throw new UsageException(e.getMessage());
        }
        throw new UsageException("set: '" + key + "' is a group of keys, not a key");
      }
      if (key.startsWith("broker.") && !key.startsWith("broker.paper.") && "paper".equals(bot.brokerName())) {
        throw new UsageException("set: " + key + " configures the IBKR connection, and this bot runs on the built-in"
            + " paper broker (broker paper), so it would do nothing; to trade through TWS, restart with --broker ibkr");
      }
      Map<String, String> next = new LinkedHashMap<>(bot.controlStore().overrides());
      next.put(key, value);
      try {
        bot.applyOverrides(next);
      } catch (ConfigException e) {
        throw new UsageException(e.getMessage());
      }
      bot.controlStore().putOverride(key, value, bot.clock().now(), "set");
      boolean restart = RESTART_GROUPS.stream().anyMatch(key::startsWith);
      return Reply.ok(key + " = " + value + (restart ? " (stored; applies after a restart)"
          : " (stored; used from the next cycle)"), Map.of("key", key, "value", value, "restart", restart));
    }
  }

  /** unset KEY. */
  static final class Unset extends BaseCommand {
    Unset() {
      super("unset", "unset KEY", "Remove a stored override: the key returns to the file's value (or the default).",
          true);
    }

    @Override
    public List<List<String>> completions() {
      return List.of(ConfigLoader.keys());
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      if (args.size() != 1) {
        throw new UsageException("unset needs one KEY, but got " + (args.isEmpty() ? "nothing"
            : "'" + String.join(" ", args) + "'"));
      }
      Map<String, String> next = new LinkedHashMap<>(bot.controlStore().overrides());
      if (next.remove(args.get(0)) == null) {
        throw new UsageException("unset: '" + args.get(0) + "' has no override; overridden keys: "
            + (next.isEmpty() ? "none" : String.join(", ", next.keySet())));
      }
      try {
        bot.applyOverrides(next);
      } catch (ConfigException e) {
        throw new UsageException("unset " + args.get(0) + " would leave an invalid configuration: " + e.getMessage());
      }
      bot.controlStore().removeOverride(args.get(0));
      return Reply.ok(args.get(0) + " back to " + lookup(bot, args.get(0)), Map.of("key", args.get(0)));
    }

    private static String lookup(Bot bot, String key) {
      com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper()
          .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).valueToTree(bot.config());
      for (String part : key.split("\\.")) {
        n = n == null ? null : n.get(part);
      }
      return n == null ? "its default" : n.toString();
    }
  }

  /** approve on|off, or approve ID. */
  static final class Approve extends BaseCommand {
    Approve() {
      super("approve", "approve on|off|ID", "approve on: each order waits for 'approve ID' or 'reject ID' (orders"
          + " not approved before the next cycle expire); approve off: orders go out at once; approve ID: send that"
          + " waiting order.", true);
    }

    @Override
    public List<List<String>> completions() {
      return List.of(List.of("on", "off"));
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      if (args.size() != 1) {
        throw new UsageException("approve needs one of on, off or a waiting order's ID, but got "
            + (args.isEmpty() ? "nothing" : "'" + String.join(" ", args) + "'"));
      }
      String a = args.get(0);
      if (a.equalsIgnoreCase("on") || a.equalsIgnoreCase("off")) {
        boolean on = a.equalsIgnoreCase("on");
        bot.controls().approvalRequired(on);
        bot.saveSwitches();
        return Reply.ok(on ? "approval on: each order waits for 'approve ID' or 'reject ID'"
            : "approval off: orders are sent at once" + (bot.engine().heldOrders().isEmpty() ? ""
                : "; " + bot.engine().heldOrders().size() + " still waiting (approve or reject them)"),
            Map.of("approval", on));
      }
      OrderRef ref = ref(a, bot);
      bot.engine().approve(ref);
      bot.controlStore().approval(ref.value(), true, bot.clock().now(), "approve");
      return Reply.ok("approved and sent " + ref, Map.of("approved", ref.value()));
    }
  }

  /** The held order's ref, or a usage error listing what waits. */
  static OrderRef ref(String text, Bot bot) {
    List<String> waiting = bot.engine().heldOrders().stream().map(o -> o.ref().value()).toList();
    if (!waiting.contains(text)) {
      throw new UsageException("no order '" + text + "' is waiting for approval; waiting: "
          + (waiting.isEmpty() ? "none" : String.join(", ", waiting)));
    }
    return new OrderRef(text);
  }

  /** reject ID. */
  static final class Reject extends BaseCommand {
    Reject() {
      super("reject", "reject ID", "Drop an order waiting for approval; it is marked cancelled in the journal.", true);
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      if (args.size() != 1) {
        throw new UsageException("reject needs one waiting order's ID, but got "
            + (args.isEmpty() ? "nothing" : "'" + String.join(" ", args) + "'"));
      }
      OrderRef ref = ref(args.get(0), bot);
      bot.engine().reject(ref);
      bot.controlStore().approval(ref.value(), false, bot.clock().now(), "reject");
      return Reply.ok("rejected " + ref, Map.of("rejected", ref.value()));
    }
  }

  /** note TEXT. */
  static final class Note extends BaseCommand {
    static final int MAX = 900;

    Note() {
      super("note", "note TEXT", "Write a note to the audit trail (at most " + MAX + " characters).", true);
    }

    @Override
    public Reply handle(List<String> args, Bot bot) {
      String text = String.join(" ", args).strip();
      if (text.isEmpty()) {
        throw new UsageException("note needs TEXT, e.g. 'note rolled by hand in TWS'");
      }
      if (text.length() > MAX) {
        throw new UsageException("note: TEXT must be at most " + MAX + " characters, but was " + text.length());
      }
      return Reply.ok("noted", Map.of("note", text));
    }
  }
}
