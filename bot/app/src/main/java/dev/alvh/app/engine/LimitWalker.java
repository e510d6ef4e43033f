package dev.alvh.app.engine;

import dev.alvh.app.store.OrderStore;
import dev.alvh.core.Check;
import dev.alvh.core.execution.OrderTracker;
import dev.alvh.core.execution.PriceWalk;
import dev.alvh.core.execution.QuoteCheck;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.Pause;
import dev.alvh.core.risk.RiskVerdict;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works one placed order's limit along its {@link PriceWalk}: after each pause it modifies the
 * limit to the next price, stores the step, and at the end cancels whatever still works. The walk
 * stops early when the order fills or ends, when a halt is requested ({@link #stopWhen}), when
 * the next price leaves the risk gate's price band, or when the broker cannot modify orders.
 * Part of the {@link OrderDesk}; its log lines are the desk's.
 */
final class LimitWalker {

  /** The desk's logger: the walk's lines read as they always did. */
  private static final Logger LOG = LoggerFactory.getLogger(OrderDesk.class);

  private final Clock clock;
  private final Broker broker;
  private final OrderStore orders;
  private final HaltAuthority halt;
  private Pause pause = Pause.NONE;
  private BooleanSupplier stopWalk = () -> false;

  LimitWalker(Clock clock, Broker broker, OrderStore orders, HaltAuthority halt) {
    this.clock = clock;
    this.broker = broker;
    this.orders = orders;
    this.halt = halt;
  }

  /** Sets how time passes between walk steps (live: sleep; replay: advance the virtual clock). */
  void pauseWith(Pause p) {
    this.pause = Check.notNull(p, "pause");
  }

  /** Ends every walk early while {@code stop} says so; checked between steps only. */
  void stopWhen(BooleanSupplier stop) {
    this.stopWalk = Check.notNull(stop, "stop");
  }

  /**
   * Walks {@code first}, already placed, from the walk's second price on, one step every
   * {@code interval}, then cancels it unless it is over; {@code w} follows the last limit sent.
   *
   * @param quote the package quote the order was priced from (the price band's reference mid)
   */
  void walk(OrderIntent first, PriceWalk walk, QuoteCheck.PackageQuote quote, OrderTracker tracker,
      WorkingOrders.Working w, Duration interval) {
    for (int k = 1; k < walk.prices().size() && !tracker.isTerminal() && !tracker.complete(); k++) {
      pause.pause(interval, () -> tracker.isTerminal() || tracker.complete() || stopWalk.getAsBoolean());
      if (tracker.isTerminal() || tracker.complete()) {
        break;
      }
      if (stopWalk.getAsBoolean()) {
        LOG.warn("{}: the walk stops at {} (halt requested or kill-switch file present); cancelling", first.ref(),
            w.lastLimit);
        break;
      }
      NetPrice p = walk.prices().get(k);
      RiskVerdict band = halt.riskGate().priceBand(new OrderIntent(first.ref(), first.purpose(), first.trancheId(),
          first.legs(), first.quantity(), p, first.reason()), Optional.of(quote.mid()));
      if (!band.passed()) {
        LOG.info("{}: the walk stops at {} instead of {}: {}", first.ref(), w.lastLimit, p, band);
        break;
      }
      try {
        broker.modify(first.ref(), p);
      } catch (UnsupportedOperationException e) {
        LOG.warn("{}: the broker cannot modify orders, the order stays at {}", first.ref(), w.lastLimit);
        break;
      } catch (RuntimeException e) {
        // e.g. TWS cut off from IB (1100): the order works on at its last limit; the next step tries again
        LOG.warn("{}: walk step {} to {} not sent ({}); the order stays at {}", first.ref(), k, p, e.getMessage(),
            w.lastLimit);
        continue;
      }
      w.lastLimit = p;
      w.step = k;
      orders.step(first.ref(), k, p, clock.now(), tracker.status(), tracker.filledCombos());
    }
    w.walkOver = true;
    if (!tracker.isTerminal() && !tracker.complete()) {
      try {
        broker.cancel(first.ref());
      } catch (RuntimeException e) {
        LOG.warn("{}: cancel at the end of the walk not sent ({}); the order ends with the broker's next report",
            first.ref(), e.getMessage());
      }
    }
  }
}
