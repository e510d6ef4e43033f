package dev.alvh.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.account.Position;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.Clock;
import dev.alvh.ibkr.broker.IbkrAdapter;
import dev.alvh.ibkr.config.IbkrConfig;
import dev.alvh.ibkr.server.TwsServer;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.market.SimulatedMarket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot on {@code --broker ibkr} (a fake TWS over the paper broker, on the wall clock): broker
 * events reach the order desk only on a thread holding the bot's lock. A fill that TWS reports
 * while a walk pauses (an exchange fill, not the answer to an order action) is applied on the
 * cycle's thread and ends the walk there; events between jobs run on the {@code alvh-events}
 * dispatcher, never during a job.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class IbkrEventThreadTest {

  /** Tuesday 2024-03-05, 10:00 New York: a cycle there opens a condor. */
  private static final Instant START = LocalDateTime.of(2024, 3, 5, 10, 0).atZone(Clock.MARKET_ZONE).toInstant();

  @TempDir
  Path dir;

  private final ExecutorService cycleThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-cycle"));
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    cycleThread.shutdownNow();
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  /** One listener call as the order desk received it. */
  private record Call(String what, OrderRef ref, String thread, boolean lockHeld, boolean otherJobRunning) {
  }

  /**
   * The paper broker behind the fake TWS, holding back its fills (and the Filled status) until
   * the test releases them: to TWS's client they come later, as an exchange's fill would.
   */
  private static final class HoldingBroker implements Broker {
    private final PaperBroker paper;
    private final List<Runnable> held = new CopyOnWriteArrayList<>();
    private final List<OrderUpdate> updates = new CopyOnWriteArrayList<>();
    private volatile BrokerListener server;

    HoldingBroker(PaperBroker paper) {
      this.paper = paper;
      paper.setListener(new BrokerListener() {
        @Override
        public void orderUpdated(OrderUpdate u) {
          updates.add(u);
          if (u.filled() > 0) {
            held.add(() -> server.orderUpdated(u));
          } else {
            server.orderUpdated(u);
          }
        }

        @Override
        public void filled(Fill f) {
          held.add(() -> server.filled(f));
        }
      });
    }

    /** Sends the held events to TWS's clients now, from the calling thread. */
    void release() {
      List<Runnable> now = new ArrayList<>(held);
      held.removeAll(now);
      now.forEach(Runnable::run);
    }

    /** Sends the last status of {@code ref} again (TWS repeats statuses unasked). */
    void repeatStatus(OrderRef ref) {
      OrderUpdate last = null;
      for (OrderUpdate u : updates) {
        if (u.ref().equals(ref)) {
          last = u;
        }
      }
      server.orderUpdated(last);
    }

    @Override
    public AccountSummary account() {
      return paper.account();
    }

    @Override
    public List<Position> positions() {
      return paper.positions();
    }

    @Override
    public List<OrderUpdate> openOrders() {
      return paper.openOrders();
    }

    @Override
    public long place(OrderIntent intent) {
      return paper.place(intent);
    }

    @Override
    public void modify(OrderRef ref, NetPrice limit) {
      paper.modify(ref, limit);
    }

    @Override
    public void cancel(OrderRef ref) {
      paper.cancel(ref);
    }

    @Override
    public void setListener(BrokerListener listener) {
      this.server = listener;
    }
  }

  @Test
  void aFillDuringThePauseEndsTheWalkOnTheCycleThreadAndNoEventEverRunsBesideAJob() throws Exception {
    ScaledClock clock = new ScaledClock(START, 1);
    // Fills at mid: the exchange fills the first price at once and holds the report.
    BotConfig cfg = dev.alvh.app.config.ConfigLoader.withOverrides(BotConfig.DEFAULTS,
        java.util.Map.of("paper.fill.model", "MID"), "test");
    NyseCalendar cal = NyseCalendar.of(cfg.schedule());
    SimulatedMarket market = new SimulatedMarket(PaperMarket.history(cfg, clock.marketDate(), PaperMarket.daysAhead(1)),
        clock, cfg.market(), cal::isTradingDay);
    HoldingBroker exchange = new HoldingBroker(new PaperBroker(market, clock, cfg.broker().paper(), cfg.paper().fill()));
    TwsServer tws = new TwsServer(exchange, market, clock, "DU0000001", Duration.ofMillis(200));
    open.add(tws);
    int port = tws.start("127.0.0.1", 0);
    IbkrAdapter ib = IbkrAdapter.connect("127.0.0.1", port, 31, IbkrConfig.DEFAULTS.withTiming(5, 1, 50), clock);
    Bot bot = Bot.ibkr(cfg, dir, clock, ib);
    open.add(bot);

    // Record every call the desk gets: thread, lock held, and whether another thread runs a job.
    List<Call> calls = new CopyOnWriteArrayList<>();
    Thread[] jobOwner = new Thread[1];
    BrokerListener desk = bot.engine().desk();
    ib.broker().setListener(new BrokerListener() {
      private void record(String what, OrderRef ref) {
        Thread owner = jobOwner[0];
        calls.add(new Call(what, ref, Thread.currentThread().getName(), bot.lockHeldByCurrentThread(),
            owner != null && owner != Thread.currentThread()));
      }

      @Override
      public void orderUpdated(OrderUpdate u) {
        record("status " + u.status(), u.ref());
        desk.orderUpdated(u);
      }

      @Override
      public void filled(Fill f) {
        record("fill", f.ref());
        desk.filled(f);
      }
    });
    bot.reconcile();

    Future<?> job = cycleThread.submit(() -> bot.runJob(JobKind.CYCLE, clock.now()));
    await().atMost(Duration.ofSeconds(60)).until(() -> !exchange.held.isEmpty() || job.isDone());
    assertThat(job).as("the cycle's first order is working").isNotDone();
    OrderIntent intent = bot.engine().desk().workingOrders().get(0);
    OrderRef ref = intent.ref();
    // The order filled at once at the exchange, but TWS reports it only now: well inside the 10 s pause.
    Thread.sleep(500);
    exchange.release();
    job.get(60, TimeUnit.SECONDS);

    List<Integer> steps = bot.locked(() -> bot.store().jdbc().query("SELECT step FROM order_step WHERE ref=? ORDER BY step",
        rs -> rs.getInt(1), ref.value()));
    assertThat(steps).as("the fill during the first pause ended the walk: no step after the mid").containsExactly(0);
    assertThat(bot.locked(() -> bot.store().jdbc().queryOne("SELECT outcome FROM orders WHERE ref=?",
        rs -> rs.getString(1), ref.value()))).contains("FILLED");
    List<Call> fills = calls.stream().filter(c -> c.what().equals("fill") && c.ref().equals(ref)).toList();
    assertThat(fills).as("one fill per leg").hasSize(intent.legs().size());
    assertThat(fills).as("applied on the cycle's thread, under the lock").allMatch(c -> c.thread().equals("test-cycle"))
        .allMatch(Call::lockHeld);
    assertThat(bot.store().openTranches()).as("the filled condor is in the books").hasSize(1);

    // Events between jobs: TWS repeats statuses while other threads run jobs back to back.
    int before = calls.size();
    Thread load = new Thread(() -> {
      for (int i = 0; i < 300 && !Thread.currentThread().isInterrupted(); i++) {
        bot.locked(() -> {
          jobOwner[0] = Thread.currentThread();
          bot.store().openTranches();
          jobOwner[0] = null;
          return null;
        });
      }
    }, "test-load");
    load.start();
    for (int i = 0; i < 30; i++) {
      exchange.repeatStatus(ref);
      Thread.sleep(5);
    }
    load.join(60_000);
    await().atMost(Duration.ofSeconds(30)).until(() -> calls.size() >= before + 30);
    List<Call> later = calls.subList(before, calls.size());
    assertThat(later).as("events between jobs run on the dispatcher").allMatch(c -> c.thread().equals("alvh-events"));
    assertThat(calls).as("every listener call held the bot's lock").allMatch(Call::lockHeld);
    assertThat(calls).as("no listener call while another thread ran a job").noneMatch(Call::otherJobRunning);
    assertThat(calls).as("nothing on the broker's own event thread").noneMatch(c -> c.thread().equals("ibkr-events"));
  }
}
