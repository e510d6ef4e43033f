package dev.alvh.app.engine;

import dev.alvh.app.store.OrderJournalRepository;
import dev.alvh.app.store.Store;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.port.Broker;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders sent before a restart and still working at the broker when it reconciled: cancelled
 * then, as their walk would have done; their fills reach the books when they end
 * ({@link OrderDesk#takeRecoveryDue}). Until they end nothing more is sent for their tranche, and
 * no hedge order while a hedge order is among them.
 */
final class OrphanOrders {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanOrders.class);
  /** The journal statuses of an order the broker has and is working. */
  private static final Set<OrderStatus> WORKING = EnumSet.of(OrderStatus.PENDING_SUBMIT, OrderStatus.PRE_SUBMITTED,
      OrderStatus.SUBMITTED, OrderStatus.PARTIALLY_FILLED);

  private final Store store;
  private final Broker broker;
  private final OrderDesk desk;
  /** Ref to purpose and tranche id. */
  private final Map<String, Orphan> orphans = new ConcurrentHashMap<>();

  private record Orphan(OrderPurpose purpose, long trancheId) {
  }

  OrphanOrders(Store store, Broker broker, OrderDesk desk) {
    this.store = store;
    this.broker = broker;
    this.desk = desk;
  }

  /**
   * Cancels the orders of the journal still working at the broker that this process did not send
   * (a restart came during their walk) and remembers them.
   *
   * @return the orders asked to cancel
   */
  int cancelOrphaned() {
    Set<OrderRef> mine = new HashSet<>(desk.workingRefs());
    desk.heldOrders().forEach(o -> mine.add(o.ref()));
    List<OrderJournalRepository.Row> rows = new OrderJournalRepository(store).rowsInStatus(WORKING);
    int n = 0;
    for (OrderJournalRepository.Row r : rows) {
      OrderRef ref = r.ref();
      if (mine.contains(ref)) {
        continue;
      }
      orphans.put(ref.value(), new Orphan(r.purpose(), r.trancheId()));
      LOG.warn("{} ({}) was sent before the restart and still works at the broker: cancelled, as its walk is over;"
          + " its fills go to the books when it ends", r.ref(), r.purpose());
      broker.cancel(ref);
      n++;
    }
    return n;
  }

  /**
   * Drops the orphans that ended, adds the tranches of the others to {@code busy}, and says
   * whether a hedge order is among them.
   */
  boolean prune(Set<Long> busy) {
    boolean hedgeOrphan = false;
    for (var e : orphans.entrySet()) {
      Optional<OrderStatus> st = store.orderStatus(new OrderRef(e.getKey()));
      if (st.isEmpty() || st.get().isTerminal()) {
        orphans.remove(e.getKey());
        continue;
      }
      if (e.getValue().trancheId() > 0) {
        busy.add(e.getValue().trancheId());
      }
      hedgeOrphan |= e.getValue().purpose().hedges();
    }
    return hedgeOrphan;
  }
}
