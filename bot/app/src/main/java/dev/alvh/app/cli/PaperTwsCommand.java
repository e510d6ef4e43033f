package dev.alvh.app.cli;

import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.server.TwsServer;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code alvh paper-tws}: the in-process paper broker and a live synthetic market behind the TWS
 * API protocol, so the IBKR path ({@code ibkr-check}, {@code paper --broker ibkr}) runs without IB.
 *
 * <p>The market: the one {@code alvh paper} trades on the same day ({@link dev.alvh.app.runtime.PaperMarket}:
 * the synthetic {@code two-cycles} scenario, {@code market.seed}, {@code market.startSpx}), so
 * {@code alvh paper --broker ibkr} against it decides as {@code alvh paper} does; read on the wall clock (New York time), SPX/VIX/
 * VIX3M move from the day's open to its close through the session. SPXW, SPX and VIX options and VX
 * futures come from the simulated market. Account {@value PaperTws#ACCOUNT},
 * {@code broker.paper.startingCash}; nothing is stored: a restart starts a fresh account.
 */
@Command(name = "paper-tws", mixinStandardHelpOptions = true,
    description = "Serve the paper broker and a synthetic market over the TWS API protocol (a fake TWS).")
final class PaperTwsCommand implements Callable<Integer> {

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "7497", description = "TCP port (default: 7497)")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "address to listen on (default: 127.0.0.1, loopback only)")
  String bind;

  @Mixin
  ConfigOption config = new ConfigOption();

  @Option(names = "--tick-millis", paramLabel = "MS", defaultValue = "1000",
      description = "streaming market data is pushed this often (default: 1000)")
  long tickMillis;

  @Option(names = "--account", paramLabel = "CODE", defaultValue = PaperTws.ACCOUNT,
      description = "the account code reported (default: " + PaperTws.ACCOUNT + ", a paper account); e.g. U1234567"
          + " presents it as a live account, to try 'alvh live' without IB")
  String account;

  /**
   * Tests: the time is read from this file (the virtual time of a stepped bot) instead of the wall
   * clock; set by the test launcher's {@code --clock-file} (dev.alvh.app.cli.TestMain), not an
   * option of the production command.
   */
  Path clockFile;

  @Override
  public Integer call() throws Exception {
    return config.run(this::serve);
  }

  private int serve(BotConfig cfg) throws Exception {
    if (port < 1 || port > 65535) {
      System.err.println("paper-tws: --port must be in [1, 65535], but was " + port);
      return 2;
    }
    if (tickMillis < 50 || tickMillis > 60_000) {
      System.err.println("paper-tws: --tick-millis must be in [50, 60000], but was " + tickMillis);
      return 2;
    }
    if (!account.matches("[A-Z]{1,2}\\d{1,10}")) {
      System.err.println("paper-tws: --account must be letters then digits, like DU0000001 or U1234567, but was '"
          + account + "'");
      return 2;
    }
    Clock clock = clockFile == null ? Instant::now : dev.alvh.app.runtime.SteppedClock.follow(clockFile);
    LocalDate start = dev.alvh.app.runtime.PaperMarket.history(cfg, clock.marketDate(), 1).get(0).date();
    TwsServer server = PaperTws.build(cfg, clock, Duration.ofMillis(tickMillis), 1, account);
    int bound;
    try {
      bound = server.start(bind, port);
    } catch (java.io.IOException e) {
      System.err.println("paper-tws: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
      return 1;
    }
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stop.countDown();
    }, "paper-tws-stop"));
    System.out.printf("paper-tws: serving the paper broker on %s:%d (TWS API server version 178, account %s,"
        + " market two-cycles from %s); stop with Ctrl-C%n", bind, bound,
        dev.alvh.ibkr.broker.IbkrBroker.mask(account), start);
    System.out.flush();
    stop.await();
    return 0;
  }
}
