package dev.alvh.ibkr.msg;

import dev.alvh.ibkr.wire.Frame;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Encodes and decodes {@link ServerMessage}s (TWS → client), dispatching on the message id.
 *
 * <p>The client decodes with it; a fake TWS encodes with it. Decoding is strict: a frame must hold
 * exactly the fields of its message at server version 178 (except openOrder, whose tail is
 * discarded by design), or a {@link TwsProtocolException} says which field was wrong. Unknown
 * message ids are not errors: they are logged at WARN and returned as
 * {@link ServerMessage.Unknown}, deliberately ignored.
 */
public final class ServerCodec {

  private static final Decoder.Table<ServerMessage> DECODERS = new Decoder.Table<>(Map.ofEntries(
      Decoder.entry(ServerMessage.TickPrice.ID, "tickPrice", ServerMessage.TickPrice::read),
      Decoder.entry(ServerMessage.TickSize.ID, "tickSize", ServerMessage.TickSize::read),
      Decoder.entry(ServerMessage.TickOptionComputation.ID, "tickOptionComputation",
          ServerMessage.TickOptionComputation::read),
      Decoder.entry(ServerMessage.TickGeneric.ID, "tickGeneric", ServerMessage.TickGeneric::read),
      Decoder.entry(ServerMessage.TickString.ID, "tickString", ServerMessage.TickString::read),
      Decoder.entry(ServerMessage.TickReqParams.ID, "tickReqParams",
          ServerMessage.TickReqParams::read),
      Decoder.entry(ServerMessage.TickSnapshotEnd.ID, "tickSnapshotEnd",
          ServerMessage.TickSnapshotEnd::read),
      Decoder.entry(ServerMessage.MarketDataType.ID, "marketDataType",
          ServerMessage.MarketDataType::read),
      Decoder.entry(ServerMessage.ContractData.ID, "contractData",
          ServerMessage.ContractData::read),
      Decoder.entry(ServerMessage.ContractDataEnd.ID, "contractDataEnd",
          Decoder.versionAndReqId(ServerMessage.ContractDataEnd::new)),
      Decoder.entry(ServerMessage.SecDefOptParams.ID, "securityDefinitionOptionParameter",
          ServerMessage.SecDefOptParams::read),
      Decoder.entry(ServerMessage.SecDefOptParamsEnd.ID, "securityDefinitionOptionParameterEnd",
          ServerMessage.SecDefOptParamsEnd::read),
      Decoder.entry(ServerMessage.Position.ID, "position", ServerMessage.Position::read),
      Decoder.entry(ServerMessage.PositionEnd.ID, "positionEnd",
          Decoder.versionOnly(ServerMessage.PositionEnd::new)),
      Decoder.entry(ServerMessage.AccountSummary.ID, "accountSummary",
          ServerMessage.AccountSummary::read),
      Decoder.entry(ServerMessage.AccountSummaryEnd.ID, "accountSummaryEnd",
          Decoder.versionAndReqId(ServerMessage.AccountSummaryEnd::new)),
      Decoder.entry(ServerMessage.OrderStatus.ID, "orderStatus", ServerMessage.OrderStatus::read),
      Decoder.entry(ServerMessage.OpenOrder.ID, "openOrder", ServerMessage.OpenOrder::read),
      Decoder.entry(ServerMessage.OpenOrderEnd.ID, "openOrderEnd",
          Decoder.versionOnly(ServerMessage.OpenOrderEnd::new)),
      Decoder.entry(ServerMessage.ExecDetails.ID, "execDetails", ServerMessage.ExecDetails::read),
      Decoder.entry(ServerMessage.ExecDetailsEnd.ID, "execDetailsEnd",
          Decoder.versionAndReqId(ServerMessage.ExecDetailsEnd::new)),
      Decoder.entry(ServerMessage.CommissionReport.ID, "commissionReport",
          ServerMessage.CommissionReport::read),
      Decoder.entry(ServerMessage.CurrentTime.ID, "currentTime", ServerMessage.CurrentTime::read),
      Decoder.entry(ServerMessage.NextValidId.ID, "nextValidId", ServerMessage.NextValidId::read),
      Decoder.entry(ServerMessage.ManagedAccounts.ID, "managedAccounts",
          ServerMessage.ManagedAccounts::read),
      Decoder.entry(ServerMessage.ErrorMessage.ID, "errMsg", ServerMessage.ErrorMessage::read),
      Decoder.entry(ServerMessage.HistoricalData.ID, "historicalData",
          ServerMessage.HistoricalData::read)), "TWS message", ServerMessage.Unknown::new,
      LoggerFactory.getLogger(ServerCodec.class));

  private ServerCodec() {
  }

  /**
   * Decodes one frame from TWS.
   *
   * @return the message, or {@link ServerMessage.Unknown} for an id this codec does not know
   * @throws TwsProtocolException if the frame is malformed for its message id
   */
  public static ServerMessage decode(Frame frame) throws TwsProtocolException {
    return DECODERS.decode(frame, ServerMessage.OpenOrder.ID);
  }

  /** Encodes a message as framed bytes. */
  public static byte[] encode(ServerMessage message) {
    return message.toBytes();
  }

  /** The protocol name of a known message id, e.g. {@code "tickPrice"}, or {@code "unknown"}. */
  public static String name(int id) {
    return DECODERS.name(id);
  }
}
