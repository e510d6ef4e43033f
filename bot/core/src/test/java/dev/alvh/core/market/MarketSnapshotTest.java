package dev.alvh.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MarketSnapshotTest {

  static final Instant T = Instant.parse("2024-01-08T20:45:00Z");
  static final LocalDate EXP = LocalDate.of(2024, 2, 16);
  static final IndexLevels IX = new IndexLevels(T, 4750, 14, 16);
  static final OptionContract PUT = OptionContract.spxw(EXP, new BigDecimal("4500"), OptionRight.PUT);

  static OptionQuote quote(OptionContract c) {
    return new OptionQuote(c, new BigDecimal("2.00"), new BigDecimal("2.20"), 0.15, -0.1, 0.001, 5, -0.5);
  }

  @Test
  void aDatumNotHeldEndsTheReadWithItsRequestAndAddingItGivesANewSnapshot() {
    MarketSnapshot s = MarketSnapshot.of(T, IX);
    assertThat(s.indices()).isEqualTo(IX);
    assertThat(s.asOf()).isEqualTo(T);
    assertThatThrownBy(() -> s.quote(PUT)).isInstanceOfSatisfying(MarketSnapshot.Missing.class,
        m -> assertThat(m.request()).isEqualTo(new MarketSnapshot.Quote(PUT))).isNotInstanceOf(
            IllegalArgumentException.class);
    assertThatThrownBy(() -> s.chain(OptionContract.SPXW, EXP)).isInstanceOfSatisfying(MarketSnapshot.Missing.class,
        m -> assertThat(m.request()).isEqualTo(new MarketSnapshot.Chain(OptionContract.SPXW, EXP)));
    assertThatThrownBy(() -> s.expirations(OptionContract.VIX)).isInstanceOf(MarketSnapshot.Missing.class);
    assertThatThrownBy(() -> s.vxFuture(EXP)).isInstanceOf(MarketSnapshot.Missing.class);
    assertThatThrownBy(() -> s.atmVol(OptionContract.SPXW, EXP)).isInstanceOf(MarketSnapshot.Missing.class);

    MarketSnapshot more = s.with(new MarketSnapshot.Quote(PUT), Optional.of(quote(PUT)));
    assertThat(more.quote(PUT)).contains(quote(PUT));
    assertThat(more.timedQuote(PUT).time()).as("quoted as of the snapshot without a source time").isEqualTo(T);
    assertThat(s.holds(new MarketSnapshot.Quote(PUT))).as("the first snapshot is unchanged").isFalse();
    assertThat(more.size()).isEqualTo(1);
  }

  @Test
  void aDatumReadAndFoundAbsentIsHeldAsAbsent() {
    OptionChain chain = new OptionChain(OptionContract.SPXW, EXP, 4750, List.of(quote(PUT)));
    Instant quoted = T.minusSeconds(3);
    MarketSnapshot s = MarketSnapshot.of(T, IX).with(Map.of(
        new MarketSnapshot.Quote(PUT), new MarketSnapshot.TimedQuote(Optional.empty(), quoted),
        new MarketSnapshot.Chain(OptionContract.SPXW, EXP), chain,
        new MarketSnapshot.Expirations(OptionContract.SPXW), List.of(EXP),
        new MarketSnapshot.Vx(EXP), OptionalDouble.empty(),
        new MarketSnapshot.AtmVol(OptionContract.SPXW, EXP), OptionalDouble.of(0.14)));
    assertThat(s.quote(PUT)).isEmpty();
    assertThat(s.timedQuote(PUT).time()).isEqualTo(quoted);
    assertThat(s.chain(OptionContract.SPXW, EXP)).isSameAs(chain);
    assertThat(s.expirations(OptionContract.SPXW)).containsExactly(EXP);
    assertThat(s.vxFuture(EXP)).isEmpty();
    assertThat(s.atmVol(OptionContract.SPXW, EXP)).hasValue(0.14);
    assertThatThrownBy(() -> s.expirations(OptionContract.SPXW).add(EXP)).isInstanceOf(
        UnsupportedOperationException.class);
  }

  @Test
  void aValueOfTheWrongTypeIsRefused() {
    MarketSnapshot s = MarketSnapshot.of(T, IX);
    assertThatThrownBy(() -> s.with(new MarketSnapshot.Chain(OptionContract.SPXW, EXP), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a OptionChain");
    assertThatThrownBy(() -> s.with(new MarketSnapshot.Vx(EXP), 17.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a OptionalDouble");
  }
}
