package dev.alvh.paper.chains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.Clock;
import dev.alvh.core.time.VirtualClock;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.MarketHistory;
import dev.alvh.paper.market.SimulatedMarket;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The market quotes a real chain's contracts from the file and everything else from the model. */
class ChainOverlayTest {

  private static final LocalDate DAY = LocalDate.of(2024, 1, 8);
  private static final LocalDate FEB16 = LocalDate.of(2024, 2, 16);
  private static final Predicate<LocalDate> TRADING = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
      && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  private static final MarketHistory HISTORY = MarketHistory.of(List.of(
      new DailyBar(DAY, 4700, 4750, 14, 13, 16, 15.5),
      new DailyBar(DAY.plusDays(1), 4750, 4760, 13, 12.8, 15.5, 15.4)));
  private static final Instant CYCLE = at(DAY, 15, 45);

  private VirtualClock clock;
  private ChainOverlay overlay;
  private SimulatedMarket market;
  private SimulatedMarket plain;

  private static Instant at(LocalDate d, int h, int m) {
    return ZonedDateTime.of(d, LocalTime.of(h, m), Clock.MARKET_ZONE).toInstant();
  }

  private static OptionContract spxw(String strike, OptionRight r) {
    return OptionContract.spxw(FEB16, new BigDecimal(strike), r);
  }

  private void use(ChainIndex index) {
    use(index, CYCLE);
  }

  private void use(ChainIndex index, Instant start) {
    clock = new VirtualClock(start);
    overlay = new ChainOverlay(index, MarketConfig.DEFAULTS, Map.of(DAY, CYCLE)::get);
    market = new SimulatedMarket(HISTORY, clock, MarketConfig.DEFAULTS, TRADING, overlay);
    plain = new SimulatedMarket(HISTORY, clock, MarketConfig.DEFAULTS, TRADING);
  }

  @BeforeEach
  void dataShopFixture() throws IOException {
    use(ChainFiles.load("datashop.csv", Files.newBufferedReader(ChainFilesTest.fixtures()
        .resolve("datashop-2024-01-08.csv"))).index());
  }

  @Test
  void aRealQuoteWinsAndAContractTheFileLacksIsTheModels() {
    OptionQuote real = market.quote(spxw("4600", OptionRight.PUT)).orElseThrow();
    assertThat(real.bid()).isEqualByComparingTo("31.10");
    assertThat(real.ask()).isEqualByComparingTo("31.50");
    assertThat(real).isNotEqualTo(plain.quote(spxw("4600", OptionRight.PUT)).orElseThrow());
    OptionQuote am = market.quote(new OptionContract("SPX", "SPX", FEB16, new BigDecimal("4750"), OptionRight.CALL,
        100)).orElseThrow();
    assertThat(am.bid()).isEqualByComparingTo("78.00");
    assertThat(am.ask()).isEqualByComparingTo("78.90");

    OptionContract missing = spxw("4605", OptionRight.PUT);
    assertThat(market.quote(missing)).isEqualTo(plain.quote(missing));
    assertThat(overlay.counts()).isEqualTo(new ChainOverlay.Counts(2, 1, 1));
  }

  @Test
  void aRealQuoteCarriesTheVolatilityOfItsMidAndTheMarketsDelta() {
    OptionQuote p = market.quote(spxw("4600", OptionRight.PUT)).orElseThrow();
    OptionQuote c = market.quote(spxw("4900", OptionRight.CALL)).orElseThrow();
    // The fixture is made at 13-14% vol and a forward of about 4762.8.
    assertThat(p.iv()).isBetween(0.12, 0.16);
    assertThat(c.iv()).isBetween(0.10, 0.14);
    assertThat(p.delta()).isBetween(-0.25, -0.12);
    assertThat(c.delta()).isBetween(0.12, 0.30);
    ExpiryChain chain = ChainFiles.load("d.csv", new StringReader(fixtureText())).index().chain(DAY, "SPXW", FEB16)
        .orElseThrow();
    double years = 39.0 / 365;
    assertThat(ChainOverlay.parityForward(chain, years, 0.03, 0.015)).isCloseTo(4762.8, within(1.0));
  }

  @Test
  void beforeTheDaysLastCycleAndOnOtherDaysTheModelQuotes() throws IOException {
    use(ChainFiles.load("datashop.csv", Files.newBufferedReader(ChainFilesTest.fixtures()
        .resolve("datashop-2024-01-08.csv"))).index(), at(DAY, 10, 0));
    OptionContract c = spxw("4600", OptionRight.PUT);
    assertThat(market.quote(c)).as("10:00, before the last cycle").isEqualTo(plain.quote(c));
    clock.set(at(DAY, 16, 5));
    assertThat(market.quote(c).orElseThrow().bid()).as("end of day of the chain day").isEqualByComparingTo("31.10");
    clock.set(at(DAY.plusDays(1), 15, 45));
    assertThat(market.quote(c)).as("a day without chain").isEqualTo(plain.quote(c));
    assertThat(overlay.counts()).isEqualTo(new ChainOverlay.Counts(1, 2, 0));
  }

  @Test
  void aChainHoldsTheModelGridWithTheFilesQuotesInIt() {
    OptionChain chain = market.chain("SPXW", FEB16);
    OptionChain model = plain.chain("SPXW", FEB16);
    assertThat(chain.quotes()).hasSameSizeAs(model.quotes());
    assertThat(chain.find(new BigDecimal("4750"), OptionRight.CALL).orElseThrow().ask()).isEqualByComparingTo("79.40");
    assertThat(chain.find(new BigDecimal("4755"), OptionRight.CALL))
        .isEqualTo(model.find(new BigDecimal("4755"), OptionRight.CALL));
    assertThat(overlay.counts().realChain()).isEqualTo(6);
    assertThat(overlay.counts().modelOnChainDays()).isEqualTo(model.quotes().size() - 6);
  }

  @Test
  void aStrikeOffTheModelGridIsListedAndTheFilesExpirationsReplaceTheModelsInTheirRange() {
    use(ChainFiles.load("s.csv", new StringReader(
        "quote_date,underlying_snapshot,root,expiration,type,strike,bid,ask\n"
            + "2024-01-08,4745,SPXW,2024-01-19,put,4612.5,6.1,6.5\n"
            + "2024-01-08,4745,SPXW,2024-02-16,put,4600,31.1,31.5\n")).index());
    OptionChain jan19 = market.chain("SPXW", LocalDate.of(2024, 1, 19));
    assertThat(jan19.find(new BigDecimal("4612.5"), OptionRight.PUT).orElseThrow().bid()).isEqualByComparingTo("6.1");
    assertThat(jan19.find(new BigDecimal("4612.5"), OptionRight.CALL)).as("the file lacks it: the model's").isPresent();
    assertThat(jan19.quotes()).hasSize(plain.chain("SPXW", LocalDate.of(2024, 1, 19)).quotes().size() + 2);

    List<LocalDate> listed = market.expirations("SPXW");
    List<LocalDate> model = plain.expirations("SPXW");
    assertThat(model).contains(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 22), LocalDate.of(2024, 2, 21));
    assertThat(listed).contains(LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 19),
        FEB16, LocalDate.of(2024, 2, 21)).doesNotContain(LocalDate.of(2024, 1, 22), LocalDate.of(2024, 2, 14));
    assertThat(market.expirations("SPX")).isEqualTo(plain.expirations("SPX"));
  }

  @Test
  void withoutChainsTheMarketIsTheModelAndCountsIt() {
    use(ChainIndex.EMPTY);
    OptionContract c = spxw("4600", OptionRight.PUT);
    assertThat(market.quote(c)).isEqualTo(plain.quote(c));
    assertThat(market.chain("SPXW", FEB16)).isEqualTo(plain.chain("SPXW", FEB16));
    assertThat(overlay.counts().realChain()).isZero();
    assertThat(overlay.counts().model()).isEqualTo(1 + plain.chain("SPXW", FEB16).quotes().size());
  }

  private static String fixtureText() {
    try {
      return Files.readString(ChainFilesTest.fixtures().resolve("datashop-2024-01-08.csv"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
