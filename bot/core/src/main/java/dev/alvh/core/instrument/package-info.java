/**
 * The instrument model: what the bot trades and reads (SPX, SPXW and VIX options, VX futures).
 *
 * <p>Types here are immutable values with no I/O.
 */
package dev.alvh.core.instrument;
