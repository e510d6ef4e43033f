package dev.alvh.app.ops;

import dev.alvh.core.Check;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bot's metrics in a Micrometer {@link PrometheusMeterRegistry}, scraped as Prometheus text at
 * {@code /metrics}:
 * <ul>
 *   <li>{@code alvh_cycle_duration_seconds} (timer, tag {@code outcome}: ok, skipped, failed);
 *   <li>{@code alvh_orders_total} (counter, tag {@code outcome}: sent, filled, cancelled, rejected,
 *       risk_rejected);
 *   <li>{@code alvh_reconnects_total} (counter);
 *   <li>{@code alvh_pnl_usd} (gauge, tag {@code kind}: realized, unrealized, day) and
 *       {@code alvh_equity_usd};
 *   <li>{@code alvh_greek} (gauge, tag {@code name}: delta, gamma, vega, theta; the book's totals
 *       in USD, see {@code BookSnapshot});
 *   <li>{@code alvh_broker_connected} and {@code alvh_halted} (gauges, 1 or 0).
 * </ul>
 * Money is kept as BigDecimal by the bot; it becomes a double only here, where Prometheus needs one.
 * Thread-safe.
 */
public final class BotMetrics {

  /** Order outcomes counted by {@code alvh_orders_total}. */
  public enum OrderOutcome {
    SENT, FILLED, CANCELLED, REJECTED, RISK_REJECTED;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, Timer> cycleTimers = new ConcurrentHashMap<>();
  private final Map<OrderOutcome, Counter> orders = new ConcurrentHashMap<>();
  private final Counter reconnects;
  private final Map<String, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();

  /** Registers every meter at zero. */
  public BotMetrics() {
    for (String outcome : new String[] {"ok", "skipped", "failed"}) {
      cycleTimers.put(outcome, Timer.builder("alvh.cycle.duration").description("Trading cycle duration")
          .tag("outcome", outcome).register(registry));
    }
    for (OrderOutcome o : OrderOutcome.values()) {
      orders.put(o, Counter.builder("alvh.orders").description("Orders by outcome").tag("outcome", o.tag())
          .register(registry));
    }
    reconnects = Counter.builder("alvh.reconnects").description("Broker reconnects").register(registry);
    for (String kind : new String[] {"realized", "unrealized", "day"}) {
      gauge("alvh.pnl.usd", "kind", kind, "Profit and loss, USD");
    }
    gauge("alvh.equity.usd", null, null, "Net liquidation value, USD");
    for (String greek : new String[] {"delta", "gamma", "vega", "theta"}) {
      gauge("alvh.greek", "name", greek, "Book greeks in USD: delta and gamma of the SPX options per SPX point,"
          + " vega per vol point, theta per day");
    }
    gauge("alvh.broker.connected", null, null, "1 while the broker is connected");
    gauge("alvh.halted", null, null, "1 while the risk gate is halted");
  }

  private void gauge(String name, String tagKey, String tagValue, String description) {
    AtomicReference<Double> holder = new AtomicReference<>(0.0);
    Gauge.Builder<AtomicReference<Double>> b = Gauge.builder(name, holder, AtomicReference::get).description(description);
    if (tagKey != null) {
      b = b.tag(tagKey, tagValue);
    }
    b.register(registry);
    gauges.put(key(name, tagValue), holder);
  }

  private static String key(String name, String tag) {
    return tag == null ? name : name + "|" + tag;
  }

  /** Records one cycle of {@code outcome} (ok, skipped or failed) that took {@code took}. */
  public void cycle(String outcome, Duration took) {
    Timer t = cycleTimers.get(outcome);
    Check.isTrue(t != null, "outcome", "must be ok, skipped or failed, but was '" + outcome + "'");
    t.record(took);
  }

  /** Counts one order of {@code outcome}. */
  public void order(OrderOutcome outcome) {
    orders.get(Check.notNull(outcome, "outcome")).increment();
  }

  /** Counts one broker reconnect. */
  public void reconnected() {
    reconnects.increment();
  }

  /** Sets the P&amp;L gauges and equity, USD. */
  public void pnl(BigDecimal realized, BigDecimal unrealized, BigDecimal day, BigDecimal equity) {
    set("alvh.pnl.usd", "realized", realized);
    set("alvh.pnl.usd", "unrealized", unrealized);
    set("alvh.pnl.usd", "day", day);
    set("alvh.equity.usd", null, equity);
  }

  /** Sets the book's greeks. */
  public void greeks(double delta, double gamma, double vega, double theta) {
    gauges.get(key("alvh.greek", "delta")).set(delta);
    gauges.get(key("alvh.greek", "gamma")).set(gamma);
    gauges.get(key("alvh.greek", "vega")).set(vega);
    gauges.get(key("alvh.greek", "theta")).set(theta);
  }

  /** Sets the connection and halt gauges. */
  public void state(boolean brokerConnected, boolean halted) {
    gauges.get(key("alvh.broker.connected", null)).set(brokerConnected ? 1.0 : 0.0);
    gauges.get(key("alvh.halted", null)).set(halted ? 1.0 : 0.0);
  }

  private void set(String name, String tag, BigDecimal value) {
    gauges.get(key(name, tag)).set(Check.notNull(value, name).doubleValue());
  }

  /** The registry, for other meters. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Every meter in the Prometheus text format (version 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }
}
