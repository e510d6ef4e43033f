package dev.alvh.app.control;

import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.port.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How the read-only commands ({@link AccountViews}, {@link DecisionViews}) show times, numbers and orders. */
final class ViewFormat {

  /** Minutes, as the console shows a time. */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private ViewFormat() {
  }

  /** {@code t} in New York time, or "-" when there is none. */
  static String nyTime(Instant t) {
    return t == null ? "-" : TIME.format(t.atZone(Clock.MARKET_ZONE));
  }

  /** {@code v} with two decimals; "n/a", "inf" or "-inf" when it is not a finite number. */
  static String num(double v) {
    return Double.isNaN(v) ? "n/a" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf")
        : String.format(Locale.ROOT, "%.2f", v);
  }

  /** {@code v} rounded to four decimals for the JSON data; null when it is not a finite number. */
  static Object jsonNum(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 10000) / 10000.0;
  }

  /** The JSON data of a working or held order. */
  static Map<String, Object> order(OrderIntent o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ref", o.ref().value());
    m.put("purpose", o.purpose().name());
    m.put("tranche", o.trancheId());
    m.put("quantity", o.quantity());
    m.put("limit", o.limit().bagLimit().toPlainString());
    m.put("reason", o.reason());
    return m;
  }

  /** Appends {@code label} padded to a column, then {@code value}, as one line. */
  static void line(StringBuilder t, String label, String value) {
    t.append(String.format(Locale.ROOT, "%-11s %s%n", label, value));
  }
}
