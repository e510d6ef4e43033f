package dev.alvh.core.order;

/** Why an order is sent; stored with every intent so a person can read the journal. */
public enum OrderPurpose {
  /** Opens a new iron condor tranche. */
  OPEN_CONDOR("open"),
  /** Closes a whole tranche (profit target, stop, time exit). */
  CLOSE_CONDOR("close"),
  /** Rolls the tested side of a tranche. */
  ROLL_CONDOR("roll"),
  /** Buys a hedge layer. */
  OPEN_HEDGE("hedge"),
  /** Sells a hedge layer, in whole or in part. */
  CLOSE_HEDGE("unhedge"),
  /** Sells a VIX bear call spread in PRESS (short call and its long call, one combo). */
  OPEN_PRESS("press"),
  /** Buys back a PRESS spread (stop, UNWIND), both legs in one combo. */
  CLOSE_PRESS("unpress");

  private final String action;

  OrderPurpose(String action) {
    this.action = action;
  }

  /**
   * Whether the order belongs to the hedge rather than to the condors: hedge layers bought and
   * sold and the PRESS spreads sold and bought back. Hedge premium, hedge P&amp;L and every other
   * hedge measure count exactly these purposes.
   */
  public boolean hedges() {
    return this == OPEN_HEDGE || this == CLOSE_HEDGE || this == OPEN_PRESS || this == CLOSE_PRESS;
  }

  /**
   * Whether the order only reduces risk, so that it passes while the bot is halted: closing a
   * tranche, selling a hedge layer, buying back a PRESS spread (a short VIX call spread). Rolls
   * open new risk and opening orders add it, so neither counts.
   */
  public boolean reducesRisk() {
    return this == CLOSE_CONDOR || this == CLOSE_HEDGE || this == CLOSE_PRESS;
  }

  /**
   * Whether the order opens a position: a tranche, a hedge layer, a PRESS spread. These are the
   * orders a live account previews for margin first. Rolls close one side and open another, so
   * they are neither opening nor {@linkplain #reducesRisk() risk-reducing}.
   */
  public boolean opens() {
    return this == OPEN_CONDOR || this == OPEN_HEDGE || this == OPEN_PRESS;
  }

  /**
   * Whether the stored purpose named {@code name} (a {@link #name()}) belongs to the hedge
   * ({@link #hedges()}); false for null or a name that is no purpose.
   */
  public static boolean isHedge(String name) {
    return name != null && named(name).map(OrderPurpose::hedges).orElse(false);
  }

  /** The names of the purposes that belong to the condors (not {@link #hedges()}), in declaration order. */
  public static java.util.List<String> condorNames() {
    return java.util.Arrays.stream(values()).filter(p -> !p.hedges()).map(Enum::name).toList();
  }

  /** The purpose named {@code name} ({@link #name()}), if it is one. */
  public static java.util.Optional<OrderPurpose> named(String name) {
    for (OrderPurpose p : values()) {
      if (p.name().equals(name)) {
        return java.util.Optional.of(p);
      }
    }
    return java.util.Optional.empty();
  }

  /** The short word used inside order refs, for example {@code open}. */
  public String action() {
    return action;
  }
}
