package dev.alvh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.app.cli.PaperTws;
import dev.alvh.app.control.ControlFiles;
import dev.alvh.app.crash.CrashPoints;
import dev.alvh.app.journal.Reconciler;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.store.HedgeStore;
import dev.alvh.app.store.Store;
import dev.alvh.core.account.Position;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.hedge.HedgeContext;
import dev.alvh.core.HedgeState;
import dev.alvh.core.port.Clock;
import dev.alvh.core.signal.DailyCloses;
import dev.alvh.ibkr.msg.ServerMessage;
import dev.alvh.ibkr.server.TwsServer;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.SimulatedMarket;
import dev.alvh.paper.market.SyntheticHistory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash suite: the bot ({@code alvh paper --broker ibkr}, the built jar, its own process) is
 * killed with SIGKILL at named crash points ({@link CrashPoints}) again and again, and restarted,
 * against one paper TWS that outlives it (in this JVM, on a scaled clock the bot shares through
 * the test launcher's {@code --clock-origin}; {@link TestLauncher}).
 *
 * <p>A chain: each restart arms the next point ({@code --crash-at NAME:N}), reconciles, trades
 * until it reaches that point, prints {@code CRASHPOINT NAME N} and blocks, and is killed there.
 * The configuration makes it trade every cycle (a condor entry each cycle, closed once the debit
 * to close is at most 5% of the credit) so every order point comes up within seconds; the hedge desk starts warm (a year of
 * closes in the store, the machine in L1) on a day before the synthetic scenario's first VIX
 * spike, so transitions and hedge layers come too, and a held layer is rolled (sold and bought
 * again) every cycle, so hedge orders are killed at every point. Overnight the paper TWS's clock jumps to the next session.
 *
 * <p>Checked after every kill and restart: no orderRef reached the broker under two order ids
 * (a re-send under the same id is a modification), every broker execution known before the restart
 * is in the store exactly once and no stored fill is unknown to the broker, the restart's
 * reconciliation found no position the bot's books do not explain and none they miss, the hedge
 * state the restarted bot reports is the one stored before the crash, and the last stored
 * transition leads to that state. At the end a clean run trades a little, is paused and stopped
 * with SIGTERM, and the bot's books (open tranches' legs and hedge layers) equal the broker's
 * positions; hedge orders must have been placed over the run.
 */
@Timeout(value = 14, unit = TimeUnit.MINUTES)
class CrashSuiteTest {

  /** Named kill points one CI run must reach. */
  static final int MIN_KILLS = 50;
  /** Kills aimed at (a few spare); {@code -Dalvh.crashSuite.kills=N} for a shorter run by hand. */
  static final int TARGET_KILLS = Integer.getInteger("alvh.crashSuite.kills", 54);
  /** Market clock speed of the bot and the paper TWS. */
  static final long SPEED = 600;
  /** How long a run may take to reach its point before it is killed anyway (not counted). */
  static final Duration POINT_WAIT = Duration.ofSeconds(20);
  /** The bot's client-side message rate against the paper TWS (the test launcher's {@code --messages-per-second}). */
  static final int TEST_MESSAGES_PER_SECOND = Integer.getInteger("alvh.crashSuite.messagesPerSecond", 1000);
  /** Wall time after which no new run starts. */
  static final Duration BUDGET = Duration.ofSeconds(Integer.getInteger("alvh.crashSuite.budgetSeconds", 540));
  /** The order of points; each restart takes the next, with occurrence 1 or 2. */
  static final List<String> CHAIN = List.of("journal-before", "journal-written", "order-sent", "fill-stored",
      "order-done", "hedge-done", "hedge-layer");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIG = String.join("\n",
      "condor:",
      "  entryIntervalDays: 0",
      "  maxOpenTranches: 50",
      "  skipEventDays: false",
      "  entryStates: [CALM, WATCH, L1, L2, L3, PRESS, UNWIND]",
      "  trancheRiskPct: 0.5",
      "  profitTargetPct: 5",
      // Hedge orders every cycle once a layer is held: each held layer is checked every cycle and,
      // always within 60 days of expiry, rolled (closed and bought again), so hedge orders are
      // killed at every point, hedge-done and hedge-layer included.
      "hedge:",
      "  sizing:",
      "    rollAtDte: 60",
      "  desk:",
      "    manageEveryCycles: 1",
      "risk:",
      "  maxOpenTranches: 100",
      "  maxDailyLossPct: 50",
      "  maxMarginUsePct: 100",
      "broker:",
      "  ibkr:",
      "    maxMessagesPerSecond: 49",
      "    chainWidthPct: 10",
      "    quoteCacheSeconds: 3600",
      "");

  @TempDir
  Path tmp;

  private TwsServer tws;
  private PaperBroker broker;
  private JumpClock clock;
  private Process bot;
  private ClassDataArchive classData;

  @AfterEach
  void stop() {
    if (bot != null && bot.isAlive()) {
      bot.destroyForcibly();
    }
    if (tws != null) {
      tws.close();
    }
    if (classData != null) {
      classData.close();
    }
  }

  @Test
  void killedAtFiftyPointsNeverDuplicatesNorLosesAnOrderOrFill() throws Exception {
    Path jar = checkoutRoot().resolve("bot/app/target/alvh.jar");
    assumeTrue(Files.isRegularFile(jar), "bot/app/target/alvh.jar is not built: run ./mvnw verify (or package)");
    long started = System.nanoTime();
    classData = new ClassDataArchive(ProcessHandle.current().info().command().orElse("java"), jar, tmp,
        List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
    BotConfig cfg = BotConfig.DEFAULTS;
    NyseCalendar cal = NyseCalendar.of(cfg.schedule());

    // The scenario: the paper TWS's history, and a start the day before VIX first clears 16 at
    // 1.1 x its 50-day EMA (the L1 rule) so that the hedge moves while the suite runs.
    LocalDate anchor = LocalDate.of(2026, 1, 5);
    List<DailyBar> bars = SyntheticHistory.twoCycles(cfg.market().seed(), PaperTws.historyStart(anchor),
        PaperTws.DAYS, cfg.market().startSpx(), cal::isTradingDay);
    int startIdx = spikeStart(bars);
    LocalDate startDay = bars.get(startIdx).date();
    clock = new JumpClock(startDay.atTime(LocalTime.of(9, 30)).atZone(Clock.MARKET_ZONE).toInstant(), SPEED);
    SimulatedMarket market = new SimulatedMarket(bars, clock, cfg.market(), cal::isTradingDay);
    broker = new PaperBroker(market, clock, cfg.broker().paper(), cfg.paper().fill());
    tws = new TwsServer(broker, market, clock, PaperTws.ACCOUNT, Duration.ofMillis(100));
    int port = tws.start("127.0.0.1", 0);

    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    Path config = tmp.resolve("crash.yaml");
    Files.writeString(config, CONFIG);
    try (Store s = Store.open(data, cfg.store().database())) {
      HedgeStore h = new HedgeStore(s.jdbc(), "alvh");
      for (DailyBar b : bars.subList(0, startIdx)) {
        h.saveClose(DailyCloses.of(b.date(), b.spxClose(), b.vixClose(), b.vix3mClose()));
      }
      // The machine starts in L1 as of the last close, so hedge orders come from the first cycles
      // on, whatever the first end of day (which a kill may hit) decides.
      DailyBar last = bars.get(startIdx - 1);
      h.saveContext(new HedgeContext(HedgeState.L1, last.date(), last.vixClose(), last.date(), 0, 0, 0, 0, 0, false,
          false), last.date(), Instant.now());
    }

    Map<String, Integer> killsByPoint = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    int kills = 0;
    int notReached = 0;
    int runs = 0;
    int recoveredFills = 0;
    int step = 0;
    int transitionsTried = 0;
    Duration startup = Duration.ofMinutes(9);
    while (kills < TARGET_KILLS && Duration.ofNanos(System.nanoTime() - started).compareTo(BUDGET) < 0) {
      String point = CHAIN.get(step % CHAIN.size());
      int nth = 1 + (step / CHAIN.size()) % 2;
      LocalTime now = clock.now().atZone(Clock.MARKET_ZONE).toLocalTime();
      if (now.isAfter(LocalTime.of(15, 30)) && now.isBefore(LocalTime.of(15, 58)) && transitionsTried < 2) {
        point = "hedge-transition"; // the end-of-day job comes within this run; the machine may move
        nth = 1;
        transitionsTried++;
      } else {
        // No order after the last cycle (15:45): a run must be up before it, and its start-up takes
        // market time (the last run's, 9 minutes before the first).
        skipNight(cal, cfg.schedule().lastCycle().minus(startup));
        step++;
      }
      Before before = before(data, cfg);
      if (point.equals("hedge-done") || point.equals("hedge-layer")) {
        if (!before.hedgeOrdersDue()) {
          continue; // no hedge order comes in CALM or WATCH without a layer held: the next point
        }
        nth = 1;
      }
      Run run = start(jar, data, config, port, point + ":" + nth);
      runs++;
      String reportedState = run.hedgeStateAfterStart();
      if (run.running.getCount() == 0) {
        Duration took = Duration.between(run.startedAt, clock.now());
        startup = took.compareTo(Duration.ofHours(5)) > 0 ? Duration.ofHours(5) : took;
      }
      if (reportedState != null && !before.hedgeState().equals(reportedState)) {
        problems.add("run " + runs + ": hedge state before the crash " + before.hedgeState() + ", after restart "
            + reportedState);
      }
      String armed = point;
      boolean reached = run.awaitMarker(POINT_WAIT);
      bot.destroyForcibly(); // SIGKILL
      assertThat(bot.waitFor(30, TimeUnit.SECONDS)).as("killed bot exits").isTrue();
      classData.dumpOnce(); // after the first run: the later ones map the classes it loaded
      if (reached) {
        kills++;
        killsByPoint.merge(armed, 1, Integer::sum);
      } else {
        notReached++;
        System.out.println("crash suite: run " + runs + " did not reach " + point + ":" + nth + " (hedge state "
            + before.hedgeState() + ")");
        if (notReached <= 2) {
          System.out.println("crash suite: run " + runs + " did not reach " + point + ":" + nth + " in "
              + POINT_WAIT.toSeconds() + " s; its output ends with:\n" + run.lastLines.get()
              + "\nits last decisions:\n" + lastDecisions(data, cfg));
        }
      }
      // A run killed in its own start-up reconciliation is checked by the next one.
      After after = run.running.getCount() == 0 ? after(data, cfg, before, run.startedAt)
          : new After(List.of(), 0);
      recoveredFills += after.recoveredFills();
      String label = "run " + runs + " (" + point + ":" + nth + "): ";
      problems.addAll(after.problems().stream().map(p -> label + p).toList());
      problems.addAll(duplicateOrders());
    }

    // The end: a clean restart reconciles and trades a little, then is paused and stopped.
    skipNight(cal, LocalTime.of(15, 0));
    Before before = before(data, cfg);
    int placedBefore = tws.orderIdsReceived().size();
    Run last = start(jar, data, config, port, null);
    String reportedState = last.hedgeStateAfterStart();
    if (reportedState == null || !before.hedgeState().equals(reportedState)) {
      problems.add("clean run: hedge state before " + before.hedgeState() + ", after restart " + reportedState);
    }
    long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    while (tws.orderIdsReceived().size() < placedBefore + 3 && System.nanoTime() < until) {
      Thread.sleep(200);
    }
    int tradedAtEnd = tws.orderIdsReceived().size() - placedBefore;
    ctl(jar, data, "pause");
    Thread.sleep(Duration.ofSeconds(3).toMillis()); // the running cycle's orders end (walk, cancel, fills)
    bot.destroy(); // SIGTERM: finish the job, persist, exit 0
    assertThat(bot.waitFor(60, TimeUnit.SECONDS)).as("clean stop").isTrue();
    int exit = bot.exitValue();
    After end = after(data, cfg, before, last.startedAt);
    problems.addAll(end.problems().stream().map(p -> "clean run: " + p).toList());
    problems.addAll(duplicateOrders());
    Map<String, Long> books = booksOf(data, cfg);
    Map<String, Long> held = new TreeMap<>();
    for (Position p : broker.positions()) {
      if (p.quantity() != 0) {
        held.merge(p.contract().key(), p.quantity(), Long::sum);
      }
    }
    int orders = tws.orderIdsReceived().size();
    long hedgeOrders = tws.orderIdsReceived().keySet().stream().filter(CrashSuiteTest::hedgeRef).count();
    int executions = tws.executionsReported().size();
    long wall = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    System.out.printf("crash suite: %d kills at named points (%s), %d runs not reaching their point in %d s, "
            + "%d restarts; %d orderRefs at the broker, %d executions (%d recovered by reconciliation after a kill),"
            + " %d orders in the final clean run, %d positions; %d hedge orders, %d hedge positions recovered;"
            + " hedge state %s; %d problems; %d s wall%n",
        kills, killsByPoint, notReached, POINT_WAIT.toSeconds(), runs + 1, orders, executions, recoveredFills,
        tradedAtEnd, held.size(), hedgeOrders, hedgeRecovered(), stateOf(data, cfg), problems.size(), wall);
    problems.forEach(p -> System.out.println("  problem: " + p));

    assertThat(exit).as("SIGTERM exit code").isZero();
    assertThat(problems).as("problems found after kills").isEmpty();
    assertThat(books).as("the bot's books equal the broker's positions").isEqualTo(held);
    assertThat(kills).as("kills at named crash points").isGreaterThanOrEqualTo(Math.min(MIN_KILLS, TARGET_KILLS));
    assertThat(killsByPoint.keySet()).as("points killed at")
        .containsAll(CHAIN);
    assertThat(tradedAtEnd).as("the clean run traded").isPositive();
    assertThat(hedgeOrders).as("hedge orders placed over the run (the hedge's recovery was exercised)").isPositive();
  }

  /** Whether {@code ref} is a hedge order's: {@code alvh-L1-...}, {@code alvh-L3T-...}, {@code alvh-PS-...}. */
  static boolean hedgeRef(String ref) {
    return ref.matches("alvh-(L[1-3]|L3T|PS)-.*");
  }

  /**
   * Hedge orders whose fills a restart put into the hedge books: the distinct refs of the lines
   * the bots logged saying so (a recovery killed inside its transaction is logged again).
   */
  private long hedgeRecovered() throws IOException {
    Set<String> refs = new java.util.HashSet<>();
    try (var logs = Files.list(tmp)) {
      for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("bot-")).toList()) {
        Files.readAllLines(log).stream().filter(l -> l.contains("of hedge position") && l.contains("applying it now"))
            .forEach(l -> refs.add(l.replaceAll(".* - (alvh-\\S+): .*", "$1")));
      }
    }
    return refs.size();
  }

  // ------------------------------------------------------------------------------------ checks

  /** What the store and the broker hold while no bot runs. */
  private record Before(String hedgeState, int hedgeLayers, List<String> brokerExecIds, long reconciliationId) {

    /** Whether hedge orders come: a state that wants layers, or layers held (to sell or roll). */
    boolean hedgeOrdersDue() {
      return hedgeLayers > 0 || !(hedgeState.equals("CALM") || hedgeState.equals("WATCH"));
    }
  }

  private record After(List<String> problems, int recoveredFills) {
  }

  private Before before(Path data, BotConfig cfg) {
    List<String> execs = tws.executionsReported().stream().map(ServerMessage.ExecDetails::execId).toList();
    try (Store s = Store.open(data, cfg.store().database())) {
      String state = new HedgeStore(s.jdbc(), "alvh").loadContext().map(c -> c.context().state().name())
          .orElse("CALM");
      long id = s.jdbc().queryOne("SELECT COALESCE(MAX(id), 0) FROM reconciliation", rs -> rs.getLong(1)).orElse(0L);
      return new Before(state, new HedgeStore(s.jdbc(), "alvh").heldLayers().size(), execs, id);
    }
  }

  private static String stateOf(Path data, BotConfig cfg) {
    try (Store s = Store.open(data, cfg.store().database())) {
      return new HedgeStore(s.jdbc(), "alvh").loadContext().map(c -> c.context().state().name()).orElse("CALM");
    }
  }

  /**
   * After a run is over: every execution the broker had reported before the run started is stored
   * exactly once (the run's reconciliation recovered what the kill lost), no stored fill is
   * unknown to the broker, the run's reconciliation found no position difference, and the last
   * transition leads to the stored state.
   */
  private After after(Path data, BotConfig cfg, Before before, Instant runStart) {
    List<String> problems = new ArrayList<>();
    Set<String> atBroker = tws.executionsReported().stream().map(ServerMessage.ExecDetails::execId)
        .collect(Collectors.toSet());
    int recovered;
    try (Store s = Store.open(data, cfg.store().database())) {
      Map<String, Integer> stored = new HashMap<>();
      s.jdbc().query("SELECT exec_id FROM fill", rs -> stored.merge(rs.getString(1), 1, Integer::sum));
      for (String e : before.brokerExecIds()) {
        int n = stored.getOrDefault(e, 0);
        if (n != 1) {
          problems.add("broker execution " + e + " stored " + n + " times");
        }
      }
      stored.forEach((e, n) -> {
        if (n != 1) {
          problems.add("execution " + e + " stored " + n + " times");
        }
        if (!atBroker.contains(e)) {
          problems.add("stored fill " + e + " is unknown to the broker");
        }
      });
      recovered = s.jdbc().queryOne("SELECT COUNT(*) FROM reconciliation WHERE kind = 'fill-recovered' AND id > ?",
          rs -> rs.getInt(1), before.reconciliationId()).orElse(0);
      s.jdbc().query("SELECT kind, ref, detail FROM reconciliation WHERE kind IN ('foreign-position', "
          + "'missing-position', 'foreign-order') AND id > ? ORDER BY id", rs -> {
            problems.add("reconciliation " + rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(3));
            return null;
          }, before.reconciliationId());
      String state = new HedgeStore(s.jdbc(), "alvh").loadContext().map(c -> c.context().state().name())
          .orElse("CALM");
      List<String> last = s.jdbc().query("SELECT to_state FROM hedge_transition WHERE book='alvh' ORDER BY id DESC"
          + " LIMIT 1", rs -> rs.getString(1));
      if (!last.isEmpty() && !last.get(0).equals(state)) {
        problems.add("the last stored transition leads to " + last.get(0) + " but the stored state is " + state);
      }
    }
    return new After(problems, recovered);
  }

  private static String lastDecisions(Path data, BotConfig cfg) {
    try (Store s = Store.open(data, cfg.store().database())) {
      return String.join("\n", s.jdbc().query("SELECT occurred_at, kind, rule, detail FROM decision ORDER BY id DESC"
          + " LIMIT 8", rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + ": " + rs.getString(4)));
    }
  }

  /** Refs that reached the broker under more than one order id. */
  private List<String> duplicateOrders() {
    List<String> out = new ArrayList<>();
    tws.orderIdsReceived().forEach((ref, ids) -> {
      if (ids.size() > 1) {
        out.add("orderRef " + ref + " placed under order ids " + ids);
      }
    });
    return out;
  }

  /** The bot's books: open tranches' legs and held hedge layers, signed quantity per contract. */
  private static Map<String, Long> booksOf(Path data, BotConfig cfg) {
    try (Store s = Store.open(data, cfg.store().database())) {
      Map<String, Long> m = new TreeMap<>(Reconciler.trancheLegs(s));
      new HedgeStore(s.jdbc(), "alvh").heldLayers().forEach(h -> h.legs().forEach(l -> m.merge(l.contract().key(),
          (long) l.ratio() * h.quantity() * (l.side() == dev.alvh.core.instrument.Side.SELL ? -1 : 1), Long::sum)));
      m.values().removeIf(v -> v == 0);
      return m;
    }
  }

  // ------------------------------------------------------------------------------------ runs

  /** The first bar (after a year of warm-up) whose VIX meets the L1 rule: 16 and 1.1 x EMA50. */
  private static int spikeStart(List<DailyBar> bars) {
    double ema = bars.get(0).vixClose();
    double k = 2.0 / 51;
    for (int i = 1; i < bars.size(); i++) {
      double v = bars.get(i).vixClose();
      if (i > 260 && v >= 16 && v >= 1.1 * ema) {
        return i - 1;
      }
      ema = v * k + ema * (1 - k);
    }
    return 300;
  }

  /** Between sessions, moves the paper TWS's clock to 9:30 of the next trading day. */
  private void skipNight(NyseCalendar cal, LocalTime lastStart) {
    ZonedDateTime t = clock.now().atZone(Clock.MARKET_ZONE);
    LocalTime time = t.toLocalTime();
    if (time.isAfter(lastStart) || time.isBefore(LocalTime.of(9, 25)) || !cal.isTradingDay(t.toLocalDate())) {
      LocalDate d = time.isBefore(LocalTime.of(9, 25)) ? t.toLocalDate() : t.toLocalDate().plusDays(1);
      while (!cal.isTradingDay(d)) {
        d = d.plusDays(1);
      }
      clock.jumpTo(d.atTime(LocalTime.of(9, 30)).atZone(Clock.MARKET_ZONE).toInstant());
    }
  }

  private Run start(Path jar, Path data, Path config, int port, String crashAt) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String origin = clock.origin();
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(classData.options());
    cmd.addAll(TestLauncher.classPathAndMain(jar));
    cmd.addAll(List.of("paper", "--broker", "ibkr", "--port", Integer.toString(port),
        "--client-id", "7", "--data-dir", data.toString(), "--config", config.toString(), "--speed", Long.toString(SPEED),
        "--clock-origin", origin,
        // The paper TWS in this JVM has no message limit: the bot's client-side pacing (49 a second, for a
        // real TWS) would spend each restart's first cycle quoting its chain (half an hour of market time).
        "--messages-per-second", Integer.toString(TEST_MESSAGES_PER_SECOND)));
    if (crashAt != null) {
      cmd.addAll(List.of("--crash-at", crashAt));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("ALVH_LOG_LEVEL", "INFO");
    Run r = new Run(data, tmp.resolve("bot-" + System.nanoTime() + ".log"), clock.now());
    bot = pb.start();
    r.follow(bot);
    return r;
  }

  private void ctl(Path jar, Path data, String command) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "ctl", command,
        "--data-dir", data.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("ctl " + command + ": " + out).isZero();
  }

  /** One bot process: its output followed for the start line and the crash marker. */
  private static final class Run {
    final Path data;
    final Path log;
    final Instant startedAt;
    final CountDownLatch running = new CountDownLatch(1);
    final CountDownLatch marker = new CountDownLatch(1);
    final AtomicReference<String> lastLines = new AtomicReference<>("");

    Run(Path data, Path log, Instant startedAt) {
      this.data = data;
      this.log = log;
      this.startedAt = startedAt;
    }

    void follow(Process p) {
      Thread t = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
          String line;
          while ((line = in.readLine()) != null) {
            out.println(line);
            String prev = lastLines.get();
            lastLines.set((prev.length() > 4000 ? prev.substring(prev.length() - 4000) : prev) + line + "\n");
            if (line.startsWith("paper bot running")) {
              running.countDown();
            } else if (line.startsWith(CrashPoints.MARKER + " ")) {
              marker.countDown();
            }
          }
        } catch (IOException e) {
          // the process was killed
        }
      }, "crash-suite-output");
      t.setDaemon(true);
      t.start();
    }

    /** Waits for the bot to run (after its reconciliation) and asks its health endpoint for the hedge state. */
    String hedgeStateAfterStart() throws Exception {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!running.await(50, TimeUnit.MILLISECONDS)) {
        if (marker.getCount() == 0) {
          return null; // killed in its start-up reconciliation, before it ran
        }
        if (System.nanoTime() > until) {
          throw new AssertionError("the bot did not start within 90 s; its output ends with:\n" + lastLines.get());
        }
      }
      String url = ControlFiles.readEndpoint(data).orElseThrow().healthUrl();
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode n = JSON.readTree(r.body());
      return n.path("hedgeState").asText();
    }

    boolean awaitMarker(Duration d) throws InterruptedException {
      return marker.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** The paper TWS's clock: {@code speed} times the wall clock, and able to jump forward (nights). */
  static final class JumpClock implements Clock {
    private final long speed;
    private volatile Instant base;
    private volatile long baseNanos;

    JumpClock(Instant start, long speed) {
      this.speed = speed;
      this.base = start;
      this.baseNanos = System.nanoTime();
    }

    @Override
    public synchronized Instant now() {
      return base.plusNanos((System.nanoTime() - baseNanos) * speed);
    }

    synchronized void jumpTo(Instant t) {
      if (t.isAfter(now())) {
        base = t;
        baseNanos = System.nanoTime();
      }
    }

    /** {@code MARKET@WALLMILLIS} for the bot's {@code --clock-origin}. */
    synchronized String origin() {
      long wall = System.currentTimeMillis();
      return now() + "@" + wall;
    }
  }

  private static Path checkoutRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("alvh")) && Files.isDirectory(p.resolve("paper-config"))) {
        return p;
      }
    }
    throw new IllegalStateException("no checkout root above " + Path.of("").toAbsolutePath());
  }
}
