package dev.alvh.app.control;

import java.util.List;
import java.util.Optional;

/**
 * The table of console commands: the one registry that the server dispatches on and that the
 * console's help and tab completion are generated from.
 */
public final class Commands {

  private static final List<CommandHandler> ALL = List.of(
      new AccountViews.Status(), new AccountViews.Positions(), new AccountViews.Tranches(), new DecisionViews.Hedge(),
      new AccountViews.Orders(), new DecisionViews.Why(), new DecisionViews.History(),
      new StopCommands.Pause(), StopCommands.resume(), new StopCommands.Halt(), StopCommands.release(),
      new StopCommands.Flatten(),
      new OverrideCommands.Force(), new OverrideCommands.Unforce(), new OverrideCommands.Set(),
      new OverrideCommands.Unset(), new OverrideCommands.Approve(), new OverrideCommands.Reject(),
      new OverrideCommands.Note());

  private Commands() {
  }

  /** Every command, in help order. */
  public static List<CommandHandler> all() {
    return ALL;
  }

  /** Every command's name, in help order. */
  public static List<String> names() {
    return ALL.stream().map(CommandHandler::name).toList();
  }

  /** The command named {@code name} (case-insensitive). */
  public static Optional<CommandHandler> find(String name) {
    return ALL.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
  }

  /** The line a person sees for an unknown command. */
  public static String unknown(String name) {
    return "unknown command '" + name + "'; commands: " + String.join(", ", names()) + " (help CMD for one)";
  }
}
