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
    if (value.length() > 64 || !ALLOWED.matcher(value).matches()) { // no message built for a valid ref
      Check.isTrue(false, "orderRef", "must be 1-64 characters of [A-Za-z0-9._-], but was '" + value + "'");
    }
  }

  /** The characters a ref may have (compiled once: every decision of every cycle makes refs). */
  private static final java.util.regex.Pattern ALLOWED = java.util.regex.Pattern.compile("[A-Za-z0-9._-]+");

  private static final java.time.format.DateTimeFormatter CYCLE_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmm", java.util.Locale.ROOT);

  /**
   * The ref of {@code action} on tranche {@code trancheId} decided in the cycle at
   * {@code cycleTime} (New York time): the same decision in the same cycle always gets the
   * same ref. Example: {@code alvh-T0007-open-202401081545}.
   */
  public static OrderRef forTranche(long trancheId, String action, java.time.ZonedDateTime cycleTime) {
    return new OrderRef("alvh-T" + fourDigits(trancheId) + "-" + action + "-"
        + cycleTime.withZoneSameInstant(dev.alvh.core.MarketZone.NEW_YORK).format(CYCLE_TIME));
  }

  /** {@code id} as {@code %04d} writes it: at least four digits, zero-padded (a sign first). */
  static String fourDigits(long id) {
    if (id < 0) {
      return String.format(java.util.Locale.ROOT, "%04d", id);
    }
    String digits = Long.toString(id);
    return digits.length() >= 4 ? digits : "0".repeat(4 - digits.length()) + digits;
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
