package dev.alvh.app.engine;

import dev.alvh.app.store.Store;
import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.hedge.HedgeAction;
import dev.alvh.core.hedge.HeldLayer;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.port.Clock;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator's flatten: closes every hedge layer held, or every open tranche, through the desk,
 * each as one order walked from mid to the natural price. What already has an order working or
 * held for approval is left alone.
 */
final class ManualFlatten {

  private static final Logger LOG = LoggerFactory.getLogger(ManualFlatten.class);

  private final Clock clock;
  private final Store store;
  private final OrderDesk desk;
  private final HedgeDesk hedge;
  private final OrphanOrders orphans;
  private final FillApplier applier;
  private final Consumer<HedgeAction> submitHedge;

  ManualFlatten(Clock clock, Store store, OrderDesk desk, HedgeDesk hedge, OrphanOrders orphans,
      FillApplier applier, Consumer<HedgeAction> submitHedge) {
    this.clock = clock;
    this.store = store;
    this.desk = desk;
    this.hedge = hedge;
    this.orphans = orphans;
    this.applier = applier;
    this.submitHedge = submitHedge;
  }

  /**
   * Closes every hedge layer held (long layers and PRESS spreads); returns the refs sent or held
   * for approval. Nothing is sent while a hedge order sent before a restart still works.
   */
  List<OrderRef> hedges() {
    ZonedDateTime now = clock.marketTime();
    Set<String> busy = new HashSet<>();
    desk.workingOrders().forEach(o -> busy.add(o.reason()));
    desk.heldOrders().forEach(o -> busy.add(o.reason()));
    List<OrderRef> out = new ArrayList<>();
    if (orphans.prune(new HashSet<>())) {
      LOG.warn("flatten hedges: nothing sent while a hedge order sent before the restart still works at the broker");
      return out;
    }
    for (HeldLayer h : hedge.held()) {
      String reason = "manual: flatten hedges, layer " + h.id();
      if (busy.contains(reason)) {
        continue;
      }
      OrderRef ref = OrderRef.firstUnused(c -> OrderRef.forLayer(h.id(), "flat" + c, now), this::journaled);
      List<ComboLeg> legs = h.legs().stream().map(ComboLeg::reversed).toList();
      OrderIntent o = new OrderIntent(ref, OrderPurpose.CLOSE_HEDGE, 0, legs, h.quantity(),
          NetPrice.credit(BigDecimal.ZERO), reason);
      submitHedge.accept(new HedgeAction(HedgeAction.Type.CLOSE, h.id(), h.level(), h.kind(), o));
      out.add(ref);
    }
    return out;
  }

  /**
   * Closes every open tranche that has no working or held order; returns the refs sent or held
   * for approval. Tranches without quotes are skipped by the desk's quote check (stored with the
   * reason).
   */
  List<OrderRef> condors() {
    ZonedDateTime now = clock.marketTime();
    Set<Long> busy = new HashSet<>(desk.busyTranches());
    desk.heldOrders().forEach(o -> busy.add(o.trancheId()));
    orphans.prune(busy);
    List<OrderRef> out = new ArrayList<>();
    for (Tranche t : store.openTranches()) {
      if (busy.contains(t.id())) {
        continue;
      }
      OrderRef ref = OrderRef.firstUnused(c -> OrderRef.forTranche(t.id(), "flat" + c, now), this::journaled);
      OrderIntent o = new OrderIntent(ref, OrderPurpose.CLOSE_CONDOR, t.id(), t.closingLegs(), t.quantity(),
          NetPrice.debit(BigDecimal.ZERO), "manual: flatten condors");
      desk.submit(o, r -> applier.closed(r, ExitReason.MANUAL));
      out.add(ref);
    }
    return out;
  }

  private boolean journaled(OrderRef ref) {
    return store.orderStatus(ref).isPresent();
  }
}
