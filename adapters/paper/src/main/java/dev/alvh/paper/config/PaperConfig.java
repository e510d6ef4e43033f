package dev.alvh.paper.config;

import dev.alvh.core.Check;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the simulated broker fills orders (the in-process paper broker, also behind
 * {@code alvh paper-tws} and in every replay) and how the simulated market moves through a day
 * of daily history; YAML group {@code paper.*}.
 *
 * @param fill     the fill model
 * @param intraday the path through each day of daily history
 */
public record PaperConfig(Fill fill, Intraday intraday) {

  /** The defaults. */
  public static final PaperConfig DEFAULTS = new PaperConfig(Fill.DEFAULTS, Intraday.DEFAULTS);

  /** Checks the groups are present. */
  public PaperConfig {
    Check.notNull(fill, "paper.fill");
    Check.notNull(intraday, "paper.intraday");
  }

  /**
   * The path of the indices through a day of daily history; YAML group {@code paper.intraday.*}.
   * With {@code extremes} the day goes from the open through its high and low (in the order of
   * least movement: low first on a day that closes at or above its open, high first otherwise)
   * to the close, turning on the trading cycles' grid; VX futures follow VIX's intraday moves
   * with a beta that falls with days to expiry: {@code min(1, vxBeta30 x (30 / days)^vxBetaDecay)}.
   *
   * @param extremes    true: each day visits its high and low; false: a straight line from open to close
   * @param vxBeta30    beta of a VX future 30 days from expiry to VIX's intraday moves
   * @param vxBetaDecay how fast the beta falls with days to expiry
   */
  public record Intraday(boolean extremes, double vxBeta30, double vxBetaDecay) {

    /** Days visit their high and low. */
    public static final boolean DEFAULT_EXTREMES = true;
    /** 0.43: the least-squares beta of daily VX log changes on VIX log changes, CFE m1..m8 closes
     * 2016-01 to 2017-05 (by days to expiry: 0.68 under 15 days, 0.45 at 30-45, 0.17 at 180-270). */
    public static final double DEFAULT_VX_BETA_30 = 0.43;
    /** 0.4: the same fit's decay with days to expiry. */
    public static final double DEFAULT_VX_BETA_DECAY = 0.4;

    /** The defaults. */
    public static final Intraday DEFAULTS = new Intraday(DEFAULT_EXTREMES, DEFAULT_VX_BETA_30,
        DEFAULT_VX_BETA_DECAY);

    /** Checks every field; messages name the full key. */
    public Intraday {
      Check.inRange(vxBeta30, 0.0, 2.0, "paper.intraday.vxBeta30");
      Check.inRange(vxBetaDecay, 0.0, 3.0, "paper.intraday.vxBetaDecay");
    }
  }

  /** Which price a simulated fill takes. */
  public enum FillModel {
    /**
     * A buyer pays the bid plus a leg-count dependent share of the spread, a seller receives the
     * ask minus that share (option backtesters' published practice).
     */
    SHARE_OF_SPREAD,
    /** Every leg fills at its mid: no slippage at all (the optimistic bound). */
    MID
  }

  /**
   * The fill model; YAML group {@code paper.fill.*}. Under {@link FillModel#SHARE_OF_SPREAD} a
   * leg bought fills at {@code bid + share x (ask - bid)} and a leg sold at
   * {@code ask - share x (ask - bid)}, so a combo fills at its own bid (the sum of the legs' worse
   * sides) plus {@code share x} the combo spread (the sum over legs of ratio x leg spread). The
   * share depends on how many legs the order has: {@code shareOneLeg}, {@code shareTwoLegs},
   * three legs halfway between two and four ({@code (shareTwoLegs + shareFourLegs) / 2}), and
   * {@code shareFourLegs} for four or more. A limit order fills only when its limit reaches that
   * price, and then at that price. Under {@link FillModel#MID} the share is 0.5 for every order.
   *
   * @param model         {@code SHARE_OF_SPREAD} or {@code MID}
   * @param shareOneLeg   share of the spread a single-leg order pays from the bid (0.5 = mid, 1 = natural)
   * @param shareTwoLegs  the same for two legs (verticals, calendars)
   * @param shareFourLegs the same for four or more legs (iron condors)
   */
  public record Fill(FillModel model, BigDecimal shareOneLeg, BigDecimal shareTwoLegs, BigDecimal shareFourLegs) {

    /** Fills pay a share of the spread by default; mid is a setting. */
    public static final FillModel DEFAULT_MODEL = FillModel.SHARE_OF_SPREAD;
    /** A single option pays 75% of the spread from the bid (mid plus a quarter of the spread). */
    public static final BigDecimal DEFAULT_SHARE_ONE_LEG = new BigDecimal("0.75");
    /** A two-leg order pays 66% of its combo spread from its bid. */
    public static final BigDecimal DEFAULT_SHARE_TWO_LEGS = new BigDecimal("0.66");
    /** A four-leg order pays 56% of its combo spread from its bid (6% past mid). */
    public static final BigDecimal DEFAULT_SHARE_FOUR_LEGS = new BigDecimal("0.56");
    /** The share of a fill at mid. */
    public static final BigDecimal MID_SHARE = new BigDecimal("0.5");

    /** The defaults. */
    public static final Fill DEFAULTS = new Fill(DEFAULT_MODEL, DEFAULT_SHARE_ONE_LEG, DEFAULT_SHARE_TWO_LEGS,
        DEFAULT_SHARE_FOUR_LEGS);

    /** Fills at mid. */
    public static final Fill AT_MID = new Fill(FillModel.MID, DEFAULT_SHARE_ONE_LEG, DEFAULT_SHARE_TWO_LEGS,
        DEFAULT_SHARE_FOUR_LEGS);

    /** Checks every field; messages name the full key. */
    public Fill {
      Check.isTrue(model != null, "paper.fill.model", "must be one of SHARE_OF_SPREAD, MID, but was null");
      Check.inRange(shareOneLeg, MID_SHARE, BigDecimal.ONE, "paper.fill.shareOneLeg");
      Check.inRange(shareTwoLegs, MID_SHARE, BigDecimal.ONE, "paper.fill.shareTwoLegs");
      Check.inRange(shareFourLegs, MID_SHARE, BigDecimal.ONE, "paper.fill.shareFourLegs");
    }

    /**
     * The share of the spread an order of {@code legs} legs pays from its bid: 0.5 under
     * {@link FillModel#MID}; otherwise the configured share, three legs halfway between two and four.
     */
    public BigDecimal share(int legs) {
      if (legs < 1) { // no message built on the hot path: every fill check of every order
        Check.isTrue(false, "legs", "must be at least 1, but was " + legs);
      }
      if (model == FillModel.MID) {
        return MID_SHARE;
      }
      return switch (legs) {
        case 1 -> shareOneLeg;
        case 2 -> shareTwoLegs;
        case 3 -> shareTwoLegs.add(shareFourLegs).divide(BigDecimal.valueOf(2), 6, RoundingMode.HALF_EVEN);
        default -> shareFourLegs;
      };
    }

    /** One line for logs and reports, e.g. {@code SHARE_OF_SPREAD (1 leg 0.75, 2 legs 0.66, 4 legs 0.56)}. */
    public String describe() {
      return model == FillModel.MID ? "MID (every leg at its mid)"
          : model + " (1 leg " + shareOneLeg.toPlainString() + ", 2 legs " + shareTwoLegs.toPlainString()
              + ", 3 legs " + share(3).stripTrailingZeros().toPlainString() + ", 4+ legs "
              + shareFourLegs.toPlainString() + " of the spread from the bid)";
    }
  }
}
