package dev.alvh.ibkr.msg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.ibkr.wire.Bytes;
import dev.alvh.ibkr.wire.Frame;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * placeOrder at server version 178 against field lists typed by hand from brief §3.3, index by
 * index; the encoder is not used to build them.
 */
class PlaceOrderGoldenTest {

  /** Fields 35–113 for a plain LMT order (brief §3.3 "plain LMT value" column). */
  private static List<String> plainTail() {
    return List.of(
        "",    // 35 sharesAllocation
        "0",   // 36 discretionaryAmt
        "",    // 37 goodAfterTime
        "",    // 38 goodTillDate
        "",    // 39 faGroup
        "",    // 40 faMethod
        "",    // 41 faPercentage
        "",    // 42 modelCode
        "0",   // 43 shortSaleSlot
        "",    // 44 designatedLocation
        "-1",  // 45 exemptCode
        "0",   // 46 ocaType
        "",    // 47 rule80A
        "",    // 48 settlingFirm
        "0",   // 49 allOrNone
        "",    // 50 minQty
        "",    // 51 percentOffset
        "0",   // 52 eTradeOnly
        "0",   // 53 firmQuoteOnly
        "",    // 54 nbboPriceCap
        "0",   // 55 auctionStrategy
        "",    // 56 startingPrice
        "",    // 57 stockRefPrice
        "",    // 58 delta
        "",    // 59 stockRangeLower
        "",    // 60 stockRangeUpper
        "0",   // 61 overridePercentageConstraints
        "",    // 62 volatility
        "",    // 63 volatilityType
        "",    // 64 deltaNeutralOrderType
        "",    // 65 deltaNeutralAuxPrice
        "0",   // 66 continuousUpdate
        "",    // 67 referencePriceType
        "",    // 68 trailStopPrice
        "",    // 69 trailingPercent
        "",    // 70 scaleInitLevelSize
        "",    // 71 scaleSubsLevelSize
        "",    // 72 scalePriceIncrement
        "",    // 73 scaleTable
        "",    // 74 activeStartTime
        "",    // 75 activeStopTime
        "",    // 76 hedgeType
        "0",   // 77 optOutSmartRouting
        "",    // 78 clearingAccount
        "",    // 79 clearingIntent
        "0",   // 80 notHeld
        "0",   // 81 deltaNeutralContract present
        "",    // 82 algoStrategy
        "",    // 83 algoId
        "0",   // 84 whatIf
        "",    // 85 orderMiscOptions
        "0",   // 86 solicited
        "0",   // 87 randomizeSize
        "0",   // 88 randomizePrice
        "0",   // 89 conditionCount
        "",    // 90 adjustedOrderType
        "",    // 91 triggerPrice
        "",    // 92 lmtPriceOffset
        "",    // 93 adjustedStopPrice
        "",    // 94 adjustedStopLimitPrice
        "",    // 95 adjustedTrailingAmount
        "0",   // 96 adjustableTrailingUnit
        "",    // 97 extOperator
        "",    // 98 softDollarTier name
        "",    // 99 softDollarTier value
        "",    // 100 cashQty
        "",    // 101 mifid2DecisionMaker
        "",    // 102 mifid2DecisionAlgo
        "",    // 103 mifid2ExecutionTrader
        "",    // 104 mifid2ExecutionAlgo
        "0",   // 105 dontUseAutoPriceForHedge
        "0",   // 106 isOmsContainer
        "0",   // 107 discretionaryUpToLimitPrice
        "",    // 108 usePriceMgmtAlgo
        "",    // 109 duration
        "",    // 110 postToAts
        "0",   // 111 autoCancelParent
        "",    // 112 advancedErrorOverride
        "");   // 113 manualOrderTime
  }

  /** A VIX call hedge, 2 contracts at 1.35, fields 0–34. */
  private static List<String> singleOptionHead() {
    return List.of(
        "3",            // 0 msgId
        "101",          // 1 orderId
        "654321",       // 2 conId
        "VIX",          // 3 symbol
        "OPT",          // 4 secType
        "20260318",     // 5 lastTradeDateOrContractMonth
        "20.0",         // 6 strike
        "C",            // 7 right
        "100",          // 8 multiplier
        "CBOE",         // 9 exchange
        "",             // 10 primaryExch
        "USD",          // 11 currency
        "",             // 12 localSymbol
        "VIX",          // 13 tradingClass
        "",             // 14 secIdType
        "",             // 15 secId
        "BUY",          // 16 action
        "2",            // 17 totalQuantity
        "LMT",          // 18 orderType
        "1.35",         // 19 lmtPrice
        "",             // 20 auxPrice
        "DAY",          // 21 tif
        "",             // 22 ocaGroup
        "DU123",        // 23 account
        "",             // 24 openClose
        "0",            // 25 origin
        "hedge-L1-7",   // 26 orderRef
        "1",            // 27 transmit
        "0",            // 28 parentId
        "0",            // 29 blockOrder
        "0",            // 30 sweepToFill
        "0",            // 31 displaySize
        "0",            // 32 triggerMethod
        "0",            // 33 outsideRth
        "0");           // 34 hidden
  }

  /** A 4-leg SPX iron condor BAG bought for a 2.35 credit, fields 0–34. */
  private static List<String> condorHead() {
    return List.of(
        "3", "202",                                   // 0 msgId, 1 orderId
        "0", "SPX", "BAG", "", "0.0", "", "",         // 2-8 conId..multiplier
        "SMART", "", "USD", "", "",                   // 9-13 exchange..tradingClass
        "", "",                                       // 14-15 secIdType, secId
        "BUY", "1", "LMT", "-2.35", "",               // 16-20 action..auxPrice
        "DAY", "", "", "", "0",                       // 21-25 tif, ocaGroup, account, openClose, origin
        "ic-20260320-1", "1", "0",                    // 26-28 orderRef, transmit, parentId
        "0", "0", "0", "0", "0", "0");                // 29-34 blockOrder..hidden
  }

  /** B1–B4 for the condor: 4 legs × 8 fields, no per-leg prices, no routing params. */
  private static List<String> condorBagBlock() {
    return List.of(
        "4",                                                     // B1 comboLegCount
        "5001", "1", "SELL", "SMART", "0", "0", "", "-1",        // short put K2
        "5000", "1", "BUY", "SMART", "0", "0", "", "-1",         // long put K1
        "5002", "1", "SELL", "SMART", "0", "0", "", "-1",        // short call K3
        "5003", "1", "BUY", "SMART", "0", "0", "", "-1",         // long call K4
        "0",                                                     // B3 orderComboLegCount
        "0");                                                    // B4 smartComboRoutingParamCount
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> p : parts) {
      all.addAll(p);
    }
    return all;
  }

  static ClientMessage.PlaceOrder singleOption() {
    Contract vixCall = Contract.of(654321, "VIX", "OPT", "20260318", 20.0, "C", "100", "CBOE", "",
        "USD", "", "VIX");
    Order order = Order.builder("BUY", new BigDecimal("2"), "LMT")
        .lmtPrice(new BigDecimal("1.35"))
        .account("DU123")
        .orderRef("hedge-L1-7")
        .build();
    return new ClientMessage.PlaceOrder(101, vixCall, order);
  }

  static ClientMessage.PlaceOrder condor() {
    Contract bag = Contract.bag("SPX", "SMART", List.of(
        ComboLeg.of(5001, 1, "SELL", "SMART"),
        ComboLeg.of(5000, 1, "BUY", "SMART"),
        ComboLeg.of(5002, 1, "SELL", "SMART"),
        ComboLeg.of(5003, 1, "BUY", "SMART")));
    Order order = Order.builder("BUY", BigDecimal.ONE, "LMT")
        .lmtPrice(new BigDecimal("-2.35"))
        .orderRef("ic-20260320-1")
        .build();
    return new ClientMessage.PlaceOrder(202, bag, order);
  }

  @Test
  void single_option_order_is_114_fields_matching_the_brief() throws Exception {
    List<String> golden = concat(singleOptionHead(), plainTail());
    assertThat(golden).hasSize(114);

    byte[] bytes = ClientCodec.encode(singleOption());

    assertThat(bytes).isEqualTo(Bytes.frame(golden));
    assertThat(ClientCodec.decode(Frame.of(golden))).isEqualTo(singleOption());
  }

  @Test
  void four_leg_condor_bag_is_149_fields_matching_the_brief() throws Exception {
    List<String> golden = concat(condorHead(), condorBagBlock(), plainTail());
    assertThat(golden).hasSize(149);

    byte[] bytes = ClientCodec.encode(condor());

    assertThat(bytes).isEqualTo(Bytes.frame(golden));
    assertThat(ClientCodec.decode(Frame.of(golden))).isEqualTo(condor());
  }

  @Test
  void routing_params_what_if_and_times_round_trip() throws Exception {
    Contract bag = Contract.bag("SPX", "CBOE", List.of(
        ComboLeg.of(5001, 1, "SELL", "CBOE"), ComboLeg.of(5000, 1, "BUY", "CBOE")));
    Order order = Order.builder("SELL", new BigDecimal("3"), "LMT")
        .lmtPrice(new BigDecimal("0.85"))
        .tif("GTC")
        .oca("grp-1", 1)
        .openClose("C")
        .parentId(77)
        .outsideRth(true)
        .transmit(false)
        .whatIf(true)
        .goodAfterTime("20260320 09:45:00 America/New_York")
        .goodTillDate("20260320 15:45:00 America/New_York")
        .smartComboRoutingParam("NonGuaranteed", "1")
        .build();
    ClientMessage.PlaceOrder message = new ClientMessage.PlaceOrder(303, bag, order);

    Frame frame = MessageFrames.frameOf(ClientCodec.encode(message));

    assertThat(frame.size()).isEqualTo(114 + 1 + 16 + 1 + 1 + 2);
    assertThat(ClientCodec.decode(frame)).isEqualTo(message);
  }

  @Test
  void unsupported_order_features_are_protocol_errors_on_the_server_side() {
    List<String> algo = new ArrayList<>(concat(singleOptionHead(), plainTail()));
    algo.set(82, "Adaptive");

    assertThatThrownBy(() -> ClientCodec.decode(Frame.of(algo)))
        .isInstanceOf(TwsProtocolException.class)
        .hasMessage("placeOrder field 82 (algoStrategy): not supported by this codec at server"
            + " version 178, but was 'Adaptive'");
  }

  @Test
  void zero_quantity_is_a_protocol_error_not_an_illegal_argument() {
    List<String> fields = new ArrayList<>(concat(singleOptionHead(), plainTail()));
    fields.set(17, "0");

    assertThatThrownBy(() -> ClientCodec.decode(Frame.of(fields)))
        .isInstanceOf(TwsProtocolException.class)
        .hasMessageContaining("field 17 (totalQuantity)");
  }

  @Test
  void order_checks_its_values_when_built() {
    assertThatThrownBy(() -> Order.builder("BUY", BigDecimal.ZERO, "LMT").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("totalQuantity must be greater than 0, but was 0");
    assertThatThrownBy(() -> new ClientMessage.PlaceOrder(1,
        Contract.option("SPX", "20260320", 5500, "P", "SPXW", "SMART"),
        Order.builder("BUY", BigDecimal.ONE, "LMT").smartComboRoutingParam("a", "b").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("order.smartComboRoutingParams");
  }
}
