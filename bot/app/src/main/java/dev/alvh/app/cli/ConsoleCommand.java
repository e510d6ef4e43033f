package dev.alvh.app.cli;

import picocli.CommandLine.Command;

@Command(name = "console", mixinStandardHelpOptions = true, description = "Open an interactive console to a running bot. (not built yet)")
final class ConsoleCommand extends NotBuiltYet {

  ConsoleCommand() {
    super("console");
  }
}
