/**
 * Clean-room client of the TWS API socket protocol and the IBKR broker adapter.
 *
 * <p>The protocol facts come from {@code shared/docs/tws-protocol.md}; IB's Java API jar is not
 * used (it is not on Maven Central).
 */
package dev.alvh.ibkr;
