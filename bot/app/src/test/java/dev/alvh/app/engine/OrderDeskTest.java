package dev.alvh.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.store.Store;
import dev.alvh.core.account.Position;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.time.VirtualClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The price walk and order lifecycle of {@link OrderDesk} against a scripted broker. */
class OrderDeskTest {

  private static final Instant START = Instant.parse("2024-01-08T20:45:00Z");
  private static final LocalDate E = LocalDate.of(2024, 2, 23);
  private static final OrderRef REF = new OrderRef("alvh-T0001-open-202401081545");

  @TempDir
  Path dir;

  private Store store;
  private final VirtualClock clock = new VirtualClock(START);
  private final Quotes market = new Quotes();
  private final List<OrderDesk.Result> results = new ArrayList<>();
  private final List<Duration> pauses = new ArrayList<>();

  /** Quotes by contract. */
  static class Quotes implements MarketData {
    final Map<OptionContract, OptionQuote> quotes = new HashMap<>();

    void put(int strike, OptionRight r, String bid, String ask) {
      OptionContract c = OptionContract.spxw(E, BigDecimal.valueOf(strike), r);
      quotes.put(c, new OptionQuote(c, new BigDecimal(bid), new BigDecimal(ask), 0.2, 0.16, 0.001, 5, -0.5));
    }

    @Override
    public IndexLevels indices() {
      return new IndexLevels(START, 5000, 15, 17);
    }

    @Override
    public List<LocalDate> expirations(String tradingClass) {
      return List.of(E);
    }

    @Override
    public OptionChain chain(String tradingClass, LocalDate expiry) {
      return new OptionChain(tradingClass, expiry, 5000, List.copyOf(quotes.values()));
    }

    @Override
    public Optional<OptionQuote> quote(OptionContract contract) {
      return Optional.ofNullable(quotes.get(contract));
    }
  }

  @BeforeEach
  void setUp() {
    store = Store.open(dir, "desk");
    // mid credit 5.10 + 3.10 - 2.50 - 0.675 = 5.025 -> 5.00 on the grid; natural 5.00 + 3.00 - 2.60 - 0.75 = 4.65
    market.put(4750, OptionRight.PUT, "2.40", "2.60");
    market.put(4800, OptionRight.PUT, "5.00", "5.20");
    market.put(5150, OptionRight.CALL, "3.00", "3.20");
    market.put(5200, OptionRight.CALL, "0.60", "0.75");
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private static List<ComboLeg> condor() {
    return List.of(
        ComboLeg.of(Side.BUY, OptionContract.spxw(E, new BigDecimal("4750"), OptionRight.PUT)),
        ComboLeg.of(Side.SELL, OptionContract.spxw(E, new BigDecimal("4800"), OptionRight.PUT)),
        ComboLeg.of(Side.SELL, OptionContract.spxw(E, new BigDecimal("5150"), OptionRight.CALL)),
        ComboLeg.of(Side.BUY, OptionContract.spxw(E, new BigDecimal("5200"), OptionRight.CALL)));
  }

  private static OrderIntent intent() {
    return new OrderIntent(REF, OrderPurpose.OPEN_CONDOR, 1, condor(), 3, NetPrice.credit(new BigDecimal("5.00")),
        "test condor");
  }

  private OrderDesk desk(ScriptedBroker broker) {
    OrderDesk d = new OrderDesk(BotConfig.DEFAULTS, clock, market, broker, store);
    d.pauseWith(p -> {
      pauses.add(p);
      clock.set(clock.now().plus(p));
    });
    return d;
  }

  private OrderDesk.Result submit(OrderDesk d, Optional<NetPrice> worst) {
    return d.submit(intent(), worst, results::add);
  }

  private List<String> storedSteps(OrderDesk d) {
    return d.orders().steps(REF).stream().map(v -> v.stripTrailingZeros().toPlainString()).toList();
  }

  @Test
  void fillOnTheSecondStepStopsTheWalkThereAndIsAccounted() {
    ScriptedBroker b = new ScriptedBroker().at(2, ScriptedBroker.fill(3, 3));
    OrderDesk d = desk(b);
    OrderDesk.Result r = submit(d, Optional.empty());
    assertThat(r.outcome()).isEqualTo(OrderDesk.Outcome.FILLED);
    assertThat(r.filledCombos()).isEqualTo(3);
    assertThat(r.creditPerCombo()).isEqualByComparingTo("4.80");
    assertThat(b.limits).extracting(BigDecimal::toPlainString).containsExactly("-5", "-4.9", "-4.8");
    assertThat(storedSteps(d)).containsExactly("-5", "-4.9", "-4.8");
    assertThat(b.cancels).isZero();
    assertThat(results).hasSize(1);
    assertThat(pauses).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
    assertThat(d.orders().outcome(REF)).contains("FILLED");
    assertThat(store.orderStatus(REF)).contains(OrderStatus.FILLED);
    assertThat(store.count("fill")).isEqualTo(4);
  }

  @Test
  void fillAtMidNeedsNoStep() {
    ScriptedBroker b = new ScriptedBroker().at(0, ScriptedBroker.fill(3, 3));
    OrderDesk.Result r = submit(desk(b), Optional.empty());
    assertThat(r.outcome()).isEqualTo(OrderDesk.Outcome.FILLED);
    assertThat(b.limits).hasSize(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void noFillWalksToNaturalNeverPastItThenCancels() {
    ScriptedBroker b = new ScriptedBroker();
    OrderDesk d = desk(b);
    OrderDesk.Result r = submit(d, Optional.empty());
    assertThat(r.outcome()).isEqualTo(OrderDesk.Outcome.UNFILLED);
    assertThat(r.filledCombos()).isZero();
    assertThat(b.limits).extracting(BigDecimal::toPlainString).containsExactly("-5", "-4.9", "-4.8", "-4.7", "-4.65");
    assertThat(b.limits).allSatisfy(l -> assertThat(l).isLessThanOrEqualTo(new BigDecimal("-4.65")));
    assertThat(b.cancels).isEqualTo(1);
    assertThat(results).singleElement().extracting(OrderDesk.Result::outcome).isEqualTo(OrderDesk.Outcome.UNFILLED);
    assertThat(d.orders().outcome(REF)).contains("UNFILLED");
    assertThat(store.orderStatus(REF)).contains(OrderStatus.CANCELLED);
    assertThat(clock.now()).isEqualTo(START.plusSeconds(40));
  }

  @Test
  void worstPriceStopsTheWalkBeforeNatural() {
    ScriptedBroker b = new ScriptedBroker();
    submit(desk(b), Optional.of(NetPrice.credit(new BigDecimal("4.85"))));
    assertThat(b.limits).extracting(BigDecimal::toPlainString).containsExactly("-5", "-4.95", "-4.9", "-4.85");
  }

  @Test
  void everyWalkStepPassesThePriceBand_theWalkStopsBeforeTheFirstThatWouldNot() {
    // mid credit 5.025; a 5% band allows 0.25 points: 4.80 passes, 4.70 (0.325 away) would not.
    BotConfig narrow = dev.alvh.app.config.ConfigLoader.withOverrides(BotConfig.DEFAULTS,
        Map.of("risk.priceBandPct", "5"), "test");
    ScriptedBroker b = new ScriptedBroker();
    OrderDesk d = new OrderDesk(narrow, clock, market, b, store);
    d.pauseWith(p -> clock.set(clock.now().plus(p)));
    OrderDesk.Result r = d.submit(intent(), Optional.empty(), results::add);
    assertThat(b.limits).extracting(BigDecimal::toPlainString).containsExactly("-5", "-4.9", "-4.8");
    assertThat(b.cancels).isEqualTo(1);
    assertThat(r.outcome()).isEqualTo(OrderDesk.Outcome.UNFILLED);
  }

  @Test
  void partialFillThenCancelEndsPartialWithTheFilledCombos() {
    ScriptedBroker b = new ScriptedBroker().at(1, ScriptedBroker.fill(1, 1));
    OrderDesk d = desk(b);
    OrderDesk.Result r = submit(d, Optional.empty());
    assertThat(r.outcome()).isEqualTo(OrderDesk.Outcome.PARTIAL);
    assertThat(r.filledCombos()).isEqualTo(1);
    assertThat(r.fills()).hasSize(4);
    assertThat(r.creditPerCombo()).isEqualByComparingTo("4.90");
    assertThat(b.cancels).isEqualTo(1);
    assertThat(d.orders().outcome(REF)).contains("PARTIAL");
  }

  @Test
  void fillArrivingWhileCancellingIsCountedAndTheOrderEndsFilled() {
    ScriptedBroker b = new ScriptedBroker().onCancel((x, o) -> {
      x.fillLegs(3);
      x.status(OrderStatus.FILLED, 3, "");
      x.status(OrderStatus.CANCELLED, 0, "too late");
    });
    OrderDesk.Result r = submit(desk(b), Optional.empty());
    assertThat(r.outcome()).isEqualTo(OrderDesk.Outcome.FILLED);
    assertThat(r.filledCombos()).isEqualTo(3);
    assertThat(r.creditPerCombo()).isEqualByComparingTo("4.65");
    assertThat(results).hasSize(1);
  }

  @Test
  void cancelConfirmedLaterEndsTheOrderThenAndKeepsTheTrancheBusyMeanwhile() {
    ScriptedBroker b = new ScriptedBroker().onCancel((x, o) -> { });
    OrderDesk d = desk(b);
    OrderDesk.Result r = submit(d, Optional.empty());
    assertThat(r.outcome()).isEqualTo(OrderDesk.Outcome.WORKING);
    assertThat(results).isEmpty();
    assertThat(d.busyTranches()).containsExactly(1L);
    b.fillLegs(2);
    b.status(OrderStatus.CANCELLED, 2, "cancelled by the bot");
    assertThat(results).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(OrderDesk.Outcome.PARTIAL);
      assertThat(x.filledCombos()).isEqualTo(2);
    });
    assertThat(d.busyTranches()).isEmpty();
  }

  @Test
  void filledStatusBeforeTheExecutionsWaitsForEveryLeg() {
    ScriptedBroker b = new ScriptedBroker().at(0, (x, o) -> x.status(OrderStatus.FILLED, 3, ""));
    OrderDesk d = desk(b);
    submit(d, Optional.empty());
    assertThat(results).isEmpty();
    b.fillLegs(3);
    assertThat(results).singleElement().extracting(OrderDesk.Result::outcome).isEqualTo(OrderDesk.Outcome.FILLED);
  }

  @Test
  void inactiveOrderEndsRejectedWithTheBrokersReason() {
    ScriptedBroker b = new ScriptedBroker().at(0, (x, o) -> x.status(OrderStatus.INACTIVE, 0, "insufficient margin"));
    OrderDesk d = desk(b);
    OrderDesk.Result r = submit(d, Optional.empty());
    assertThat(r.outcome()).isEqualTo(OrderDesk.Outcome.REJECTED);
    assertThat(r.reason()).isEqualTo("insufficient margin");
    assertThat(b.limits).hasSize(1);
    assertThat(b.cancels).isZero();
  }

  @Test
  void zeroBidOnAShortLegSkipsTheOrderWithAStoredReasonAndSendsNothing() {
    market.put(4800, OptionRight.PUT, "0", "5.20");
    ScriptedBroker b = new ScriptedBroker();
    OrderDesk d = desk(b);
    OrderDesk.Result r = submit(d, Optional.empty());
    assertThat(r.outcome()).isEqualTo(OrderDesk.Outcome.SKIPPED);
    assertThat(b.places).isZero();
    assertThat(store.count("orders")).isZero();
    assertThat(results).hasSize(1);
    assertThat(d.orders().whyNoCondor(START.minusSeconds(1), START.plusSeconds(1))).singleElement().asString()
        .startsWith("quotes: open " + REF).contains("zero bid on the short leg SPXW 2024-02-23 4800 P");
  }

  @Test
  void zeroBidOnAWingSoldToCloseIsNoReasonToSkip() {
    market.put(5200, OptionRight.CALL, "0", "0.05");
    ScriptedBroker b = new ScriptedBroker().at(0, ScriptedBroker.fill(3, 3));
    OptionContract wing = OptionContract.spxw(E, new BigDecimal("5200"), OptionRight.CALL);
    b.positions.add(new Position(wing, 3, new BigDecimal("60")));
    OrderIntent close = new OrderIntent(new OrderRef("alvh-T0001-close-202401081545"), OrderPurpose.CLOSE_CONDOR, 1,
        condor().stream().map(ComboLeg::reversed).toList(), 3, NetPrice.debit(new BigDecimal("4.90")), "close");
    OrderDesk.Result r = desk(b).submit(close, results::add);
    assertThat(r.outcome()).isEqualTo(OrderDesk.Outcome.FILLED);
  }

  @Test
  void staleQuotesSkipTheOrder() {
    MarketData stale = new Quotes() {
      {
        quotes.putAll(market.quotes);
      }

      @Override
      public Optional<Instant> quoteTime(OptionContract contract) {
        return Optional.of(START.minusSeconds(61));
      }
    };
    OrderDesk d = new OrderDesk(BotConfig.DEFAULTS, clock, stale, new ScriptedBroker(), store);
    assertThat(d.submit(intent(), results::add).reason()).contains("stale quote").contains("61 s old > 60 s");
  }
}
