package dev.alvh.core.pricing;

import com.opengamma.strata.basics.value.ValueDerivatives;
import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;

import dev.alvh.core.Check;
import dev.alvh.core.pricing.ImpliedVolatilityException.Reason;

/**
 * Prices European options with Black-76 on the forward: price, greeks and implied volatility.
 *
 * <p>The undiscounted Black formula and its derivatives come from Strata's
 * {@link BlackFormulaRepository}; this class multiplies by the discount factor and applies the
 * chain rule for the spot greeks and for theta. The present value is
 * {@code PV = DF * Black(F, K, T, vol)} with {@code DF = exp(-r T)}; see {@link BlackInputs} for
 * how SPX (forward from spot) and VIX (forward = VX future) options fill the inputs.
 *
 * <p>At or after expiry ({@code T <= 0}) the value is the intrinsic value
 * {@code max(sign * (F - K), 0)} with a discount factor of 1. Its greeks are then those of the
 * payoff: delta {@code +1} for an in-the-money call, {@code -1} for an in-the-money put and 0
 * otherwise (at the money, {@code F == K}, counts as out of the money), and gamma, vega and theta 0.
 *
 * <p>With zero volatility and {@code T > 0} the option is priced as deterministic,
 * {@code DF * max(sign * (F - K), 0)}; gamma is reported as 0 there (at the money it would be
 * a spike of infinite height).
 *
 * <p>The pricer is stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class Black76Pricer {

  /** The shared instance. */
  public static final Black76Pricer DEFAULT = new Black76Pricer();

  /** Calendar days per year used to express theta per day; times to expiry are taken as ACT/365. */
  public static final double DAYS_PER_YEAR = 365d;

  private Black76Pricer() {
  }

  /**
   * Returns the present value of the option, in price points per unit of underlying.
   *
   * @param inputs  the option and its market
   * @return the present value, 0 or more
   */
  public double price(BlackInputs inputs) {
    Check.notNull(inputs, "inputs");
    if (inputs.isExpired()) {
      return inputs.right().payoff(inputs.forward(), inputs.strike());
    }
    return inputs.discountFactor() * BlackFormulaRepository.price(
        inputs.forward(), inputs.strike(), inputs.yearsToExpiry(), inputs.vol(), inputs.right().isCall());
  }

  /**
   * Returns the present value and its greeks; see {@link OptionGreeks} for the units.
   *
   * <p>Theta is {@code -dPV/dT / 365} with the underlying held fixed:
   * {@code dPV/dT = -r PV + DF * (dBlack/dF * carry * F + dBlack/dT)}, so it includes the drift
   * of the discount factor and, for SPX, the drift of the forward.
   *
   * @param inputs  the option and its market
   * @return the price and greeks
   */
  public OptionGreeks greeks(BlackInputs inputs) {
    Check.notNull(inputs, "inputs");
    if (inputs.isExpired()) {
      double payoff = inputs.right().payoff(inputs.forward(), inputs.strike());
      double delta = payoff > 0 ? inputs.right().sign() : 0d;
      return new OptionGreeks(payoff, delta, 0d, delta, 0d, 0d, 0d);
    }
    double forward = inputs.forward();
    double strike = inputs.strike();
    double years = inputs.yearsToExpiry();
    double vol = inputs.vol();
    ValueDerivatives black = BlackFormulaRepository.priceAdjoint(forward, strike, years, vol, inputs.right().isCall());
    double blackGamma = vol == 0d ? 0d : BlackFormulaRepository.gamma(forward, strike, years, vol);
    double dBlackdForward = black.getDerivative(0);
    double dBlackdYears = black.getDerivative(2);
    double dBlackdVol = black.getDerivative(3);

    double df = inputs.discountFactor();
    double growth = inputs.forwardGrowth();
    double price = df * black.getValue();
    double delta = df * dBlackdForward;
    double gamma = df * blackGamma;
    double vega = df * dBlackdVol;
    double dPriceDYears = -inputs.rate() * price + df * (dBlackdForward * inputs.carry() * forward + dBlackdYears);
    double theta = -dPriceDYears / DAYS_PER_YEAR;
    return new OptionGreeks(price, delta, gamma, delta * growth, gamma * growth * growth, vega, theta);
  }

  /**
   * Returns the Black volatility that reproduces a present value, for the option described by
   * {@code template} (its own {@code vol} is ignored).
   *
   * <p>A price must lie in {@code [DF * intrinsic, DF * F)} for a call and
   * {@code [DF * intrinsic, DF * K)} for a put; a price equal to the lower bound gives 0. The
   * result is accurate to about 1e-6 in volatility where the price depends on volatility at all
   * (not for far out-of-the-money options whose price is a rounding error).
   *
   * @param price  the present value, in price points per unit
   * @param template  the option and its market; the volatility field is not used
   * @return the volatility as a fraction, 0 or more
   * @throws ImpliedVolatilityException if the price is outside the bounds, the option is
   *     expired, or the solver fails; the exception carries the reason and the bounds
   * @throws IllegalArgumentException if {@code price} is not a finite number
   */
  public double impliedVol(double price, BlackInputs template) {
    Check.notNull(template, "template");
    Check.isTrue(Double.isFinite(price), "price", "must be finite, but was " + price);
    double df = template.discountFactor();
    double forward = template.forward();
    double strike = template.strike();
    boolean isCall = template.right().isCall();
    double lower = df * template.right().payoff(forward, strike);
    double upper = df * (isCall ? forward : strike);
    if (template.isExpired()) {
      throw new ImpliedVolatilityException(Reason.EXPIRED, price, lower, upper, template, null);
    }
    if (price < lower) {
      throw new ImpliedVolatilityException(Reason.BELOW_INTRINSIC, price, lower, upper, template, null);
    }
    if (price >= upper) {
      throw new ImpliedVolatilityException(Reason.AT_OR_ABOVE_UPPER_BOUND, price, lower, upper, template, null);
    }
    if (price == lower) {
      return 0d;
    }
    // Undiscounting can land one ulp below the intrinsic value, which Strata rejects.
    double forwardPrice = Math.max(price / df, template.right().payoff(forward, strike));
    try {
      return BlackFormulaRepository.impliedVolatility(forwardPrice, forward, strike, template.yearsToExpiry(), isCall);
    } catch (RuntimeException e) {
      // Strata's solver signals bracketing or convergence failures with runtime exceptions.
      throw new ImpliedVolatilityException(Reason.NOT_CONVERGED, price, lower, upper, template, e);
    }
  }
}
