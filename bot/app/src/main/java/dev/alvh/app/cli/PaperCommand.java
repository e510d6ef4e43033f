package dev.alvh.app.cli;

import dev.alvh.app.config.ConfigException;
import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.control.ControlFiles;
import dev.alvh.app.control.ControlServer;
import dev.alvh.app.control.ControlService;
import dev.alvh.app.runtime.Bot;
import dev.alvh.app.runtime.ScaledClock;
import dev.alvh.app.runtime.ScaledJobDriver;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.app.store.Store;
import dev.alvh.app.store.StoreException;
import dev.alvh.core.config.BotConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "paper", mixinStandardHelpOptions = true,
    description = "Trade in real time (or --speed N times faster) against the built-in paper broker and a live"
        + " synthetic market. Stop with Ctrl-C or SIGTERM: the running job finishes, the store closes, exit 0."
        + " Control it with 'alvh console' or 'alvh ctl CMD' and the same --data-dir.")
final class PaperCommand implements Callable<Integer> {

  static final List<String> BROKERS = List.of("paper", "ibkr");

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (default: embedded defaults)")
  Path config;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "data directory: database alvh.mv.db, control.token, control.json (default: store.dataDir, ./data)")
  Path dataDir;

  @Option(names = "--speed", paramLabel = "N", defaultValue = "1",
      description = "run the market clock and the schedule N times faster than real time (default 1)")
  long speed;

  @Option(names = "--broker", paramLabel = "NAME", defaultValue = "paper",
      description = "paper (built-in broker, default) or ibkr (an IBKR paper account through TWS)")
  String broker;

  @Option(names = "--clear-overrides", description = "drop the configuration overrides stored by 'set' before start")
  boolean clearOverrides;

  @Override
  public Integer call() {
    BotConfig cfg;
    try {
      cfg = config == null ? BotConfig.DEFAULTS : ConfigLoader.load(config);
    } catch (ConfigException e) {
      System.err.println("config error: " + e.getMessage());
      return 2;
    }
    if (!BROKERS.contains(broker)) {
      System.err.println("paper: --broker must be one of " + String.join(", ", BROKERS) + ", but was '" + broker + "'");
      return 2;
    }
    if ("ibkr".equals(broker)) {
      System.err.println("paper: --broker ibkr is not wired yet in this version (the IBKR adapter is in progress);"
          + " use --broker paper");
      return 2;
    }
    if (speed < 1 || speed > ScaledClock.MAX_SPEED) {
      System.err.println("paper: --speed must be in [1, " + ScaledClock.MAX_SPEED + "], but was " + speed);
      return 2;
    }
    Path dir = dataDir != null ? dataDir : Path.of(cfg.store().dataDir());
    if (clearOverrides) {
      try (Store s = Store.open(dir, cfg.store().database())) {
        int n = new dev.alvh.app.control.ControlStore(s.jdbc()).clearOverrides();
        System.out.println("paper: dropped " + n + " stored override" + (n == 1 ? "" : "s"));
      } catch (StoreException e) {
        System.err.println("paper: " + e.getMessage());
        return 1;
      }
    }
    ScaledClock clock = new ScaledClock(Instant.now(), speed);
    Bot bot;
    try {
      bot = Bot.paper(cfg, dir, clock, speed, (int) Math.min(15_000, 2_520 + speed * 10));
    } catch (ConfigException e) {
      System.err.println("config error: " + e.getMessage() + " (start with --clear-overrides to drop stored overrides)");
      return 2;
    } catch (StoreException e) {
      System.err.println("paper: " + e.getMessage() + " (is another bot running with this data directory?)");
      return 1;
    }
    ControlServer server;
    try {
      String token = ControlFiles.loadOrCreateToken(dir);
      server = ControlServer.start(bot.config().console().bindAddress(), bot.config().console().port(), token,
          new ControlService(bot));
      long pid = ProcessHandle.current().pid();
      ControlFiles.writeEndpoint(dir, new ControlFiles.Endpoint(pid, server.port(), server.url(),
          server.url() + "/command", bot.healthUrl().orElse(null), Instant.now().toString()));
    } catch (IllegalArgumentException e) {
      bot.close();
      System.err.println("config error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      bot.close();
      System.err.println("paper: cannot open the control channel: " + e.getMessage());
      return 1;
    }
    ScaledJobDriver driver = new ScaledJobDriver(new TradingSchedule(bot.config().schedule()), clock);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop = () -> {
      if (stopping.compareAndSet(false, true)) {
        driver.close();
        server.close();
        ControlFiles.removeEndpoint(dir, ProcessHandle.current().pid());
        bot.close();
        System.out.println("paper bot stopped: last job finished, store closed");
        System.out.flush();
      }
      stopped.countDown();
    };
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop.run();
      // SIGTERM or Ctrl-C is this program's normal way to stop: exit 0 once everything is closed.
      Runtime.getRuntime().halt(0);
    }, "alvh-shutdown"));
    driver.start(bot::runJob);
    System.out.printf("paper bot running: speed %dx, market time %s New York, data %s, control %s%n", speed,
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(clock.marketTime()),
        dir.toAbsolutePath().normalize(),
        server.url());
    System.out.println("control it with: alvh console --data-dir " + dir + "   (or alvh ctl status --data-dir " + dir
        + "); stop with Ctrl-C");
    System.out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
