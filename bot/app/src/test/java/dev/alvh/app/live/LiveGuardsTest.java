package dev.alvh.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.ops.Alerter;
import dev.alvh.app.runtime.Bot;
import dev.alvh.app.runtime.PaperMarket;
import dev.alvh.app.runtime.ScaledClock;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.broker.IbkrAdapter;
import dev.alvh.ibkr.server.TwsServer;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.market.SimulatedMarket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gates an IBKR bot's orders pass, each against a fake TWS (the paper broker behind
 * {@link TwsServer}) with a cycle at 10:00 New York on a Tuesday, where the cycle opens a condor
 * when nothing stops it: TWS's restart window, market data that is not real-time, and a missing
 * subscription.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveGuardsTest {

  /** Tuesday 2024-03-05, 10:00 New York: a cycle there opens a condor. */
  static final Instant START = LocalDateTime.of(2024, 3, 5, 10, 0).atZone(Clock.MARKET_ZONE).toInstant();

  @TempDir
  Path dir;

  private final List<AutoCloseable> open = new ArrayList<>();
  TwsServer tws;
  Bot bot;
  IbkrGuards guards;
  IbkrAdapter ib;

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  /** A bot over a fake TWS with {@code overrides}; {@code beforeConnect} scripts the fake TWS first. */
  void start(Map<String, String> overrides, String account, java.util.function.Consumer<TwsServer> beforeConnect,
      boolean live) throws Exception {
    start(overrides, account, beforeConnect, live, 5);
  }

  /** As above, with TWS requests timing out after {@code timeoutSeconds}. */
  void start(Map<String, String> overrides, String account, java.util.function.Consumer<TwsServer> beforeConnect,
      boolean live, int timeoutSeconds) throws Exception {
    ScaledClock clock = new ScaledClock(START, 1);
    BotConfig cfg = ConfigLoader.withOverrides(BotConfig.DEFAULTS, overrides, "test");
    NyseCalendar cal = NyseCalendar.of(cfg.schedule());
    SimulatedMarket market = new SimulatedMarket(PaperMarket.history(cfg, clock.marketDate(), PaperMarket.daysAhead(1)),
        clock, cfg.market(), cal::isTradingDay);
    tws = new TwsServer(new PaperBroker(market, clock, cfg.broker().paper()), market, clock, account,
        Duration.ofMillis(200));
    open.add(tws);
    beforeConnect.accept(tws);
    int port = tws.start("127.0.0.1", 0);
    ib = IbkrAdapter.unconnected("127.0.0.1", port, 41,
        // the highest message rate the configuration allows: each cycle quotes a chain
        cfg.broker().ibkr().withTiming(timeoutSeconds, 1, 50).withMaxMessagesPerSecond(49), clock);
    MarketDataWatch md = IbkrGuards.marketDataWatch(ib.session(), clock, cfg);
    ib.session().connect();
    bot = Bot.ibkr(cfg, dir, clock, ib);
    open.add(bot);
    Alerter alerter = new Alerter(cfg.alerts(), clock);
    open.add(alerter);
    bot.alerter(alerter);
    bot.reconcile();
    guards = IbkrGuards.wire(bot, ib, alerter, null, md, live);
    open.add(guards);
  }

  /** One trading cycle; one that fails (a quote refused by TWS) is logged by the job driver and so ignored here. */
  void cycle() {
    try {
      bot.runJob(JobKind.CYCLE, bot.clock().now());
    } catch (RuntimeException e) {
      System.out.println("cycle failed: " + e);
    }
  }

  void awaitAlerts(int n) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> guards.marketData().alerts() >= n);
  }

  List<String> decisions() {
    return bot.store().jdbc().query("SELECT detail FROM decision ORDER BY id", rs -> rs.getString(1));
  }

  @Test
  void noOrderIsSentInsideTheRestartWindow() throws Exception {
    start(Map.of("broker.ibkr.restartTime", "\"10:05\"", "broker.ibkr.restartQuietMinutes", "10"), "DU0000001",
        t -> { }, false);
    cycle();
    assertThat(tws.ordersReceived()).as("TWS restarts at 10:05; nothing goes out from 09:55").isEmpty();
    assertThat(decisions()).anyMatch(d -> d.contains("TWS restarts at 10:05"));
  }

  @Test
  void delayedDataStopsNewOrdersWithOneAlert() throws Exception {
    start(Map.of(), "DU0000001", t -> t.faults().marketDataType(3), false);
    cycle();
    awaitAlerts(1);
    cycle();
    Thread.sleep(2 * MarketDataWatch.GROUP_MILLIS);
    assertThat(tws.ordersReceived()).as("no order on delayed data").isEmpty();
    assertThat(guards.marketData().alerts()).as("one alert, not one per cycle or request").isEqualTo(1);
    assertThat(guards.marketData().lastText()).contains("delayed data instead of real-time");
  }

  @Test
  void aMissingSubscription354IsOneAlertNamingItAndTradingResumesWhenDataReturns() throws Exception {
    start(Map.of("broker.ibkr.quoteCacheSeconds", "0"), "DU0000001", t -> t.faults().marketDataError(354, "OPT"),
        false);
    bot.runJob(JobKind.CYCLE, bot.clock().now()); // ends normally: 354 is no quote, not a failed cycle
    awaitAlerts(1);
    bot.runJob(JobKind.CYCLE, bot.clock().now());
    Thread.sleep(2 * MarketDataWatch.GROUP_MILLIS);
    assertThat(tws.ordersReceived()).isEmpty();
    assertThat(guards.marketData().alerts()).isEqualTo(1);
    assertThat(guards.marketData().lastText()).contains("SPXW options").contains("TWS 354");
    tws.faults().marketDataError(0, ""); // the subscription is added
    bot.runJob(JobKind.CYCLE, bot.clock().now());
    assertThat(guards.marketData().refusal()).as("real-time ticks cleared it").isEmpty();
    assertThat(tws.ordersReceived().keySet()).as("trading resumed").anyMatch(r -> r.contains("-open-"));
    assertThat(guards.marketData().alerts()).isEqualTo(1);
  }

  @Test
  void aLiveOpeningOrderBeyondMaxInitMarginPctIsRefusedByItsWhatIf() throws Exception {
    start(Map.of("live.maxInitMarginPct", "1", "live.approvalMode", "false"), "U1234567", t -> { }, true);
    cycle();
    assertThat(tws.ordersReceived()).as("previewed, never placed").isEmpty();
    assertThat(tws.messagesReceived()).containsKey("PlaceOrder"); // the what-if
    assertThat(decisions()).anyMatch(d -> d.contains("would exceed live.maxInitMarginPct 1% of net liquidation"));
  }

  @Test
  void whatIfSentinelsAreNoAnswer() {
    assertThat(MarginGate.figure("1.7976931348623157E308")).isEmpty();
    assertThat(MarginGate.figure("")).isEmpty();
    assertThat(MarginGate.figure("12345.67")).contains(new java.math.BigDecimal("12345.67"));
  }

  @Test
  void aCombo10058RejectionIsShownInCtlOrdersAndAlerted() throws Exception {
    String text = "Invalid combo order: the combination of legs is not supported";
    start(Map.of(), "DU0000001", t -> t.faults().rejectNextOrder(10058, text), false);
    cycle();
    assertThat(tws.ordersReceived()).hasSize(1);
    String orders = new dev.alvh.app.control.ControlService(bot).execute(List.of("orders"), "test").text();
    assertThat(orders).contains("OPEN_CONDOR").contains("INACTIVE").contains("TWS 10058: " + text);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> guards.rejections() == 1);
  }

  @Test
  void fillsMadeInA1100GapDuringAPriceWalkAreBookedOnce() throws Exception {
    // The condor's entry rests at mid (paper.fill: a four-leg order fills 56% of its spread from the
    // bid) and fills at a later step of the walk; TWS reports 1100 just as it executes, so the bot
    // hears nothing of the fills while its walk goes on.
    start(Map.of("execution.walkIntervalSeconds", "1"), "DU0000001", t -> t.faults().linkLostOnNextFill("-open-"),
        false);
    Thread restorer = new Thread(() -> {
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
          .until(() -> ib.session().state() == dev.alvh.ibkr.session.TwsSession.State.PAUSED);
      Instant lost = bot.clock().now();
      // the link comes back two walk steps later: the walk has tried to go on in the gap
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
          .until(() -> !bot.clock().now().isBefore(lost.plusSeconds(2)));
      tws.faults().restoreLink(1102);
    }, "restorer");
    restorer.setDaemon(true);
    restorer.start();
    bot.runJob(JobKind.CYCLE, bot.clock().now()); // the cycle ends normally
    restorer.join(60_000);
    String ref = tws.ordersReceived().keySet().stream().filter(r -> r.contains("-open-")).findFirst().orElseThrow();
    long executed = tws.executionsReported().stream().filter(x -> x.orderRef().equals(ref)).count();
    assertThat(executed).as("the four legs executed at TWS, in the gap").isEqualTo(4);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> bot.locked(
        () -> bot.store().openTranches().size()) == 1);
    cycle(); // a later cycle changes nothing of it
    assertThat(bot.store().jdbc().query("SELECT exec_id FROM fill WHERE ref=?", rs -> rs.getString(1), ref))
        .as("each execution booked once").hasSize(4).doesNotHaveDuplicates();
    assertThat(bot.store().jdbc().query("SELECT outcome FROM orders WHERE ref=?", rs -> rs.getString(1), ref))
        .containsExactly("FILLED");
    assertThat(bot.store().openTranches()).as("one tranche opened by the one order").hasSize(1);
    assertThat(tws.orderIdsReceived().get(ref)).as("one order id for the ref: modified, never placed again")
        .hasSize(1);
    assertThat(tws.ordersReceived().keySet()).filteredOn(r -> r.contains("-open-")).as("no second entry")
        .containsExactly(ref);
  }
}
