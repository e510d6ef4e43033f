package dev.alvh.ibkr.msg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.ibkr.wire.Bytes;
import dev.alvh.ibkr.wire.Frame;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every client request against a field list typed from brief §3.2: the encoder must produce the
 * golden bytes and the server-side decoder must give the message back.
 */
class ClientMessageGoldenTest {

  private static final Contract SPXW_PUT = Contract.of(0, "SPX", "OPT", "20260320", 5500.0, "P",
      "100", "SMART", "", "USD", "", "SPXW");

  static Stream<Arguments> goldens() {
    return Stream.of(
        Arguments.of(new ClientMessage.StartApi(7, ""), List.of("71", "2", "7", "")),
        Arguments.of(new ClientMessage.ReqCurrentTime(), List.of("49", "1")),
        Arguments.of(new ClientMessage.ReqMarketDataType(3), List.of("59", "1", "3")),
        Arguments.of(new ClientMessage.ReqMktData(11, SPXW_PUT, "100,101,106", false, false),
            List.of("1", "11", "11", "0", "SPX", "OPT", "20260320", "5500.0", "P", "100", "SMART",
                "", "USD", "", "SPXW", "0", "100,101,106", "0", "0", "")),
        Arguments.of(new ClientMessage.ReqMktData(12, Contract.bag("SPX", "SMART", List.of(
                ComboLeg.of(5001, 1, "SELL", "SMART"), ComboLeg.of(5000, 1, "BUY", "SMART"))),
                "", true, false),
            List.of("1", "11", "12", "0", "SPX", "BAG", "", "0.0", "", "", "SMART", "", "USD", "",
                "", "2", "5001", "1", "SELL", "SMART", "5000", "1", "BUY", "SMART", "0", "", "1",
                "0", "")),
        Arguments.of(new ClientMessage.CancelMktData(11), List.of("2", "1", "11")),
        Arguments.of(ClientMessage.ReqContractDetails.of(21, SPXW_PUT),
            List.of("9", "8", "21", "0", "SPX", "OPT", "20260320", "5500.0", "P", "100", "SMART",
                "", "USD", "", "SPXW", "0", "", "", "")),
        Arguments.of(new ClientMessage.ReqSecDefOptParams(22, "SPX", "", "IND", 416904),
            List.of("78", "22", "SPX", "", "IND", "416904")),
        Arguments.of(new ClientMessage.ReqPositions(), List.of("61", "1")),
        Arguments.of(new ClientMessage.CancelPositions(), List.of("64", "1")),
        Arguments.of(new ClientMessage.ReqAccountSummary(9, "All", "NetLiquidation,AvailableFunds"),
            List.of("62", "1", "9", "All", "NetLiquidation,AvailableFunds")),
        Arguments.of(new ClientMessage.CancelAccountSummary(9), List.of("63", "1", "9")),
        Arguments.of(new ClientMessage.ReqOpenOrders(), List.of("5", "1")),
        Arguments.of(new ClientMessage.ReqAllOpenOrders(), List.of("16", "1")),
        Arguments.of(new ClientMessage.ReqIds(-1), List.of("8", "1", "-1")),
        Arguments.of(new ClientMessage.ReqManagedAccts(), List.of("17", "1")),
        Arguments.of(ClientMessage.CancelOrder.of(101), List.of("4", "1", "101", "")),
        Arguments.of(new ClientMessage.ReqGlobalCancel(), List.of("58", "1")),
        Arguments.of(new ClientMessage.ReqExecutions(3, 0, "DU123", "20260320-13:30:00", "SPX",
                "BAG", "", "BUY"),
            List.of("7", "3", "3", "0", "DU123", "20260320-13:30:00", "SPX", "BAG", "", "BUY")),
        Arguments.of(ClientMessage.ReqExecutions.all(4),
            List.of("7", "3", "4", "0", "", "", "", "", "", "")),
        Arguments.of(HistoricalDataCodecTest.SPX_DAILY_REQUEST, HistoricalDataCodecTest.SPX_DAILY_REQUEST_FIELDS),
        Arguments.of(new ClientMessage.CancelHistoricalData(31), List.of("25", "1", "31")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void encodes_to_the_golden_bytes(ClientMessage message, List<String> golden) {
    assertThat(ClientCodec.encode(message)).isEqualTo(Bytes.frame(golden));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void server_side_decodes_the_golden_back(ClientMessage message, List<String> golden)
      throws Exception {
    assertThat(ClientCodec.decode(Frame.of(golden))).isEqualTo(message);
  }

  @Test
  void start_api_is_exactly_the_briefs_bytes() {
    assertThat(new ClientMessage.StartApi(7, "").toBytes())
        .isEqualTo(Bytes.hex("00 00 00 08 37 31 00 32 00 37 00 00"));
  }

  @Test
  void req_contract_details_is_19_fields_and_req_mkt_data_20() {
    assertThat(goldens().filter(a -> a.get()[0] instanceof ClientMessage.ReqContractDetails)
        .map(a -> ((List<?>) a.get()[1]).size())).containsExactly(19);
    assertThat(goldens().filter(a -> a.get()[0] instanceof ClientMessage.ReqMktData)
        .map(a -> ((List<?>) a.get()[1]).size())).containsExactly(20, 20 + 1 + 4 * 2);
  }

  @Test
  void cancel_mkt_data_version_2_from_ib_async_is_accepted() throws Exception {
    assertThat(ClientCodec.decode(Frame.of("2", "2", "11")))
        .isEqualTo(new ClientMessage.CancelMktData(11));
  }

  @Test
  void unknown_request_id_is_skipped_not_failed() throws Exception {
    assertThat(ClientCodec.decode(Frame.of("99", "1")))
        .isEqualTo(new ClientMessage.Unknown(99, List.of("99", "1")));
  }

  @Test
  void an_extra_field_is_reported() {
    assertThatThrownBy(() -> ClientCodec.decode(Frame.of("49", "1", "x")))
        .isInstanceOf(TwsProtocolException.class)
        .hasMessage("reqCurrentTime: expected 2 fields but the frame has 3; first extra field 2"
            + " is 'x'");
  }

  @Test
  void invalid_market_data_type_is_a_protocol_error() {
    assertThatThrownBy(() -> ClientCodec.decode(Frame.of("59", "1", "9")))
        .isInstanceOf(TwsProtocolException.class)
        .hasMessageContaining("marketDataType must be in [1, 4], but was 9");
  }
}
