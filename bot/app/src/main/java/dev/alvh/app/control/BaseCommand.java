package dev.alvh.app.control;

import java.util.List;

/** The fixed parts of a command and the argument checks every handler uses. */
abstract class BaseCommand implements CommandHandler {

  private final String name;
  private final String usage;
  private final String help;
  private final boolean mutating;

  BaseCommand(String name, String usage, String help, boolean mutating) {
    this.name = name;
    this.usage = usage;
    this.help = help;
    this.mutating = mutating;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String usage() {
    return usage;
  }

  @Override
  public String help() {
    return help;
  }

  @Override
  public boolean mutating() {
    return mutating;
  }

  /** Refuses any argument. */
  void noArgs(List<String> args) {
    if (!args.isEmpty()) {
      throw new UsageException(name + " takes no arguments, but got '" + String.join(" ", args) + "'");
    }
  }

  /** Refuses more than {@code max} arguments. */
  void atMost(List<String> args, int max) {
    if (args.size() > max) {
      throw new UsageException(name + " takes at most " + max + " argument" + (max == 1 ? "" : "s") + ", but got "
          + args.size() + ": '" + String.join(" ", args) + "'");
    }
  }

  /** The one argument, which must be one of {@code allowed} (case-insensitive), lower-cased. */
  String oneOf(List<String> args, String what, List<String> allowed) {
    if (args.size() != 1) {
      throw new UsageException(name + " needs " + what + ", one of " + String.join(", ", allowed) + ", but got "
          + (args.isEmpty() ? "nothing" : "'" + String.join(" ", args) + "'"));
    }
    String v = args.get(0).toLowerCase(java.util.Locale.ROOT);
    if (!allowed.contains(v)) {
      throw new UsageException(name + ": " + what + " must be one of " + String.join(", ", allowed) + ", but was '"
          + args.get(0) + "'");
    }
    return v;
  }

  /** {@code text} parsed as a whole number in [min, max]. */
  int number(String text, String what, int min, int max) {
    try {
      int n = Integer.parseInt(text);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(name + ": " + what + " must be a whole number in [" + min + ", " + max + "], but was '"
        + text + "'");
  }
}
