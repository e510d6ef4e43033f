package dev.alvh.app.control;

import dev.alvh.app.engine.Controls;
import dev.alvh.app.runtime.Bot;
import dev.alvh.app.store.OrderJournalRepository;
import dev.alvh.core.order.OrderRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The commands that stop the automation or close what it holds, and their undo: pause, resume,
 * halt, release, flatten. Each is written to the audit table by {@link ControlService}; the
 * pause and halt switches are saved so that they survive a restart.
 */
final class StopCommands {

  private StopCommands() {
  }

  /** pause: the cycle decides nothing; working orders stay. */
  static final class Pause extends NoArgCommand {
    Pause() {
      super("pause", "Stop deciding: cycles run but send and cancel nothing; working orders stay.", true);
    }

    @Override
    Reply run(Bot bot) {
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
  static NoArgCommand resume() {
    return switchOff("resume", "Decide again from the next cycle.", "paused", Controls::paused, Controls::paused,
        "resumed: automation decides from the next cycle", "not paused: nothing to resume");
  }

  /** halt: the kill switch. */
  static final class Halt extends NoArgCommand {
    Halt() {
      super("halt", "Kill switch: cancel every working order now and send no new risk (no entries) until"
          + " release.", true);
    }

    @Override
    Reply run(Bot bot) {
      boolean was = bot.controls().halted();
      bot.controls().halted(true);
      bot.saveSwitches();
      int n = bot.engine().desk().cancelWorking();
      if (!was) {
        bot.alert(dev.alvh.app.ops.Alerter.Kind.HALT, "halted by an operator; " + n + " working order"
            + (n == 1 ? "" : "s") + " cancelled; no new risk until release");
      }
      return Reply.ok("halted: " + n + " working order" + (n == 1 ? "" : "s") + " cancelled; no new risk until"
          + " release", Map.of("halted", true, "cancelled", n));
    }
  }

  /** release: the kill switch off. */
  static NoArgCommand release() {
    return switchOff("release", "Release the kill switch: entries are allowed again from the next cycle.", "halted",
        Controls::halted, Controls::halted, "released: new risk allowed from the next cycle",
        "not halted: nothing to release");
  }

  /**
   * A command that turns the saved switch {@code key} off; the reply says {@code done} if it was on,
   * else {@code nothing}.
   */
  private static NoArgCommand switchOff(String name, String help, String key, Predicate<Controls> on,
      BiConsumer<Controls, Boolean> set, String done, String nothing) {
    return new NoArgCommand(name, help, true) {
      @Override
      Reply run(Bot bot) {
        boolean was = on.test(bot.controls());
        set.accept(bot.controls(), false);
        bot.saveSwitches();
        return Reply.ok(was ? done : nothing, Map.of(key, false));
      }
    };
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
        OrderJournalRepository journal = new OrderJournalRepository(bot.store());
        var row = journal.progress(new OrderRef(ref));
        String line;
        boolean held = bot.engine().desk().heldOrders().stream().anyMatch(h -> h.ref().value().equals(ref));
        if (row.isEmpty() || held) {
          o.put("status", "HELD");
          line = "waiting for approval (approve " + ref + ")";
        } else {
          String status = row.get().status().name();
          int filled = row.get().filled();
          int qty = row.get().quantity();
          o.put("status", status);
          o.put("filled", filled);
          o.put("quantity", qty);
          if (filled > 0) {
            OrderJournalRepository.FillCash cash = journal.fillCash(new OrderRef(ref));
            java.math.BigDecimal net = cash.netCash().setScale(2, java.math.RoundingMode.HALF_EVEN);
            o.put("netCash", net.toPlainString());
            o.put("commissions", cash.commissions().toPlainString());
            line = "filled " + filled + " of " + qty + ", net " + (net.signum() >= 0 ? "credit " : "debit ")
                + net.abs().toPlainString() + " USD, commissions " + cash.commissions().toPlainString() + " USD"
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
}
