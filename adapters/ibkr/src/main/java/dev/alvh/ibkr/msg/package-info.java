/**
 * TWS API messages at server version 178, as immutable records, with their encoders and decoders.
 *
 * <p>{@link dev.alvh.ibkr.msg.ClientMessage} holds the client → server requests and
 * {@link dev.alvh.ibkr.msg.ServerMessage} the server → client answers and events. Each record
 * writes its own fields ({@code writeTo}) and its reader sits next to it, so the field list of a
 * message is defined once and serves both directions: the bot encodes requests and decodes
 * answers; a fake TWS decodes requests and encodes answers with the same code. The messages that
 * are only an id and a version ({@code [id, 1]}), or those plus a request id
 * ({@code [id, 1, reqId]}), share one writer ({@link dev.alvh.ibkr.msg.Message.VersionOnly},
 * {@link dev.alvh.ibkr.msg.Message.VersionAndReqId}) and one reader.
 * {@link dev.alvh.ibkr.msg.ClientCodec} and {@link dev.alvh.ibkr.msg.ServerCodec} dispatch on the
 * message id.
 *
 * <p>The records keep the wire vocabulary (action {@code "BUY"}, secType {@code "OPT"}); the
 * broker adapter maps them to domain types. Prices that matter for orders and fills are exact
 * {@link java.math.BigDecimal}s parsed from the wire text; market-data ticks are doubles.
 */
package dev.alvh.ibkr.msg;
