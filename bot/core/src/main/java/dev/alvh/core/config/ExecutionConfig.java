package dev.alvh.core.config;

import dev.alvh.core.Check;
import java.math.BigDecimal;

/**
 * How orders are worked and which quotes an order may be priced on; YAML group
 * {@code execution.*}.
 *
 * <p>Every multi-leg order is one combo (BAG) order with one total limit. It starts at the mid
 * price on the tick grid and walks toward the natural price: {@code walkSteps} steps, one every
 * {@code walkIntervalSeconds}, each a whole number of ticks, never past natural (nor past the
 * worst price the strategy allows); whatever is still working after the last step is cancelled
 * and the strategy decides again next cycle. SPX packages use {@code condor.priceTick}; VIX
 * prices use {@code vixTickLow} below {@code vixTickBreak} and {@code vixTickHigh} from it. The
 * age limit of quotes is {@code risk.maxQuoteAgeSeconds}.
 *
 * @param walkSteps           price steps after the first (mid) price; 0 sends at mid only
 * @param walkIntervalSeconds seconds between two steps
 * @param maxSpreadFraction   each leg's quoted spread (ask - bid) may be at most this fraction of
 *                            its mid (or of {@code minSpreadBase} when the mid is smaller)
 * @param minSpreadBase       the smallest mid, points, the spread test measures against, so that a
 *                            nearly worthless wing can still be traded
 * @param vixTickLow          VIX option tick below {@code vixTickBreak}, points
 * @param vixTickHigh         VIX option tick from {@code vixTickBreak} on, points
 * @param vixTickBreak        the VIX option price where the tick widens, points
 */
public record ExecutionConfig(
    int walkSteps, int walkIntervalSeconds, BigDecimal maxSpreadFraction, BigDecimal minSpreadBase,
    BigDecimal vixTickLow, BigDecimal vixTickHigh, BigDecimal vixTickBreak) {

  /** Four steps after the mid price, so the fifth price is the natural price. */
  public static final int DEFAULT_WALK_STEPS = 4;
  /** Ten seconds between steps: the whole walk fits well inside one 15-minute cycle. */
  public static final int DEFAULT_WALK_INTERVAL_SECONDS = 10;
  /** A leg whose spread is wider than half its mid is not priced (bad or thin quotes). */
  public static final BigDecimal DEFAULT_MAX_SPREAD_FRACTION = new BigDecimal("0.5");
  /** Legs cheaper than 1.00 point are measured against 1.00, so cheap wings are not blocked. */
  public static final BigDecimal DEFAULT_MIN_SPREAD_BASE = new BigDecimal("1.00");
  /** VIX options tick 0.05 below 3.00 (Cboe; tws-protocol.md section 4.3). */
  public static final BigDecimal DEFAULT_VIX_TICK_LOW = new BigDecimal("0.05");
  /** VIX options tick 0.10 from 3.00 on. */
  public static final BigDecimal DEFAULT_VIX_TICK_HIGH = new BigDecimal("0.10");
  /** The VIX option price where the tick widens. */
  public static final BigDecimal DEFAULT_VIX_TICK_BREAK = new BigDecimal("3.00");

  /** The defaults. */
  public static final ExecutionConfig DEFAULTS = new ExecutionConfig(DEFAULT_WALK_STEPS,
      DEFAULT_WALK_INTERVAL_SECONDS, DEFAULT_MAX_SPREAD_FRACTION, DEFAULT_MIN_SPREAD_BASE, DEFAULT_VIX_TICK_LOW,
      DEFAULT_VIX_TICK_HIGH, DEFAULT_VIX_TICK_BREAK);

  /** Checks every field; messages name the full key. */
  public ExecutionConfig {
    Check.inRange(walkSteps, 0, 50, "execution.walkSteps");
    Check.inRange(walkIntervalSeconds, 1, 120, "execution.walkIntervalSeconds");
    Check.isTrue((long) walkSteps * walkIntervalSeconds <= 600, "execution.walkSteps",
        "times execution.walkIntervalSeconds must be at most 600 seconds (a walk must end well inside a cycle),"
            + " but was " + walkSteps + " x " + walkIntervalSeconds);
    Check.inRange(maxSpreadFraction, new BigDecimal("0.01"), new BigDecimal("10"), "execution.maxSpreadFraction");
    Check.inRange(minSpreadBase, BigDecimal.ZERO, new BigDecimal("100"), "execution.minSpreadBase");
    Check.inRange(vixTickLow, new BigDecimal("0.01"), BigDecimal.ONE, "execution.vixTickLow");
    Check.inRange(vixTickHigh, new BigDecimal("0.01"), BigDecimal.ONE, "execution.vixTickHigh");
    Check.inRange(vixTickBreak, BigDecimal.ZERO, new BigDecimal("100"), "execution.vixTickBreak");
  }
}
