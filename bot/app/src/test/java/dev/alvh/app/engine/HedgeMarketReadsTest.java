package dev.alvh.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.port.SettlementPrices;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The price an expiring hedge position settles against. */
class HedgeMarketReadsTest {

  private static final LocalDate APR = LocalDate.of(2020, 4, 15);

  /** A market with SPX 5000, VIX 30, an optional VX future and an optional published settlement price. */
  private static final class Market implements MarketData, SettlementPrices {
    OptionalDouble vx = OptionalDouble.empty();
    Optional<BigDecimal> official = Optional.empty();

    @Override
    public IndexLevels indices() {
      return new IndexLevels(Instant.EPOCH, 5000, 30, 31);
    }

    @Override
    public List<LocalDate> expirations(String tradingClass) {
      return List.of();
    }

    @Override
    public OptionChain chain(String tradingClass, LocalDate expiry) {
      throw new UnsupportedOperationException();
    }

    @Override
    public OptionalDouble vxFuture(LocalDate expiry) {
      return vx;
    }

    @Override
    public Optional<OptionQuote> quote(OptionContract contract) {
      return Optional.empty();
    }

    @Override
    public Optional<BigDecimal> settlementPrice(String tradingClass, LocalDate expiry) {
      return official;
    }
  }

  @Test
  void theExchangesSettlementPriceElseTheVxFutureElseVixForVixOptions_spxForSpxOptions() {
    Market m = new Market();
    HedgeMarketReads reads = new HedgeMarketReads(m);
    OptionContract vixCall = OptionContract.vix(APR, new BigDecimal("20"), OptionRight.CALL);
    OptionContract spxPut = OptionContract.spxw(APR, new BigDecimal("4000"), OptionRight.PUT);
    m.vx = OptionalDouble.of(25.5);
    assertThat(reads.settlementUnderlying(vixCall)).isEqualTo(25.5);
    assertThat(reads.settlementUnderlying(spxPut)).isEqualTo(5000);
    m.official = Optional.of(new BigDecimal("22.25"));
    assertThat(reads.settlementUnderlying(vixCall)).isEqualTo(22.25);
    m.official = Optional.empty();
    m.vx = OptionalDouble.empty();
    assertThat(reads.settlementUnderlying(vixCall)).isEqualTo(30);
  }

  @Test
  void theSettlementPricesOfAPositionAreReadLegByLegBeforeItIsValued() {
    Market m = new Market();
    HedgeMarketReads reads = new HedgeMarketReads(m);
    OptionContract vix25 = OptionContract.vix(APR, new BigDecimal("25"), OptionRight.CALL);
    OptionContract vix20 = OptionContract.vix(APR, new BigDecimal("20"), OptionRight.CALL);
    OptionContract spxPut = OptionContract.spxw(APR, new BigDecimal("4000"), OptionRight.PUT);
    m.vx = OptionalDouble.of(27);
    // each leg is read for its own underlying: the VIX legs at the VX future, the SPX leg at SPX
    java.util.List<dev.alvh.core.instrument.ComboLeg> legs = java.util.List.of(
        dev.alvh.core.instrument.ComboLeg.of(dev.alvh.core.instrument.Side.BUY, vix25),
        dev.alvh.core.instrument.ComboLeg.of(dev.alvh.core.instrument.Side.SELL, vix20),
        dev.alvh.core.instrument.ComboLeg.of(dev.alvh.core.instrument.Side.BUY, spxPut));
    assertThat(reads.settlementUnderlyings(legs)).containsExactly(java.util.Map.entry(vix25, 27.0),
        java.util.Map.entry(vix20, 27.0), java.util.Map.entry(spxPut, 5000.0));
  }
}
