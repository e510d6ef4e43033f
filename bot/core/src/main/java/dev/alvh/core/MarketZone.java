package dev.alvh.core;

import java.time.ZoneId;

/**
 * The zone every market rule is stated in: New York. Here, beside {@link Check}, so that the
 * value types (an order's ref, for one) can use it without depending on the ports;
 * {@code Clock.MARKET_ZONE} is the same zone.
 */
public final class MarketZone {

  /** America/New_York. */
  public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private MarketZone() {
  }
}
