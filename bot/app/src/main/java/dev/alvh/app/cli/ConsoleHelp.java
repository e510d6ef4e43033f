package dev.alvh.app.cli;

import dev.alvh.app.control.CommandHandler;
import dev.alvh.app.control.Commands;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Help text generated from the command table, shared by console and ctl. */
final class ConsoleHelp {

  /** Help lines are wrapped at word boundaries to this width (a standard terminal). */
  static final int WIDTH = 80;
  private static final int USAGE_COLUMN = 38;

  private ConsoleHelp() {
  }

  /**
   * {@code text} wrapped at spaces so no line is longer than {@code width} (a single word longer
   * than the width stands alone on its line), every line after the first starting with
   * {@code indent}.
   */
  static String wrap(String text, int width, String indent, int firstLineUsed) {
    StringBuilder out = new StringBuilder();
    int col = firstLineUsed;
    boolean lineEmpty = true;
    for (String word : text.strip().split("\\s+")) {
      if (!lineEmpty && col + 1 + word.length() > width) {
        out.append(System.lineSeparator()).append(indent);
        col = indent.length();
        lineEmpty = true;
      }
      if (!lineEmpty) {
        out.append(' ');
        col++;
      }
      out.append(word);
      col += word.length();
      lineEmpty = false;
    }
    return out.toString();
  }

  /** {@code help} or {@code help CMD}; empty when CMD is unknown. */
  static Optional<String> help(List<String> args) {
    if (args.isEmpty()) {
      StringBuilder t = new StringBuilder("commands (help CMD for one; exit or Ctrl-D to leave):")
          .append(System.lineSeparator());
      for (CommandHandler c : Commands.all()) {
        String head = String.format(Locale.ROOT, "  %-" + (USAGE_COLUMN - 3) + "s ", c.usage());
        if (head.length() > USAGE_COLUMN) { // a long usage takes its own line
          t.append(head.stripTrailing()).append(System.lineSeparator());
          head = " ".repeat(USAGE_COLUMN);
        }
        t.append(head).append(wrap(firstSentence(c.help()), WIDTH, " ".repeat(USAGE_COLUMN), USAGE_COLUMN))
            .append(System.lineSeparator());
      }
      return Optional.of(t.toString().stripTrailing());
    }
    return Commands.find(args.get(0)).map(c -> {
      StringBuilder t = new StringBuilder("usage: ").append(c.usage()).append(System.lineSeparator())
          .append(wrap(c.help(), WIDTH, "", 0));
      List<List<String>> values = c.completions();
      for (int i = 0; i < values.size(); i++) {
        if (!values.get(i).isEmpty() && values.get(i).size() <= 20) {
          String label = "argument " + (i + 1) + ": ";
          t.append(System.lineSeparator()).append(label)
              .append(wrap(String.join(", ", values.get(i)), WIDTH, "  ", label.length()));
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
