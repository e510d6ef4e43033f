package dev.alvh.ibkr.msg;

import dev.alvh.core.Check;

/**
 * A tag/value pair as used in IB's parameter lists, e.g. {@code NonGuaranteed=1} in a combo
 * order's smart-routing parameters.
 *
 * @param tag the tag, never null
 * @param value the value, never null
 */
public record TagValue(String tag, String value) {

  /** Checks both parts are set. */
  public TagValue {
    Check.notNull(tag, "tag");
    Check.notNull(value, "value");
  }
}
