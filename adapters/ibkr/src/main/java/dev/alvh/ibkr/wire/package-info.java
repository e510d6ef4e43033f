/**
 * TWS API wire primitives: length-prefixed frames ({@link dev.alvh.ibkr.wire.FrameDecoder}), the
 * text field encodings ({@link dev.alvh.ibkr.wire.FieldReader},
 * {@link dev.alvh.ibkr.wire.FieldWriter}), the handshake ({@link dev.alvh.ibkr.wire.Handshake})
 * and the protocol's one checked exception ({@link dev.alvh.ibkr.wire.TwsProtocolException}).
 *
 * <p>Facts and sources: {@code shared/docs/tws-protocol.md} §1–§2. Clean-room: no IB code.
 */
package dev.alvh.ibkr.wire;
