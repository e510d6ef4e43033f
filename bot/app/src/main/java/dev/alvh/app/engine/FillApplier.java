package dev.alvh.app.engine;

import dev.alvh.app.crash.CrashPoints;
import dev.alvh.app.store.OrderJournal;
import dev.alvh.app.store.OrderStore;
import dev.alvh.app.store.Store;
import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.SkipCode;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.cycle.CycleDecision;
import dev.alvh.core.hedge.HedgeAction;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.port.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts an ended order's filled combos into the books, exactly once: a tranche opens with the
 * combos that filled, closes (in part or whole) with its P&amp;L or rolls its tested side; a hedge
 * order's fills go to the hedge desk. The same code runs for an order's own callback and for a
 * recovery after a restart ({@link OrderRecovery}); {@code orders.applied_combos} is written in
 * the transaction that writes the books, and an order already applied is not applied again.
 *
 * <p>Held under one lock while an order's fills go to the books: the order's own callback (maybe on
 * the broker's event thread) and a recovery of the same order never both apply it.
 */
final class FillApplier {

  private static final Logger LOG = LoggerFactory.getLogger(FillApplier.class);

  private final Clock clock;
  private final Store store;
  private final OrderStore orders;
  private final OrderJournal journal;
  private final HedgeDesk hedge;
  private final Object applyLock = new Object();
  private long tranchesOpened;

  FillApplier(Clock clock, Store store, OrderStore orders, OrderJournal journal, HedgeDesk hedge) {
    this.clock = clock;
    this.store = store;
    this.orders = orders;
    this.journal = journal;
    this.hedge = hedge;
  }

  /** Tranches opened so far. */
  long tranchesOpened() {
    return tranchesOpened;
  }

  /** Runs {@code action} under the lock that applies fills (a recovery pass). */
  <T> T locked(java.util.function.Supplier<T> action) {
    synchronized (applyLock) {
      return action.get();
    }
  }

  /** The open tranche {@code id}, if open. */
  Optional<Tranche> openTranche(long id) {
    return store.openTranches().stream().filter(x -> x.id() == id).findFirst();
  }

  /** Hedge order {@code r} of action {@code a} ended: its fills go to the hedge books, dated {@code date}. */
  void hedged(OrderDesk.Result r, HedgeAction a, LocalDate date) {
    if (r.filledCombos() == 0) {
      return;
    }
    synchronized (applyLock) {
      if (alreadyApplied(r)) {
        return;
      }
      CrashPoints.reach("order-done");
      CrashPoints.reach("hedge-done");
      // the position, its trade and the order's applied mark in one transaction
      hedge.filled(a, r.filledCombos(), r.creditPerCombo(), r.commissions(), date);
    }
  }

  /** True (and said) when order {@code r}'s fills are in the books already: a recovery came first. */
  private boolean alreadyApplied(OrderDesk.Result r) {
    if (journal.applied(r.intent().ref())) {
      LOG.info("{}: its {} combos are in the books already (applied after a restart); not applied again",
          r.intent().ref(), r.filledCombos());
      return true;
    }
    return false;
  }

  /** Opening condor order {@code r} ended: a tranche opens with the combos that filled. */
  void opened(OrderDesk.Result r) {
    if (r.filledCombos() == 0) {
      if (r.outcome() != OrderDesk.Outcome.SKIPPED) {
        orders.decision(clock.now(), OrderStore.ENTRY_SKIPPED, SkipCode.UNFILLED.key(),
            "the opening order must fill within its walk", r.intent().ref() + " " + r.outcome() + " at "
                + r.lastLimit() + (r.reason().isEmpty() ? "" : ": " + r.reason()));
      }
      return;
    }
    OrderIntent o = r.intent();
    Tranche t = trancheFrom(o, clock.marketDate(), r.creditPerCombo()).withQuantity(r.filledCombos());
    synchronized (applyLock) {
      if (alreadyApplied(r)) {
        return;
      }
      CrashPoints.reach("order-done");
      store.jdbc().inTransaction(() -> {
        store.openTranche(t, r.commissions());
        journal.markApplied(o.ref(), r.filledCombos(), clock.now());
      });
    }
    tranchesOpened++;
    LOG.info("tranche {} opened: {} x{} credit {} ({})", t.id(), t.expiry(), t.quantity(), t.credit(), r.outcome());
  }

  /** Closing condor order {@code r} ended: its tranche closes the combos that filled. */
  void closed(OrderDesk.Result r, ExitReason reason) {
    if (r.filledCombos() == 0) {
      return;
    }
    synchronized (applyLock) {
      if (!alreadyApplied(r)) {
        closeApplied(r, reason);
      }
    }
  }

  private void closeApplied(OrderDesk.Result r, ExitReason reason) {
    Optional<Tranche> t = openTranche(r.intent().trancheId());
    if (t.isEmpty()) {
      LOG.error("{} filled {} combos but tranche {} is not open", r.intent().ref(), r.filledCombos(),
          r.intent().trancheId());
      return;
    }
    BigDecimal debit = r.creditPerCombo().negate();
    CrashPoints.reach("order-done");
    int closed = Math.min(r.filledCombos(), t.get().quantity());
    AtomicReference<Optional<BigDecimal>> result = new AtomicReference<>();
    store.jdbc().inTransaction(() -> {
      result.set(orders.close(t.get(), closed, debit, r.commissions(), reason, clock.marketDate()));
      journal.markApplied(r.intent().ref(), r.filledCombos(), clock.now());
    });
    Optional<BigDecimal> pnl = result.get();
    if (pnl.isPresent()) {
      LOG.info("tranche {} closed ({}): debit {}, P&L {}", t.get().id(), reason.key(), debit, pnl.get());
    } else {
      LOG.info("tranche {}: {} of {} condors closed ({}) at debit {}; the rest stays open", t.get().id(), closed,
          t.get().quantity(), reason.key(), debit);
    }
  }

  /** Roll order {@code r} of {@code plan} ended: its tranche rolls the combos that filled. */
  void rolled(OrderDesk.Result r, CycleDecision.PlannedRoll plan) {
    if (r.filledCombos() == 0) {
      return;
    }
    synchronized (applyLock) {
      if (alreadyApplied(r)) {
        return;
      }
      store.jdbc().inTransaction(() -> {
        rollApplied(r, plan);
        journal.markApplied(r.intent().ref(), r.filledCombos(), clock.now());
      });
    }
  }

  private void rollApplied(OrderDesk.Result r, CycleDecision.PlannedRoll plan) {
    Optional<Tranche> t = openTranche(plan.trancheId());
    if (t.isEmpty()) {
      LOG.error("{} filled but tranche {} is not open", r.intent().ref(), plan.trancheId());
      return;
    }
    BigDecimal rollCredit = r.creditPerCombo();
    Tranche before = t.get();
    if (r.filledCombos() < before.quantity()) {
      // Split: the rolled condors become a tranche of their own, the rest keeps the old legs.
      long newId = store.nextTrancheId();
      Tranche rolledPart = new Tranche(newId, before.openedOn(), before.putExpiry(), before.callExpiry(),
          before.longPut(), before.shortPut(), before.shortCall(), before.longCall(), r.filledCombos(),
          before.credit(), before.rolls()).rolled(plan.side(), plan.newExpiry(), plan.newShort(), plan.newLong(),
          rollCredit);
      store.openTranche(rolledPart, r.commissions());
      store.tranches().quantity(before.id(), before.quantity() - r.filledCombos());
      LOG.warn("tranche {}: roll filled {} of {} condors; the rolled part is tranche {}", before.id(),
          r.filledCombos(), before.quantity(), newId);
      return;
    }
    Tranche after = before.rolled(plan.side(), plan.newExpiry(), plan.newShort(), plan.newLong(), rollCredit);
    orders.rolled(after, rollCredit, r.commissions());
    LOG.info("tranche {} rolled its {} side to {} {}/{} for {} {}; credit now {}", after.id(), plan.side(),
        plan.newExpiry(), plan.newShort(), plan.newLong(), rollCredit.signum() >= 0 ? "a credit of" : "a debit of",
        rollCredit.abs(), after.credit());
  }

  private static Tranche trancheFrom(OrderIntent o, LocalDate today, BigDecimal credit) {
    BigDecimal lp = null;
    BigDecimal sp = null;
    BigDecimal sc = null;
    BigDecimal lc = null;
    for (var leg : o.legs()) {
      boolean put = leg.contract().right() == OptionRight.PUT;
      boolean sell = leg.side() == Side.SELL;
      BigDecimal k = leg.contract().strike();
      if (put && sell) {
        sp = k;
      } else if (put) {
        lp = k;
      } else if (sell) {
        sc = k;
      } else {
        lc = k;
      }
    }
    return new Tranche(o.trancheId(), today, o.legs().get(0).contract().expiry(), lp, sp, sc, lc, o.quantity(),
        credit);
  }
}
