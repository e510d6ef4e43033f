package dev.alvh.ibkr.msg;

import dev.alvh.ibkr.wire.Frame;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Encodes and decodes {@link ClientMessage}s (client → TWS), dispatching on the message id.
 *
 * <p>The client encodes with it; a fake TWS decodes with it. Decoding is strict: a frame must hold
 * exactly the fields of its message at server version 178, or a {@link TwsProtocolException} says
 * which field was wrong. Request features this codec never sends (algos, order conditions,
 * delta-neutral, scale orders, per-leg combo prices) are reported as unsupported rather than
 * skipped. Unknown message ids are logged at WARN and returned as {@link ClientMessage.Unknown},
 * deliberately ignored.
 */
public final class ClientCodec {

  private static final Decoder.Table<ClientMessage> DECODERS = new Decoder.Table<>(Map.ofEntries(
      Decoder.entry(ClientMessage.StartApi.ID, "startApi", ClientMessage.StartApi::read),
      Decoder.entry(ClientMessage.ReqCurrentTime.ID, "reqCurrentTime",
          Decoder.versionOnly(ClientMessage.ReqCurrentTime::new)),
      Decoder.entry(ClientMessage.ReqMarketDataType.ID, "reqMarketDataType",
          ClientMessage.ReqMarketDataType::read),
      Decoder.entry(ClientMessage.ReqMktData.ID, "reqMktData", ClientMessage.ReqMktData::read),
      Decoder.entry(ClientMessage.CancelMktData.ID, "cancelMktData",
          ClientMessage.CancelMktData::read),
      Decoder.entry(ClientMessage.ReqContractDetails.ID, "reqContractDetails",
          ClientMessage.ReqContractDetails::read),
      Decoder.entry(ClientMessage.ReqSecDefOptParams.ID, "reqSecDefOptParams",
          ClientMessage.ReqSecDefOptParams::read),
      Decoder.entry(ClientMessage.ReqPositions.ID, "reqPositions",
          Decoder.versionOnly(ClientMessage.ReqPositions::new)),
      Decoder.entry(ClientMessage.CancelPositions.ID, "cancelPositions",
          Decoder.versionOnly(ClientMessage.CancelPositions::new)),
      Decoder.entry(ClientMessage.ReqAccountSummary.ID, "reqAccountSummary",
          ClientMessage.ReqAccountSummary::read),
      Decoder.entry(ClientMessage.CancelAccountSummary.ID, "cancelAccountSummary",
          Decoder.versionAndReqId(ClientMessage.CancelAccountSummary::new)),
      Decoder.entry(ClientMessage.ReqOpenOrders.ID, "reqOpenOrders",
          Decoder.versionOnly(ClientMessage.ReqOpenOrders::new)),
      Decoder.entry(ClientMessage.ReqAllOpenOrders.ID, "reqAllOpenOrders",
          Decoder.versionOnly(ClientMessage.ReqAllOpenOrders::new)),
      Decoder.entry(ClientMessage.ReqIds.ID, "reqIds", ClientMessage.ReqIds::read),
      Decoder.entry(ClientMessage.ReqManagedAccts.ID, "reqManagedAccts",
          Decoder.versionOnly(ClientMessage.ReqManagedAccts::new)),
      Decoder.entry(ClientMessage.CancelOrder.ID, "cancelOrder", ClientMessage.CancelOrder::read),
      Decoder.entry(ClientMessage.ReqGlobalCancel.ID, "reqGlobalCancel",
          Decoder.versionOnly(ClientMessage.ReqGlobalCancel::new)),
      Decoder.entry(ClientMessage.ReqExecutions.ID, "reqExecutions",
          ClientMessage.ReqExecutions::read),
      Decoder.entry(ClientMessage.PlaceOrder.ID, "placeOrder", ClientMessage.PlaceOrder::read),
      Decoder.entry(ClientMessage.ReqHistoricalData.ID, "reqHistoricalData",
          ClientMessage.ReqHistoricalData::read),
      Decoder.entry(ClientMessage.CancelHistoricalData.ID, "cancelHistoricalData",
          Decoder.versionAndReqId(ClientMessage.CancelHistoricalData::new))),
      "TWS client message", ClientMessage.Unknown::new,
      LoggerFactory.getLogger(ClientCodec.class));

  private ClientCodec() {
  }

  /**
   * Decodes one frame from a client (server side).
   *
   * @return the request, or {@link ClientMessage.Unknown} for an id this codec does not know
   * @throws TwsProtocolException if the frame is malformed for its message id
   */
  public static ClientMessage decode(Frame frame) throws TwsProtocolException {
    return DECODERS.decode(frame, Decoder.Table.EVERY_FIELD);
  }

  /** Encodes a request as framed bytes. */
  public static byte[] encode(ClientMessage message) {
    return message.toBytes();
  }

  /** The protocol name of a known request id, e.g. {@code "placeOrder"}, or {@code "unknown"}. */
  public static String name(int id) {
    return DECODERS.name(id);
  }
}
