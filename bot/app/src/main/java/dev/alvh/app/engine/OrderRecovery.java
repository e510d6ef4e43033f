package dev.alvh.app.engine;

import dev.alvh.app.store.OrderJournal;
import dev.alvh.app.store.OrderJournalRepository;
import dev.alvh.app.store.OrderStore;
import dev.alvh.app.store.Store;
import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.Tranche;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.cycle.CycleDecision;
import dev.alvh.core.hedge.HedgeAction;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.ComboFills;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.port.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a reconciliation, and whenever an order sent before a restart ends: orders whose
 * executions are in the store but whose effect on the books was never written (a crash came
 * between the fills and the books: the fills arrived while the bot was down, or it died in
 * between) are applied now from the journal and the stored fills, through the same
 * {@link FillApplier} as a live order's callback, exactly once ({@code orders.applied_combos} is
 * written with the books):
 * <ul>
 *   <li>an opening condor order opens its tranche with the combos filled; a closing one closes
 *       them (in part or whole);
 *   <li>a hedge order rebuilds the hedge position from its journaled action ({@code hedge_order}:
 *       open, close, profit take, PRESS trim or spread; layer id, level and kind), its journaled
 *       legs and its fills, on the date of its last fill;
 *   <li>a roll is applied to its tranche with the new side read from its legs (the legs on
 *       another expiry than the tranche's side are the new vertical); one whose legs cannot be
 *       read so is logged and stored as a decision for a person.
 * </ul>
 * Orders still working (here or at the broker) are left to their events. Orders journaled
 * before V6 are recovered as before: condor orders by whether their tranche exists.
 */
final class OrderRecovery {

  private static final Logger LOG = LoggerFactory.getLogger(OrderRecovery.class);
  private static final Set<OrderStatus> ENDED_STATUSES = EnumSet.of(OrderStatus.FILLED, OrderStatus.CANCELLED,
      OrderStatus.API_CANCELLED, OrderStatus.INACTIVE);
  private static final List<String> ENDED = ENDED_STATUSES.stream().map(OrderStatus::name).toList();

  private final Supplier<BotConfig> config;
  private final Clock clock;
  private final Store store;
  private final OrderStore orders;
  private final OrderJournal journal;
  private final FillApplier applier;
  private final Supplier<Set<OrderRef>> working;

  /**
   * @param working the refs this process still tracks as working (left to their events)
   */
  OrderRecovery(Supplier<BotConfig> config, Clock clock, Store store, OrderStore orders, OrderJournal journal,
      FillApplier applier, Supplier<Set<OrderRef>> working) {
    this.config = config;
    this.clock = clock;
    this.store = store;
    this.orders = orders;
    this.journal = journal;
    this.applier = applier;
    this.working = working;
  }

  /**
   * Applies every ended order whose fills are not in the books yet.
   *
   * @return the orders applied
   */
  int applyAll() {
    return applier.locked(() -> {
      Set<OrderRef> still = working.get();
      int applied = 0;
      for (OrderJournal.Pending p : journal.pending(ENDED)) {
        OrderIntent intent = p.intent();
        if (still.contains(intent.ref())) {
          continue;
        }
        try {
          if (apply(intent)) {
            applied++;
          }
        } catch (RuntimeException e) {
          LOG.error("{}: its fills could not be applied to the books after the restart: {}", intent.ref(),
              e.toString(), e);
          orders.decision(clock.now(), "note", "recoveryFailed", intent.ref() + " filled before a restart"
              + " but could not be applied to the books; a person should check", e.toString());
        }
      }
      return applied + applyLegacy();
    });
  }

  /** Applies journaled order {@code intent}'s stored fills to the books; false when there is nothing to apply. */
  private boolean apply(OrderIntent intent) {
    List<Fill> fills = storedFills(intent.ref());
    int combos = ComboFills.wholeCombos(intent.legs(), fills);
    if (combos == 0) {
      return false;
    }
    OrderDesk.Result r = recovered(intent, combos, fills);
    switch (intent.purpose()) {
      case OPEN_CONDOR -> {
        LOG.warn("{}: {} combos filled but not in the books (a crash came between); applying them now", intent.ref(),
            combos);
        applier.opened(r);
      }
      case CLOSE_CONDOR -> {
        LOG.warn("{}: {} combos filled but not in the books (a crash came between); applying them now", intent.ref(),
            combos);
        applier.closed(r, reasonOf(intent.reason()));
      }
      case ROLL_CONDOR -> {
        Optional<CycleDecision.PlannedRoll> plan = rollPlanOf(intent);
        if (plan.isEmpty()) {
          LOG.error("{}: a roll filled {} combos before a restart and its new side cannot be read from its legs:"
              + " tranche {} needs a person", intent.ref(), combos, intent.trancheId());
          orders.decision(clock.now(), "note", "rollNotRecovered", "roll " + intent.ref() + " of tranche "
              + intent.trancheId() + " filled before a restart and is not in the books", combos + " combos");
          return false;
        }
        LOG.warn("{}: roll of tranche {} filled {} combos but is not in the books (a crash came between); applying"
            + " it now", intent.ref(), intent.trancheId(), combos);
        applier.rolled(r, plan.get());
      }
      default -> {
        Optional<HedgeAction> a = journal.hedgeActionOf(intent);
        if (a.isEmpty()) {
          LOG.error("{}: a hedge order filled {} combos before a restart without a journaled hedge action;"
              + " not in the hedge books", intent.ref(), combos);
          return false;
        }
        LocalDate date = fills.stream().map(Fill::time).max(Comparator.naturalOrder())
            .map(t -> t.atZone(Clock.MARKET_ZONE).toLocalDate()).orElse(clock.marketDate());
        LOG.warn("{}: {} {} of hedge position {} filled {} combos but is not in the hedge books (a crash came"
            + " between); applying it now", intent.ref(), a.get().type(), a.get().kind(), a.get().layerId(), combos);
        applier.hedged(r, a.get(), date);
      }
    }
    return journal.applied(intent.ref());
  }

  private static OrderDesk.Result recovered(OrderIntent intent, int combos, List<Fill> fills) {
    return new OrderDesk.Result(intent, combos >= intent.quantity() ? OrderDesk.Outcome.FILLED
        : OrderDesk.Outcome.PARTIAL, combos, fills, intent.limit(), "recovered after a restart");
  }

  /**
   * The roll a journaled roll order carried out, read from its legs: the legs on an expiry other
   * than the tranche's current one on that side are the new vertical (the sold one its short
   * strike, the bought one its long strike); the others close the old vertical.
   */
  private Optional<CycleDecision.PlannedRoll> rollPlanOf(OrderIntent intent) {
    Optional<Tranche> t = applier.openTranche(intent.trancheId());
    if (t.isEmpty() || intent.legs().isEmpty()) {
      return Optional.empty();
    }
    OptionRight side = intent.legs().get(0).contract().right();
    LocalDate current = side == OptionRight.PUT ? t.get().putExpiry() : t.get().callExpiry();
    LocalDate newExpiry = null;
    BigDecimal newShort = null;
    BigDecimal newLong = null;
    for (var leg : intent.legs()) {
      if (leg.contract().right() != side) {
        return Optional.empty();
      }
      if (leg.contract().expiry().equals(current)) {
        continue;
      }
      newExpiry = leg.contract().expiry();
      if (leg.side() == Side.SELL) {
        newShort = leg.contract().strike();
      } else {
        newLong = leg.contract().strike();
      }
    }
    if (newExpiry == null || newShort == null || newLong == null) {
      return Optional.empty();
    }
    return Optional.of(new CycleDecision.PlannedRoll(intent.trancheId(), side, newExpiry, newShort, newLong, intent,
        NetPrice.debit(config.get().condor().rollMaxDebit())));
  }

  private List<Fill> storedFills(OrderRef ref) {
    return new OrderJournalRepository(store).fills(ref);
  }

  /** Condor orders journaled before V6 (no applied mark): applied when their tranche says they were not. */
  private int applyLegacy() {
    List<OrderJournalRepository.Row> done = new OrderJournalRepository(store).endedBeforeV6(ENDED_STATUSES);
    int applied = 0;
    for (OrderJournalRepository.Row j : done) {
      boolean open = j.purpose() == OrderPurpose.OPEN_CONDOR;
      boolean close = j.purpose() == OrderPurpose.CLOSE_CONDOR;
      if (!open && !close) {
        continue;
      }
      boolean exists = store.tranches().exists(j.trancheId());
      Optional<Tranche> openTranche = applier.openTranche(j.trancheId());
      if (open == exists || close && openTranche.isEmpty()) {
        continue; // applied already
      }
      OrderRef ref = j.ref();
      List<ComboLeg> legs = journal.legsOf(ref, j.legs());
      OrderIntent intent = new OrderIntent(ref, j.purpose(), j.trancheId(), legs, j.quantity(),
          new NetPrice(j.limit()), j.reason());
      List<Fill> fills = storedFills(ref);
      int combos = ComboFills.wholeCombos(legs, fills);
      if (combos == 0 || close && combos < openTranche.get().quantity()) {
        if (combos > 0) {
          LOG.warn("{}: {} of {} condors closed while the bot was down; not applied (a person should check)", j.ref(),
              combos, openTranche.get().quantity());
        }
        continue;
      }
      OrderDesk.Result r = recovered(intent, combos, fills);
      LOG.warn("{}: {} combos filled but not in the books (a crash came between); applying them now", j.ref(), combos);
      if (open) {
        applier.opened(r);
      } else {
        applier.closed(r, reasonOf(j.reason()));
      }
      applied++;
    }
    return applied;
  }

  private static ExitReason reasonOf(String text) {
    for (ExitReason e : ExitReason.values()) {
      if (text.toLowerCase(Locale.ROOT).contains(e.key().toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    return ExitReason.MANUAL;
  }
}
