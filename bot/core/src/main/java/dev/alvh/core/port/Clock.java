package dev.alvh.core.port;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The time, as a port: live uses the wall clock, replay a virtual clock the driver advances.
 *
 * <p>Strategy code never reads the system clock; it asks this port. Market rules are in
 * {@link #MARKET_ZONE}.
 */
public interface Clock {

  /** The zone every market rule is stated in: New York. */
  ZoneId MARKET_ZONE = dev.alvh.core.MarketZone.NEW_YORK;

  /** The current instant. */
  Instant now();

  /** The current time in New York. */
  default ZonedDateTime marketTime() {
    return now().atZone(MARKET_ZONE);
  }

  /** Today's date in New York. */
  default LocalDate marketDate() {
    return marketTime().toLocalDate();
  }
}
