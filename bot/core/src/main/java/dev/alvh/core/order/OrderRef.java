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

  /**
   * The ref of {@code action} on hedge layer {@code layerId} decided in the cycle at
   * {@code cycleTime} (New York time): the same decision in the same cycle always gets the same
   * ref. Example: {@code alvh-L3-flat-202401081545}.
   */
  public static OrderRef forLayer(String layerId, String action, java.time.ZonedDateTime cycleTime) {
    return new OrderRef("alvh-" + layerId + "-" + action + "-"
        + cycleTime.withZoneSameInstant(dev.alvh.core.MarketZone.NEW_YORK).format(CYCLE_TIME));
  }

  /**
   * The first of {@code refOf("")}, {@code refOf("b")} .. {@code refOf("z")} that {@code used} does
   * not know: a second order of the same action in the same cycle gets a ref of its own; {@code
   * refOf("z")} when every one is used.
   */
  public static OrderRef firstUnused(java.util.function.Function<String, OrderRef> refOf,
      java.util.function.Predicate<OrderRef> used) {
    OrderRef ref = refOf.apply("");
    for (char c = 'b'; used.test(ref) && c <= 'z'; c++) {
      ref = refOf.apply(String.valueOf(c));
    }
    return ref;
  }

  @Override
  public String toString() {
    return value;
  }
}
