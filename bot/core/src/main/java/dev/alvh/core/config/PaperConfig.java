package dev.alvh.core.config;

import dev.alvh.core.Check;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the simulated broker fills orders (the in-process paper broker, also behind
 * {@code alvh paper-tws} and in every replay); YAML group {@code paper.*}.
 *
 * @param fill the fill model
 */
public record PaperConfig(Fill fill) {

  /** The defaults. */
  public static final PaperConfig DEFAULTS = new PaperConfig(Fill.DEFAULTS);

  /** Checks the group is present. */
  public PaperConfig {
    Check.notNull(fill, "paper.fill");
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
      Check.isTrue(legs >= 1, "legs", "must be at least 1, but was " + legs);
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
