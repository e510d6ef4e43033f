package dev.alvh.app.cli;

import picocli.CommandLine.Command;

@Command(name = "ctl", mixinStandardHelpOptions = true, description = "Run one console command against a running bot and exit. (not built yet)")
final class CtlCommand extends NotBuiltYet {

  CtlCommand() {
    super("ctl");
  }
}
