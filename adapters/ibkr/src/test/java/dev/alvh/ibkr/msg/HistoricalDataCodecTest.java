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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * reqHistoricalData (20), cancelHistoricalData (25) and historicalData (17) at server version 178,
 * against field lists typed from the public clients (adapters/ibkr/README.md, "Historical daily
 * bars"): no version field on 20 and 17 (sent only below 124), start and end dates inside 17 (they
 * move to historicalDataEnd only at 196), per bar eight fields with volume and WAP as decimals.
 */
class HistoricalDataCodecTest {

  /** Two years of daily TRADES bars of the SPX index, regular hours, up to now. */
  static final ClientMessage.ReqHistoricalData SPX_DAILY_REQUEST = ClientMessage.ReqHistoricalData.dailyBars(31,
      Contract.of(0, "SPX", "IND", "", 0.0, "", "", "CBOE", "", "USD", "", ""), "2 Y");
  static final List<String> SPX_DAILY_REQUEST_FIELDS = List.of("20", "31",
      "0", "SPX", "IND", "", "0.0", "", "", "CBOE", "", "USD", "", "",
      "0", "", "1 day", "2 Y", "1", "TRADES", "1", "0", "");

  static final List<String> SPX_TWO_BARS_FIELDS = List.of("17", "31", "20240318  16:00:00", "20260318  16:00:00",
      "2",
      "20260316", "5640.5", "5690.25", "5631.0", "5675.12", "0", "5662.3", "0",
      "20260317", "5675.0", "5701.75", "5650.5", "5698.4", "-1", "", "-1");
  static final ServerMessage.HistoricalData SPX_TWO_BARS = new ServerMessage.HistoricalData(31,
      "20240318  16:00:00", "20260318  16:00:00", List.of(
          new ServerMessage.HistoricalBar("20260316", 5640.5, 5690.25, 5631.0, 5675.12,
              Optional.of(BigDecimal.ZERO), Optional.of(new BigDecimal("5662.3")), 0),
          new ServerMessage.HistoricalBar("20260317", 5675.0, 5701.75, 5650.5, 5698.4,
              Optional.of(new BigDecimal("-1")), Optional.empty(), -1)));

  @Test
  void the_daily_bar_request_is_23_fields_without_a_version() {
    assertThat(SPX_DAILY_REQUEST_FIELDS).hasSize(23);
    assertThat(SPX_DAILY_REQUEST.toBytes()).isEqualTo(Bytes.frame(SPX_DAILY_REQUEST_FIELDS));
    assertThat(SPX_DAILY_REQUEST.id()).isEqualTo(20);
  }

  @Test
  void the_answer_is_5_fields_plus_8_per_bar() throws Exception {
    assertThat(SPX_TWO_BARS_FIELDS).hasSize(5 + 2 * 8);
    assertThat(ServerCodec.decode(Frame.of(SPX_TWO_BARS_FIELDS))).isEqualTo(SPX_TWO_BARS);
    assertThat(ServerCodec.encode(SPX_TWO_BARS)).isEqualTo(Bytes.frame(SPX_TWO_BARS_FIELDS));
    assertThat(ServerCodec.name(17)).isEqualTo("historicalData");
    assertThat(ClientCodec.name(20)).isEqualTo("reqHistoricalData");
    assertThat(ClientCodec.name(25)).isEqualTo("cancelHistoricalData");
  }

  static IntStream answerTruncations() {
    return IntStream.range(1, SPX_TWO_BARS_FIELDS.size());
  }

  @ParameterizedTest(name = "historicalData cut to {0} fields")
  @MethodSource("answerTruncations")
  void every_truncation_of_the_answer_is_a_protocol_error(int keep) {
    Frame cut = Frame.of(SPX_TWO_BARS_FIELDS.subList(0, keep));
    assertThatThrownBy(() -> ServerCodec.decode(cut)).isInstanceOf(TwsProtocolException.class)
        .hasMessageStartingWith("historicalData");
  }

  static IntStream requestTruncations() {
    return IntStream.range(1, SPX_DAILY_REQUEST_FIELDS.size());
  }

  @ParameterizedTest(name = "reqHistoricalData cut to {0} fields")
  @MethodSource("requestTruncations")
  void every_truncation_of_the_request_is_a_protocol_error(int keep) {
    Frame cut = Frame.of(SPX_DAILY_REQUEST_FIELDS.subList(0, keep));
    assertThatThrownBy(() -> ClientCodec.decode(cut)).isInstanceOf(TwsProtocolException.class)
        .hasMessageStartingWith("reqHistoricalData");
  }

  /** Index in SPX_TWO_BARS_FIELDS of each numeric field: reqId, count, then the first bar's numbers. */
  @ParameterizedTest(name = "garbled field {0}")
  @ValueSource(ints = {1, 4, 6, 7, 8, 9, 10, 11, 12})
  void a_garbled_number_names_its_field(int index) {
    List<String> fields = new ArrayList<>(SPX_TWO_BARS_FIELDS);
    fields.set(index, "x1");
    assertThatThrownBy(() -> ServerCodec.decode(Frame.of(fields))).isInstanceOf(TwsProtocolException.class)
        .hasMessageContaining("field " + index).hasMessageContaining("'x1'");
  }

  @Test
  void a_bar_count_beyond_the_frame_says_how_many_fields_were_missing() {
    List<String> fields = new ArrayList<>(SPX_TWO_BARS_FIELDS);
    fields.set(4, "3");
    assertThatThrownBy(() -> ServerCodec.decode(Frame.of(fields))).isInstanceOf(TwsProtocolException.class)
        .hasMessageContaining("count 3 needs 24 more fields but only 16 remain");
  }

  @Test
  void a_negative_bar_count_or_a_bar_without_date_is_rejected() {
    List<String> negative = new ArrayList<>(SPX_TWO_BARS_FIELDS.subList(0, 5));
    negative.set(4, "-1");
    assertThatThrownBy(() -> ServerCodec.decode(Frame.of(negative))).isInstanceOf(TwsProtocolException.class)
        .hasMessageContaining("a count must be 0 or more");
    List<String> undated = new ArrayList<>(SPX_TWO_BARS_FIELDS);
    undated.set(5, "");
    assertThatThrownBy(() -> ServerCodec.decode(Frame.of(undated))).isInstanceOf(TwsProtocolException.class)
        .hasMessageContaining("bar.date");
  }

  @Test
  void an_extra_field_after_the_bars_is_reported() {
    List<String> fields = new ArrayList<>(SPX_TWO_BARS_FIELDS);
    fields.add("20260318");
    assertThatThrownBy(() -> ServerCodec.decode(Frame.of(fields))).isInstanceOf(TwsProtocolException.class)
        .hasMessageContaining("first extra field 21");
  }

  @Test
  void a_server_reading_requests_refuses_chart_options_and_combos() {
    List<String> options = new ArrayList<>(SPX_DAILY_REQUEST_FIELDS);
    options.set(22, "XYZ=1;");
    assertThatThrownBy(() -> ClientCodec.decode(Frame.of(options))).isInstanceOf(TwsProtocolException.class)
        .hasMessageContaining("chartOptions").hasMessageContaining("not supported");
    List<String> bag = new ArrayList<>(SPX_DAILY_REQUEST_FIELDS);
    bag.set(4, "BAG");
    assertThatThrownBy(() -> ClientCodec.decode(Frame.of(bag))).isInstanceOf(TwsProtocolException.class)
        .hasMessageContaining("secType").hasMessageContaining("BAG");
  }

  @Test
  void bad_request_values_name_the_field() {
    List<String> rth = new ArrayList<>(SPX_DAILY_REQUEST_FIELDS);
    rth.set(18, "2");
    assertThatThrownBy(() -> ClientCodec.decode(Frame.of(rth))).isInstanceOf(TwsProtocolException.class)
        .hasMessageContaining("useRTH must be in [0, 1], but was 2");
    assertThatThrownBy(() -> new ClientMessage.ReqHistoricalData(1, SPX_DAILY_REQUEST.contract(), false,
        "20260318 16:00:00 US/Eastern", "1 day", "1 Y", 1, "TRADES", 1, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endDateTime");
  }
}
