package dev.alvh.ibkr.msg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.ibkr.wire.Bytes;
import dev.alvh.ibkr.wire.Frame;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every TWS message against a field list typed from brief §3.5: the client decodes the golden to
 * the expected record, and a fake TWS encodes the record to the same bytes.
 */
class ServerMessageGoldenTest {

  private static final Contract SPXW_PUT_SHORT = new Contract(512345, "SPX", "OPT", "20260320",
      5500.0, "P", "100", "SMART", "", "USD", "SPX   260320P05500000", "SPXW", List.of());

  private static Optional<BigDecimal> dec(String text) {
    return Optional.of(new BigDecimal(text));
  }

  static Stream<Arguments> goldens() {
    return Stream.of(
        Arguments.of(List.of("1", "6", "7", "1", "4500.25", "10", "3"),
            new ServerMessage.TickPrice(7, 1, 4500.25, dec("10"), 3)),
        Arguments.of(List.of("1", "6", "7", "4", "-1.0", "", "0"),
            new ServerMessage.TickPrice(7, 4, -1.0, Optional.empty(), 0)),
        Arguments.of(List.of("2", "6", "7", "0", "5"),
            new ServerMessage.TickSize(7, 0, dec("5"))),
        Arguments.of(List.of("21", "7", "13", "1", "0.185", "-0.16", "2.35", "0.0", "0.004",
                "1.2", "-0.85", "4500.0"),
            new ServerMessage.TickOptionComputation(7, 13, 1, OptionalDouble.of(0.185),
                OptionalDouble.of(-0.16), OptionalDouble.of(2.35), OptionalDouble.of(0.0),
                OptionalDouble.of(0.004), OptionalDouble.of(1.2), OptionalDouble.of(-0.85),
                OptionalDouble.of(4500.0))),
        Arguments.of(List.of("21", "7", "83", "0", "-1.0", "-2.0", "-1.0", "-1.0", "-2.0", "-2.0",
                "-2.0", "-1.0"),
            new ServerMessage.TickOptionComputation(7, 83, 0, OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty())),
        Arguments.of(List.of("45", "6", "7", "49", "0.0"),
            new ServerMessage.TickGeneric(7, 49, 0.0)),
        Arguments.of(List.of("46", "6", "7", "45", "1773950400"),
            new ServerMessage.TickString(7, 45, "1773950400")),
        Arguments.of(List.of("81", "7", "0.05", "9c0001", "3"),
            new ServerMessage.TickReqParams(7, 0.05, "9c0001", 3)),
        Arguments.of(List.of("57", "1", "7"), new ServerMessage.TickSnapshotEnd(7)),
        Arguments.of(List.of("58", "1", "7", "3"), new ServerMessage.MarketDataType(7, 3)),
        Arguments.of(List.of("52", "1", "21"), new ServerMessage.ContractDataEnd(21)),
        Arguments.of(List.of("75", "22", "SMART", "416904", "SPXW", "100", "2", "20260320",
                "20260417", "3", "5400.0", "5450.0", "5500.0"),
            new ServerMessage.SecDefOptParams(22, "SMART", 416904, "SPXW", "100",
                List.of("20260320", "20260417"), List.of(5400.0, 5450.0, 5500.0))),
        Arguments.of(List.of("76", "22"), new ServerMessage.SecDefOptParamsEnd(22)),
        Arguments.of(List.of("61", "3", "DU123", "512345", "SPX", "OPT", "20260320", "5500.0", "P",
                "100", "SMART", "USD", "SPX   260320P05500000", "SPXW", "-2", "1234.56"),
            new ServerMessage.Position("DU123", SPXW_PUT_SHORT, new BigDecimal("-2"),
                new BigDecimal("1234.56"))),
        Arguments.of(List.of("62", "1"), new ServerMessage.PositionEnd()),
        Arguments.of(List.of("63", "1", "9", "DU123", "NetLiquidation", "1000000.00", "USD"),
            new ServerMessage.AccountSummary(9, "DU123", "NetLiquidation", "1000000.00", "USD")),
        Arguments.of(List.of("64", "1", "9"), new ServerMessage.AccountSummaryEnd(9)),
        Arguments.of(List.of("3", "202", "Filled", "1", "0", "-2.3", "1234567890123", "0", "-2.3",
                "7", "", "0.0"),
            new ServerMessage.OrderStatus(202, "Filled", BigDecimal.ONE, BigDecimal.ZERO,
                new BigDecimal("-2.3"), 1234567890123L, 0, new BigDecimal("-2.3"), 7, "", 0.0)),
        Arguments.of(List.of("53", "1"), new ServerMessage.OpenOrderEnd()),
        Arguments.of(List.of("11", "-1", "101", "512345", "SPX", "OPT", "20260320", "5500.0", "P",
                "100", "SMART", "USD", "SPX   260320P05500000", "SPXW",
                "0000e0d5.67a1b2c3.01.01", "20260320 10:15:02 America/New_York", "DU123", "CBOE",
                "SLD", "2", "4.1", "987654321", "7", "0", "2", "4.1", "ic-20260320-1", "", "0.0",
                "", "2", "0"),
            new ServerMessage.ExecDetails(-1, 101, SPXW_PUT_SHORT, "0000e0d5.67a1b2c3.01.01",
                "20260320 10:15:02 America/New_York", "DU123", "CBOE", "SLD", new BigDecimal("2"),
                new BigDecimal("4.1"), 987654321L, 7, 0, new BigDecimal("2"),
                new BigDecimal("4.1"), "ic-20260320-1", "", 0.0, "", 2, false)),
        Arguments.of(List.of("55", "1", "3"), new ServerMessage.ExecDetailsEnd(3)),
        Arguments.of(List.of("59", "1", "0000e0d5.67a1b2c3.01.01", "1.32", "USD",
                "1.7976931348623157E308", "1.7976931348623157E308", "0"),
            new ServerMessage.CommissionReport("0000e0d5.67a1b2c3.01.01", dec("1.32"), "USD",
                Optional.empty(), OptionalDouble.empty(), 0)),
        Arguments.of(List.of("49", "1", "1773950400"), new ServerMessage.CurrentTime(1773950400L)),
        Arguments.of(List.of("9", "1", "101"), new ServerMessage.NextValidId(101)),
        Arguments.of(List.of("15", "1", "DU123,DU456"),
            new ServerMessage.ManagedAccounts(List.of("DU123", "DU456"))),
        Arguments.of(List.of("4", "2", "-1", "2104", "Market data farm connection is OK:usfarm",
                ""),
            new ServerMessage.ErrorMessage(-1, 2104, "Market data farm connection is OK:usfarm",
                "")),
        Arguments.of(List.of("4", "2", "202", "201",
                "Order rejected - reason:Caf\\u00e9 closed", "{\"k\":\"v\"}"),
            new ServerMessage.ErrorMessage(202, 201, "Order rejected - reason:Caf\u00e9 closed",
                "{\"k\":\"v\"}")),
        Arguments.of(HistoricalDataCodecTest.SPX_TWO_BARS_FIELDS, HistoricalDataCodecTest.SPX_TWO_BARS),
        Arguments.of(List.of("17", "32", "20260316  09:30:00", "20260316  16:00:00", "0"),
            new ServerMessage.HistoricalData(32, "20260316  09:30:00", "20260316  16:00:00", List.of())));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("goldens")
  void client_decodes_the_golden(List<String> golden, ServerMessage expected) throws Exception {
    assertThat(ServerCodec.decode(Frame.of(golden))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("goldens")
  void fake_tws_encodes_the_golden(List<String> golden, ServerMessage message) {
    assertThat(ServerCodec.encode(message)).isEqualTo(Bytes.frame(golden));
  }

  @Test
  void exec_details_is_32_fields() {
    assertThat(goldens().filter(a -> a.get()[1] instanceof ServerMessage.ExecDetails)
        .map(a -> ((List<?>) a.get()[0]).size())).containsExactly(32);
  }

  @Test
  void managed_accounts_drop_the_trailing_comma() throws Exception {
    assertThat(ServerCodec.decode(Frame.of("15", "1", "DU123,DU456,")))
        .isEqualTo(new ServerMessage.ManagedAccounts(List.of("DU123", "DU456")));
  }

  @Test
  void unknown_message_id_is_a_value_not_an_error() throws Exception {
    ServerMessage message = ServerCodec.decode(Frame.of("6", "2", "NetLiquidation", "1", "USD",
        "DU123"));

    assertThat(message).isEqualTo(new ServerMessage.Unknown(6,
        List.of("6", "2", "NetLiquidation", "1", "USD", "DU123")));
    assertThat(message.id()).isEqualTo(6);
  }

  @Test
  void error_message_knows_its_class() {
    assertThat(new ServerMessage.ErrorMessage(-1, 1100, "lost", "").errorClass())
        .isEqualTo(ErrorClass.LINK_LOST);
    assertThat(new ServerMessage.ErrorMessage(-1, 1100, "lost", "").id()).isEqualTo(4);
  }

  @Test
  void tick_price_attributes() {
    ServerMessage.TickPrice tick = new ServerMessage.TickPrice(1, 1, 1.0, Optional.empty(), 5);
    assertThat(tick.canAutoExecute()).isTrue();
    assertThat(tick.pastLimit()).isFalse();
    assertThat(tick.preOpen()).isTrue();
  }
}
