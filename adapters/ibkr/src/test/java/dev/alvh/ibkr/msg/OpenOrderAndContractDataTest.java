package dev.alvh.ibkr.msg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.ibkr.wire.Bytes;
import dev.alvh.ibkr.wire.Frame;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two long incoming messages, against field lists typed from brief §3.5 and §3.6. */
class OpenOrderAndContractDataTest {

  /** openOrder for the condor BAG, typed from brief §3.6. */
  static List<String> condorOpenOrder() {
    List<String> f = new ArrayList<>(List.of(
        "5", "202",                                          // 0 msgId, 1 orderId
        "0", "SPX", "BAG", "", "0.0", "", "", "SMART",       // 2-9 conId..exchange
        "USD", "", "",                                       // 10-12 currency, localSymbol, tradingClass
        "BUY", "1", "LMT", "-2.35", "",                      // 13-17 action..auxPrice
        "DAY", "", "DU123", "", "0",                         // 18-22 tif, ocaGroup, account, openClose, origin
        "ic-20260320-1", "7", "1234567890123",               // 23-25 orderRef, clientId, permId
        "0", "0", "0", "",                                   // 26-29 outsideRth, hidden, discretionaryAmt, goodAfterTime
        "", "", "", "", "", "",                              // 30-35 sharesAllocation, fa×3, modelCode, goodTillDate
        "", "", "", "0", "", "-1",                           // 36-41 rule80A..exemptCode
        "0", "", "", "", "", "",                             // 42-47 auctionStrategy..stockRangeUpper
        "0", "0", "0", "0", "", "0",                         // 48-53 displaySize..ocaType
        "0", "0", "",                                        // 54-56 eTradeOnly, firmQuoteOnly, nbboPriceCap
        "0", "0", "", "0", "", "",                           // 57-62 parentId..deltaNeutralAuxPrice
        "0", "0", "", "", "", "",                            // continuousUpdate..basisPointsType
        "IC 5400/5450/5600/5650",                            // comboLegsDescrip
        "4",
        "5001", "1", "SELL", "SMART", "0", "0", "", "-1",
        "5000", "1", "BUY", "SMART", "0", "0", "", "-1",
        "5002", "1", "SELL", "SMART", "0", "0", "", "-1",
        "5003", "1", "BUY", "SMART", "0", "0", "", "-1",
        "0",                                                 // orderComboLegCount
        "1", "NonGuaranteed", "0",                           // smartComboRoutingParams
        "", "", "",                                          // scale ×3
        "",                                                  // hedgeType
        "0", "", "", "0",                                    // optOutSmartRouting..notHeld
        "0",                                                 // deltaNeutralContract
        "",                                                  // algoStrategy
        "0", "0",                                            // solicited, whatIf
        "Submitted",                                         // status
        "", "", "", "", "", "", "", "", "",                  // 9 margin fields
        "1.32", "", "", "USD",                               // commission, min, max, currency
        "",                                                  // warningText
        "0", "0",                                            // randomizeSize, randomizePrice
        "0"));                                               // conditionCount
    f.addAll(List.of(
        "", "", "", "", "", "", "", "0",                     // adjusted* ×7, adjustableTrailingUnit
        "", "", "", "",                                      // softDollarTier ×3, cashQty
        "0", "0", "0", "0",                                  // dontUseAutoPriceForHedge..usePriceMgmtAlgo
        "", "", "0",                                         // duration, postToAts, autoCancelParent
        "", "", "", "", ""));                                // minTradeQty..midOffsetAtHalf
    return f;
  }

  static ServerMessage.OpenOrder expectedCondor() {
    Contract bag = new Contract(0, "SPX", "BAG", "", 0.0, "", "", "SMART", "", "USD", "", "",
        List.of(ComboLeg.of(5001, 1, "SELL", "SMART"), ComboLeg.of(5000, 1, "BUY", "SMART"),
            ComboLeg.of(5002, 1, "SELL", "SMART"), ComboLeg.of(5003, 1, "BUY", "SMART")));
    ServerMessage.OrderState state = new ServerMessage.OrderState("Submitted", "", "", "", "",
        "", "", "", "", "", Optional.of(new BigDecimal("1.32")), Optional.empty(),
        Optional.empty(), "USD", "");
    return new ServerMessage.OpenOrder(202, bag, "BUY", BigDecimal.ONE, "LMT",
        Optional.of(new BigDecimal("-2.35")), Optional.empty(), "DAY", "", "DU123", "", 0,
        "ic-20260320-1", 7, 1234567890123L, false, "", "", 0, "IC 5400/5450/5600/5650",
        List.of(new TagValue("NonGuaranteed", "0")), false, state);
  }

  @Test
  void open_order_golden_has_the_expected_size() {
    // 63 prefix + 7 + legs (1 + 32) + 1 + (1 + 2) + 3 + 1 + 4 + 1 + 1 + 2 + 15 + 2 + 1 + 24
    assertThat(condorOpenOrder()).hasSize(63 + 7 + 33 + 1 + 3 + 3 + 1 + 4 + 1 + 1 + 2 + 15 + 2
        + 1 + 24);
  }

  @Test
  void open_order_decodes_identity_legs_and_state() throws Exception {
    assertThat(ServerCodec.decode(Frame.of(condorOpenOrder()))).isEqualTo(expectedCondor());
  }

  @Test
  void fake_tws_encodes_the_open_order_golden() {
    assertThat(ServerCodec.encode(expectedCondor())).isEqualTo(Bytes.frame(condorOpenOrder()));
  }

  @Test
  void open_order_with_conditions_is_read_up_to_the_state_and_the_rest_discarded()
      throws Exception {
    List<String> fields = new ArrayList<>(condorOpenOrder().subList(0,
        condorOpenOrder().size() - 25));
    fields.addAll(List.of("2", "1", "whatever", "x", "y", "z")); // conditions we do not decode

    assertThat(ServerCodec.decode(Frame.of(fields))).isEqualTo(expectedCondor());
  }

  @Test
  void open_order_conditional_groups_are_walked() throws Exception {
    List<String> f = new ArrayList<>(condorOpenOrder());
    int dnType = 61;
    f.set(dnType, "LMT");
    f.addAll(63, List.of("1", "", "", "", "", "0", "0", "")); // 8 delta-neutral fields
    int algo = f.indexOf("Submitted") - 3;
    f.set(algo, "Adaptive");
    f.addAll(algo + 1, List.of("1", "adaptivePriority", "Normal"));

    ServerMessage.OpenOrder decoded = (ServerMessage.OpenOrder) ServerCodec.decode(Frame.of(f));

    assertThat(decoded.state().status()).isEqualTo("Submitted");
    assertThat(decoded.contract().comboLegs()).hasSize(4);
  }

  @Test
  void open_order_with_an_absurd_leg_count_is_a_protocol_error() {
    List<String> f = new ArrayList<>(condorOpenOrder());
    f.set(f.indexOf("IC 5400/5450/5600/5650") + 1, "100000");

    assertThatThrownBy(() -> ServerCodec.decode(Frame.of(f)))
        .isInstanceOf(TwsProtocolException.class)
        .hasMessageContaining("count 100000 needs 800000 more fields but only");
  }

  /** contractData for an SPXW put, typed from brief §3.5: 40 + 2n fields. */
  static List<String> spxwContractData() {
    return List.of(
        "10", "21", "SPX", "OPT", "20260320 16:00:00 US/Eastern", "5500.0", "P", "SMART", "USD",
        "SPXW  260320P05500000", "SPXW", "SPXW", "512345", "0.05", "100",
        "ACTIVETIM,AD,ADJUST,ALERT,ALLOC", "SMART,CBOE", "1", "416904",
        "S&P 500 Stock Index \\u2013 weekly", "CBOE", "202603", "", "", "", "US/Central",
        "20260320:0830-20260320:1515", "20260320:0830-20260320:1515", "", "0.0",
        "1", "OCC", "SPXW  260320P05500000",
        "2", "SPX", "IND", "110,110", "20260320", "", "1", "1", "1");
  }

  @Test
  void contract_data_decodes_with_split_last_trade_and_unescaped_long_name() throws Exception {
    ServerMessage.ContractData data =
        (ServerMessage.ContractData) ServerCodec.decode(Frame.of(spxwContractData()));

    assertThat(spxwContractData()).hasSize(40 + 2);
    assertThat(data.reqId()).isEqualTo(21);
    ContractDetails d = data.details();
    assertThat(d.contract()).isEqualTo(new Contract(512345, "SPX", "OPT", "20260320", 5500.0,
        "P", "100", "SMART", "CBOE", "USD", "SPXW  260320P05500000", "SPXW", List.of()));
    assertThat(d.lastTradeTime()).isEqualTo("16:00:00");
    assertThat(d.longName()).isEqualTo("S&P 500 Stock Index \u2013 weekly");
    assertThat(d.minTick()).isEqualTo(0.05);
    assertThat(d.underConId()).isEqualTo(416904);
    assertThat(d.secIdList()).containsExactly(new TagValue("OCC", "SPXW  260320P05500000"));
    assertThat(d.aggGroup()).isEqualTo(2);
    assertThat(d.marketRuleIds()).isEqualTo("110,110");
    assertThat(d.realExpirationDate()).isEqualTo("20260320");
    assertThat(d.minSize()).contains(BigDecimal.ONE);
  }

  @Test
  void contract_data_round_trips() throws Exception {
    ServerMessage decoded = ServerCodec.decode(Frame.of(spxwContractData()));

    byte[] reencoded = ServerCodec.encode(decoded);

    assertThat(ServerCodec.decode(MessageFrames.frameOf(reencoded))).isEqualTo(decoded);
  }

  @Test
  void contract_data_last_trade_with_dash_is_split_on_the_dash() throws Exception {
    List<String> f = new ArrayList<>(spxwContractData());
    f.set(4, "20260320-16:00:00");

    ServerMessage.ContractData data = (ServerMessage.ContractData) ServerCodec.decode(Frame.of(f));

    assertThat(data.details().contract().lastTradeDateOrContractMonth()).isEqualTo("20260320");
    assertThat(data.details().lastTradeTime()).isEqualTo("16:00:00");
  }
}
