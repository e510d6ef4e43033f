package dev.alvh.core.order;

import dev.alvh.core.Check;

/**
 * The bot's own id of an order intent, sent to the broker as IB's {@code orderRef}.
 *
 * <p>Deterministic: the same decision on the same day yields the same ref, so after a crash the
 * journal and the broker's open orders can be matched and nothing is sent twice. Example:
 * {@code alvh-T0007-open-202401081545} opens tranche 7 in the 15:45 cycle of 2024-01-08.
 *
 * @param value the text, at most 64 characters of {@code [A-Za-z0-9._-]}
 */
public record OrderRef(String value) {

  /** Checks the text. */
  public OrderRef {
    Check.notBlank(value, "orderRef");
    Check.isTrue(value.length() <= 64 && value.matches("[A-Za-z0-9._-]+"), "orderRef",
        "must be 1-64 characters of [A-Za-z0-9._-], but was '" + value + "'");
  }

  private static final java.time.format.DateTimeFormatter CYCLE_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmm", java.util.Locale.ROOT);

  /**
   * The ref of {@code action} on tranche {@code trancheId} decided in the cycle at
   * {@code cycleTime} (New York time): the same decision in the same cycle always gets the
   * same ref. Example: {@code alvh-T0007-open-202401081545}.
   */
  public static OrderRef forTranche(long trancheId, String action, java.time.ZonedDateTime cycleTime) {
    return new OrderRef(String.format(java.util.Locale.ROOT, "alvh-T%04d-%s-%s", trancheId, action,
        cycleTime.withZoneSameInstant(dev.alvh.core.MarketZone.NEW_YORK).format(CYCLE_TIME)));
  }

  @Override
  public String toString() {
    return value;
  }
}
