package dev.alvh.app.control;

import dev.alvh.app.config.ConfigException;
import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.runtime.Bot;
import dev.alvh.core.HedgeState;
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
 * The commands by which an operator overrides what the automation would do or use, without
 * stopping it: force and unforce the hedge state, set and unset configuration keys, approve and
 * reject orders, and note for the audit trail. Each is written to the audit table by
 * {@link ControlService}; switches and overrides are saved so that they survive a restart.
 */
final class OverrideCommands {

  /** Keys (and groups, ending in a dot) read when the bot starts: a change applies after a restart. */
  static final List<String> RESTART_GROUPS = List.of("broker.", "schedule.", "store.", "console.bindAddress",
      "console.port", "market.");

  private OverrideCommands() {
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
      HedgeState state = HedgeState.named(args.get(0).toUpperCase(Locale.ROOT)).orElseThrow(() -> new UsageException(
          "force: STATE must be one of " + String.join(", ", STATES) + ", but was '" + args.get(0) + "'"));
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
      bot.controls().force(state, until);
      bot.saveSwitches();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("forced", state.name());
      data.put("forcedUntil", until.map(LocalDate::toString).orElse(null));
      return Reply.ok("hedge forced to " + state + until.map(u -> " through " + u).orElse(" until unforce")
          + "; the machine state is " + bot.engine().hedgeMachineState(), data);
    }
  }

  /** unforce. */
  static final class Unforce extends NoArgCommand {
    Unforce() {
      super("unforce", "Let the hedge state machine decide again.", true);
    }

    @Override
    Reply run(Bot bot) {
      boolean was = bot.controls().forcedSetting().isPresent();
      bot.controls().unforce();
      bot.saveSwitches();
      return Reply.ok(was ? "unforced: the machine decides again (state " + bot.engine().hedgeMachineState() + ")"
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
            : "approval off: orders are sent at once" + (bot.engine().desk().heldOrders().isEmpty() ? ""
                : "; " + bot.engine().desk().heldOrders().size() + " still waiting (approve or reject them)"),
            Map.of("approval", on));
      }
      OrderRef ref = ref(a, bot);
      bot.engine().desk().approve(ref);
      bot.controlStore().approval(ref.value(), true, bot.clock().now(), "approve");
      return Reply.ok("approved and sent " + ref, Map.of("approved", ref.value()));
    }
  }

  /** The held order's ref, or a usage error listing what waits. */
  static OrderRef ref(String text, Bot bot) {
    List<String> waiting = bot.engine().desk().heldOrders().stream().map(o -> o.ref().value()).toList();
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
      bot.engine().desk().reject(ref);
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
