package dev.alvh.app.cli;

import picocli.CommandLine.Command;

@Command(name = "live", mixinStandardHelpOptions = true, description = "Trade a live IBKR account (refuses to start without explicit confirmation). (not built yet)")
final class LiveCommand extends NotBuiltYet {

  LiveCommand() {
    super("live");
  }
}
