package dev.alvh.core.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComboMidTest {

  private static final OptionContract P4500 = contract("4500");
  private static final OptionContract P4450 = contract("4450");

  private static OptionContract contract(String strike) {
    return new OptionContract("SPX", "SPXW", LocalDate.of(2024, 2, 16), new BigDecimal(strike), OptionRight.PUT, 100);
  }

  private static OptionQuote quote(OptionContract c, String bid, String ask) {
    return new OptionQuote(c, new BigDecimal(bid), new BigDecimal(ask), 0.2, -0.2, 0.001, 1.0, -0.5);
  }

  @Test
  void aLegCountsItsRatioAndItsSide() {
    Map<OptionContract, OptionQuote> q = Map.of(P4500, quote(P4500, "12.00", "12.40"), P4450, quote(P4450,
        "9.00", "9.20"));
    // sell 1 of 4500 (mid 12.20), buy 2 of 4450 (mid 9.10): 2 x 9.10 - 12.20 = 6.00 debit
    List<ComboLeg> legs = List.of(new ComboLeg(P4500, Side.SELL, 1), new ComboLeg(P4450, Side.BUY, 2));
    assertThat(ComboMid.of(legs, c -> Optional.ofNullable(q.get(c)))).hasValueSatisfying(
        v -> assertThat(v).isEqualByComparingTo("6.00"));
    assertThat(ComboMid.ofLeg(legs.get(1), q.get(P4450))).isEqualByComparingTo("18.20");
  }

  @Test
  void aLegWithoutAQuoteLeavesNoMid() {
    List<ComboLeg> legs = List.of(new ComboLeg(P4500, Side.SELL, 1), new ComboLeg(P4450, Side.BUY, 1));
    assertThat(ComboMid.of(legs, c -> c.equals(P4500) ? Optional.of(quote(P4500, "1", "2")) : Optional.empty()))
        .isEmpty();
  }

  @Test
  void quotesGivenAsACollectionPriceTheirOwnLegs() {
    // buy 4450 (mid 9.10), sell 4500 (mid 12.20): a credit of 3.10, the quotes in any order
    List<ComboLeg> legs = List.of(new ComboLeg(P4450, Side.BUY, 1), new ComboLeg(P4500, Side.SELL, 1));
    assertThat(ComboMid.of(legs, List.of(quote(P4500, "12.00", "12.40"), quote(P4450, "9.00", "9.20"))))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("-3.10"));
    assertThat(ComboMid.of(legs, List.of(quote(P4500, "12.00", "12.40")))).isEmpty();
  }

  @Test
  void aLegsPriceCountsPerComboBySideAndRatio() {
    assertThat(new ComboLeg(P4450, Side.BUY, 2).perCombo(new BigDecimal("1.25"))).isEqualByComparingTo("2.50");
    assertThat(new ComboLeg(P4450, Side.SELL, 3).perCombo(new BigDecimal("1.25"))).isEqualByComparingTo("-3.75");
  }
}
