package dev.alvh.paper.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.paper.config.PaperBrokerConfig;
import dev.alvh.paper.config.PaperConfig;
import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.MarketHistory;
import dev.alvh.paper.market.SimulatedMarket;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The paper broker on the simulated market: settlement per class, the fill model, partial fills, commissions. */
class PaperBrokerRealismTest {

  private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
      && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  private static final BigDecimal START = new BigDecimal("1000000");
  private static final LocalDate TUE = LocalDate.of(2018, 2, 13);
  private static final LocalDate VIX_EXPIRY = LocalDate.of(2018, 2, 14); // a Wednesday
  private static final LocalDate THU = LocalDate.of(2018, 2, 15);
  private static final LocalDate SPX_MONTHLY = LocalDate.of(2018, 2, 16); // third Friday
  /** VIX opens at 24.50 on its expiration day and closes at 19; SPX opens 2700 on the Friday and closes 2740. */
  private static final List<DailyBar> BARS = List.of(
      new DailyBar(TUE, 2650, 2660, 26, 25, 23, 23),
      new DailyBar(VIX_EXPIRY, 2670, 2690, 24.5, 19, 22, 20),
      new DailyBar(THU, 2690, 2700, 19, 19.5, 20, 20.5),
      new DailyBar(SPX_MONTHLY, 2700, 2740, 19, 18, 20, 19.5));

  static final class Recorder implements BrokerListener {
    final List<OrderUpdate> updates = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();

    @Override
    public void orderUpdated(OrderUpdate update) {
      updates.add(update);
    }

    @Override
    public void filled(Fill fill) {
      fills.add(fill);
    }
  }

  private static Instant ny(LocalDate d, int h, int m) {
    return ZonedDateTime.of(d, LocalTime.of(h, m), Clock.MARKET_ZONE).toInstant();
  }

  private final VirtualClock clock = new VirtualClock(ny(TUE, 11, 0));
  private final SimulatedMarket market = new SimulatedMarket(MarketHistory.of(BARS), clock, MarketConfig.DEFAULTS,
      WEEKDAYS);
  private final Recorder rec = new Recorder();

  /** The fill models the property test draws from: mid, the defaults, and one share for every leg count. */
  private static final List<PaperConfig.Fill> FILL_MODELS = List.of(PaperConfig.Fill.AT_MID, PaperConfig.Fill.DEFAULTS,
      uniform("0.625"), uniform("0.875"), uniform("1"));

  private static PaperConfig.Fill uniform(String share) {
    BigDecimal s = new BigDecimal(share);
    return new PaperConfig.Fill(PaperConfig.FillModel.SHARE_OF_SPREAD, s, s, s);
  }

  /** A broker filling at mid: the settlement and partial-fill tests below trade at mids. */
  private PaperBroker broker(PaperBrokerConfig config) {
    return broker(config, PaperConfig.Fill.AT_MID);
  }

  private PaperBroker broker(PaperBrokerConfig config, PaperConfig.Fill fill) {
    PaperBroker b = new PaperBroker(market, clock, config, fill);
    b.setListener(rec);
    return b;
  }

  private PaperBroker broker() {
    return broker(PaperBrokerConfig.DEFAULTS);
  }

  private static int refs;

  private static OrderIntent order(int qty, NetPrice limit, ComboLeg... legs) {
    return new OrderIntent(new OrderRef("t" + (++refs)), OrderPurpose.OPEN_CONDOR, 1, List.of(legs), qty, limit,
        "test");
  }

  /** Buys {@code qty} of {@code c} (or sells, for a negative qty) at a limit that always fills. */
  private static void trade(PaperBroker b, OptionContract c, int qty) {
    Side side = qty > 0 ? Side.BUY : Side.SELL;
    NetPrice limit = qty > 0 ? NetPrice.debit(new BigDecimal("1000")) : NetPrice.credit(BigDecimal.ZERO);
    b.place(order(Math.abs(qty), limit, ComboLeg.of(side, c)));
  }

  private static BigDecimal cashAfterFills(List<Fill> fills) {
    return fills.stream().map(Fill::cashFlow).reduce(START, BigDecimal::add);
  }

  // ---- settlement --------------------------------------------------------------------------------

  @Test
  void vixOptionsSettleAtTheVixOpenOfTheirExpirationDay() {
    PaperBroker b = broker();
    OptionContract call20 = OptionContract.vix(VIX_EXPIRY, new BigDecimal("20"), OptionRight.CALL);
    OptionContract call30 = OptionContract.vix(VIX_EXPIRY, new BigDecimal("30"), OptionRight.CALL);
    trade(b, call20, 10);
    trade(b, call30, -4);
    BigDecimal beforeSettlement = cashAfterFills(rec.fills);
    assertThat(b.account().cash()).isEqualByComparingTo(beforeSettlement);

    clock.set(ny(VIX_EXPIRY, 16, 5));
    BigDecimal moved = b.settleExpiring(VIX_EXPIRY);

    // (24.50 - 20) x 100 x 10 = 4,500; the 30 call expires worthless
    assertThat(moved).isEqualByComparingTo("4500");
    assertThat(b.account().cash()).isEqualByComparingTo(beforeSettlement.add(new BigDecimal("4500")));
    assertThat(b.positions()).isEmpty();
    assertThat(b.settlements()).containsExactlyInAnyOrder(
        new PaperBroker.Settlement(VIX_EXPIRY, call20, 10, new BigDecimal("24.50"), new BigDecimal("4500.00")),
        new PaperBroker.Settlement(VIX_EXPIRY, call30, -4, new BigDecimal("24.50"), new BigDecimal("0.00")));
    assertThat(b.settleExpiring(VIX_EXPIRY)).as("settles once").isEqualByComparingTo("0");
    assertThat(b.settlements()).hasSize(2);
  }

  @Test
  void theEnginesSettlementCallSettlesVixAndSpxwOfTheDayEachAtItsOwnValue() {
    PaperBroker b = broker();
    OptionContract vixPut = OptionContract.vix(VIX_EXPIRY, new BigDecimal("27"), OptionRight.PUT);
    OptionContract spxwPut = OptionContract.spxw(VIX_EXPIRY, new BigDecimal("2700"), OptionRight.PUT);
    trade(b, vixPut, 2);
    trade(b, spxwPut, -1);
    BigDecimal before = b.account().cash();
    clock.set(ny(VIX_EXPIRY, 16, 5));
    BigDecimal moved = b.settleExpiring(VIX_EXPIRY, market.spxClose(VIX_EXPIRY).orElseThrow());
    // VIX put: (27 - 24.50) x 100 x 2 = 500; short SPXW 2700 put at the 2690 close: -(10 x 100) = -1,000
    assertThat(moved).isEqualByComparingTo("-500");
    assertThat(b.account().cash()).isEqualByComparingTo(before.subtract(new BigDecimal("500")));
    assertThat(b.positions()).isEmpty();
    assertThat(b.settlements()).extracting(PaperBroker.Settlement::price)
        .containsExactlyInAnyOrder(new BigDecimal("2690.00"), new BigDecimal("24.50"));
  }

  @Test
  void spxMonthlyAmSettlesAtTheOpenAndSpxwOfTheSameDayAtTheClose() {
    PaperBroker b = broker();
    OptionContract am = new OptionContract("SPX", OptionContract.SPX_AM, SPX_MONTHLY, new BigDecimal("2650"),
        OptionRight.CALL, 100);
    OptionContract pm = OptionContract.spxw(SPX_MONTHLY, new BigDecimal("2650"), OptionRight.CALL);
    trade(b, am, 1);
    trade(b, pm, 1);
    BigDecimal before = b.account().cash();
    clock.set(ny(SPX_MONTHLY, 16, 5));
    assertThat(b.settleExpiring(SPX_MONTHLY)).isEqualByComparingTo("14000"); // (2700-2650)x100 + (2740-2650)x100
    assertThat(b.account().cash()).isEqualByComparingTo(before.add(new BigDecimal("14000")));
    assertThat(b.settlements()).extracting(s -> s.contract().tradingClass() + "@" + s.price().toPlainString())
        .containsExactlyInAnyOrder("SPX@2700.00", "SPXW@2740.00");
    assertThat(b.positions()).isEmpty();
  }

  @Test
  void anExpiredPositionIsMarkedAtItsSettlementValueUntilItSettles() {
    PaperBroker b = broker();
    OptionContract call20 = OptionContract.vix(VIX_EXPIRY, new BigDecimal("20"), OptionRight.CALL);
    trade(b, call20, 1);
    clock.set(ny(VIX_EXPIRY, 12, 0));
    assertThat(market.quote(call20)).isEmpty();
    assertThat(b.account().netLiquidation()).isEqualByComparingTo(b.account().cash().add(new BigDecimal("450")));
  }

  @Test
  void aDayWithoutMarketDataLeavesItsPositionsOpen() {
    PaperBroker b = broker();
    LocalDate later = LocalDate.of(2018, 3, 21);
    OptionContract c = OptionContract.vix(later, new BigDecimal("20"), OptionRight.CALL);
    trade(b, c, 1);
    assertThat(b.settleExpiring(later)).isEqualByComparingTo("0");
    assertThat(b.positions()).hasSize(1);
    assertThat(b.settlements()).isEmpty();
  }

  // ---- fills -------------------------------------------------------------------------------------

  @Test
  void fillsAreNeverBetterThanTheModelAllowsOverManyRandomOrdersAndLimits() {
    SplittableRandom rnd = new SplittableRandom(20240101L);
    int filledOrders = 0;
    int restingOrders = 0;
    for (int round = 0; round < 400; round++) {
      PaperConfig.Fill fill = FILL_MODELS.get(rnd.nextInt(0, 5));
      rec.fills.clear();
      rec.updates.clear();
      PaperBroker b = broker(PaperBrokerConfig.DEFAULTS, fill);
      boolean vix = rnd.nextBoolean();
      OptionChain chain = vix ? market.chain(OptionContract.VIX, LocalDate.of(2018, 3, 21))
          : market.chain(OptionContract.SPXW, LocalDate.of(2018, 3, 16));
      int legsN = rnd.nextInt(1, 5);
      List<ComboLeg> legs = new ArrayList<>();
      List<OptionQuote> quotes = new ArrayList<>();
      for (int i = 0; i < legsN; i++) {
        OptionQuote q = chain.quotes().get(rnd.nextInt(chain.quotes().size()));
        if (quotes.stream().anyMatch(x -> x.contract().equals(q.contract()))) {
          continue;
        }
        quotes.add(q);
        legs.add(new ComboLeg(q.contract(), rnd.nextBoolean() ? Side.BUY : Side.SELL, rnd.nextInt(1, 3)));
      }
      // the model price: each leg bought at bid + share x spread, sold at ask - share x spread, to 4
      // decimals rounded against the buyer of the leg (the broker's documented rule)
      BigDecimal share = fill.share(legs.size());
      BigDecimal model = BigDecimal.ZERO;
      for (int i = 0; i < legs.size(); i++) {
        OptionQuote q = quotes.get(i);
        BigDecimal paid = q.spread().multiply(share);
        BigDecimal px = legs.get(i).side() == Side.BUY ? q.bid().add(paid).setScale(4, RoundingMode.CEILING)
            : q.ask().subtract(paid).max(BigDecimal.ZERO).setScale(4, RoundingMode.FLOOR);
        model = model.add(px.multiply(BigDecimal.valueOf((long) legs.get(i).side().sign() * legs.get(i).ratio())));
      }
      BigDecimal limit = model.add(BigDecimal.valueOf(rnd.nextInt(-40, 41)).multiply(new BigDecimal("0.05")))
          .setScale(2, RoundingMode.HALF_EVEN);
      int qty = rnd.nextInt(1, 6);
      OrderIntent o = new OrderIntent(new OrderRef("p" + round), OrderPurpose.OPEN_CONDOR, 1, legs, qty,
          new NetPrice(limit), "property");
      b.place(o);

      if (rec.fills.isEmpty()) {
        restingOrders++;
        assertThat(limit).as("a resting order's limit is below the model price, round " + round).isLessThan(model);
        assertThat(b.openOrders()).singleElement().extracting(OrderUpdate::status).isEqualTo(OrderStatus.SUBMITTED);
        continue;
      }
      filledOrders++;
      assertThat(limit).as("round " + round).isGreaterThanOrEqualTo(model.setScale(2, RoundingMode.DOWN));
      BigDecimal netPaid = BigDecimal.ZERO;
      for (Fill f : rec.fills) {
        int i = legs.stream().map(ComboLeg::contract).toList().indexOf(f.contract());
        OptionQuote q = quotes.get(i);
        BigDecimal paid = q.spread().multiply(share);
        if (f.side() == Side.BUY) {
          assertThat(f.price()).as("buy price, round " + round).isGreaterThanOrEqualTo(q.bid().add(paid));
          assertThat(f.price()).isLessThanOrEqualTo(q.ask());
        } else {
          assertThat(f.price()).as("sell price, round " + round)
              .isLessThanOrEqualTo(q.ask().subtract(paid).max(BigDecimal.ZERO));
          assertThat(f.price()).isGreaterThanOrEqualTo(q.bid());
        }
        assertThat(f.quantity()).isEqualTo(legs.get(i).ratio() * qty);
        netPaid = netPaid.add(f.price().multiply(BigDecimal.valueOf(f.side().sign() * legs.get(i).ratio())));
      }
      assertThat(netPaid).as("net per combo, round " + round).isGreaterThanOrEqualTo(model)
          .isLessThanOrEqualTo(limit);
    }
    assertThat(filledOrders).isGreaterThan(100);
    assertThat(restingOrders).isGreaterThan(100);
  }

  @Test
  void aRestingOrderFillsWhenTheMarketComesToItsLimit() {
    PaperBroker b = broker();
    OptionContract c = OptionContract.vix(LocalDate.of(2018, 3, 21), new BigDecimal("25"), OptionRight.CALL);
    BigDecimal midNow = market.quote(c).orElseThrow().mid();
    b.place(order(2, NetPrice.debit(midNow.subtract(new BigDecimal("0.30"))), ComboLeg.of(Side.BUY, c)));
    assertThat(rec.fills).isEmpty();
    assertThat(b.matchWorking()).isZero();
    clock.set(ny(VIX_EXPIRY, 16, 0)); // VIX fell from 25 to 19: the call is cheaper
    assertThat(market.quote(c).orElseThrow().mid()).isLessThan(midNow.subtract(new BigDecimal("0.30")));
    assertThat(b.matchWorking()).isEqualTo(1);
    assertThat(rec.fills).singleElement().satisfies(f -> assertThat(f.quantity()).isEqualTo(2));
    assertThat(b.openOrders()).isEmpty();
    assertThat(rec.updates).last().extracting(OrderUpdate::status).isEqualTo(OrderStatus.FILLED);
  }

  private static PaperBrokerConfig partial(double probability, long seed) {
    PaperBrokerConfig d = PaperBrokerConfig.DEFAULTS;
    return new PaperBrokerConfig(d.startingCash(), d.commissionPerContract(), d.feePerContract(),
        probability, seed);
  }

  private List<Integer> partialRun(long seed) {
    rec.fills.clear();
    rec.updates.clear();
    PaperBroker b = broker(partial(1.0, seed));
    OptionContract c = OptionContract.vix(LocalDate.of(2018, 3, 21), new BigDecimal("22"), OptionRight.CALL);
    OptionContract d = OptionContract.vix(LocalDate.of(2018, 3, 21), new BigDecimal("30"), OptionRight.CALL);
    b.place(order(10, NetPrice.debit(new BigDecimal("50")), ComboLeg.of(Side.BUY, c), ComboLeg.of(Side.SELL, d)));
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < 20 && !b.openOrders().isEmpty(); i++) {
      OrderUpdate open = b.openOrders().get(0);
      assertThat(open.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
      assertThat(open.filled() + open.remaining()).isEqualTo(10);
      b.matchWorking();
    }
    for (int i = 0; i < rec.fills.size(); i += 2) {
      assertThat(rec.fills.get(i).quantity()).isEqualTo(rec.fills.get(i + 1).quantity());
      sizes.add(rec.fills.get(i).quantity());
    }
    assertThat(b.positions()).extracting(p -> p.quantity()).containsExactlyInAnyOrder(10L, -10L);
    return sizes;
  }

  @Test
  void partialFillsFillInPiecesThatAddUpAndRepeatWithTheSameSeed() {
    List<Integer> a = partialRun(11);
    assertThat(a).hasSizeGreaterThan(1);
    assertThat(a.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
    assertThat(a.get(0)).isBetween(1, 9);
    assertThat(rec.updates).extracting(OrderUpdate::status).contains(OrderStatus.PARTIALLY_FILLED)
        .last().isEqualTo(OrderStatus.FILLED);
    assertThat(partialRun(11)).isEqualTo(a);
  }

  @Test
  void partialFillsAreOffByDefault() {
    PaperBroker b = broker();
    OptionContract c = OptionContract.vix(LocalDate.of(2018, 3, 21), new BigDecimal("22"), OptionRight.CALL);
    b.place(order(10, NetPrice.debit(new BigDecimal("50")), ComboLeg.of(Side.BUY, c)));
    assertThat(rec.fills).singleElement().satisfies(f -> assertThat(f.quantity()).isEqualTo(10));
    assertThat(rec.updates).extracting(OrderUpdate::status).containsExactly(OrderStatus.SUBMITTED, OrderStatus.FILLED);
  }

  @Test
  void cancellingAPartlyFilledOrderReportsWhatFilled() {
    PaperBroker b = broker(partial(1.0, 3));
    OptionContract c = OptionContract.vix(LocalDate.of(2018, 3, 21), new BigDecimal("22"), OptionRight.CALL);
    b.place(order(10, NetPrice.debit(new BigDecimal("50")), ComboLeg.of(Side.BUY, c)));
    int filled = rec.fills.get(0).quantity();
    b.cancel(new OrderRef("t" + refs));
    OrderUpdate last = rec.updates.get(rec.updates.size() - 1);
    assertThat(last.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(last.filled()).isEqualTo(filled);
    assertThat(last.remaining()).isEqualTo(10 - filled);
    assertThat(b.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(filled));
  }

  // ---- commissions and costs ------------------------------------------------------------------------

  @Test
  void commissionsArePerContractOfEveryLegForVixAsForSpx() {
    PaperBroker b = broker();
    OptionContract c = OptionContract.vix(LocalDate.of(2018, 3, 21), new BigDecimal("22"), OptionRight.CALL);
    OptionContract d = OptionContract.vix(LocalDate.of(2018, 3, 21), new BigDecimal("30"), OptionRight.CALL);
    b.place(order(3, NetPrice.debit(new BigDecimal("50")), new ComboLeg(c, Side.BUY, 2), ComboLeg.of(Side.SELL, d)));
    BigDecimal perContract = PaperBrokerConfig.DEFAULT_COMMISSION_PER_CONTRACT
        .add(PaperBrokerConfig.DEFAULT_FEE_PER_CONTRACT);
    assertThat(rec.fills).extracting(Fill::commission).containsExactly(perContract.multiply(BigDecimal.valueOf(6)),
        perContract.multiply(BigDecimal.valueOf(3)));
    BigDecimal premium = rec.fills.get(0).price().multiply(BigDecimal.valueOf(600))
        .subtract(rec.fills.get(1).price().multiply(BigDecimal.valueOf(300)));
    assertThat(b.account().cash()).isEqualByComparingTo(START.subtract(premium)
        .subtract(perContract.multiply(BigDecimal.valueOf(9))).setScale(2, RoundingMode.HALF_EVEN));
  }

  @Test
  void averageCostIsWeightedWhenAddingAndKeptWhenReducing() {
    PaperBroker b = broker();
    OptionContract c = OptionContract.vix(LocalDate.of(2018, 3, 21), new BigDecimal("22"), OptionRight.CALL);
    trade(b, c, 2);
    BigDecimal first = rec.fills.get(0).price();
    clock.set(ny(VIX_EXPIRY, 16, 0));
    trade(b, c, 1);
    BigDecimal second = rec.fills.get(1).price();
    BigDecimal expected = first.multiply(BigDecimal.valueOf(200)).add(second.multiply(BigDecimal.valueOf(100)))
        .divide(BigDecimal.valueOf(3), 4, RoundingMode.HALF_EVEN);
    assertThat(b.positions()).singleElement().satisfies(p -> assertThat(p.avgCost()).isEqualByComparingTo(expected));
    trade(b, c, -1);
    assertThat(b.positions()).singleElement().satisfies(p -> {
      assertThat(p.quantity()).isEqualTo(2);
      assertThat(p.avgCost()).isEqualByComparingTo(expected);
    });
  }
}
