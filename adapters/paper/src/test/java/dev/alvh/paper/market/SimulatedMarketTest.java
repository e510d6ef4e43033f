package dev.alvh.paper.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SimulatedMarketTest {

  private static final BigDecimal TICK = new BigDecimal("0.05");
  private static final LocalDate GOOD_FRIDAY_2021 = LocalDate.of(2021, 4, 2);
  private static final Predicate<LocalDate> TRADING = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
      && d.getDayOfWeek() != DayOfWeek.SUNDAY && !d.equals(GOOD_FRIDAY_2021);

  private static Instant ny(LocalDate d, int h, int m) {
    return ZonedDateTime.of(d, LocalTime.of(h, m), Clock.MARKET_ZONE).toInstant();
  }

  private static SimulatedMarket market(VirtualClock clock, DailyBar... bars) {
    return new SimulatedMarket(List.of(bars), clock, MarketConfig.DEFAULTS, TRADING);
  }

  private static final LocalDate DAY = LocalDate.of(2024, 1, 8);
  private static final DailyBar BAR = new DailyBar(DAY, 4700, 4750, 14, 13, 16, 15.5);

  @Test
  void indicesAtTheOpenAreTheOpenAndAtTheCloseTheClose() {
    VirtualClock clock = new VirtualClock(ny(DAY, 9, 30));
    SimulatedMarket m = market(clock, BAR);
    IndexLevels open = m.indices();
    assertThat(open.spx()).isCloseTo(4700, within(1e-9));
    assertThat(open.vix()).isCloseTo(14, within(1e-9));
    assertThat(open.vix3m()).isCloseTo(16, within(1e-9));
    assertThat(open.asOf()).isEqualTo(clock.now());

    clock.set(ny(DAY, 16, 0));
    IndexLevels close = m.indices();
    assertThat(close.spx()).isCloseTo(4750, within(1e-9));
    assertThat(close.vix()).isCloseTo(13, within(1e-9));
    assertThat(close.vix3m()).isCloseTo(15.5, within(1e-9));
  }

  @Test
  void indicesMidSessionLieBetweenOpenAndClose() {
    VirtualClock clock = new VirtualClock(ny(DAY, 12, 45));
    IndexLevels mid = market(clock, BAR).indices();
    assertThat(mid.spx()).isStrictlyBetween(4700.0, 4750.0);
    assertThat(mid.vix()).isStrictlyBetween(13.0, 14.0);
  }

  @Test
  void indicesOnADayWithoutABarAreThePreviousClose() {
    VirtualClock clock = new VirtualClock(ny(DAY.plusDays(5), 11, 0)); // the Saturday after
    assertThat(market(clock, BAR).indices().spx()).isCloseTo(4750, within(1e-9));
  }

  @Test
  void expirationsBefore2022AreMondayWednesdayFridayTradingDaysOnlyAndGoodFridayMovesToThursday() {
    LocalDate day = LocalDate.of(2021, 3, 1); // a Monday
    VirtualClock clock = new VirtualClock(ny(day, 10, 0));
    List<LocalDate> exp = market(clock, new DailyBar(day, 3800, 3820, 25, 24, 27, 26.5))
        .expirations(OptionContract.SPXW);
    assertThat(exp).isNotEmpty().isSorted().doesNotHaveDuplicates();
    assertThat(exp.get(0)).isEqualTo(day);
    LocalDate thursdayBeforeGoodFriday = GOOD_FRIDAY_2021.minusDays(1);
    assertThat(exp).allSatisfy(d -> {
      if (!d.equals(thursdayBeforeGoodFriday)) {
        assertThat(d.getDayOfWeek()).isIn(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
      }
      assertThat(TRADING.test(d)).isTrue();
    });
    assertThat(exp).doesNotContain(GOOD_FRIDAY_2021)
        .contains(LocalDate.of(2021, 3, 31), thursdayBeforeGoodFriday, LocalDate.of(2021, 4, 5));
  }

  @Test
  void expirationsFrom2022AreEveryTradingDay() {
    VirtualClock clock = new VirtualClock(ny(DAY, 10, 0));
    List<LocalDate> exp = market(clock, BAR).expirations(OptionContract.SPXW);
    assertThat(exp).allSatisfy(d -> assertThat(TRADING.test(d)).isTrue());
    assertThat(exp.stream().map(LocalDate::getDayOfWeek).distinct().toList())
        .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
    assertThat(exp).contains(DAY.plusDays(1), DAY.plusDays(45)); // 2024-01-09 Tuesday, 2024-02-22 Thursday
  }

  @Test
  void unknownTradingClassesAreRefusedByName() {
    SimulatedMarket m = market(new VirtualClock(ny(DAY, 10, 0)), BAR);
    assertThatThrownBy(() -> m.expirations("VIXW")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tradingClass must be one of [SPXW, SPX, VIX] in the simulated market, but was 'VIXW'");
    assertThat(m.quote(new OptionContract("VIX", "VIXW", DAY.plusDays(30), new BigDecimal("20"), OptionRight.CALL,
        100))).isEmpty();
  }

  @Test
  void vixOptionOnADayThatIsNotAVixExpirationHasNoQuote() {
    SimulatedMarket m = market(new VirtualClock(ny(DAY, 10, 0)), BAR);
    assertThat(m.quote(OptionContract.vix(DAY.plusDays(30), new BigDecimal("20"), OptionRight.CALL))).isEmpty();
    assertThat(m.quote(OptionContract.vix(LocalDate.of(2024, 2, 14), new BigDecimal("20"), OptionRight.CALL)))
        .isPresent();
  }

  private static OptionChain chain45(VirtualClock clock) {
    return market(clock, BAR).chain(OptionContract.SPXW, DAY.plusDays(45));
  }

  @Test
  void putDeltasAreNegativeAndGrowInSizeWithStrike() {
    List<OptionQuote> puts = chain45(new VirtualClock(ny(DAY, 11, 0))).of(OptionRight.PUT);
    assertThat(puts).hasSizeGreaterThan(50);
    assertThat(puts).allSatisfy(q -> assertThat(q.delta()).isNegative().isGreaterThanOrEqualTo(-1.0));
    for (int i = 1; i < puts.size(); i++) {
      assertThat(puts.get(i).delta()).as("put delta at " + puts.get(i).contract().strike())
          .isLessThan(puts.get(i - 1).delta());
    }
  }

  @Test
  void callDeltasArePositiveAndFallWithStrike() {
    List<OptionQuote> calls = chain45(new VirtualClock(ny(DAY, 11, 0))).of(OptionRight.CALL);
    assertThat(calls).allSatisfy(q -> assertThat(q.delta()).isPositive().isLessThanOrEqualTo(1.0));
    for (int i = 1; i < calls.size(); i++) {
      assertThat(calls.get(i).delta()).as("call delta at " + calls.get(i).contract().strike())
          .isLessThan(calls.get(i - 1).delta());
    }
  }

  @Test
  void chainSpansSixteenDeltaOnBothSidesOnFiveSpxStrikes() {
    OptionChain c = chain45(new VirtualClock(ny(DAY, 11, 0)));
    assertThat(c.of(OptionRight.PUT).get(0).delta()).isGreaterThan(-0.16);
    assertThat(c.of(OptionRight.CALL).get(c.of(OptionRight.CALL).size() - 1).delta()).isLessThan(0.16);
    assertThat(c.quotes()).allSatisfy(q ->
        assertThat(q.contract().strike().remainder(new BigDecimal("5")).signum()).isZero());
  }

  @Test
  void bidsAndAsksAreOrderedAndOnTheNickelGrid() {
    OptionChain c = chain45(new VirtualClock(ny(DAY, 11, 0)));
    assertThat(c.quotes()).allSatisfy(q -> {
      assertThat(q.bid()).isLessThanOrEqualTo(q.ask());
      assertThat(q.bid().signum()).isNotNegative();
      assertThat(q.bid().remainder(TICK).signum()).as("bid " + q.bid()).isZero();
      assertThat(q.ask().remainder(TICK).signum()).as("ask " + q.ask()).isZero();
    });
  }

  @Test
  void putCallParityHoldsForMidsAtTheMoney() {
    VirtualClock clock = new VirtualClock(ny(DAY, 11, 0));
    SimulatedMarket m = market(clock, BAR);
    LocalDate expiry = DAY.plusDays(45);
    OptionChain c = m.chain(OptionContract.SPXW, expiry);
    double spot = m.indices().spx();
    MarketConfig cfg = MarketConfig.DEFAULTS;
    double years = java.time.Duration.between(clock.now(), ny(expiry, 16, 0)).toSeconds() / (365.0 * 86_400);
    double r = cfg.ratePct() / 100;
    double q = cfg.dividendYieldPct() / 100;
    BigDecimal atm = BigDecimal.valueOf(Math.round(spot / 5) * 5L);
    OptionQuote call = c.find(atm, OptionRight.CALL).orElseThrow();
    OptionQuote put = c.find(atm, OptionRight.PUT).orElseThrow();
    double lhs = call.mid().doubleValue() - put.mid().doubleValue();
    double rhs = spot * Math.exp(-q * years) - atm.doubleValue() * Math.exp(-r * years);
    assertThat(lhs).isCloseTo(rhs, within(0.15));
  }

  @Test
  void quoteOfAListedContractEqualsTheChainsQuoteAtTheSameInstant() {
    VirtualClock clock = new VirtualClock(ny(DAY, 11, 0));
    SimulatedMarket m = market(clock, BAR);
    OptionChain c = m.chain(OptionContract.SPXW, DAY.plusDays(45));
    for (OptionQuote fromChain : Set.of(c.of(OptionRight.PUT).get(10), c.of(OptionRight.CALL).get(20))) {
      OptionContract rebuilt = OptionContract.spxw(fromChain.contract().expiry(),
          new BigDecimal(fromChain.contract().strike().toPlainString()), fromChain.contract().right());
      assertThat(m.quote(rebuilt)).contains(fromChain);
    }
  }

  @Test
  void chainIsRepricedWhenTheClockMoves() {
    VirtualClock clock = new VirtualClock(ny(DAY, 9, 30));
    SimulatedMarket m = market(clock, BAR);
    OptionChain atOpen = m.chain(OptionContract.SPXW, DAY.plusDays(45));
    clock.set(ny(DAY, 16, 0));
    OptionChain atClose = m.chain(OptionContract.SPXW, DAY.plusDays(45));
    assertThat(atClose.underlying()).isCloseTo(4750, within(1e-9));
    assertThat(atOpen.underlying()).isCloseTo(4700, within(1e-9));
  }

  /** The quote of {@code c} from a market that priced nothing before (no kept quotes). */
  private static OptionQuote freshQuote(Instant at, OptionContract c) {
    return market(new VirtualClock(at), BAR).quote(c).orElseThrow();
  }

  @Test
  void quotesKeptWithinAnInstantAreEachSeriesOwn() {
    Instant at = ny(DAY, 11, 0);
    SimulatedMarket m = market(new VirtualClock(at), BAR);
    LocalDate monthly = LocalDate.of(2024, 2, 16);
    OptionContract put = OptionContract.spxw(monthly, new BigDecimal("4600"), OptionRight.PUT);
    List<OptionContract> others = List.of(
        OptionContract.spxw(monthly, new BigDecimal("4600"), OptionRight.CALL),
        OptionContract.spxw(monthly, new BigDecimal("4650"), OptionRight.PUT),
        OptionContract.spxw(monthly.minusDays(2), new BigDecimal("4600"), OptionRight.PUT),
        new OptionContract("SPX", OptionContract.SPX_AM, monthly, new BigDecimal("4600"), OptionRight.PUT, 100));
    OptionQuote first = m.quote(put).orElseThrow();
    assertThat(m.quote(put)).containsSame(first);
    for (OptionContract c : others) {
      OptionQuote q = m.quote(c).orElseThrow();
      assertThat(q.contract()).isEqualTo(c);
      assertThat(q).isEqualTo(freshQuote(at, c)).isNotEqualTo(first);
    }
  }

  @Test
  void keptQuotesArePricedAgainWhenTheClockMoves() {
    VirtualClock clock = new VirtualClock(ny(DAY, 11, 0));
    SimulatedMarket m = market(clock, BAR);
    OptionContract put = OptionContract.spxw(DAY.plusDays(10), new BigDecimal("4600"), OptionRight.PUT);
    OptionContract vix = OptionContract.vix(LocalDate.of(2024, 1, 17), new BigDecimal("15"), OptionRight.CALL);
    OptionQuote before = m.quote(put).orElseThrow();
    OptionQuote vixBefore = m.quote(vix).orElseThrow();
    clock.set(ny(DAY, 15, 0));
    assertThat(m.quote(put)).contains(freshQuote(clock.now(), put)).isNotEqualTo(java.util.Optional.of(before));
    assertThat(m.quote(vix)).contains(freshQuote(clock.now(), vix)).isNotEqualTo(java.util.Optional.of(vixBefore));
  }

  private static final MarketHistory ONE_DAY = MarketHistory.of(List.of(BAR));

  private static SimulatedMarket sharing(VirtualClock clock, SimulatedMarket.ChainMemo memo) {
    return new SimulatedMarket(ONE_DAY, clock, MarketConfig.DEFAULTS, TRADING).shareChains(memo);
  }

  @Test
  void sharedChainsAreTheChainsEachMarketWouldPriceItself() {
    SimulatedMarket.ChainMemo memo = new SimulatedMarket.ChainMemo(2, 8);
    VirtualClock ca = new VirtualClock(ny(DAY, 11, 0));
    VirtualClock cb = new VirtualClock(ny(DAY, 11, 0));
    SimulatedMarket a = sharing(ca, memo);
    SimulatedMarket b = sharing(cb, memo);
    LocalDate monthly = LocalDate.of(2024, 2, 16);
    OptionChain priced = a.chain(OptionContract.SPXW, monthly);
    assertThat(memo.size()).isEqualTo(1);
    OptionChain taken = b.chain(OptionContract.SPXW, monthly);
    assertThat(memo.size()).isZero();
    assertThat(taken).isEqualTo(priced).isEqualTo(market(new VirtualClock(ca.now()), BAR).chain(OptionContract.SPXW,
        monthly));

    // another class, another expiry, another instant: each its own chain
    LocalDate march = LocalDate.of(2024, 3, 15);
    a.chain(OptionContract.SPXW, march);
    assertThat(b.chain(OptionContract.SPX_AM, march))
        .isEqualTo(market(new VirtualClock(cb.now()), BAR).chain(OptionContract.SPX_AM, march));
    a.chain(OptionContract.SPXW, monthly.minusDays(2));
    assertThat(b.chain(OptionContract.SPXW, monthly.plusDays(7)))
        .isEqualTo(market(new VirtualClock(cb.now()), BAR).chain(OptionContract.SPXW, monthly.plusDays(7)));
    a.chain(OptionContract.SPXW, monthly.plusDays(14));
    cb.set(ny(DAY, 15, 0));
    assertThat(b.chain(OptionContract.SPXW, monthly.plusDays(14)))
        .isEqualTo(market(new VirtualClock(cb.now()), BAR).chain(OptionContract.SPXW, monthly.plusDays(14)));
  }

  @Test
  void aChainPricedByTwoMarketsAtOnceWaitsOnlyForTheMarketsThatStillNeedIt() {
    Instant at = ny(DAY, 11, 0);
    LocalDate expiry = LocalDate.of(2024, 3, 15);
    SimulatedMarket.ChainMemo two = new SimulatedMarket.ChainMemo(2, 8);
    two.leave(at, OptionContract.SPXW, expiry, List.of());
    two.leave(at, OptionContract.SPXW, expiry, List.of());
    assertThat(two.size()).as("both sharers priced it: nobody is left to take it").isZero();
    assertThat(two.priced()).isEqualTo(2);

    SimulatedMarket.ChainMemo three = new SimulatedMarket.ChainMemo(3, 8);
    three.leave(at, OptionContract.SPXW, expiry, List.of());
    three.leave(at, OptionContract.SPXW, expiry, List.of());
    assertThat(three.size()).isEqualTo(1);
    assertThat(three.take(at, OptionContract.SPXW, expiry)).isEmpty();
    assertThat(three.size()).as("the third market took it").isZero();
  }

  @Test
  void chainMemoKeepsAtMostItsCapacity() {
    SimulatedMarket.ChainMemo memo = new SimulatedMarket.ChainMemo(3, 2);
    SimulatedMarket a = sharing(new VirtualClock(ny(DAY, 11, 0)), memo);
    for (int week = 1; week <= 4; week++) {
      a.chain(OptionContract.SPXW, LocalDate.of(2024, 2, 16).plusDays(7L * week));
    }
    assertThat(memo.size()).isEqualTo(2);
  }

  @Test
  void chainMemoServesMarketsOverTheSameInputsOnly() {
    SimulatedMarket.ChainMemo memo = new SimulatedMarket.ChainMemo(2, 8);
    sharing(new VirtualClock(ny(DAY, 11, 0)), memo);
    SimulatedMarket otherHistory = market(new VirtualClock(ny(DAY, 11, 0)), BAR);
    assertThatThrownBy(() -> otherHistory.shareChains(memo)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("memo");
    SimulatedMarket otherPath = new SimulatedMarket(ONE_DAY, new VirtualClock(ny(DAY, 11, 0)), MarketConfig.DEFAULTS,
        TRADING, (IntradayPath) null);
    assertThatThrownBy(() -> otherPath.shareChains(memo)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void expiredContractHasNoQuote() {
    VirtualClock clock = new VirtualClock(ny(DAY, 11, 0));
    SimulatedMarket m = market(clock, BAR);
    assertThat(m.quote(OptionContract.spxw(DAY.minusDays(1), new BigDecimal("4700"), OptionRight.PUT))).isEmpty();
  }

  @Test
  void spxCloseIsTheSettlementValueOfTheDay() {
    SimulatedMarket m = market(new VirtualClock(ny(DAY, 11, 0)), BAR);
    assertThat(m.spxClose(DAY)).get().isEqualTo(new BigDecimal("4750.00"));
    assertThat(m.spxClose(DAY.plusDays(1))).isEmpty();
  }
}
