package dev.alvh.app.runtime;

import dev.alvh.app.engine.TradingEngine;
import dev.alvh.app.journal.BrokerRecords;
import dev.alvh.app.journal.ReconcileReport;
import dev.alvh.app.journal.Reconciler;
import dev.alvh.app.ops.Alerter;
import dev.alvh.app.store.Store;
import dev.alvh.core.account.Position;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running bot's reconciliation (start and reconnect): the broker's open and completed orders,
 * executions and positions are matched to the journal before anything is sent; recovered fills go
 * to the engine's desk, which stores each once; orders that filled but never reached the books are
 * applied; orders still working from before a restart are cancelled. Alerts when not clean.
 */
final class Reconciliation {

  private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

  private Reconciliation() {
  }

  /** Reconciles; the caller holds the bot's lock. */
  static ReconcileReport run(Store store, Clock clock, TradingEngine engine, Broker broker, BrokerEvents events,
      Alerter alerter) {
    Reconciler r = new Reconciler(store, clock, engine.desk(), st -> {
      // Called once the journal has the broker's fills and final statuses, before positions are
      // compared: condor orders that filled but never reached the books (a crash in between) go in now.
      int applied = engine.applyRecoveredOrders();
      if (applied > 0) {
        LOG.warn("reconciliation: {} condor orders filled before the restart applied to the books", applied);
      }
      Map<String, Long> m = new TreeMap<>(Reconciler.trancheLegs(st));
      engine.hedgeDesk().held().forEach(h -> h.legs().forEach(l -> m.merge(l.contract().key(),
          (long) l.ratio() * h.quantity() * (l.side() == Side.SELL ? -1 : 1), Long::sum)));
      return m;
    });
    ReconcileReport rep = r.reconcile(new BrokerRecords() {
      @Override
      public List<OrderUpdate> openOrders() {
        return broker.openOrders();
      }

      @Override
      public List<OrderUpdate> completedOrders() {
        // the built-in broker reports the orders its restart cancelled
        return broker.completedOrders();
      }

      @Override
      public List<Fill> executionsSince(Instant since) {
        broker.drainEvents();
        events.drainHere();
        return broker.executionsSince(since.minusSeconds(60));
      }

      @Override
      public List<Position> positions() {
        return broker.positions();
      }
    });
    LOG.info("reconciliation: {}", rep.summary());
    engine.cancelOrphanedOrders(); // orders still working from before a restart: their walk is over
    if (!rep.clean() && alerter != null) {
      alerter.alert(Alerter.Kind.RECONCILIATION, rep.summary());
    }
    return rep;
  }
}
