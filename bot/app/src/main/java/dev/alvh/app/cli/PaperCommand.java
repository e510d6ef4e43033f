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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "paper", mixinStandardHelpOptions = true,
    description = "Trade in real time (or --speed N times faster) against the built-in paper broker and a live"
        + " synthetic market. Stop with Ctrl-C or SIGTERM: the running job finishes, the store closes, exit 0."
        + " Control it with 'alvh console' or 'alvh ctl CMD' and the same --data-dir.")
class PaperCommand implements Callable<Integer> {

  static final List<String> BROKERS = List.of("paper", "ibkr");

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (default: embedded defaults)")
  Path config;

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

  @Option(names = "--host", paramLabel = "HOST", description = "with --broker ibkr: TWS host (default: broker.host)")
  String host;

  @Option(names = "--port", paramLabel = "PORT", description = "with --broker ibkr: TWS API port (default: broker.port)")
  Integer port;

  @Option(names = "--client-id", paramLabel = "N", description = "with --broker ibkr: API client id (default: broker.clientId)")
  Integer clientId;

  @Option(names = "--clock-origin", hidden = true, paramLabel = "MARKET@WALLMILLIS",
      description = "tests: the market clock showed MARKET (ISO instant) at wall time WALLMILLIS (epoch ms), so a bot"
          + " with --speed N and a fake TWS on the same scaled clock agree on the time; allows --speed with --broker ibkr")
  String clockOrigin;

  @Option(names = "--step-clock", hidden = true, paramLabel = "FROM/TO",
      description = "tests: virtual time from FROM to TO (ISO instants): every job runs at its scheduled time with the"
          + " clock standing still, one after the other without waiting; at TO the bot idles until stopped. --speed"
          + " then only sizes the synthetic market, as for a bot at that speed")
  String stepClock;

  @Option(names = "--clock-file", hidden = true, paramLabel = "FILE",
      description = "tests, with --step-clock: publish the virtual time in FILE for a fake TWS that follows it")
  Path clockFile;

  @Option(names = "--step-settle-millis", hidden = true, paramLabel = "MS", defaultValue = "0",
      description = "tests, with --step-clock: wall milliseconds waited after each step before its job runs (a fake"
          + " TWS pushes its streaming ticks of the new time)")
  long stepSettleMillis;

  @Option(names = "--clear-overrides", description = "drop the configuration overrides stored by 'set' before start")
  boolean clearOverrides;

  /** {@code alvh live}: a live account (set by {@link LiveCommand}). */
  boolean live;
  /** The command's name in messages. */
  String name = "paper";

  @Override
  public Integer call() {
    BotConfig cfg;
    try {
      cfg = config == null ? BotConfig.DEFAULTS : ConfigLoader.load(config);
    } catch (ConfigException e) {
      System.err.println("config error: " + e.getMessage());
      return 2;
    }
    if (broker == null) {
      broker = cfg.broker().type();
    } else if (!broker.equals(cfg.broker().type())) {
      System.out.println("paper: --broker " + broker + " overrides broker.type " + cfg.broker().type()
          + " of the configuration");
    }
    if (!BROKERS.contains(broker)) {
      System.err.println(name + ": --broker must be one of " + String.join(", ", BROKERS) + ", but was '" + broker + "'");
      return 2;
    }
    if (live) {
      broker = "ibkr";
      if (cfg.live().confirmAccount().isEmpty()) {
        System.err.println(name + ": live.confirmAccount is not set: set it to the live account to trade, exactly as"
            + " TWS reports it (e.g. U1234567); nothing was sent");
        return 2;
      }
    }
    boolean ibkr = "ibkr".equals(broker);
    if (ibkr) {
      java.util.Map<String, String> o = new java.util.LinkedHashMap<>();
      if (host != null) {
        o.put("broker.host", host);
      }
      if (port != null) {
        o.put("broker.port", port.toString());
      }
      if (clientId != null) {
        o.put("broker.clientId", clientId.toString());
      }
      try {
        cfg = ConfigLoader.withOverrides(cfg, o, "option");
      } catch (ConfigException e) {
        System.err.println(name + ": " + e.getMessage());
        return 2;
      }
      if (speed != 1 && clockOrigin == null && stepClock == null) {
        System.err.println(name + ": --speed must be 1 with --broker ibkr (a real account trades in real time), but was "
            + speed);
        return 2;
      }
    } else if (host != null || port != null || clientId != null) {
      System.err.println(name + ": --host, --port and --client-id apply only with --broker ibkr");
      return 2;
    }
    if (speed < 1 || speed > ScaledClock.MAX_SPEED) {
      System.err.println(name + ": --speed must be in [1, " + ScaledClock.MAX_SPEED + "], but was " + speed);
      return 2;
    }
    Instant[] step = null;
    if (stepClock != null) {
      try {
        String[] o = stepClock.split("/", 2);
        step = new Instant[] {Instant.parse(o[0]), Instant.parse(o[1])};
      } catch (RuntimeException e) {
        System.err.println(name + ": --step-clock must be FROM/TO (two ISO instants), but was '" + stepClock + "'");
        return 2;
      }
      if (!step[1].isAfter(step[0]) || clockOrigin != null || stepSettleMillis < 0 || stepSettleMillis > 60_000) {
        System.err.println(name + ": --step-clock needs TO after FROM, no --clock-origin and --step-settle-millis in"
            + " [0, 60000], but was '" + stepClock + "', settle " + stepSettleMillis);
        return 2;
      }
    } else if (clockFile != null) {
      System.err.println(name + ": --clock-file applies only with --step-clock");
      return 2;
    }
    Optional<String> bad = Preflight.eventsFile(cfg);
    if (bad.isPresent()) {
      System.err.println(bad.get());
      return 2;
    }
    Path dir = dataDir != null ? dataDir : Path.of(cfg.store().dataDir());
    bad = Preflight.writableDirectory(dir, "paper: the data directory");
    if (bad.isPresent()) {
      System.err.println(bad.get());
      return 2;
    }
    // One bot per data directory: refused here in one line, before the database is opened.
    dev.alvh.app.runtime.BotLock lock;
    try {
      lock = dev.alvh.app.runtime.BotLock.acquire(dir.toAbsolutePath().normalize()
          .resolve(cfg.store().database() + ".mv.db"));
    } catch (RuntimeException e) {
      System.err.println("paper: " + e.getMessage());
      return 2;
    }
    try {
      return run(cfg, dir, ibkr, step, lock);
    } finally {
      lock.close();
    }
  }

  private Integer run(BotConfig cfg, Path dir, boolean ibkr, Instant[] step, dev.alvh.app.runtime.BotLock lock) {
    if (clearOverrides) {
      try (Store s = Store.open(dir, cfg.store().database())) {
        int n = new dev.alvh.app.runtime.ControlStore(s.jdbc()).clearOverrides();
        System.out.println(name + ": dropped " + n + " stored override" + (n == 1 ? "" : "s"));
      } catch (StoreException e) {
        System.err.println(name + ": " + e.getMessage());
        return 1;
      }
    }
    dev.alvh.app.ops.LogSetup.apply(cfg.logging(), dir);
    Instant clockStart = Instant.now();
    if (!ibkr && speed > 1 && clockOrigin == null && stepClock == null) {
      // A faster clock runs ahead of the wall clock: a restart resumes from the market time the
      // books reached instead of going back to today (and behind the hedge's last close).
      try {
        Optional<Instant> books = dev.alvh.app.runtime.PaperMarketAnchor.lastMarketTime(dir, cfg.store().database());
        if (books.isPresent() && books.get().isAfter(clockStart)) {
          clockStart = books.get();
          System.out.println("paper: the market clock resumes at " + java.time.format.DateTimeFormatter
              .ofPattern("yyyy-MM-dd HH:mm").format(clockStart.atZone(dev.alvh.core.port.Clock.MARKET_ZONE))
              + " New York, the last market time in the books");
        }
      } catch (StoreException e) {
        System.err.println("paper: " + e.getMessage());
        return 1;
      }
    }
    if (clockOrigin != null) {
      try {
        String[] o = clockOrigin.split("@", 2);
        long wall = Long.parseLong(o[1]);
        clockStart = Instant.parse(o[0]).plusMillis(Math.multiplyExact(System.currentTimeMillis() - wall, speed));
      } catch (RuntimeException e) {
        System.err.println(name + ": --clock-origin must be MARKET@WALLMILLIS (an ISO instant, @, epoch milliseconds),"
            + " but was '" + clockOrigin + "'");
        return 2;
      }
    }
    dev.alvh.app.runtime.SteppedClock stepped;
    try {
      stepped = step == null ? null
          : new dev.alvh.app.runtime.SteppedClock(step[0], java.util.Optional.ofNullable(clockFile));
    } catch (java.io.UncheckedIOException e) {
      System.err.println(name + ": " + e.getMessage());
      return 1;
    }
    dev.alvh.core.port.Clock clock = stepped != null ? stepped : new ScaledClock(clockStart, speed);
    Bot bot;
    dev.alvh.ibkr.broker.IbkrAdapter ib = null;
    dev.alvh.app.live.TwsDownWatch downWatch = null;
    dev.alvh.app.live.MarketDataWatch marketData = null;
    try {
      if (ibkr) {
        ib = dev.alvh.ibkr.broker.IbkrAdapter.unconnected(cfg.broker(), clock);
        final BotConfig c0 = cfg;
        ib.session().accountGuard(accounts -> dev.alvh.app.live.AccountCheck.refusal(name, live, accounts,
            c0.broker().ibkr().account(), c0.live().confirmAccount()));
        downWatch = new dev.alvh.app.live.TwsDownWatch(clock, cfg.broker().ibkr().alertAfterMinutes(),
            ib.session()::tradingAllowed, cfg.broker().host() + ":" + cfg.broker().port());
        marketData = dev.alvh.app.live.IbkrGuards.marketDataWatch(ib.session(), clock, cfg);
        Integer refused = awaitTws(ib, cfg, clock, downWatch);
        if (refused != null) {
          ib.close();
          return refused;
        }
        bot = Bot.ibkr(cfg, dir, clock, ib);
      } else {
        bot = Bot.paper(cfg, dir, clock, speed, dev.alvh.app.runtime.PaperMarket.daysAhead(speed));
      }
    } catch (ConfigException e) {
      if (ib != null) {
        ib.close();
      }
      System.err.println("config error: " + e.getMessage() + " (start with --clear-overrides to drop stored overrides)");
      return 2;
    } catch (StoreException e) {
      if (ib != null) {
        ib.close();
      }
      System.err.println(name + ": " + e.getMessage() + " (is another bot running with this data directory?)");
      return 1;
    }
    dev.alvh.app.ops.Alerter alerter = new dev.alvh.app.ops.Alerter(bot.config().alerts(), clock);
    bot.alerter(alerter);
    dev.alvh.app.ops.HealthServer health;
    try {
      health = dev.alvh.app.ops.HealthServer.start(bot.config().health(), bot, bot.metrics());
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
          new ControlService(bot), java.time.Duration.ofSeconds(bot.config().console().readTimeoutSeconds()));
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
    dev.alvh.app.runtime.JobDriver driver;
    TradingSchedule schedule = new TradingSchedule(bot.config().schedule());
    try {
      // Real time: Quartz with its JDBC job store in the bot's database (the schedule and its
      // misfires survive restarts). Faster clocks: the scaled driver over the same triggers.
      if (stepped != null) {
        driver = new dev.alvh.app.runtime.SteppedJobDriver(schedule, stepped, step[1],
            java.time.Duration.ofMillis(stepSettleMillis));
      } else {
        driver = speed == 1 ? new dev.alvh.app.runtime.QuartzJobDriver(bot.store(), schedule, clock, lock)
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
    dev.alvh.app.live.IbkrGuards guards = ib == null ? null
        : dev.alvh.app.live.IbkrGuards.wire(bot, ib, alerter, downWatch, marketData, live);
    if (ib != null) {
      ib.session().addListener(new dev.alvh.ibkr.session.TwsSession.Listener() {
        @Override
        public void onConnected(dev.alvh.ibkr.session.TwsSession session, boolean reconnect) {
          alerter.connectionChanged(true);
          if (reconnect) {
            bot.metrics().reconnected();
            bot.reconcile();
          }
        }

        @Override
        public void onDisconnected(String reason) {
          try {
            alerter.connectionChanged(false);
          } catch (java.util.concurrent.RejectedExecutionException e) {
            // a clean stop: the alerter stops before the broker disconnects; nothing to alert
          }
        }
      });
    }
    CountDownLatch stopped = new CountDownLatch(1);
    final dev.alvh.app.runtime.JobDriver jobs = driver;
    dev.alvh.app.ops.GracefulShutdown shutdown = new dev.alvh.app.ops.GracefulShutdown()
        .step("stop the schedule (the running job finishes)", jobs::close)
        .step("persist the switches", () -> bot.locked(() -> {
          bot.saveSwitches();
          return null;
        }))
        .step("stop the control channel", () -> {
          server.close();
          ControlFiles.removeEndpoint(dir, ProcessHandle.current().pid());
        })
        .step("stop health and alerts", () -> {
          if (guards != null) {
            guards.close();
          }
          health.close();
          alerter.close();
        })
        .step("disconnect and close the store", bot::close)
        .step("say so", () -> {
          System.out.println(name + " bot stopped: last job finished, store closed");
          System.out.flush();
          stopped.countDown();
        });
    // SIGTERM or Ctrl-C is this program's normal way to stop: exit 0 once everything is closed.
    shutdown.install(code -> Runtime.getRuntime().halt(code));
    driver.start(bot::runJob);
    System.out.printf(name + " bot running: broker %s, speed %dx, market time %s New York, data %s, control %s, health %s%n",
        broker, speed,
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(clock.marketTime()),
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

  /**
   * Connects to TWS, or, when it is not up yet (an unattended start before TWS or during its
   * restart), keeps trying in the background with exponential backoff, says so once, and alerts
   * after {@code broker.ibkr.alertAfterMinutes} (then hourly) until it is up.
   *
   * @return null when connected, else the exit code (2: the account was refused)
   */
  Integer awaitTws(dev.alvh.ibkr.broker.IbkrAdapter ib, BotConfig cfg, dev.alvh.core.port.Clock clock,
      dev.alvh.app.live.TwsDownWatch watch) {
    boolean now;
    try {
      now = ib.session().connectOrKeepTrying();
    } catch (dev.alvh.ibkr.session.TwsRequestException e) {
      return refusedOrFailed(e);
    }
    if (now) {
      return null;
    }
    System.out.println(name + ": TWS at " + cfg.broker().host() + ":" + cfg.broker().port() + " is not up yet;"
        + " trying again with exponential backoff (up to " + cfg.broker().ibkr().reconnectMaxSeconds()
        + " s apart), alerting after " + cfg.broker().ibkr().alertAfterMinutes() + " min (broker.ibkr.alertAfterMinutes)");
    System.out.flush();
    dev.alvh.app.ops.Alerter early = new dev.alvh.app.ops.Alerter(cfg.alerts(), clock);
    watch.alerter(early);
    try {
      while (true) {
        try {
          ib.session().firstReady().get(dev.alvh.app.live.TwsDownWatch.CHECK_SECONDS,
              java.util.concurrent.TimeUnit.SECONDS);
          return null;
        } catch (java.util.concurrent.TimeoutException e) {
          watch.check();
        } catch (java.util.concurrent.ExecutionException e) {
          return e.getCause() instanceof dev.alvh.ibkr.session.TwsRequestException t ? refusedOrFailed(t)
              : refusedOrFailed(new dev.alvh.ibkr.session.TwsRequestException(String.valueOf(e.getCause())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return 1;
        }
      }
    } finally {
      early.close();
    }
  }

  private int refusedOrFailed(dev.alvh.ibkr.session.TwsRequestException e) {
    if (e.code() == dev.alvh.ibkr.session.TwsRequestException.ACCOUNT_REFUSED) {
      System.err.println(e.getMessage());
      return 2;
    }
    System.err.println(name + ": " + e.getMessage());
    return 1;
  }
}
