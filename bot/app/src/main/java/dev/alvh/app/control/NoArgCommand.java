package dev.alvh.app.control;

import dev.alvh.app.runtime.Bot;
import java.util.List;

/** A command that takes no arguments: its usage is its name, and any argument is refused. */
abstract class NoArgCommand extends BaseCommand {

  NoArgCommand(String name, String help, boolean mutating) {
    super(name, name, help, mutating);
  }

  @Override
  public final Reply handle(List<String> args, Bot bot) {
    noArgs(args);
    return run(bot);
  }

  /** Runs the command. */
  abstract Reply run(Bot bot);
}
