package dev.alvh.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.store.Store;
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
import dev.alvh.core.port.MarketData;
import dev.alvh.core.time.VirtualClock;
import dev.alvh.paper.broker.PaperBroker;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The price walk of {@link OrderDesk} against the real paper broker and its fill model
 * ({@code paper.fill.*}): by default an order at mid rests, and the walk fills it at the model's
 * share of the spread; the steps are stored and counted.
 */
class OrderDeskFillModelTest {

  private static final Instant START = Instant.parse("2024-01-08T20:45:00Z");
  private static final LocalDate E = LocalDate.of(2024, 2, 23);
  private static final LocalDate VIX_E = LocalDate.of(2024, 2, 14);
  private static final OptionContract VIX_CALL = OptionContract.vix(VIX_E, new BigDecimal("20"), OptionRight.CALL);

  @TempDir
  Path dir;

  private Store store;
  private final VirtualClock clock = new VirtualClock(START);
  private final Map<OptionContract, OptionQuote> quotes = new HashMap<>();
  private final MarketData market = new MarketData() {
    @Override
    public IndexLevels indices() {
      return new IndexLevels(START, 5000, 15, 17);
    }

    @Override
    public List<LocalDate> expirations(String tradingClass) {
      return List.of(OptionContract.VIX.equals(tradingClass) ? VIX_E : E);
    }

    @Override
    public OptionChain chain(String tradingClass, LocalDate expiry) {
      return new OptionChain(tradingClass, expiry, 5000, quotes.values().stream()
          .filter(q -> q.contract().expiry().equals(expiry)).toList());
    }

    @Override
    public Optional<OptionQuote> quote(OptionContract contract) {
      return Optional.ofNullable(quotes.get(contract));
    }
  };

  private void put(OptionContract c, String bid, String ask) {
    quotes.put(c, new OptionQuote(c, new BigDecimal(bid), new BigDecimal(ask), 0.2, 0.16, 0.001, 5, -0.5));
  }

  private static OptionContract spxw(int strike, OptionRight r) {
    return OptionContract.spxw(E, BigDecimal.valueOf(strike), r);
  }

  @BeforeEach
  void setUp() {
    store = Store.open(dir, "fills");
    // condor: mid credit 5.10 + 3.10 - 2.50 - 0.70 = 5.00 (on the 0.05 grid), natural 5.00 + 3.00 - 2.60 - 0.80
    // = 4.60, combo spread 4 x 0.20 = 0.80, combo bid (the bot's worst side) a credit of 5.40
    put(spxw(4750, OptionRight.PUT), "2.40", "2.60");
    put(spxw(4800, OptionRight.PUT), "5.00", "5.20");
    put(spxw(5150, OptionRight.CALL), "3.00", "3.20");
    put(spxw(5200, OptionRight.CALL), "0.60", "0.80");
    // VIX call: mid 1.20, spread 0.40, 0.05 ticks below 3.00
    put(VIX_CALL, "1.00", "1.40");
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private OrderDesk desk(BotConfig config) {
    PaperBroker broker = new PaperBroker(market, clock, config.broker().paper(), config.paper().fill());
    OrderDesk d = new OrderDesk(config, clock, market, broker, store);
    d.pauseWith(p -> clock.set(clock.now().plus(p)));
    return d;
  }

  private static OrderIntent condor() {
    return new OrderIntent(new OrderRef("alvh-T0001-open-202401081545"), OrderPurpose.OPEN_CONDOR, 1, List.of(
        ComboLeg.of(Side.BUY, spxw(4750, OptionRight.PUT)), ComboLeg.of(Side.SELL, spxw(4800, OptionRight.PUT)),
        ComboLeg.of(Side.SELL, spxw(5150, OptionRight.CALL)), ComboLeg.of(Side.BUY, spxw(5200, OptionRight.CALL))),
        2, NetPrice.credit(new BigDecimal("5.00")), "test condor");
  }

  private static OrderIntent vixCall() {
    return new OrderIntent(new OrderRef("alvh-H0001-open-202401081545"), OrderPurpose.OPEN_HEDGE, 0,
        List.of(ComboLeg.of(Side.BUY, VIX_CALL)), 3, NetPrice.debit(new BigDecimal("1.20")), "test hedge");
  }

  private List<String> storedSteps(OrderDesk d, OrderIntent o) {
    return d.orders().steps(o.ref()).stream().map(v -> v.stripTrailingZeros().toPlainString()).toList();
  }

  @Test
  void byDefaultAFourLegOrderAtMidRestsAndTheWalkFillsItAtStepOneAt56PercentOfTheSpread() {
    OrderDesk d = desk(BotConfig.DEFAULTS);
    OrderDesk.Result r = d.submit(condor(), res -> { });

    assertThat(r.outcome()).isEqualTo(OrderDesk.Outcome.FILLED);
    // the mid (credit 5.00) rested; 4 steps toward natural 4.60 are 0.10 each: 4.90 reaches the model
    // price 5.40 - 0.56 x 0.80 = 4.952 and fills there, not at the limit
    assertThat(storedSteps(d, condor())).containsExactly("-5", "-4.9");
    assertThat(r.creditPerCombo()).isEqualByComparingTo("4.952");
    assertThat(d.walkEnds()).singleElement().satisfies(w -> {
      assertThat(w.step()).isEqualTo(1);
      assertThat(w.legs()).isEqualTo(4);
      assertThat(w.sharePaid()).isEqualByComparingTo("0.56");
    });
    assertThat(store.jdbc().queryOne("SELECT steps FROM orders WHERE ref=?", rs -> rs.getInt(1),
        condor().ref().value())).contains(1);
  }

  @Test
  void byDefaultASingleVixCallAtMidRestsAndTheWalkFillsItAtStepTwoAt75PercentOfTheSpread() {
    OrderDesk d = desk(BotConfig.DEFAULTS);
    OrderDesk.Result r = d.submit(vixCall(), res -> { });

    assertThat(r.outcome()).isEqualTo(OrderDesk.Outcome.FILLED);
    // mid 1.20 rests, 1.25 rests, 1.30 = 1.00 + 0.75 x 0.40 fills
    assertThat(storedSteps(d, vixCall())).containsExactly("1.2", "1.25", "1.3");
    assertThat(r.fills()).singleElement().satisfies(f -> {
      assertThat(f.price()).isEqualByComparingTo("1.30");
      assertThat(f.quantity()).isEqualTo(3);
    });
    assertThat(d.walkEnds()).singleElement().satisfies(w -> {
      assertThat(w.step()).isEqualTo(2);
      assertThat(w.sharePaid()).isEqualByComparingTo("0.75");
    });
  }

  @Test
  void atMidSettingBothFillAtTheFirstPrice() {
    BotConfig mid = ConfigLoader.withOverrides(BotConfig.DEFAULTS, Map.of("paper.fill.model", "MID"), "test");
    OrderDesk d = desk(mid);
    assertThat(d.submit(condor(), res -> { }).creditPerCombo()).isEqualByComparingTo("5.00");
    assertThat(d.submit(vixCall(), res -> { }).outcome()).isEqualTo(OrderDesk.Outcome.FILLED);
    assertThat(d.walkEnds()).extracting(WalkEnd::step).containsExactly(0, 0);
    assertThat(d.walkEnds()).allSatisfy(w -> assertThat(w.sharePaid()).isEqualByComparingTo("0.5"));
  }

  @Test
  void atTheNaturalShareTheWalkEndsAtNaturalNeverPastItAndFills() {
    BotConfig natural = ConfigLoader.withOverrides(BotConfig.DEFAULTS, Map.of("paper.fill.shareOneLeg", "1",
        "paper.fill.shareFourLegs", "1"), "test");
    OrderDesk d = desk(natural);
    OrderDesk.Result r = d.submit(condor(), res -> { });
    assertThat(storedSteps(d, condor())).containsExactly("-5", "-4.9", "-4.8", "-4.7", "-4.6");
    assertThat(r.outcome()).isEqualTo(OrderDesk.Outcome.FILLED);
    assertThat(r.creditPerCombo()).isEqualByComparingTo("4.60");
    OrderDesk.Result v = d.submit(vixCall(), res -> { });
    assertThat(storedSteps(d, vixCall())).containsExactly("1.2", "1.25", "1.3", "1.35", "1.4");
    assertThat(v.fills()).singleElement().satisfies(f -> assertThat(f.price()).isEqualByComparingTo("1.40"));
    assertThat(d.walkEnds()).extracting(WalkEnd::step).containsExactly(4, 4);
  }
}
