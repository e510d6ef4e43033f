package dev.alvh.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two stored leg texts, written exactly as databases already hold them and read back. */
class LegCodecTest {

  private static final LocalDate EXP = LocalDate.of(2024, 3, 15);
  private static final OptionContract SHORT_PUT = OptionContract.spxw(EXP, new BigDecimal("4500"), OptionRight.PUT);
  private static final OptionContract LONG_PUT = OptionContract.spxw(EXP, new BigDecimal("4450"), OptionRight.PUT);
  private static final OptionContract VIX_CALL = OptionContract.vix(EXP, new BigDecimal("22.5"), OptionRight.CALL);

  @Test
  void ordersTextKeepsSideRatioAndKeyAndReadsBack() {
    List<ComboLeg> legs = List.of(new ComboLeg(SHORT_PUT, Side.SELL, 1), new ComboLeg(LONG_PUT, Side.BUY, 2));
    String text = LegCodec.orderText(legs);
    assertThat(text).isEqualTo("SELL x1 SPXW 2024-03-15 4500 P; BUY x2 SPXW 2024-03-15 4450 P");
    assertThat(LegCodec.parse(text)).isEqualTo(legs);
  }

  @Test
  void layerTextKeepsSideAndKeyAndReadsBackWithRatioOne() {
    List<ComboLeg> legs = List.of(ComboLeg.of(Side.BUY, VIX_CALL), ComboLeg.of(Side.SELL, LONG_PUT));
    String text = LegCodec.layerText(legs);
    assertThat(text).isEqualTo("BUY|VIX 2024-03-15 22.5 C;SELL|SPXW 2024-03-15 4450 P");
    assertThat(LegCodec.parse(text)).isEqualTo(legs);
  }

  @Test
  void aBlankTextHasNoLegs_aMalformedOneIsRefused() {
    assertThat(LegCodec.parse("")).isEmpty();
    assertThat(LegCodec.parse(null)).isEmpty();
    assertThatThrownBy(() -> LegCodec.parse("SELL SPXW 2024-03-15 4500 P")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SIDE xRATIO KEY");
  }
}
