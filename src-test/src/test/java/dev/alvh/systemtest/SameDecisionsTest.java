package dev.alvh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alvh.app.cli.PaperTws;
import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.runtime.PaperMarket;
import dev.alvh.app.runtime.SteppedClock;
import dev.alvh.app.store.Store;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.server.TwsServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's last acceptance line: {@code alvh paper --broker ibkr} against {@code paper-tws}
 * trades through the TWS protocol with the same decisions as {@code alvh paper} with the
 * in-process paper broker.
 *
 * <p>Two runs of the built jar, each its own process, on the same configuration, the same market
 * (the paper market of the same day, {@link PaperMarket}) and the same virtual time: the hidden
 * step mode ({@code --step-clock FROM/TO}) runs every scheduled job at its scheduled instant with
 * the clock standing still, so neither run depends on wall time. The IBKR run's paper TWS lives in
 * this JVM and follows the bot's clock through the clock file ({@code --clock-file}). Both start
 * with an empty store: the in-process bot warms its signals up from the synthetic market's bars,
 * the IBKR bot from the paper TWS's daily history (reqHistoricalData), the same closes.
 *
 * <p>The configuration makes things happen within two trading days: a condor entry every cycle,
 * closed once the debit to close is at most 99% of the credit or at least all of it (a profit target
 * and a stop: one of the two is met within hours); L1's VIX trigger low enough that the first close moves the hedge
 * to L1, whose layer is bought the next morning; both paper brokers fill with the default fill model
 * ({@code paper.fill.*}: a share of the spread from the bid, 0.75 for one leg, 0.56 for four), so
 * orders at mid rest and fill after a step or two of their price walk (modifications through the
 * protocol). Compared, row by row, in order: the decision
 * table, the order journal (ref, purpose, tranche, legs, quantity, limits, status, outcome), every
 * step of every price walk, the fills (contract, side, quantity, price, commission), the tranches,
 * the hedge transitions with their signals, the hedge layers and trades, and the daily snapshot.
 * Left out: broker order ids, execution ids and fill timestamps, which legitimately differ.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SameDecisionsTest {

  /** A Tuesday and the Wednesday after: two NYSE trading days. */
  static final LocalDate DAY = LocalDate.of(2026, 3, 17);
  static final Instant FROM = DAY.atTime(LocalTime.of(9, 30)).atZone(Clock.MARKET_ZONE).toInstant();
  static final Instant TO = DAY.plusDays(1).atTime(LocalTime.of(10, 0)).atZone(Clock.MARKET_ZONE).toInstant();
  /** Wall time a step waits for the paper TWS's streaming ticks of the new instant (ticks every 50 ms). */
  static final int SETTLE_MILLIS = 300;

  private static final String CONFIG = String.join("\n",
      "schedule:",
      "  cycleMinutes: 60",
      "condor:",
      "  entryIntervalDays: 0",
      "  maxOpenTranches: 50",
      "  skipEventDays: false",
      "  entryStates: [CALM, WATCH, L1, L2, L3, PRESS, UNWIND]",
      "  trancheRiskPct: 2",
      "  profitTargetPct: 99",
      "  stopMultiple: 1.0",
      "hedge:",
      "  sizing:",
      "    budgetShareOfCondorRisk: 0.5",
      "  l1:",
      "    vixTrigger: 8",
      "    vixRel: 0.5",
      "  unwind:",
      "    l1ExitVix: 5",
      "risk:",
      "  maxOpenTranches: 100",
      "  maxDailyLossPct: 50",
      "  maxMarginUsePct: 100",
      "broker:",
      "  ibkr:",
      "    maxMessagesPerSecond: 49",
      "    chainWidthPct: 8",
      "");

  @TempDir
  Path tmp;

  private TwsServer tws;
  private Process bot;

  @AfterEach
  void stop() {
    if (bot != null && bot.isAlive()) {
      bot.destroyForcibly();
    }
    if (tws != null) {
      tws.close();
    }
  }

  @Test
  void paperBrokerInProcessAndThroughTheTwsProtocolDecideTheSame() throws Exception {
    Path jar = checkoutRoot().resolve("bot/app/target/alvh.jar");
    assumeTrue(Files.isRegularFile(jar), "bot/app/target/alvh.jar is not built: run ./mvnw verify (or package)");
    long started = System.nanoTime();
    Path config = tmp.resolve("same.yaml");
    Files.writeString(config, CONFIG);
    BotConfig cfg = ConfigLoader.load(config);

    // The IBKR run: a paper TWS in this JVM on the bot's virtual clock, the bot as its own process.
    Path clockFile = tmp.resolve("clock");
    new SteppedClock(FROM, Optional.of(clockFile));
    tws = PaperTws.build(cfg, SteppedClock.follow(clockFile), Duration.ofMillis(50), 1);
    int port = tws.start("127.0.0.1", 0);
    Path ibkrData = tmp.resolve("ibkr");
    long t0 = System.nanoTime();
    String ibkrOut = run(jar, ibkrData, config, List.of("--broker", "ibkr", "--port", Integer.toString(port),
        "--client-id", "11", "--clock-file", clockFile.toString(), "--step-settle-millis",
        Integer.toString(SETTLE_MILLIS)));
    long ibkrWall = System.nanoTime() - t0;
    tws.close();

    // The in-process run.
    Path paperData = tmp.resolve("paper");
    t0 = System.nanoTime();
    String paperOut = run(jar, paperData, config, List.of());
    long paperWall = System.nanoTime() - t0;

    Map<String, List<String>> paper = records(paperData, cfg);
    Map<String, List<String>> ibkr = records(ibkrData, cfg);
    long wall = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    StringBuilder figures = new StringBuilder();
    paper.forEach((k, v) -> figures.append(String.format(" %s %d/%d,", k, v.size(), ibkr.get(k).size())));
    System.out.printf("same decisions: in-process vs TWS protocol (rows):%s in-process run %d ms, IBKR run %d ms,"
        + " %d s wall in all; paper TWS received %d orderRefs, reported %d executions%n", figures,
        TimeUnit.NANOSECONDS.toMillis(paperWall), TimeUnit.NANOSECONDS.toMillis(ibkrWall), wall,
        tws.ordersReceived().size(), tws.executionsReported().size());

    // Not vacuous: condors opened and closed, L1 reached and its layer bought, orders filled.
    assertThat(paper.get("tranches")).as("tranches (in-process run)").anyMatch(t -> t.contains("status=CLOSED"))
        .anyMatch(t -> t.contains("status=OPEN"));
    assertThat(paper.get("transitions")).as("hedge transitions").anyMatch(t -> t.contains("to_state=L1"));
    assertThat(paper.get("hedgeLayers")).as("hedge layers bought").isNotEmpty();
    assertThat(paper.get("orders")).as("orders").anyMatch(o -> o.contains("purpose=OPEN_HEDGE"))
        .anyMatch(o -> o.contains("purpose=CLOSE_CONDOR") && o.contains("outcome=FILLED"));
    assertThat(paper.get("fills")).hasSizeGreaterThan(8);
    assertThat(tws.executionsReported()).as("IBKR run: executions through the protocol")
        .hasSize(ibkr.get("fills").size());
    assertThat(ibkrOut).as("IBKR run warmed up from the paper TWS's history")
        .contains("warm-up: " + paper.get("closes").stream().filter(c -> !c.contains("trade_date=" + DAY)).count() + " daily closes");
    assertThat(tws.historyRequestsReceived()).as("SPX, VIX, VIX3M").isEqualTo(3);

    for (String table : paper.keySet()) {
      assertThat(ibkr.get(table)).as(table + ": the IBKR run's rows equal the in-process run's\nIBKR run output:\n"
          + tail(ibkrOut) + "\nin-process output:\n" + tail(paperOut)).containsExactlyElementsOf(paper.get(table));
    }
  }

  /** Runs the bot in step mode from FROM to TO, waits until the clock stands at TO, stops it with SIGTERM. */
  private String run(Path jar, Path data, Path config, List<String> extra) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    // The paper TWS in this JVM has no message limit and the stepped clock stands still while a job
    // runs: the bot's client-side pacing (49 messages a second, for a real TWS) would only cost wall time.
    List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
    cmd.addAll(TestLauncher.classPathAndMain(jar));
    cmd.addAll(List.of("paper", "--data-dir", data.toString(), "--config", config.toString(),
        "--step-clock", FROM + "/" + TO, "--messages-per-second", "1000"));
    cmd.addAll(extra);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("ALVH_LOG_LEVEL", "INFO");
    bot = pb.start();
    AtomicReference<String> out = new AtomicReference<>("");
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          out.set(out.get() + line + "\n");
          if (line.contains("step clock: ")) {
            done.countDown();
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "same-decisions-output");
    reader.setDaemon(true);
    reader.start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
    while (!done.await(100, TimeUnit.MILLISECONDS)) {
      if (!bot.isAlive() || System.nanoTime() > until) {
        throw new AssertionError("the bot did not reach " + TO + "; its output:\n" + tail(out.get()));
      }
    }
    bot.destroy(); // SIGTERM: the bot stops cleanly, exit 0
    assertThat(bot.waitFor(60, TimeUnit.SECONDS)).as("bot stops").isTrue();
    reader.join(5_000);
    assertThat(bot.exitValue()).as("exit code; output:\n" + tail(out.get())).isZero();
    return out.get();
  }

  /** What each run decided and did, table by table, row by row in order, without broker ids and wall stamps. */
  private static Map<String, List<String>> records(Path data, BotConfig cfg) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    try (Store s = Store.open(data, cfg.store().database())) {
      m.put("decisions", rows(s, "SELECT occurred_at, kind, code, rule, detail FROM decision ORDER BY id"));
      m.put("orders", rows(s, "SELECT o.ref, o.purpose, o.tranche_id, o.legs, o.quantity, o.limit_price, o.status,"
          + " o.filled, o.reason, o.outcome, o.steps, o.final_limit, o.filled_combos, o.created_at FROM orders o"
          + " ORDER BY o.created_at, (SELECT MIN(st.id) FROM order_step st WHERE st.ref = o.ref), o.ref"));
      m.put("steps", rows(s, "SELECT ref, step, limit_price, occurred_at, status, filled FROM order_step ORDER BY id"));
      m.put("fills", rows(s, "SELECT f.ref, f.contract, f.side, f.quantity, f.price, f.commission FROM fill f"
          + " ORDER BY f.ref, f.contract, f.side"));
      m.put("tranches", rows(s, "SELECT * FROM tranche ORDER BY id"));
      m.put("legs", rows(s, "SELECT tranche_id, contract, side, quantity FROM leg ORDER BY tranche_id, contract"));
      m.put("transitions", rows(s, "SELECT occurred_at, from_state, to_state, rule, signals FROM hedge_transition"
          + " ORDER BY id"));
      m.put("hedgeLayers", rows(s, "SELECT * FROM hedge_layer ORDER BY id"));
      m.put("hedgeTrades", rows(s, "SELECT book, layer_id, level, kind, action, trade_date, quantity, net_price, cash,"
          + " commissions, realized_pnl FROM hedge_trade ORDER BY id"));
      m.put("closes", rows(s, "SELECT * FROM hedge_daily_close ORDER BY trade_date"));
      m.put("snapshots", rows(s, "SELECT * FROM daily_snapshot ORDER BY trade_date"));
    }
    return m;
  }

  private static List<String> rows(Store s, String sql) {
    return s.jdbc().query(sql, SameDecisionsTest::row);
  }

  private static String row(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      Object v = rs.getObject(i);
      if (v instanceof java.math.BigDecimal d) {
        v = d.stripTrailingZeros().toPlainString();
      } else if (v instanceof java.time.OffsetDateTime t) {
        v = t.toInstant();
      }
      b.append(i == 1 ? "" : ", ").append(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT)).append('=')
          .append(v);
    }
    return b.toString();
  }

  private static String tail(String s) {
    return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
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
