package dev.alvh.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.app.control.Commands;
import dev.alvh.app.control.ControlClient;
import dev.alvh.app.control.ControlService;
import dev.alvh.app.control.Reply;
import java.io.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ctl", mixinStandardHelpOptions = true,
    description = "Run one console command against the running bot of the data directory and exit."
        + " Exit codes: 0 done, 1 refused or failed, 2 unknown command, 3 no bot reachable."
        + " 'alvh ctl help' lists the commands.")
final class CtlCommand implements Callable<Integer> {

  @Mixin
  DataDirOption dataDir = new DataDirOption();

  @Option(names = "--json", description = "print the reply as one JSON object")
  boolean json;

  @Option(names = "--yes", description = "confirm a command that asks for confirmation (flatten)")
  boolean yes;

  @Parameters(arity = "1..*", paramLabel = "CMD", description = "the command and its arguments, e.g. status, pause,"
      + " set hedge.l1.vixTrigger 15")
  List<String> words;

  @Override
  public Integer call() throws Exception {
    String name = words.get(0).toLowerCase(Locale.ROOT);
    if ("help".equals(name)) {
      var h = ConsoleHelp.help(words.subList(1, words.size()));
      if (h.isEmpty()) {
        System.err.println(Commands.unknown(words.get(1)));
        return 2;
      }
      System.out.println(h.get());
      return 0;
    }
    if (Commands.find(name).isEmpty()) {
      System.err.println(Commands.unknown(words.get(0)));
      return 2;
    }
    List<String> send = new ArrayList<>(words);
    if (yes) {
      send.add(ControlService.YES);
    }
    ControlClient client = new ControlClient(dataDir.dir, "ctl");
    Reply r;
    try {
      r = client.send(send);
      Console console = System.console();
      if (r.confirm() && console != null && !json) {
        String a = console.readLine("%s [y/N] ", r.text());
        if (a != null && a.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
          send.add(ControlService.YES);
          r = client.send(send);
        }
      }
    } catch (ControlClient.ControlException e) {
      System.err.println("ctl: " + e.getMessage());
      return 3;
    }
    if (json) {
      System.out.println(new ObjectMapper().writeValueAsString(r));
    } else if (r.ok()) {
      System.out.println(r.text());
    } else {
      System.err.println(r.text());
    }
    return r.ok() ? 0 : 1;
  }
}
