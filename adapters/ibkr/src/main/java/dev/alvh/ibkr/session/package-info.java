/**
 * A minimal socket session over the codec: handshake, startApi and one reader thread that turns
 * frames into immutable {@link dev.alvh.ibkr.session.TwsEvent}s. Reconnects, readiness and
 * request bookkeeping belong to the broker adapter.
 */
package dev.alvh.ibkr.session;
