package dev.alvh.app.cli;

import dev.alvh.app.config.ConfigException;
import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.control.ControlFiles;
import dev.alvh.app.control.ControlServer;
import dev.alvh.app.control.ControlService;
import dev.alvh.app.runtime.ControlStore;
import dev.alvh.app.live.AccountCheck;
import dev.alvh.app.live.IbkrGuards;
import dev.alvh.app.live.MarketDataWatch;
import dev.alvh.app.live.TwsDownWatch;
import dev.alvh.app.ops.Alerter;
import dev.alvh.app.ops.GracefulShutdown;
import dev.alvh.app.ops.HealthServer;
import dev.alvh.app.ops.LogSetup;
import dev.alvh.app.runtime.Bot;
import dev.alvh.app.runtime.BotLock;
import dev.alvh.app.runtime.JobDriver;
import dev.alvh.app.runtime.PaperMarket;
import dev.alvh.app.runtime.QuartzJobDriver;
import dev.alvh.app.runtime.ScaledClock;
import dev.alvh.app.runtime.ScaledJobDriver;
import dev.alvh.app.runtime.SteppedClock;
import dev.alvh.app.runtime.SteppedJobDriver;
import dev.alvh.app.schedule.TradingSchedule;
import dev.alvh.app.store.Store;
import dev.alvh.app.store.StoreException;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.broker.IbkrAdapter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "paper", mixinStandardHelpOptions = true,
    description = "Trade in real time (or --speed N times faster) against the built-in paper broker and a live"
        + " synthetic market. Stop with Ctrl-C or SIGTERM: the running job finishes, the store closes, exit 0."
        + " Control it with 'alvh console' or 'alvh ctl CMD' and the same --data-dir.")
class PaperCommand implements Callable<Integer> {

  static final List<String> BROKERS = List.of("paper", "ibkr");

  @Mixin
  ConfigOption config = new ConfigOption();

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "data directory: database alvh.mv.db, control.token, control.json (default: store.dataDir, ./data)")
  Path dataDir;

  @Option(names = "--speed", paramLabel = "N", defaultValue = "1",
      description = "run the market clock and the schedule N times faster than real time (default 1)")
  long speed;

  @Option(names = "--broker", paramLabel = "NAME",
      description = "paper (built-in broker) or ibkr (an IBKR paper account through TWS); default: broker.type of"
          + " the configuration (paper)")
  String broker;

  /** With {@code --broker ibkr}: {@code --host}, {@code --port}, {@code --client-id}. */
  @Mixin
  TwsOptions tws = new TwsOptions();

  // The virtual clock of the system tests: not options of the production command. The test
  // launcher (bot/app's test sources, dev.alvh.app.cli.TestMain) sets them from its own options
  // of the same names; see docs/testing.md.
  /** {@code --clock-origin MARKET@WALLMILLIS}: the market clock showed MARKET at wall time WALLMILLIS. */
  String clockOrigin;
  /** {@code --step-clock FROM/TO}: virtual time, every job at its scheduled instant. */
  String stepClock;
  /** {@code --clock-file FILE}: with a stepped clock, its time published for a fake TWS. */
  Path clockFile;
  /** {@code --step-settle-millis MS}: wall milliseconds waited after each step. */
  long stepSettleMillis;
  /** The client-side TWS message rate instead of broker.ibkr.maxMessagesPerSecond, 0 for that key. */
  int messagesPerSecond;

  @Option(names = "--clear-overrides", description = "drop the configuration overrides stored by 'set' before start")
  boolean clearOverrides;

  /** {@code alvh live}: a live account (set by {@link LiveCommand}). */
  boolean live;
  /** The command's name in messages. */
  String name = "paper";

  /** A refusal to start: its message is printed already; the command exits with {@code code}. */
  private static final class Refused extends RuntimeException {
    final int code;

    Refused(int code) {
      super(null, null, false, false);
      this.code = code;
    }
  }

  /** Prints {@code message} to stderr and refuses with exit code {@code code}. */
  private static Refused refuse(int code, String message) {
    System.err.println(message);
    return new Refused(code);
  }

  /** The bot and, on IBKR, its adapter and watches. */
  private record Opened(Bot bot, IbkrAdapter ib, TwsDownWatch downWatch,
      MarketDataWatch marketData) {
  }

  @Override
  public Integer call() {
    try {
      BotConfig cfg;
      try {
        cfg = config.read();
      } catch (ConfigException e) {
        throw refuse(2, "config error: " + e.getMessage());
      }
      cfg = checkBroker(cfg);
      if (speed < 1 || speed > ScaledClock.MAX_SPEED) {
        throw refuse(2, name + ": --speed must be in [1, " + ScaledClock.MAX_SPEED + "], but was " + speed);
      }
      Instant[] step = checkStepClock();
      Path dir = checkDirectories(cfg);
      // One bot per data directory: refused here in one line, before the database is opened.
      BotLock lock;
      try {
        lock = BotLock.acquire(dir.toAbsolutePath().normalize()
            .resolve(cfg.store().database() + ".mv.db"));
      } catch (RuntimeException e) {
        throw refuse(2, name + ": " + e.getMessage());
      }
      try {
        return run(cfg, dir, "ibkr".equals(broker), step, lock);
      } finally {
        lock.close();
      }
    } catch (Refused r) {
      return r.code;
    }
  }

  /** Checks --broker, --live and the TWS options; returns the configuration with the TWS options applied. */
  private BotConfig checkBroker(BotConfig cfg) {
    if (broker == null) {
      broker = cfg.broker().type();
    } else if (!broker.equals(cfg.broker().type())) {
      System.out.println(name + ": --broker " + broker + " overrides broker.type " + cfg.broker().type()
          + " of the configuration");
    }
    if (!BROKERS.contains(broker)) {
      throw refuse(2, name + ": --broker must be one of " + String.join(", ", BROKERS) + ", but was '" + broker + "'");
    }
    if (live) {
      broker = "ibkr";
      if (cfg.live().confirmAccount().isEmpty()) {
        throw refuse(2, name + ": live.confirmAccount is not set: set it to the live account to trade, exactly as"
            + " TWS reports it (e.g. U1234567); nothing was sent");
      }
    }
    if (!"ibkr".equals(broker)) {
      if (tws.given()) {
        throw refuse(2, name + ": --host, --port and --client-id apply only with --broker ibkr");
      }
      return cfg;
    }
    BotConfig withOptions;
    try {
      withOptions = ConfigLoader.withOverrides(cfg, tws.overrides(), "option");
    } catch (ConfigException e) {
      throw refuse(2, name + ": " + e.getMessage());
    }
    if (speed != 1 && clockOrigin == null && stepClock == null) {
      throw refuse(2, name + ": --speed must be 1 with --broker ibkr (a real account trades in real time), but was "
          + speed);
    }
    return withOptions;
  }

  /** Checks --step-clock and its companions; returns FROM and TO, or null without --step-clock. */
  private Instant[] checkStepClock() {
    if (stepClock == null) {
      if (clockFile != null) {
        throw refuse(2, name + ": --clock-file applies only with --step-clock");
      }
      return null;
    }
    Instant[] step;
    try {
      String[] o = stepClock.split("/", 2);
      step = new Instant[] {Instant.parse(o[0]), Instant.parse(o[1])};
    } catch (RuntimeException e) {
      throw refuse(2, name + ": --step-clock must be FROM/TO (two ISO instants), but was '" + stepClock + "'");
    }
    if (!step[1].isAfter(step[0]) || clockOrigin != null || stepSettleMillis < 0 || stepSettleMillis > 60_000) {
      throw refuse(2, name + ": --step-clock needs TO after FROM, no --clock-origin and --step-settle-millis in"
          + " [0, 60000], but was '" + stepClock + "', settle " + stepSettleMillis);
    }
    return step;
  }

  /** Checks the events file and the data directory; returns the data directory. */
  private Path checkDirectories(BotConfig cfg) {
    Optional<String> bad = Preflight.eventsFile(cfg);
    if (bad.isPresent()) {
      throw refuse(2, bad.get());
    }
    Path dir = Preflight.dataDirectory(dataDir, cfg);
    bad = Preflight.writableDirectory(dir, name + ": the data directory");
    if (bad.isPresent()) {
      throw refuse(2, bad.get());
    }
    return dir;
  }

  private Integer run(BotConfig cfg, Path dir, boolean ibkr, Instant[] step, BotLock lock) {
    if (clearOverrides) {
      try (Store s = Store.open(dir, cfg.store().database())) {
        int n = new ControlStore(s.jdbc()).clearOverrides();
        System.out.println(name + ": dropped " + n + " stored override" + (n == 1 ? "" : "s"));
      } catch (StoreException e) {
        throw refuse(1, name + ": " + e.getMessage());
      }
    }
    LogSetup.apply(cfg.logging(), dir);
    BotClockStart.Started started = BotClockStart.start(this, ibkr, dir, cfg.store().database(),
        step == null ? null : step[0]);
    if (started.refused()) {
      return started.exitCode();
    }
    SteppedClock stepped = started.stepped();
    Clock clock = started.clock();
    Opened opened = openBot(cfg, dir, ibkr, clock);
    Bot bot = opened.bot();
    IbkrAdapter ib = opened.ib();
    Alerter alerter = new Alerter(bot.config().alerts(), clock);
    bot.alerter(alerter);
    HealthServer health;
    try {
      health = HealthServer.start(bot.config().health(), bot, bot.metrics());
      bot.healthUrl(health.healthUrl());
    } catch (RuntimeException e) {
      alerter.close();
      bot.close();
      System.err.println(name + ": " + e.getMessage());
      return e instanceof IllegalArgumentException ? 2 : 1;
    }
    ControlServer server;
    try {
      String token = ControlFiles.loadOrCreateToken(dir);
      server = ControlServer.start(bot.config().console().bindAddress(), bot.config().console().port(), token,
          new ControlService(bot), Duration.ofSeconds(bot.config().console().readTimeoutSeconds()));
      long pid = ProcessHandle.current().pid();
      ControlFiles.writeEndpoint(dir, new ControlFiles.Endpoint(pid, server.port(), server.url(),
          server.url() + "/command", bot.healthUrl().orElse(null), Instant.now().toString()));
    } catch (IllegalArgumentException e) {
      health.close();
      alerter.close();
      bot.close();
      System.err.println("config error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      health.close();
      alerter.close();
      bot.close();
      System.err.println(name + ": cannot open the control channel: " + e.getMessage());
      return 1;
    }
    JobDriver driver;
    TradingSchedule schedule = new TradingSchedule(bot.config().schedule());
    try {
      // Real time: Quartz with its JDBC job store in the bot's database (the schedule and its
      // misfires survive restarts). Faster clocks: the scaled driver over the same triggers.
      if (stepped != null) {
        driver = new SteppedJobDriver(schedule, stepped, step[1],
            Duration.ofMillis(stepSettleMillis));
      } else {
        driver = speed == 1 ? new QuartzJobDriver(bot.store(), schedule, clock, lock)
            : new ScaledJobDriver(schedule, (ScaledClock) clock);
      }
    } catch (RuntimeException e) {
      server.close();
      health.close();
      alerter.close();
      ControlFiles.removeEndpoint(dir, ProcessHandle.current().pid());
      bot.close();
      System.err.println(name + ": " + e.getMessage());
      return 1;
    }
    // The journal is matched to the broker before the first order (and, for IBKR, on every reconnect).
    var report = bot.reconcile();
    System.out.println("reconciliation: " + report.summary());
    IbkrGuards guards = ib == null ? null
        : IbkrGuards.wire(bot, ib, alerter, opened.downWatch(), opened.marketData(), live);
    if (ib != null) {
      TwsStart.followConnection(ib, bot, alerter);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    GracefulShutdown shutdown = BotShutdown.steps(name, driver, bot, server, dir, guards, health, alerter, stopped);
    // SIGTERM or Ctrl-C is this program's normal way to stop: exit 0 once everything is closed.
    shutdown.install(code -> Runtime.getRuntime().halt(code));
    driver.start(bot::runJob);
    System.out.printf(name + " bot running: broker %s, speed %dx, market time %s New York, data %s, control %s, health %s%n",
        broker, speed,
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(clock.marketTime()),
        dir.toAbsolutePath().normalize(),
        server.url(), health.healthUrl());
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

  /** Opens the bot: on IBKR after TWS is up and the account accepted; on the built-in broker at once. */
  private Opened openBot(BotConfig cfg, Path dir, boolean ibkr, Clock clock) {
    IbkrAdapter ib = null;
    try {
      if (!ibkr) {
        return new Opened(Bot.paper(cfg, dir, clock, speed, PaperMarket.daysAhead(speed)), null,
            null, null);
      }
      ib = IbkrAdapter.unconnected(cfg.broker().host(), cfg.broker().port(), cfg.broker().clientId(),
          cfg.broker().ibkr(), clock);
      if (messagesPerSecond > 0) {
        ib.session().paceForTests(messagesPerSecond);
      }
      ib.session().accountGuard(accounts -> AccountCheck.refusal(name, live, accounts,
          cfg.broker().ibkr().account(), cfg.live().confirmAccount()));
      TwsDownWatch downWatch = new TwsDownWatch(clock,
          cfg.broker().ibkr().alertAfterMinutes(), ib.session()::tradingAllowed,
          cfg.broker().host() + ":" + cfg.broker().port());
      MarketDataWatch marketData = IbkrGuards.marketDataWatch(ib.session(), clock,
          cfg);
      Integer refused = TwsStart.await(name, ib, cfg, clock, downWatch);
      if (refused != null) {
        ib.close();
        throw new Refused(refused);
      }
      return new Opened(Bot.ibkr(cfg, dir, clock, ib), ib, downWatch, marketData);
    } catch (ConfigException e) {
      if (ib != null) {
        ib.close();
      }
      throw refuse(2, "config error: " + e.getMessage() + " (start with --clear-overrides to drop stored overrides)");
    } catch (StoreException e) {
      if (ib != null) {
        ib.close();
      }
      throw refuse(1, name + ": " + e.getMessage() + " (is another bot running with this data directory?)");
    }
  }
}
