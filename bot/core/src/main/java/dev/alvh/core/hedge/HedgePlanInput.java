package dev.alvh.core.hedge;

import dev.alvh.core.Check;
import dev.alvh.core.HedgeState;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What the hedge planner decides over in one cycle: the state decided at the last close, a few
 * signals, the condors' risk and vega, and the hedge positions held.
 *
 * @param time            the cycle's time (New York); order refs carry it
 * @param state           the hedge state (decided on the last close)
 * @param vix             VIX now
 * @param eventDay        today is an event day: layers added today are added at reduced size
 * @param condorRisk      the condors' risk capital: sum of max loss over open tranches, USD
 * @param condorVega      the condors' dollar vega per SPX-vol point, absolute value, USD
 * @param betas           for L1, L2 and L3 (or for the base layer, L1, L2 and L3): slope of
 *                        daily changes of the VX future of the layer's expiry window on daily
 *                        changes of spot VIX; with three, the base layer uses L1's
 * @param held            hedge positions held now
 * @param pressGainBudget USD of realized hedge gain still to be moved into L3 in this PRESS
 *                        (spec PRESS action 2), 0 outside PRESS
 * @param pressSpreadsSold whether PRESS spreads were already sold since the state was entered
 * @param carryCapReached whether hedge premium over the carry-cap window is above its share of
 *                        condor credit: the base layer is then neither bought nor rolled
 */
public record HedgePlanInput(
    ZonedDateTime time, HedgeState state, double vix, boolean eventDay, BigDecimal condorRisk, double condorVega,
    List<Double> betas, List<HeldLayer> held, BigDecimal pressGainBudget, boolean pressSpreadsSold,
    boolean carryCapReached) {

  /** An input with the carry cap not reached. */
  public HedgePlanInput(ZonedDateTime time, HedgeState state, double vix, boolean eventDay, BigDecimal condorRisk,
      double condorVega, List<Double> betas, List<HeldLayer> held, BigDecimal pressGainBudget,
      boolean pressSpreadsSold) {
    this(time, state, vix, eventDay, condorRisk, condorVega, betas, held, pressGainBudget, pressSpreadsSold, false);
  }

  /** Checks every field. */
  public HedgePlanInput {
    Check.notNull(time, "time");
    Check.notNull(state, "state");
    Check.positive(vix, "vix");
    Check.notNegative(condorRisk, "condorRisk");
    Check.isTrue(Double.isFinite(condorVega) && condorVega >= 0, "condorVega",
        "must be a finite number 0 or more, but was " + condorVega);
    betas = List.copyOf(Check.notNull(betas, "betas"));
    Check.isTrue((betas.size() == 3 || betas.size() == 4) && betas.stream().allMatch(b -> b > 0 && Double.isFinite(b)),
        "betas", "must be three (L1, L2, L3) or four (base, L1, L2, L3) positive numbers, but were " + betas);
    held = List.copyOf(Check.notNull(held, "held"));
    Check.notNegative(pressGainBudget, "pressGainBudget");
  }

  /** The beta of layer {@code level}: 0 the base layer, 1 to 3 the adaptive layers. */
  public double beta(int level) {
    if (betas.size() == 4) {
      return betas.get(level);
    }
    return betas.get(Math.max(level, 1) - 1);
  }
}
