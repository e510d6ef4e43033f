package dev.alvh.core.condor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.config.CondorConfig;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CondorExitPolicyTest {

  private static final LocalDate EXPIRY = LocalDate.of(2024, 2, 23);
  /** 46 days before expiry: far from the time exit. */
  private static final LocalDate EARLY = LocalDate.of(2024, 1, 8);
  /** Between target (1.20) and stop (4.80) for a 2.40 credit. */
  private static final BigDecimal MIDDLE = new BigDecimal("2.40");

  private final CondorExitPolicy policy = new CondorExitPolicy(CondorConfig.DEFAULTS);

  private static Tranche tranche(LocalDate expiry) {
    return new Tranche(3, LocalDate.of(2024, 1, 2), expiry, new BigDecimal("4750"), new BigDecimal("4800"),
        new BigDecimal("5150"), new BigDecimal("5200"), 5, new BigDecimal("2.40"));
  }

  @Test
  void debitAtExactlyHalfTheCreditTakesProfit() {
    assertThat(policy.exit(tranche(EXPIRY), new BigDecimal("1.20"), EARLY)).contains(ExitReason.PROFIT_TARGET);
  }

  @Test
  void debitJustAboveHalfTheCreditStaysOpen() {
    assertThat(policy.exit(tranche(EXPIRY), new BigDecimal("1.2001"), EARLY)).isEmpty();
    assertThat(policy.exit(tranche(EXPIRY), new BigDecimal("1.25"), EARLY)).isEmpty();
  }

  @Test
  void debitAtExactlyTwiceTheCreditStops() {
    assertThat(policy.exit(tranche(EXPIRY), new BigDecimal("4.80"), EARLY)).contains(ExitReason.STOP);
  }

  @Test
  void debitJustBelowTwiceTheCreditStaysOpen() {
    assertThat(policy.exit(tranche(EXPIRY), new BigDecimal("4.7999"), EARLY)).isEmpty();
  }

  @Test
  void twentyOneDaysToExpiryClosesOnTime() {
    assertThat(policy.exit(tranche(EXPIRY), MIDDLE, EXPIRY.minusDays(21))).contains(ExitReason.TIME_EXIT);
  }

  @Test
  void twentyTwoDaysToExpiryStaysOpen() {
    assertThat(policy.exit(tranche(EXPIRY), MIDDLE, EXPIRY.minusDays(22))).isEmpty();
  }

  @Test
  void profitTargetIsNamedBeforeTimeExitWhenBothHold() {
    assertThat(policy.exit(tranche(EXPIRY), new BigDecimal("0.50"), EXPIRY.minusDays(10)))
        .contains(ExitReason.PROFIT_TARGET);
  }

  @Test
  void timeExitFallingOnAWeekendClosesOnSaturdayAndOnTheMondayAfter() {
    // A Saturday expiry (the old AM monthlies): its 21-DTE day is a Saturday, when no cycle runs.
    LocalDate saturdayExpiry = LocalDate.of(2024, 3, 16);
    LocalDate saturday = saturdayExpiry.minusDays(21);
    LocalDate monday = saturday.plusDays(2);
    assertThat(saturdayExpiry.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    assertThat(saturday.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    assertThat(monday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    Tranche t = tranche(saturdayExpiry);
    assertThat(policy.exit(t, MIDDLE, saturday)).contains(ExitReason.TIME_EXIT);
    assertThat(policy.exit(t, MIDDLE, monday)).contains(ExitReason.TIME_EXIT);
    assertThat(policy.exit(t, MIDDLE, saturday.minusDays(1))).isEmpty();
  }
}
