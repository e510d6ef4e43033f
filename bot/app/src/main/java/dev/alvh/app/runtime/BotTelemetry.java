package dev.alvh.app.runtime;

import dev.alvh.app.engine.TradingEngine;
import dev.alvh.app.ops.Alerter;
import dev.alvh.app.ops.BotMetrics;
import dev.alvh.core.HedgeState;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running bot tells the outside without being asked: alerts (halts, refused orders, hedge
 * state changes, anything raised through {@link #alert}) and the gauges and counters of
 * {@code /metrics} (orders by outcome, P&amp;L, greeks).
 */
final class BotTelemetry {

  private static final Logger LOG = LoggerFactory.getLogger(BotTelemetry.class);

  private final BotMetrics metrics = new BotMetrics();
  private volatile Alerter alerter;
  private volatile HedgeState hedgeStateSeen;

  BotTelemetry(HedgeState hedgeState) {
    this.hedgeStateSeen = hedgeState;
  }

  /** Alerts on the engine's halts and refused orders, and counts its orders by outcome. */
  void watch(TradingEngine engine) {
    engine.halt().onRiskEvent(line -> alert(line.startsWith("HALTED") ? Alerter.Kind.HALT
        : Alerter.Kind.ORDER_REJECT, line));
    engine.desk().onOutcome(o -> {
      switch (o) {
        case WORKING -> metrics.order(BotMetrics.OrderOutcome.SENT);
        case FILLED, PARTIAL -> metrics.order(BotMetrics.OrderOutcome.FILLED);
        case UNFILLED -> metrics.order(BotMetrics.OrderOutcome.CANCELLED);
        case REJECTED -> metrics.order(BotMetrics.OrderOutcome.REJECTED);
        case RISK_REJECTED -> metrics.order(BotMetrics.OrderOutcome.RISK_REJECTED);
        default -> { }
      }
    });
  }

  /** Sends alerts through {@code a} from now on. */
  void alerter(Alerter a) {
    this.alerter = a;
  }

  /** The alerter, null before one is set. */
  Alerter alerter() {
    return alerter;
  }

  /** Raises an alert through the alerter, when one is set. */
  void alert(Alerter.Kind kind, String text) {
    Alerter a = alerter;
    if (a != null) {
      a.alert(kind, text);
    }
  }

  /** The hedge state in force is {@code state} now: alerted when it changed since the last call. */
  void hedgeState(HedgeState state) {
    if (state != hedgeStateSeen) {
      alert(Alerter.Kind.HEDGE_STATE, "hedge state " + hedgeStateSeen + " -> " + state);
      hedgeStateSeen = state;
    }
  }

  /** The hedge state last seen after a job. */
  HedgeState hedgeStateSeen() {
    return hedgeStateSeen;
  }

  /** The metrics the health server publishes. */
  BotMetrics metrics() {
    return metrics;
  }

  /** Sets the equity, P&amp;L and greek gauges from {@code book}; on a failure they keep their values. */
  void refreshBook(Supplier<BookSnapshot> book) {
    try {
      BookSnapshot b = book.get();
      metrics.pnl(b.realized(), b.unrealized(), b.day(), b.equity());
      metrics.greeks(b.delta(), b.gamma(), b.vega(), b.theta());
    } catch (RuntimeException e) {
      LOG.warn("metrics: the book could not be valued ({}); the gauges keep their last values", e.toString());
    }
  }
}
