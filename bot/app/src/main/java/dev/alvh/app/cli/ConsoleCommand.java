package dev.alvh.app.cli;

import dev.alvh.app.control.CommandHandler;
import dev.alvh.app.control.Commands;
import dev.alvh.app.control.ControlClient;
import dev.alvh.app.control.ControlService;
import dev.alvh.app.control.Reply;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.AggregateCompleter;
import org.jline.reader.impl.completer.ArgumentCompleter;
import org.jline.reader.impl.completer.NullCompleter;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "console", mixinStandardHelpOptions = true,
    description = "Open an interactive console to the running bot of the data directory: history, tab completion,"
        + " help and help CMD. It reconnects when the bot restarts.")
final class ConsoleCommand implements Callable<Integer> {

  @Mixin
  DataDirOption dataDir = new DataDirOption();

  @Override
  public Integer call() throws Exception {
    ControlClient client = new ControlClient(dataDir.dir, "console");
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("alvh").completer(completer())
          .variable(LineReader.HISTORY_FILE, dataDir.dir.resolve("console.history"))
          .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
      PrintWriter out = terminal.writer();
      boolean connected = send(client, List.of("status"), out, reader, true);
      if (connected) {
        out.println("type help for the commands, exit to leave");
      }
      out.flush();
      while (true) {
        String line;
        try {
          line = reader.readLine("alvh> ");
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        List<String> words = new ArrayList<>(reader.getParsedLine().words());
        words.removeIf(String::isBlank);
        if (words.isEmpty()) {
          continue;
        }
        String name = words.get(0).toLowerCase(Locale.ROOT);
        if ("exit".equals(name) || "quit".equals(name)) {
          break;
        }
        if ("help".equals(name)) {
          out.println(ConsoleHelp.help(words.subList(1, words.size()))
              .orElse(Commands.unknown(words.size() > 1 ? words.get(1) : "")));
        } else if (Commands.find(name).isEmpty()) {
          out.println(Commands.unknown(words.get(0)));
        } else {
          connected = send(client, words, out, reader, connected);
        }
        out.flush();
      }
    }
    return 0;
  }

  /** Sends one command; prints one line when the connection is lost or comes back. */
  private static boolean send(ControlClient client, List<String> words, PrintWriter out, LineReader reader,
      boolean wasConnected) {
    try {
      Reply r = client.send(words);
      if (!wasConnected) {
        out.println("connected to the bot again");
      }
      if (r.confirm()) {
        String a = reader.readLine(r.text() + " [y/N] ");
        if (!a.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
          out.println("not confirmed: nothing done");
          return true;
        }
        List<String> yes = new ArrayList<>(words);
        yes.add(ControlService.YES);
        r = client.send(yes);
      }
      out.println(r.text());
      return true;
    } catch (ControlClient.ControlException e) {
      out.println("connection lost: " + e.getMessage());
      return false;
    } catch (UserInterruptException | EndOfFileException e) {
      out.println("not confirmed: nothing done");
      return true;
    }
  }

  private static Completer completer() {
    List<Completer> all = new ArrayList<>();
    for (CommandHandler c : Commands.all()) {
      List<Completer> parts = new ArrayList<>();
      parts.add(new StringsCompleter(c.name()));
      c.completions().forEach(v -> parts.add(v.isEmpty() ? NullCompleter.INSTANCE : new StringsCompleter(v)));
      parts.add(NullCompleter.INSTANCE);
      all.add(new ArgumentCompleter(parts));
    }
    List<String> help = new ArrayList<>(Commands.names());
    all.add(new ArgumentCompleter(new StringsCompleter("help"), new StringsCompleter(help), NullCompleter.INSTANCE));
    all.add(new ArgumentCompleter(new StringsCompleter("exit", "quit"), NullCompleter.INSTANCE));
    return new AggregateCompleter(all);
  }
}
