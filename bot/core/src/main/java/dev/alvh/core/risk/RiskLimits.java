package dev.alvh.core.risk;

import dev.alvh.core.Check;
import dev.alvh.core.config.RiskConfig;
import dev.alvh.core.order.OrderIntent;
import java.util.Optional;

/**
 * Risk limits checked on every order intent after the strategy has decided, before the journal:
 * {@link RiskGate#sizeCheck}, the same checks the gate repeats before sending.
 *
 * <p>A breached limit is a value (the rejection's sentence), not an exception: the intent is
 * dropped and the reason logged and stored.
 */
public final class RiskLimits {

  private final RiskConfig config;

  /** Limits from {@code config}. */
  public RiskLimits(RiskConfig config) {
    this.config = Check.notNull(config, "config");
  }

  /**
   * Why {@code intent} may not be sent, or empty when it may.
   *
   * @param openTranches tranches open before this intent
   */
  public Optional<String> rejection(OrderIntent intent, int openTranches) {
    return RiskGate.sizeCheck(config, intent, openTranches).map(v -> v.limit() + ": " + v.detail());
  }
}
