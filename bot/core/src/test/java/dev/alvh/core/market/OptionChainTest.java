package dev.alvh.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chain sorts its quotes by right then strike; bad quotes and contracts are named. */
class OptionChainTest {

  private static final LocalDate EXPIRY = LocalDate.of(2024, 3, 15);

  private static OptionQuote q(String strike, OptionRight right) {
    return new OptionQuote(new OptionContract("SPX", "SPXW", EXPIRY, new BigDecimal(strike), right, 100),
        new BigDecimal("1.00"), new BigDecimal("1.10"), 0.2, right == OptionRight.CALL ? 0.5 : -0.5, 0, 0, 0);
  }

  @Test
  void quotesAreSortedByRightThenStrikeWhateverTheInputOrder() {
    OptionChain c = new OptionChain("SPXW", EXPIRY, 4000, List.of(q("4010", OptionRight.PUT), q("4000",
        OptionRight.CALL), q("3990", OptionRight.PUT), q("4000", OptionRight.PUT), q("3990", OptionRight.CALL),
        q("4010", OptionRight.CALL)));
    assertThat(c.quotes()).extracting(x -> x.contract().right() + " " + x.contract().strike().intValue()).containsExactly(
        "CALL 3990", "CALL 4000", "CALL 4010", "PUT 3990", "PUT 4000", "PUT 4010");
    assertThat(c.of(OptionRight.PUT)).extracting(x -> x.contract().strike().intValue())
        .containsExactly(3990, 4000, 4010);
    assertThatThrownBy(() -> c.quotes().add(q("4020", OptionRight.CALL)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void askBelowBidAndStrikeNotPositiveAreNamedWithTheirValues() {
    OptionContract k = new OptionContract("SPX", "SPXW", EXPIRY, new BigDecimal("4000"), OptionRight.PUT, 100);
    assertThatThrownBy(() -> new OptionQuote(k, new BigDecimal("1.10"), new BigDecimal("1.00"), 0.2, -0.5, 0, 0, 0))
        .hasMessage("ask must be at least the bid 1.10, but was 1.00");
    assertThatThrownBy(() -> new OptionContract("SPX", "SPXW", EXPIRY, BigDecimal.ZERO, OptionRight.PUT, 100))
        .hasMessage("strike must be greater than 0, but was 0");
  }
}
