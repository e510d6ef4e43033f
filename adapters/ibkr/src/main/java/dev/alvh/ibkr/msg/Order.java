package dev.alvh.ibkr.msg;

import dev.alvh.core.Check;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order fields this codec sends in placeOrder; every other placeOrder field is written with
 * the brief's "plain LMT" value (§3.3).
 *
 * <p>Example, a 4-leg iron condor for a 2.35 credit: {@code Order.builder("BUY", BigDecimal.ONE,
 * "LMT").lmtPrice(new BigDecimal("-2.35")).orderRef("ic-2026-03-20-1").build()} — a credit BAG is
 * bought at a negative limit (brief §4.6).
 *
 * @param action {@code BUY} or {@code SELL}
 * @param totalQuantity contracts, or combo units for a BAG; more than 0
 * @param orderType e.g. {@code LMT}, {@code MKT}; PEG BENCH/BEST/MID are not supported
 * @param lmtPrice the limit price, empty for none (written as an empty field)
 * @param auxPrice the stop/aux price, empty for none
 * @param tif {@code DAY}, {@code GTC}, {@code IOC}, …
 * @param ocaGroup one-cancels-all group, or empty
 * @param ocaType OCA type (0 none, 1 cancel with block, 2 reduce with block, 3 reduce non-block)
 * @param account account code, or empty for the default account
 * @param openClose {@code O}, {@code C} or empty (IB default)
 * @param orderRef free-text tag echoed in openOrder and execDetails; the bot's order id
 * @param transmit false to stage the order in TWS without sending it
 * @param parentId parent order id for brackets, 0 for none
 * @param outsideRth whether the order may fill outside regular trading hours
 * @param goodAfterTime {@code yyyyMMdd HH:mm:ss tz} or empty
 * @param goodTillDate {@code yyyyMMdd HH:mm:ss tz} or empty
 * @param whatIf true for a margin preview that is not routed
 * @param smartComboRoutingParams BAG routing parameters, e.g. {@code NonGuaranteed=1}
 */
public record Order(String action, BigDecimal totalQuantity, String orderType,
    Optional<BigDecimal> lmtPrice, Optional<BigDecimal> auxPrice, String tif, String ocaGroup,
    int ocaType, String account, String openClose, String orderRef, boolean transmit, int parentId,
    boolean outsideRth, String goodAfterTime, String goodTillDate, boolean whatIf,
    List<TagValue> smartComboRoutingParams) {

  /** Checks every part is set and the quantity positive. */
  public Order {
    Check.notBlank(action, "action");
    Check.notNull(totalQuantity, "totalQuantity");
    Check.isTrue(totalQuantity.signum() > 0, "totalQuantity",
        "must be greater than 0, but was " + totalQuantity.toPlainString());
    Check.notBlank(orderType, "orderType");
    Check.isTrue(!orderType.startsWith("PEG B") && !orderType.equals("PEG MID"), "orderType",
        "must not be a PEG BENCH/BEST/MID type (not supported by this codec), but was " + orderType);
    Check.notNull(lmtPrice, "lmtPrice");
    Check.notNull(auxPrice, "auxPrice");
    Check.notNull(tif, "tif");
    Check.notNull(ocaGroup, "ocaGroup");
    Check.notNull(account, "account");
    Check.notNull(openClose, "openClose");
    Check.notNull(orderRef, "orderRef");
    Check.notNull(goodAfterTime, "goodAfterTime");
    Check.notNull(goodTillDate, "goodTillDate");
    smartComboRoutingParams =
        List.copyOf(Check.notNull(smartComboRoutingParams, "smartComboRoutingParams"));
  }

  /** Starts a builder with the given essentials and IB's defaults for the rest (DAY, transmit). */
  public static Builder builder(String action, BigDecimal totalQuantity, String orderType) {
    return new Builder(action, totalQuantity, orderType);
  }

  /** Builds an {@link Order}; defaults: tif DAY, transmit true, everything else empty/0/false. */
  public static final class Builder {
    private final String action;
    private final BigDecimal totalQuantity;
    private final String orderType;
    private BigDecimal lmtPrice;
    private BigDecimal auxPrice;
    private String tif = "DAY";
    private String ocaGroup = "";
    private int ocaType;
    private String account = "";
    private String openClose = "";
    private String orderRef = "";
    private boolean transmit = true;
    private int parentId;
    private boolean outsideRth;
    private String goodAfterTime = "";
    private String goodTillDate = "";
    private boolean whatIf;
    private final List<TagValue> smartComboRoutingParams = new ArrayList<>();

    private Builder(String action, BigDecimal totalQuantity, String orderType) {
      this.action = action;
      this.totalQuantity = totalQuantity;
      this.orderType = orderType;
    }

    /** Sets the limit price (may be negative for a credit BAG). */
    public Builder lmtPrice(BigDecimal value) {
      this.lmtPrice = value;
      return this;
    }

    /** Sets the aux (stop) price. */
    public Builder auxPrice(BigDecimal value) {
      this.auxPrice = value;
      return this;
    }

    /** Sets the time in force. */
    public Builder tif(String value) {
      this.tif = value;
      return this;
    }

    /** Sets the OCA group and type. */
    public Builder oca(String group, int type) {
      this.ocaGroup = group;
      this.ocaType = type;
      return this;
    }

    /** Sets the account. */
    public Builder account(String value) {
      this.account = value;
      return this;
    }

    /** Sets open/close ({@code O}/{@code C}). */
    public Builder openClose(String value) {
      this.openClose = value;
      return this;
    }

    /** Sets the order reference tag. */
    public Builder orderRef(String value) {
      this.orderRef = value;
      return this;
    }

    /** Sets whether TWS transmits the order. */
    public Builder transmit(boolean value) {
      this.transmit = value;
      return this;
    }

    /** Sets the parent order id. */
    public Builder parentId(int value) {
      this.parentId = value;
      return this;
    }

    /** Sets whether the order may work outside regular trading hours. */
    public Builder outsideRth(boolean value) {
      this.outsideRth = value;
      return this;
    }

    /** Sets good-after time. */
    public Builder goodAfterTime(String value) {
      this.goodAfterTime = value;
      return this;
    }

    /** Sets good-till date. */
    public Builder goodTillDate(String value) {
      this.goodTillDate = value;
      return this;
    }

    /** Makes the order a what-if margin preview. */
    public Builder whatIf(boolean value) {
      this.whatIf = value;
      return this;
    }

    /** Adds a smart combo routing parameter. */
    public Builder smartComboRoutingParam(String tag, String value) {
      smartComboRoutingParams.add(new TagValue(tag, value));
      return this;
    }

    /** Builds and checks the order. */
    public Order build() {
      return new Order(action, totalQuantity, orderType, Optional.ofNullable(lmtPrice),
          Optional.ofNullable(auxPrice), tif, ocaGroup, ocaType, account, openClose, orderRef,
          transmit, parentId, outsideRth, goodAfterTime, goodTillDate, whatIf,
          smartComboRoutingParams);
    }
  }
}
