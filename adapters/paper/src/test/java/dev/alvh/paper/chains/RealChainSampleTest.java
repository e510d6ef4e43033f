package dev.alvh.paper.chains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alvh.core.config.MarketConfig;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.Clock;
import dev.alvh.paper.SharedData;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The 2019 SPX/SPXW sample of {@code shared/data/options}, as its README describes it. */
class RealChainSampleTest {

  private static ChainFiles.Loaded loaded;

  @BeforeAll
  static void load() {
    Optional<Path> dir = SharedData.dir().map(d -> d.resolve("options")).filter(Files::isDirectory);
    assumeTrue(dir.isPresent(), "shared/data/options is absent; skipping the real option chain sample");
    loaded = ChainFiles.load(dir.get());
  }

  @Test
  void everyRowOfTheSampleIsAQuote() {
    ChainFiles.Report r = loaded.report();
    assertThat(r.files()).containsValue(ChainLayout.SAMPLE_2019);
    assertThat(r.rows()).isEqualTo(224_504);
    assertThat(r.quotes()).isEqualTo(224_504);
    assertThat(r.leftOut()).isEmpty();
    assertThat(r.dates()).isEqualTo(28);
    assertThat(loaded.index().dates().first()).isEqualTo(LocalDate.of(2019, 4, 25));
    assertThat(loaded.index().dates().last()).isEqualTo(LocalDate.of(2019, 7, 19));
    LocalDate first = LocalDate.of(2019, 4, 25);
    long rows = 0;
    for (String root : new String[] {"SPXW", "SPX"}) {
      rows += loaded.index().expiries(first, root).values().stream().mapToLong(ExpiryChain::size).sum();
    }
    assertThat(rows).isEqualTo(7265);
    assertThat(loaded.index().expiries(first, "SPXW")).hasSize(19);
    assertThat(loaded.index().expiries(first, "SPX")).hasSize(4);
  }

  @Test
  void theParityForwardNearThirtyDaysLiesByTheSnapshotLevel() {
    // The README: at about 30 DTE the parity forward (6 pairs, rate 2%) is within -1.8 to +3.8 of the snapshot.
    for (LocalDate d : loaded.index().dates()) {
      ExpiryChain c = loaded.index().expiries(d, "SPXW").values().stream()
          .min((a, b) -> Long.compare(Math.abs(ChronoUnit.DAYS.between(d, a.expiry()) - 30),
              Math.abs(ChronoUnit.DAYS.between(d, b.expiry()) - 30))).orElseThrow();
      double years = ChronoUnit.DAYS.between(d, c.expiry()) / 365.0;
      double gap = ChainOverlay.parityForward(c, years, 0.02, 0.0) - c.underlying();
      assertThat(gap).as("forward - snapshot on %s, expiry %s", d, c.expiry()).isBetween(-2.5, 4.5);
    }
  }

  @Test
  void aServedQuoteOfTheSampleHasAPlausibleVolatilityAndDelta() {
    LocalDate d = LocalDate.of(2019, 5, 14);
    Instant cycle = d.atTime(LocalTime.of(15, 45)).atZone(Clock.MARKET_ZONE).toInstant();
    ChainOverlay o = new ChainOverlay(loaded.index(), MarketConfig.DEFAULTS, Map.of(d, cycle)::get);
    ExpiryChain c = loaded.index().expiries(d, "SPXW").ceilingEntry(d.plusDays(30)).getValue();
    BigDecimal atm = c.of(OptionRight.PUT).floorKey(BigDecimal.valueOf(c.underlying()));
    OptionQuote put = o.quote(OptionContract.spxw(c.expiry(), atm, OptionRight.PUT), cycle).orElseThrow();
    // 2019-05-14: VIX closed at 18.06 after the 05-13 sell-off.
    assertThat(put.iv()).isBetween(0.12, 0.24);
    assertThat(put.delta()).isBetween(-0.6, -0.4);
    assertThat(o.counts()).isEqualTo(new ChainOverlay.Counts(1, 0, 0));
  }
}
