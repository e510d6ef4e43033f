package dev.alvh.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alvh live}: the engine of {@code alvh paper --broker ibkr} on a live IBKR account. It
 * starts only when TWS reports a live (not {@code DU...}) account equal to
 * {@code live.confirmAccount}; otherwise one line and exit 2, with nothing sent. With
 * {@code --check} it only checks the setup ({@link LiveCheck}) and exits 0 or 1. See docs/live.md.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
    description = "Trade a live IBKR account through TWS / IB Gateway. Starts only when TWS reports a live account"
        + " equal to live.confirmAccount (one line and exit 2 otherwise, nothing sent). --check checks the setup"
        + " and exits 0/1. See docs/live.md.")
final class LiveCommand extends PaperCommand {

  @Option(names = "--check", description = "check connectivity, account, market data permissions, what-if margin,"
      + " clock skew and foreign orders/positions; prints each line OK or the fix; exit 0 if all OK, 1 otherwise"
      + " (also usable against a paper account)")
  boolean check;

  LiveCommand() {
    live = true;
    name = "live";
    broker = "ibkr";
  }

  @Override
  public Integer call() {
    if (check) {
      // tests: a fake TWS following the virtual time of --clock-file is checked on that time
      dev.alvh.core.port.Clock clock = clockFile == null ? java.time.Instant::now
          : dev.alvh.app.runtime.SteppedClock.follow(clockFile);
      return new LiveCheck(config, tws, clock).run();
    }
    return super.call();
  }
}
