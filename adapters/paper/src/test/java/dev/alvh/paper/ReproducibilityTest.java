package dev.alvh.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.config.PaperBrokerConfig;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.MarketHistory;
import dev.alvh.paper.market.SimulatedMarket;
import dev.alvh.paper.market.SyntheticHistory;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Same seed, same history, same chains, same fills and settlements. */
class ReproducibilityTest {

  private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
      && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  private static final LocalDate START = LocalDate.of(2023, 1, 2);

  /** What one run produced: chains at one instant, fills, the settlement ledger and the final cash. */
  record Run(OptionChain vix, OptionChain spxw, List<Fill> fills, List<PaperBroker.Settlement> settlements,
      BigDecimal cash) {
  }

  private static Run run(long seed) {
    MarketHistory h = SyntheticHistory.twoCyclesHistory(seed, START, 504, 3000, WEEKDAYS);
    DailyBar day = h.bars().get(120);
    VirtualClock clock = new VirtualClock(day.date().atTime(LocalTime.of(11, 0)).atZone(Clock.MARKET_ZONE)
        .toInstant());
    SimulatedMarket m = new SimulatedMarket(h, clock, MarketConfig.DEFAULTS, WEEKDAYS);
    LocalDate vixExpiry = m.expirations(OptionContract.VIX).get(0);
    LocalDate spxwExpiry = m.expirations(OptionContract.SPXW).get(20);
    OptionChain vix = m.chain(OptionContract.VIX, vixExpiry);
    OptionChain spxw = m.chain(OptionContract.SPXW, spxwExpiry);

    List<Fill> fills = new ArrayList<>();
    BigDecimal s = new BigDecimal("0.75");
    PaperBroker b = new PaperBroker(m, clock, new PaperBrokerConfig(new BigDecimal("1000000"),
        new BigDecimal("0.65"), new BigDecimal("0.60"), 0.5, seed),
        new dev.alvh.paper.config.PaperConfig.Fill(dev.alvh.paper.config.PaperConfig.FillModel.SHARE_OF_SPREAD, s, s, s));
    b.setListener(new BrokerListener() {
      @Override
      public void orderUpdated(OrderUpdate update) {
      }

      @Override
      public void filled(Fill fill) {
        fills.add(fill);
      }
    });
    OptionContract call = vix.nearestDelta(OptionRight.CALL, 0.3).orElseThrow().contract();
    b.place(new OrderIntent(new OrderRef("r1"), OrderPurpose.OPEN_CONDOR, 1, List.of(ComboLeg.of(Side.BUY, call)),
        9, NetPrice.debit(new BigDecimal("100")), "reproducibility"));
    while (!b.openOrders().isEmpty()) {
      b.matchWorking();
    }
    clock.set(vixExpiry.atTime(LocalTime.of(16, 5)).atZone(Clock.MARKET_ZONE).toInstant());
    b.settleExpiring(vixExpiry);
    return new Run(vix, spxw, fills, b.settlements(), b.account().cash());
  }

  @Test
  void sameSeedGivesTheSameChainsFillsAndSettlements() {
    Run a = run(20160104L);
    Run b = run(20160104L);
    assertThat(b).isEqualTo(a);
    assertThat(a.fills()).hasSizeGreaterThan(1);
    assertThat(a.settlements()).singleElement().satisfies(s -> assertThat(s.quantity()).isEqualTo(9));
  }

  @Test
  void anotherSeedGivesAnotherMarket() {
    Run a = run(20160104L);
    Run c = run(99L);
    assertThat(c.vix()).isNotEqualTo(a.vix());
    assertThat(c.spxw().underlying()).isNotEqualTo(a.spxw().underlying());
  }
}
