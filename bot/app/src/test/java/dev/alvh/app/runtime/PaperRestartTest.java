package dev.alvh.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.journal.ReconcileReport;
import dev.alvh.app.journal.Reconciler;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.account.Position;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.HedgeState;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.SimulatedMarket;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A paper bot on the built-in broker, stopped and started again on the same data directory: the
 * broker's account is the one the books were made with, on the same market.
 */
class PaperRestartTest {

  /** Tuesday 2024-03-05, 10:00 New York: a regular trading day. */
  private static final Instant START = LocalDateTime.of(2024, 3, 5, 10, 0).atZone(Clock.MARKET_ZONE).toInstant();
  private static final int DAYS_AHEAD = 80;
  /** Money compared by value: a restored amount may carry the column's scale. */
  private static final RecursiveComparisonConfiguration EXACT_MONEY = RecursiveComparisonConfiguration.builder()
      .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build();

  @TempDir
  Path dir;

  @TempDir
  Path otherDir;

  private final VirtualClock clock = new VirtualClock(START);

  private Bot paper(BotConfig config) {
    return Bot.paper(config, dir, clock, 1, DAYS_AHEAD);
  }

  /** What a restart must not change: the account, and the market at the same instant. */
  private record Seen(List<Position> positions, AccountSummary account, IndexLevels indices,
      Map<String, OptionQuote> quotes, List<String> orderRefs, long fills) {
  }

  private static Seen seen(Bot bot) {
    Map<String, OptionQuote> quotes = new TreeMap<>();
    bot.broker().positions().forEach(p -> quotes.put(p.contract().key(), bot.market().quote(p.contract())
        .orElseThrow()));
    return new Seen(bot.broker().positions(), bot.broker().account(), bot.market().indices(), quotes,
        bot.store().jdbc().query("SELECT ref FROM orders ORDER BY ref", rs -> rs.getString(1)),
        bot.store().count("fill"));
  }

  /** The signed quantity per contract the bot's books hold: open tranches' legs and hedge layers. */
  private static Map<String, Long> books(Bot bot) {
    Map<String, Long> m = new TreeMap<>(Reconciler.trancheLegs(bot.store()));
    bot.engine().hedgeDesk().held().forEach(h -> h.legs().forEach(l -> m.merge(l.contract().key(),
        (long) l.ratio() * h.quantity() * (l.side() == Side.SELL ? -1 : 1), Long::sum)));
    return m;
  }

  private static Map<String, Long> brokerPositions(Bot bot) {
    Map<String, Long> m = new TreeMap<>();
    bot.broker().positions().forEach(p -> m.merge(p.contract().key(), p.quantity(), Long::sum));
    return m;
  }

  /** The market's daily bars up to {@code until}. */
  private static List<DailyBar> bars(Bot bot, Instant until) {
    LocalDate last = until.atZone(Clock.MARKET_ZONE).toLocalDate();
    return ((SimulatedMarket) bot.market()).bars().stream().filter(b -> !b.date().isAfter(last)).toList();
  }

  @Test
  void aRestartedPaperBotHoldsItsCondorAndHedgeLayerOnTheSameMarket() {
    Seen before;
    try (Bot first = paper(BotConfig.DEFAULTS)) {
      assertThat(first.reconcile().clean()).isTrue();
      first.runJob(JobKind.PRE_OPEN, clock.now());
      first.runJob(JobKind.CYCLE, clock.now());
      assertThat(first.store().openTranches()).as("a condor").hasSize(1);
      first.controls().force(HedgeState.L1, Optional.empty());
      first.saveSwitches();
      clock.set(clock.now().plusSeconds(900));
      first.runJob(JobKind.CYCLE, clock.now());
      assertThat(first.engine().hedgeDesk().held()).as("the forced L1's layer and the base layer")
          .extracting(dev.alvh.core.hedge.HeldLayer::level).containsExactlyInAnyOrder(0, 1);
      assertThat(brokerPositions(first)).isEqualTo(books(first)).hasSize(6);
      before = seen(first);
    }

    try (Bot second = paper(BotConfig.DEFAULTS)) {
      Seen after = seen(second);
      assertThat(after.indices()).as("the same instant, the same market").isEqualTo(before.indices());
      assertThat(after.quotes()).as("every held contract quoted as before").isEqualTo(before.quotes());
      assertThat(after.positions()).as("the broker's positions").isEqualTo(before.positions());
      assertThat(after.account()).as("cash and net liquidation").isEqualTo(before.account());
      assertThat(brokerPositions(second)).as("broker positions = open tranches + hedge layers")
          .isEqualTo(books(second));

      ReconcileReport rep = second.reconcile();
      assertThat(rep.clean()).as(rep.summary()).isTrue();
      assertThat(second.engine().counters().ordersSent()).isZero();
      assertThat(seen(second)).as("the reconciliation changed nothing").isEqualTo(after);

      clock.set(clock.now().plusSeconds(900));
      second.runJob(JobKind.CYCLE, clock.now());
      List<String> refs = seen(second).orderRefs();
      assertThat(refs).containsAll(before.orderRefs());
      assertThat(second.store().jdbc().query("SELECT ref FROM paper_order WHERE order_id > ?",
          rs -> rs.getString(1), (long) before.orderRefs().size()))
          .as("orders sent after the restart are new refs under new order ids")
          .doesNotContainAnyElementsOf(before.orderRefs());
      assertThat(brokerPositions(second)).isEqualTo(books(second));
    }
  }

  @Test
  void anOrderWorkingAtAKillIsReportedCancelledAfterTheRestartAndNotSentAgain() {
    BotConfig resting = ConfigLoader.withOverrides(BotConfig.DEFAULTS,
        Map.of("paper.fill.shareOneLeg", "1", "paper.fill.shareTwoLegs", "1", "paper.fill.shareFourLegs", "1"), "test");
    String ref;
    try (Bot first = paper(resting)) {
      // The walk's first pause never returns: the bot dies with its order resting at mid.
      first.engine().pauseWith(d -> {
        throw new IllegalStateException("killed during the price walk");
      });
      assertThatThrownBy(() -> first.runJob(JobKind.CYCLE, clock.now())).hasMessageContaining("killed");
      assertThat(first.broker().openOrders()).hasSize(1);
      ref = first.broker().openOrders().get(0).ref().value();
      assertThat(first.store().orderStatus(first.broker().openOrders().get(0).ref())).contains(OrderStatus.SUBMITTED);
    }

    try (Bot second = paper(resting)) {
      assertThat(second.broker().openOrders()).as("the restarted broker keeps no working order").isEmpty();
      ReconcileReport rep = second.reconcile();
      assertThat(rep.differences()).singleElement().satisfies(d -> {
        assertThat(d.kind()).isEqualTo(ReconcileReport.Kind.CANCELLED_WHILE_DOWN);
        assertThat(d.ref()).isEqualTo(ref);
        assertThat(d.detail()).contains("restart");
      });
      assertThat(second.store().jdbc().queryOne("SELECT status FROM orders WHERE ref=?", rs -> rs.getString(1), ref))
          .contains(OrderStatus.CANCELLED.name());
      assertThat(second.broker().positions()).isEmpty();
      assertThat(second.engine().counters().ordersSent()).isZero();
      assertThat(second.reconcile().clean()).as("reported once").isTrue();
    }
  }

  @Test
  void theSameInstantHasTheSamePricesOnWhateverDayTheBotRestarts() {
    Instant weekLater = START.plus(Duration.ofDays(7));
    List<DailyBar> barsToWeekLater;
    IndexLevels atWeekLater;
    List<OptionQuote> chainWeekLater;
    LocalDate expiry;
    try (Bot first = paper(BotConfig.DEFAULTS)) {
      barsToWeekLater = bars(first, weekLater);
      clock.set(weekLater);
      atWeekLater = first.market().indices();
      expiry = first.market().expirations(OptionContract.SPXW).get(3);
      chainWeekLater = first.market().chain(OptionContract.SPXW, expiry).quotes();
    }
    // a week later, and with a longer market ahead: the stored anchor, continued past its end
    try (Bot second = Bot.paper(BotConfig.DEFAULTS, dir, clock, 1, 400)) {
      assertThat(second.market().indices()).isEqualTo(atWeekLater);
      assertThat(second.market().chain(OptionContract.SPXW, expiry).quotes()).isEqualTo(chainWeekLater);
      assertThat(bars(second, weekLater)).as("and every day before as it was").isEqualTo(barsToWeekLater);
    }
    clock.set(weekLater);
    try (Bot fresh = Bot.paper(BotConfig.DEFAULTS, otherDir, clock, 1, DAYS_AHEAD)) {
      assertThat(fresh.market().indices().spx()).as("a new data directory anchors its market on its own first day")
          .isNotEqualTo(atWeekLater.spx());
    }
  }

  @Test
  void aChangedSeedIsLoggedOnceAndTheStoredMarketKept() {
    IndexLevels first;
    try (Bot bot = paper(BotConfig.DEFAULTS)) {
      first = bot.market().indices();
    }
    BotConfig seven = ConfigLoader.withOverrides(BotConfig.DEFAULTS, Map.of("market.seed", "7"), "test");
    Logger log = (Logger) LoggerFactory.getLogger(PaperMarketAnchor.class);
    ListAppender<ILoggingEvent> seenLog = new ListAppender<>();
    seenLog.start();
    log.addAppender(seenLog);
    try (Bot bot = paper(seven)) {
      assertThat(bot.market().indices()).as("the stored market").isEqualTo(first);
      assertThat(PaperMarketAnchor.stored(bot.store().jdbc()).orElseThrow().seed())
          .isEqualTo(MarketConfig.DEFAULT_SEED);
    } finally {
      log.detachAppender(seenLog);
    }
    assertThat(seenLog.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
        .extracting(ILoggingEvent::getFormattedMessage).asString()
        .contains("market.seed 7 in the configuration differs from " + MarketConfig.DEFAULT_SEED, "keeping the stored",
            "new --data-dir");
    try (Bot fresh = Bot.paper(seven, otherDir, clock, 1, DAYS_AHEAD)) {
      assertThat(fresh.market().indices().spx()).as("seed 7 is another market").isNotEqualTo(first.spx());
    }
  }

  @Test
  void theMismatchNamesBothValuesOfEachKeyThatDiffers() {
    PaperMarketAnchor stored = new PaperMarketAnchor(LocalDate.of(2023, 1, 3), 1, 3000, 400);
    assertThat(PaperMarketAnchor.mismatch(stored, new PaperMarketAnchor(LocalDate.of(2024, 1, 2), 1, 3000, 900)))
        .as("another day and length are no mismatch").isEmpty();
    assertThat(PaperMarketAnchor.mismatch(stored, new PaperMarketAnchor(LocalDate.of(2023, 1, 3), 2, 4000, 400)))
        .hasValueSatisfying(w -> assertThat(w).contains("market.seed 2 in the configuration differs from 1",
            "market.startSpx 4000.0 in the configuration differs from 3000.0"));
  }

  @Test
  void theSettlementAtExpiryIsKeptWithTheSettledTranche() {
    BigDecimal cash;
    List<PaperBroker.Settlement> ledger;
    try (Bot first = paper(BotConfig.DEFAULTS)) {
      first.runJob(JobKind.PRE_OPEN, clock.now());
      first.runJob(JobKind.CYCLE, clock.now());
      LocalDate expiry = first.store().openTranches().get(0).expiry();
      // only the end-of-day jobs: no exit rule runs, the condor is held to its expiry and settled
      for (LocalDate d = clock.marketDate(); !d.isAfter(expiry); d = d.plusDays(1)) {
        if (first.calendar().isTradingDay(d)) {
          clock.set(d.atTime(16, 5).atZone(Clock.MARKET_ZONE).toInstant());
          first.runJob(JobKind.END_OF_DAY, clock.now());
        }
      }
      assertThat(first.store().openTranches()).as("settled at expiry").isEmpty();
      assertThat(first.store().count("settlement")).isEqualTo(1);
      PaperBroker broker = (PaperBroker) first.broker();
      assertThat(broker.positions()).isEmpty();
      assertThat(broker.settlements()).filteredOn(s -> s.contract().tradingClass().equals("SPXW"))
          .as("the condor's four legs").hasSize(4).allMatch(s -> s.date().equals(expiry));
      assertThat(broker.settlements()).filteredOn(s -> s.contract().tradingClass().equals("VIX"))
          .as("the base layer, held to its own expiry with no trading cycle to roll it").hasSize(1)
          .allMatch(s -> s.date().isBefore(expiry));
      cash = broker.account().cash();
      ledger = broker.settlements();
    }
    try (Bot second = paper(BotConfig.DEFAULTS)) {
      PaperBroker broker = (PaperBroker) second.broker();
      assertThat(broker.account().cash()).isEqualTo(cash);
      assertThat(broker.settlements()).usingRecursiveFieldByFieldElementComparator(EXACT_MONEY)
          .containsExactlyElementsOf(ledger);
      assertThat(broker.positions()).isEmpty();
      ReconcileReport rep = second.reconcile();
      assertThat(rep.clean()).as(rep.summary()).isTrue();
    }
  }
}
