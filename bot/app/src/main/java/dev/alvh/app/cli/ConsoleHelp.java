package dev.alvh.app.cli;

import dev.alvh.app.control.CommandHandler;
import dev.alvh.app.control.Commands;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Help text generated from the command table, shared by console and ctl. */
final class ConsoleHelp {

  private ConsoleHelp() {
  }

  /** {@code help} or {@code help CMD}; empty when CMD is unknown. */
  static Optional<String> help(List<String> args) {
    if (args.isEmpty()) {
      StringBuilder t = new StringBuilder("commands (help CMD for one; exit or Ctrl-D to leave):")
          .append(System.lineSeparator());
      for (CommandHandler c : Commands.all()) {
        t.append(String.format(Locale.ROOT, "  %-36s %s%n", c.usage(), firstSentence(c.help())));
      }
      return Optional.of(t.toString().stripTrailing());
    }
    return Commands.find(args.get(0)).map(c -> {
      StringBuilder t = new StringBuilder("usage: ").append(c.usage()).append(System.lineSeparator())
          .append(c.help());
      List<List<String>> values = c.completions();
      for (int i = 0; i < values.size(); i++) {
        if (!values.get(i).isEmpty() && values.get(i).size() <= 20) {
          t.append(System.lineSeparator()).append("argument ").append(i + 1).append(": ")
              .append(String.join(", ", values.get(i)));
        }
      }
      if (c.mutating()) {
        t.append(System.lineSeparator()).append("written to the audit trail (see history)");
      }
      return t.toString();
    });
  }

  private static String firstSentence(String s) {
    int i = s.indexOf(". ");
    return i < 0 ? s : s.substring(0, i + 1);
  }
}
