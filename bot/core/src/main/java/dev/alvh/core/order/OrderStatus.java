package dev.alvh.core.order;

/**
 * The life of an order as the broker reports it (IB's status strings), plus the bot's own
 * {@link #JOURNALED} state before it is sent.
 */
public enum OrderStatus {
  /** Written to the journal, not yet sent. */
  JOURNALED("Journaled", false),
  /** Sent, not yet acknowledged. */
  PENDING_SUBMIT("PendingSubmit", false),
  /** Accepted, not yet working at the exchange. */
  PRE_SUBMITTED("PreSubmitted", false),
  /** Working at the exchange. */
  SUBMITTED("Submitted", false),
  /** Partly filled, the rest working. */
  PARTIALLY_FILLED("PartiallyFilled", false),
  /** Filled completely. */
  FILLED("Filled", true),
  /** Cancelled (by the bot or the broker). */
  CANCELLED("Cancelled", true),
  /** Cancelled through the API. */
  API_CANCELLED("ApiCancelled", true),
  /** Rejected or otherwise inactive; the reason comes with it. */
  INACTIVE("Inactive", true);

  private final String wire;
  private final boolean terminal;

  OrderStatus(String wire, boolean terminal) {
    this.wire = wire;
    this.terminal = terminal;
  }

  /** The status as IB spells it. */
  public String wire() {
    return wire;
  }

  /** True when no more fills can come. */
  public boolean isTerminal() {
    return terminal;
  }

  /** Parses IB's status text, case-insensitively. */
  public static OrderStatus parse(String text) {
    for (OrderStatus s : values()) {
      if (s.wire.equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException("order status must be one of "
        + java.util.Arrays.stream(values()).map(OrderStatus::wire).toList() + ", but was '" + text + "'");
  }
}
