package dev.alvh.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code alvh} command: one subcommand per mode.
 *
 * <p>Exit codes: 0 success, 1 failure while running, 2 bad usage or bad configuration (nothing
 * was connected or opened).
 */
@Command(name = "alvh", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
    description = "SPX iron condors with an Adaptive Layered VIX Hedge, for Interactive Brokers.",
    subcommands = {ReplayCommand.class, SweepCommand.class, PaperCommand.class, LiveCommand.class, ConsoleCommand.class,
        CtlCommand.class, VersionCommand.class, PaperTwsCommand.class, IbkrCheckCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs {@code alvh} with {@code args} and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs {@code alvh} with {@code args} and returns its exit code. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The {@code alvh} command line with every subcommand, ready to execute. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    // ctl passes its command's own options (force L2 --until DATE) through to the bot, in order.
    cl.getSubcommands().get("ctl").setUnmatchedOptionsArePositionalParams(true);
    // live trades through TWS only: the --broker it inherits from paper does not apply to it.
    CommandLine.Model.CommandSpec live = cl.getSubcommands().get("live").getCommandSpec();
    live.remove(live.findOption("--broker"));
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
