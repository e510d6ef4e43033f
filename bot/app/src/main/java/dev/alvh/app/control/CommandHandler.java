package dev.alvh.app.control;

import dev.alvh.app.runtime.Bot;
import java.util.List;

/**
 * One console command: its name, usage, help, the values of its arguments (for tab completion)
 * and what it does. The same handlers serve {@code alvh console} and {@code alvh ctl}; they run
 * on the bot, under its lock ({@link ControlService}).
 */
public interface CommandHandler {

  /** The command word. */
  String name();

  /** One-line usage, e.g. {@code force STATE [--until YYYY-MM-DD]}. */
  String usage();

  /** What it does, one or two sentences. */
  String help();

  /** Whether it changes anything (mutating commands are written to the audit table). */
  boolean mutating();

  /** Candidate values of each argument position, for completion; empty lists when free text. */
  default List<List<String>> completions() {
    return List.of();
  }

  /** Whether this call must be confirmed ({@code --yes}) before it runs. */
  default boolean needsConfirmation(List<String> args) {
    return false;
  }

  /** The question to confirm, when {@link #needsConfirmation} is true. */
  default String confirmation(List<String> args) {
    return name() + " " + String.join(" ", args) + ": are you sure?";
  }

  /**
   * Runs the command.
   *
   * @throws UsageException when an argument is bad; the message names it and the allowed values
   */
  Reply handle(List<String> args, Bot bot);
}
