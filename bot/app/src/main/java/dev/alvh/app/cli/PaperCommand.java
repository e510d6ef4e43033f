package dev.alvh.app.cli;

import picocli.CommandLine.Command;

@Command(name = "paper", mixinStandardHelpOptions = true, description = "Trade in real time against the built-in paper broker or an IBKR paper account. (not built yet)")
final class PaperCommand extends NotBuiltYet {

  PaperCommand() {
    super("paper");
  }
}
