package dev.alvh.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.OptionQuote;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuoteCheckTest {

  private static final Instant NOW = Instant.parse("2024-01-08T20:45:00Z");
  private static final LocalDate EXPIRY = LocalDate.of(2024, 2, 23);
  private final QuoteCheck check = new QuoteCheck(Duration.ofSeconds(60), new BigDecimal("0.5"), BigDecimal.ONE);

  private static LegQuote leg(Side side, int strike, String bid, String ask, Instant asOf) {
    OptionContract c = OptionContract.spxw(EXPIRY, BigDecimal.valueOf(strike), OptionRight.PUT);
    return new LegQuote(ComboLeg.of(side, c), new OptionQuote(c, new BigDecimal(bid), new BigDecimal(ask), 0.2,
        -0.16, 0.001, 5, -0.5), asOf);
  }

  private static LegQuote leg(Side side, int strike, String bid, String ask) {
    return leg(side, strike, bid, ask, NOW);
  }

  @Test
  void soundVerticalPasses() {
    assertThat(check.refusal(List.of(leg(Side.SELL, 4800, "12.00", "12.40"), leg(Side.BUY, 4750, "8.00", "8.30")),
        NOW)).isEmpty();
  }

  @Test
  void legWithoutAnOfferIsRefusedNamingIt() {
    assertThat(check.refusal(List.of(leg(Side.BUY, 4750, "0", "0")), NOW)).get().asString()
        .contains("no offer").contains("SPXW 2024-02-23 4750 P");
  }

  @Test
  void zeroBidOnAShortLegIsRefused() {
    assertThat(check.refusal(List.of(leg(Side.SELL, 4800, "0", "0.10"), leg(Side.BUY, 4750, "0.05", "0.10")), NOW))
        .get().asString().contains("zero bid on the short leg SPXW 2024-02-23 4800 P");
  }

  @Test
  void zeroBidOnASaleThatClosesALongWingPasses() {
    LegQuote wing = leg(Side.SELL, 4750, "0", "0.10");
    assertThat(check.refusal(List.of(wing), NOW, Set.of(wing.leg().contract()))).isEmpty();
  }

  @Test
  void quoteExactlyAtTheAgeLimitPassesAndOneSecondOlderIsRefused() {
    assertThat(check.refusal(List.of(leg(Side.BUY, 4750, "8.00", "8.30", NOW.minusSeconds(60))), NOW)).isEmpty();
    assertThat(check.refusal(List.of(leg(Side.BUY, 4750, "8.00", "8.30", NOW.minusSeconds(61))), NOW)).get()
        .asString().contains("stale quote").contains("61 s old > 60 s");
  }

  @Test
  void spreadWiderThanHalfTheMidIsRefusedAndExactlyHalfPasses() {
    // mid 10.00, spread 5.00 = 0.5 x 10: passes; mid 10.00, spread 5.10: refused
    assertThat(check.refusal(List.of(leg(Side.BUY, 4750, "7.50", "12.50")), NOW)).isEmpty();
    assertThat(check.refusal(List.of(leg(Side.BUY, 4750, "7.45", "12.55")), NOW)).get().asString()
        .contains("spread of SPXW 2024-02-23 4750 P 5.10 wider than 0.5 x 10");
  }

  @Test
  void cheapLegsAreMeasuredAgainstTheMinimumBase() {
    // mid 0.25 with spread 0.30 would be 120% of mid; against the 1.00 base it is within 0.50
    assertThat(check.refusal(List.of(leg(Side.BUY, 4750, "0.10", "0.40")), NOW)).isEmpty();
    assertThat(check.refusal(List.of(leg(Side.BUY, 4750, "0.10", "0.65")), NOW)).get().asString()
        .contains("wider than 0.5 x 1");
  }

  @Test
  void packageMidAndNaturalFollowTheBagSign() {
    QuoteCheck.PackageQuote p = QuoteCheck.PackageQuote.of(List.of(leg(Side.SELL, 4800, "12.00", "12.40"),
        leg(Side.BUY, 4750, "8.00", "8.30")));
    // sell at 12.20 mid, buy at 8.15 mid: a credit of 4.05; natural: 12.00 - 8.30 = credit 3.70
    assertThat(p.mid().signed()).isEqualByComparingTo("-4.05");
    assertThat(p.natural().signed()).isEqualByComparingTo("-3.70");
    assertThat(p.spread()).isEqualByComparingTo("0.70");
  }
}
