package dev.alvh.paper.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.account.Position;
import dev.alvh.paper.config.PaperBrokerConfig;
import dev.alvh.paper.config.PaperConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.IndexLevels;
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
import dev.alvh.core.port.MarketData;
import dev.alvh.core.time.VirtualClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaperBrokerTest {

  private static final LocalDate EXPIRY = LocalDate.of(2024, 2, 23);
  private static final OptionContract LP = OptionContract.spxw(EXPIRY, new BigDecimal("4750"), OptionRight.PUT);
  private static final OptionContract SP = OptionContract.spxw(EXPIRY, new BigDecimal("4800"), OptionRight.PUT);
  private static final OptionContract SC = OptionContract.spxw(EXPIRY, new BigDecimal("5150"), OptionRight.CALL);
  private static final OptionContract LC = OptionContract.spxw(EXPIRY, new BigDecimal("5200"), OptionRight.CALL);
  private static final BigDecimal START = new BigDecimal("1000000");

  /** A MarketData fake: a settable quote per contract. */
  static final class FakeMarket implements MarketData {
    final Map<OptionContract, OptionQuote> quotes = new HashMap<>();
    double spx = 5000;

    void set(OptionContract c, String bid, String ask) {
      quotes.put(c, new OptionQuote(c, new BigDecimal(bid), new BigDecimal(ask), 0.15, 0, 0, 0, 0));
    }

    @Override
    public IndexLevels indices() {
      return new IndexLevels(Instant.EPOCH, spx, 14, 16);
    }

    @Override
    public List<LocalDate> expirations(String tradingClass) {
      return List.of(EXPIRY);
    }

    @Override
    public OptionChain chain(String tradingClass, LocalDate expiry) {
      return new OptionChain(tradingClass, expiry, spx, List.copyOf(quotes.values()));
    }

    @Override
    public Optional<OptionQuote> quote(OptionContract contract) {
      return Optional.ofNullable(quotes.get(contract));
    }
  }

  /** Records every event in order. */
  static final class Recorder implements BrokerListener {
    final List<OrderUpdate> updates = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();
    final List<String> events = new ArrayList<>();

    @Override
    public void orderUpdated(OrderUpdate update) {
      updates.add(update);
      events.add(update.status().name());
    }

    @Override
    public void filled(Fill fill) {
      fills.add(fill);
      events.add("fill");
    }
  }

  private final FakeMarket market = new FakeMarket();
  private final VirtualClock clock = new VirtualClock(Instant.parse("2024-01-08T20:45:00Z"));
  private final Recorder rec = new Recorder();

  @BeforeEach
  void quotes() {
    // mids 2.50, 5.10, 3.10, 0.70; every spread 0.20. Model price of the condor BUY at mid:
    // +2.50 - 5.10 - 3.10 + 0.70 = -5.00 (a 5.00 credit); at the natural price: +2.60 - 5.00 - 3.00 + 0.80 = -4.60.
    market.set(LP, "2.40", "2.60");
    market.set(SP, "5.00", "5.20");
    market.set(SC, "3.00", "3.20");
    market.set(LC, "0.60", "0.80");
  }

  /** Fills at mid. */
  private static final PaperConfig.Fill MID = PaperConfig.Fill.AT_MID;

  /** Every order, whatever its legs, pays {@code share} of the spread from its bid. */
  private static PaperConfig.Fill uniform(String share) {
    BigDecimal s = new BigDecimal(share);
    return new PaperConfig.Fill(PaperConfig.FillModel.SHARE_OF_SPREAD, s, s, s);
  }

  private PaperBroker broker(PaperConfig.Fill fill) {
    PaperBroker b = new PaperBroker(market, clock, new PaperBrokerConfig(START, new BigDecimal("0.65"),
        new BigDecimal("0.60")), fill);
    b.setListener(rec);
    return b;
  }

  private static OrderIntent condor(String ref, int qty, NetPrice limit) {
    List<ComboLeg> legs = List.of(ComboLeg.of(Side.BUY, LP), ComboLeg.of(Side.SELL, SP), ComboLeg.of(Side.SELL, SC),
        ComboLeg.of(Side.BUY, LC));
    return new OrderIntent(new OrderRef(ref), OrderPurpose.OPEN_CONDOR, 1, legs, qty, limit, "test");
  }

  private static BigDecimal netOf(List<Fill> fills, int qty) {
    BigDecimal net = BigDecimal.ZERO;
    for (Fill f : fills) {
      net = net.add(f.price().multiply(BigDecimal.valueOf(f.side().sign())));
    }
    return net;
  }

  @Test
  void creditLimitAtTheMidFillsAtMidWithSubmittedThenFilled() {
    PaperBroker b = broker(MID);
    b.place(condor("r1", 2, NetPrice.credit(new BigDecimal("5.00"))));

    assertThat(rec.events).containsExactly("SUBMITTED", "fill", "fill", "fill", "fill", "FILLED");
    assertThat(rec.fills).extracting(Fill::contract).containsExactly(LP, SP, SC, LC);
    assertThat(rec.fills).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL, Side.SELL, Side.BUY);
    assertThat(rec.fills).extracting(f -> f.price().stripTrailingZeros().toPlainString())
        .containsExactly("2.5", "5.1", "3.1", "0.7");
    assertThat(rec.fills).extracting(Fill::quantity).containsOnly(2);
    // (0.65 + 0.60) x 2 contracts per leg
    assertThat(rec.fills).allSatisfy(f -> assertThat(f.commission()).isEqualByComparingTo("2.50"));
    assertThat(rec.fills).extracting(Fill::execId).doesNotHaveDuplicates();
    OrderUpdate last = rec.updates.get(rec.updates.size() - 1);
    assertThat(last.filled()).isEqualTo(2);
    assertThat(last.remaining()).isZero();
    assertThat(b.openOrders()).isEmpty();
  }

  @Test
  void cashMovesByTheSumOfTheFillsCashFlows() {
    PaperBroker b = broker(MID);
    b.place(condor("r1", 2, NetPrice.credit(new BigDecimal("5.00"))));
    BigDecimal flows = rec.fills.stream().map(Fill::cashFlow).reduce(BigDecimal.ZERO, BigDecimal::add);
    // 5.00 x 100 x 2 = 1,000 in, 4 legs x 2.50 commission = 10 out
    assertThat(flows).isEqualByComparingTo("990");
    assertThat(b.account().cash()).isEqualByComparingTo(START.add(flows));
  }

  @Test
  void limitBetterThanNeededFillsAtTheModelPriceNotAtTheLimit() {
    PaperBroker b = broker(MID);
    b.place(condor("r1", 1, NetPrice.credit(new BigDecimal("4.50"))));
    assertThat(rec.events).last().isEqualTo("FILLED");
    assertThat(netOf(rec.fills, 1)).isEqualByComparingTo("-5.00");
  }

  @Test
  void positionsAreBookedSignedPerLeg() {
    PaperBroker b = broker(MID);
    b.place(condor("r1", 3, NetPrice.credit(new BigDecimal("5.00"))));
    assertThat(b.positions()).extracting(Position::contract, Position::quantity)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(LP, 3L), org.assertj.core.groups.Tuple.tuple(SP, -3L),
            org.assertj.core.groups.Tuple.tuple(SC, -3L), org.assertj.core.groups.Tuple.tuple(LC, 3L));
  }

  @Test
  void creditLimitAboveTheModelCreditRestsAndCancelEmitsCancelled() {
    PaperBroker b = broker(MID);
    long id = b.place(condor("r1", 2, NetPrice.credit(new BigDecimal("5.05"))));

    assertThat(rec.events).containsExactly("SUBMITTED");
    assertThat(rec.fills).isEmpty();
    assertThat(b.openOrders()).singleElement().satisfies(u -> {
      assertThat(u.ref()).isEqualTo(new OrderRef("r1"));
      assertThat(u.brokerId()).isEqualTo(id);
      assertThat(u.status()).isEqualTo(OrderStatus.SUBMITTED);
      assertThat(u.remaining()).isEqualTo(2);
    });
    assertThat(b.account().cash()).isEqualByComparingTo(START);

    b.cancel(new OrderRef("r1"));
    assertThat(rec.events).containsExactly("SUBMITTED", "CANCELLED");
    assertThat(rec.updates.get(1).brokerId()).isEqualTo(id);
    assertThat(b.openOrders()).isEmpty();
  }

  @Test
  void cancellingAnUnknownRefEmitsNothing() {
    PaperBroker b = broker(MID);
    b.cancel(new OrderRef("nope"));
    assertThat(rec.events).isEmpty();
  }

  @Test
  void duplicateRefIsRefused() {
    PaperBroker b = broker(MID);
    b.place(condor("r1", 1, NetPrice.credit(new BigDecimal("5.05"))));
    assertThatThrownBy(() -> b.place(condor("r1", 1, NetPrice.credit(new BigDecimal("5.00")))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("r1").hasMessageContaining("duplicate");
    b.place(condor("r2", 1, NetPrice.credit(new BigDecimal("5.00"))));
    assertThatThrownBy(() -> b.place(condor("r2", 1, NetPrice.credit(new BigDecimal("5.00")))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void unquotedLegMakesTheOrderInactive() {
    PaperBroker b = broker(MID);
    market.quotes.remove(LC);
    b.place(condor("r1", 1, NetPrice.credit(new BigDecimal("5.00"))));
    assertThat(rec.events).containsExactly("INACTIVE");
    assertThat(rec.updates.get(0).reason()).contains("5200 C");
    assertThat(b.openOrders()).isEmpty();
  }

  @Test
  void fullShareNeverFillsBetterThanTheNaturalPrice() {
    PaperBroker b = broker(uniform("1"));
    b.place(condor("r1", 1, NetPrice.credit(new BigDecimal("5.00"))));
    assertThat(rec.events).containsExactly("SUBMITTED");

    b.place(condor("r2", 1, NetPrice.credit(new BigDecimal("4.60"))));
    assertThat(rec.events).last().isEqualTo("FILLED");
    for (Fill f : rec.fills) {
      OptionQuote q = market.quotes.get(f.contract());
      if (f.side() == Side.BUY) {
        assertThat(f.price()).isGreaterThanOrEqualTo(q.ask());
      } else {
        assertThat(f.price()).isLessThanOrEqualTo(q.bid());
      }
    }
    assertThat(netOf(rec.fills, 1)).isEqualByComparingTo("-4.60");
  }

  @Test
  void threeQuarterShareFillsBetweenMidAndNatural() {
    PaperBroker b = broker(uniform("0.75"));
    b.place(condor("r1", 1, NetPrice.credit(new BigDecimal("4.80"))));
    assertThat(rec.events).last().isEqualTo("FILLED");
    // each leg moves 0.05 against the bot: -5.00 + 4 x 0.05 = -4.80
    assertThat(netOf(rec.fills, 1)).isEqualByComparingTo("-4.80");
  }

  // ---- the default fill model: a leg-count dependent share of the spread from the bid ----

  @Test
  void byDefaultAFourLegOrderAtMidRestsAndFillsAt56PercentOfTheComboSpreadFromItsBid() {
    PaperBroker b = broker(PaperConfig.Fill.DEFAULTS);
    // combo bid (the bot's worst side): 2.40 - 5.20 - 3.20 + 0.60 = -5.40; combo spread 4 x 0.20 = 0.80;
    // model price -5.40 + 0.56 x 0.80 = -4.952, a credit of 4.952 (mid 5.00, natural 4.60)
    b.place(condor("mid", 1, NetPrice.credit(new BigDecimal("5.00"))));
    assertThat(rec.events).containsExactly("SUBMITTED");
    assertThat(b.modelNetPrice(condor("x", 1, NetPrice.credit(BigDecimal.ONE)))).hasValueSatisfying(
        v -> assertThat(v).isEqualByComparingTo("-4.952"));

    b.modify(new OrderRef("mid"), NetPrice.credit(new BigDecimal("4.95")));
    assertThat(rec.events).last().isEqualTo("FILLED");
    assertThat(netOf(rec.fills, 1)).isEqualByComparingTo("-4.952");
    // every leg 0.56 of its own spread from its bid side: bought 2.40 + 0.112, sold 5.20 - 0.112, ...
    assertThat(rec.fills).extracting(f -> f.price().stripTrailingZeros().toPlainString())
        .containsExactly("2.512", "5.088", "3.088", "0.712");
  }

  @Test
  void byDefaultASingleOptionPays75PercentOfTheSpreadAndASaleReceivesTheMirror() {
    PaperBroker b = broker(PaperConfig.Fill.DEFAULTS);
    b.place(single("buy-mid", Side.BUY, LP, NetPrice.debit(new BigDecimal("2.50"))));
    assertThat(rec.fills).isEmpty();
    b.place(single("buy", Side.BUY, LP, NetPrice.debit(new BigDecimal("2.55"))));
    assertThat(rec.fills).singleElement().satisfies(f -> assertThat(f.price()).isEqualByComparingTo("2.55"));
    rec.fills.clear();
    // a sale fills at the ask minus 75% of the spread: 5.20 - 0.15 = 5.05
    b.place(single("sell-mid", Side.SELL, SP, NetPrice.credit(new BigDecimal("5.10"))));
    assertThat(rec.fills).isEmpty();
    b.place(single("sell", Side.SELL, SP, NetPrice.credit(new BigDecimal("5.05"))));
    assertThat(rec.fills).singleElement().satisfies(f -> assertThat(f.price()).isEqualByComparingTo("5.05"));
  }

  @Test
  void twoAndThreeLegOrdersPayTheirOwnShares() {
    PaperBroker b = broker(PaperConfig.Fill.DEFAULTS);
    // put vertical: bid 2.40 - 5.20 = -2.80, spread 0.40; at 0.66: -2.80 + 0.264 = -2.536
    OrderIntent vertical = new OrderIntent(new OrderRef("v"), OrderPurpose.OPEN_CONDOR, 1,
        List.of(ComboLeg.of(Side.BUY, LP), ComboLeg.of(Side.SELL, SP)), 1, NetPrice.credit(BigDecimal.ONE), "test");
    assertThat(b.modelNetPrice(vertical)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("-2.536"));
    // three legs: halfway between 0.66 and 0.56, 0.61: bid 2.40 - 5.20 - 3.20 = -6.00, spread 0.60 -> -6.00 + 0.366
    OrderIntent three = new OrderIntent(new OrderRef("t"), OrderPurpose.OPEN_CONDOR, 1,
        List.of(ComboLeg.of(Side.BUY, LP), ComboLeg.of(Side.SELL, SP), ComboLeg.of(Side.SELL, SC)), 1,
        NetPrice.credit(BigDecimal.ONE), "test");
    assertThat(b.modelNetPrice(three)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("-5.634"));
  }

  private static OrderIntent single(String ref, Side side, OptionContract c, NetPrice limit) {
    return new OrderIntent(new OrderRef(ref), OrderPurpose.OPEN_HEDGE, 0, List.of(ComboLeg.of(side, c)), 1, limit,
        "test");
  }

  @Test
  void settlementBelowTheShortPutPaysIntrinsicAndRemovesExpiringPositions() {
    PaperBroker b = broker(MID);
    b.place(condor("r1", 2, NetPrice.credit(new BigDecimal("5.00"))));
    OptionContract later = OptionContract.spxw(EXPIRY.plusDays(7), new BigDecimal("4700"), OptionRight.PUT);
    market.set(later, "1.00", "1.20");
    b.place(new OrderIntent(new OrderRef("r2"), OrderPurpose.OPEN_HEDGE, 0, List.of(ComboLeg.of(Side.BUY, later)), 1,
        NetPrice.debit(new BigDecimal("1.10")), "test"));
    BigDecimal cashBefore = b.account().cash();

    // SPX 4780: the short 4800 put owes 20 x 100 x 2 = 4,000; the other legs expire worthless
    BigDecimal moved = b.settleExpiring(EXPIRY, new BigDecimal("4780"));
    assertThat(moved).isEqualByComparingTo("-4000");
    assertThat(b.account().cash()).isEqualByComparingTo(cashBefore.add(moved));
    assertThat(b.positions()).extracting(Position::contract).containsExactly(later);
  }

  @Test
  void seriesThatDifferOnlyInRightOrStrikeAreSeparatePositionsInKeyOrder() {
    OptionContract call4800 = OptionContract.spxw(EXPIRY, new BigDecimal("4800"), OptionRight.CALL);
    OptionContract put480 = OptionContract.spxw(EXPIRY, new BigDecimal("480"), OptionRight.PUT);
    market.set(call4800, "1.00", "1.20");
    market.set(put480, "0.05", "0.15");
    PaperBroker b = broker(MID);
    b.place(new OrderIntent(new OrderRef("r1"), OrderPurpose.OPEN_HEDGE, 0, List.of(ComboLeg.of(Side.BUY, SP),
        ComboLeg.of(Side.BUY, call4800), ComboLeg.of(Side.BUY, put480)), 2, NetPrice.debit(new BigDecimal("7")), "test"));
    // in key order: "... 480 P" < "... 4800 C" < "... 4800 P"
    assertThat(b.positions()).extracting(Position::contract, Position::quantity).containsExactly(
        org.assertj.core.groups.Tuple.tuple(put480, 2L), org.assertj.core.groups.Tuple.tuple(call4800, 2L),
        org.assertj.core.groups.Tuple.tuple(SP, 2L));
    b.place(new OrderIntent(new OrderRef("r2"), OrderPurpose.CLOSE_HEDGE, 0, List.of(ComboLeg.of(Side.SELL, call4800)),
        2, NetPrice.credit(new BigDecimal("1.00")), "test"));
    assertThat(b.positions()).extracting(Position::contract).containsExactly(put480, SP);
    // the same series again after its position was closed: a new position at its new cost
    b.place(new OrderIntent(new OrderRef("r3"), OrderPurpose.OPEN_HEDGE, 0, List.of(ComboLeg.of(Side.BUY, call4800)),
        1, NetPrice.debit(new BigDecimal("1.10")), "test"));
    assertThat(b.positions()).extracting(Position::contract, Position::quantity).containsExactly(
        org.assertj.core.groups.Tuple.tuple(put480, 2L), org.assertj.core.groups.Tuple.tuple(call4800, 1L),
        org.assertj.core.groups.Tuple.tuple(SP, 2L));
  }

  @Test
  void executionIdsAreWrittenAsFormatWritesThem() {
    for (long n : new long[] {0, 1, 9, 10, 1234567, 12345678, 99999999, 100000000, 1234567890123L, Long.MAX_VALUE,
        -1, -1234567, Long.MIN_VALUE}) {
      assertThat(PaperBroker.execId(n)).isEqualTo(String.format(java.util.Locale.ROOT, "paper.%08d", n));
    }
  }

  @Test
  void settlementBeyondBothWingsOfEachSideCostsTheWidth() {
    PaperBroker b = broker(MID);
    b.place(condor("r1", 2, NetPrice.credit(new BigDecimal("5.00"))));
    // SPX 4700: long 4750 put +50 x 200 = 10,000, short 4800 put -100 x 200 = -20,000
    assertThat(b.settleExpiring(EXPIRY, new BigDecimal("4700"))).isEqualByComparingTo("-10000");
    assertThat(b.positions()).isEmpty();
  }

  @Test
  void settlementAboveTheShortCallPaysTheCallIntrinsic() {
    PaperBroker b = broker(MID);
    b.place(condor("r1", 2, NetPrice.credit(new BigDecimal("5.00"))));
    // SPX 5230.50: short 5150 call -80.50 x 200 = -16,100, long 5200 call +30.50 x 200 = +6,100
    assertThat(b.settleExpiring(EXPIRY, new BigDecimal("5230.50"))).isEqualByComparingTo("-10000");
  }

  @Test
  void settlementOnAnotherDateLeavesPositionsAlone() {
    PaperBroker b = broker(MID);
    b.place(condor("r1", 1, NetPrice.credit(new BigDecimal("5.00"))));
    assertThat(b.settleExpiring(EXPIRY.minusDays(1), new BigDecimal("4000"))).isEqualByComparingTo("0");
    assertThat(b.positions()).hasSize(4);
  }

  @Test
  void netLiquidationIsCashPlusPositionsAtMid() {
    PaperBroker b = broker(MID);
    b.place(condor("r1", 2, NetPrice.credit(new BigDecimal("5.00"))));
    // positions at mid: (2.50 - 5.10 - 3.10 + 0.70) x 100 x 2 = -1,000
    AccountSummary a = b.account();
    assertThat(a.netLiquidation()).isEqualByComparingTo(a.cash().subtract(new BigDecimal("1000")));

    // the short put's mid rises by 1.00: net liquidation falls by 1.00 x 100 x 2 = 200, cash does not move
    market.set(SP, "6.00", "6.20");
    AccountSummary after = b.account();
    assertThat(after.cash()).isEqualByComparingTo(a.cash());
    assertThat(after.netLiquidation()).isEqualByComparingTo(a.netLiquidation().subtract(new BigDecimal("200")));
  }

  @Test
  void unquotedPositionIsMarkedAtIntrinsic() {
    PaperBroker b = broker(MID);
    b.place(condor("r1", 1, NetPrice.credit(new BigDecimal("5.00"))));
    AccountSummary a = b.account();
    market.quotes.remove(SP);
    market.spx = 4790;
    // the short 4800 put, unquoted, marks at intrinsic 10 instead of mid 5.10: 4.90 x 100 worse
    assertThat(b.account().netLiquidation()).isEqualByComparingTo(a.netLiquidation().subtract(new BigDecimal("490")));
  }
}
