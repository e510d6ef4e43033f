package dev.alvh.ibkr.server;

import dev.alvh.core.order.OrderIntent;
import java.math.BigDecimal;

/** Opens the server's package-private helpers to tests in other packages. */
public final class TwsServerProbe {

  private TwsServerProbe() {
  }

  /** {@link TwsServer#maxLoss}. */
  public static BigDecimal maxLoss(OrderIntent intent) {
    return TwsServer.maxLoss(intent);
  }
}
