package dev.alvh.app.cli;

import dev.alvh.app.crash.CrashPoints;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The test launcher: the production {@code alvh} command ({@link Main#commandLine}) with the options
 * only tests use added to {@code paper}, {@code live} and {@code paper-tws}. The system tests start
 * the bot as a process through this class (class path: {@code bot/app/target/alvh.jar} and
 * {@code bot/app/target/alvh-app-*-test-launcher.jar}, which holds this class alone); the
 * production {@code alvh paper --help} has none of these options. See docs/testing.md.
 *
 * <ul>
 *   <li>{@code --clock-origin MARKET@WALLMILLIS}: the market clock showed MARKET at wall time WALLMILLIS,
 *       so a bot with {@code --speed N} and a fake TWS on the same scaled clock agree on the time;
 *       allows {@code --speed} with {@code --broker ibkr};
 *   <li>{@code --step-clock FROM/TO}: virtual time, every job at its scheduled instant with the clock
 *       standing still, one after the other without waiting; at TO the bot idles until stopped;
 *   <li>{@code --clock-file FILE}: with {@code --step-clock}, the virtual time published in FILE for a
 *       fake TWS; on {@code paper-tws} and {@code live --check}, the time read from FILE;
 *   <li>{@code --step-settle-millis MS}: with {@code --step-clock}, wall milliseconds waited after each
 *       step before its job runs (a fake TWS pushes its streaming ticks of the new time);
 *   <li>{@code --messages-per-second N}: the client-side TWS message rate instead of
 *       {@code broker.ibkr.maxMessagesPerSecond} (a paper TWS in the test has no limit);
 *   <li>{@code --crash-at NAME:N}: arms a crash point ({@link CrashPoints}).
 * </ul>
 */
public final class TestMain {

  private TestMain() {
  }

  /** Runs {@code alvh} with the test options and {@code args}, and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs {@code alvh} with the test options and {@code args}; returns its exit code. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The production command line with the test options added. */
  static CommandLine commandLine() {
    CommandLine cl = Main.commandLine();
    for (String name : List.of("paper", "live")) {
      CommandLine sub = cl.getSubcommands().get(name);
      sub.addMixin("testOptions", new BotOptions((PaperCommand) sub.getCommand()));
    }
    CommandLine tws = cl.getSubcommands().get("paper-tws");
    tws.addMixin("testOptions", new PaperTwsOptions((PaperTwsCommand) tws.getCommand()));
    return cl;
  }

  /** The test options of {@code paper} and {@code live}, written into the command. */
  static final class BotOptions {
    private final PaperCommand command;

    BotOptions(PaperCommand command) {
      this.command = command;
    }

    @Option(names = "--clock-origin", paramLabel = "MARKET@WALLMILLIS",
        description = "the market clock showed MARKET (ISO instant) at wall time WALLMILLIS (epoch ms)")
    void clockOrigin(String value) {
      command.clockOrigin = value;
    }

    @Option(names = "--step-clock", paramLabel = "FROM/TO",
        description = "virtual time from FROM to TO (ISO instants), every job at its scheduled time")
    void stepClock(String value) {
      command.stepClock = value;
    }

    @Option(names = "--clock-file", paramLabel = "FILE",
        description = "with --step-clock: publish the virtual time in FILE; live --check: read the time from FILE")
    void clockFile(Path value) {
      command.clockFile = value;
    }

    @Option(names = "--step-settle-millis", paramLabel = "MS",
        description = "with --step-clock: wall milliseconds waited after each step before its job runs")
    void stepSettleMillis(long value) {
      command.stepSettleMillis = value;
    }

    @Option(names = "--messages-per-second", paramLabel = "N",
        description = "client-side TWS message rate instead of broker.ibkr.maxMessagesPerSecond (a paper TWS only)")
    void messagesPerSecond(int value) {
      command.messagesPerSecond = value;
    }

    @Option(names = "--crash-at", paramLabel = "NAME:N", description = "arm crash point NAME at its N-th reach")
    void crashAt(String spec) {
      CrashPoints.arm(spec);
    }
  }

  /** The test option of {@code paper-tws}, written into the command. */
  static final class PaperTwsOptions {
    private final PaperTwsCommand command;

    PaperTwsOptions(PaperTwsCommand command) {
      this.command = command;
    }

    @Option(names = "--clock-file", paramLabel = "FILE",
        description = "read the time from FILE (the virtual time of a stepped bot) instead of the wall clock")
    void clockFile(Path value) {
      command.clockFile = value;
    }
  }
}
