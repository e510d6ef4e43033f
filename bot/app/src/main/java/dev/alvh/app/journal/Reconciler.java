package dev.alvh.app.journal;

import dev.alvh.app.journal.ReconcileReport.Difference;
import dev.alvh.app.journal.ReconcileReport.Kind;
import dev.alvh.app.store.OrderJournalRepository;
import dev.alvh.app.store.OrderJournalRepository.Journaled;
import dev.alvh.app.store.LegCodec;
import dev.alvh.app.store.Store;
import dev.alvh.core.Check;
import dev.alvh.core.account.Position;
import dev.alvh.core.order.ComboFills;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches the broker's records to the order journal on start and on every reconnect, before
 * anything new is sent. Orders are matched by their deterministic {@code orderRef} (IB echoes it
 * on open orders, completed orders and executions); fills by execution id.
 *
 * <ul>
 *   <li>Executions since the last known one (the earlier of the newest stored fill and the
 *       oldest unfinished journaled order) whose execution id the store lacks are handed to the
 *       listener (the trading engine), which stores each exactly once and applies it.
 *   <li>An unfinished journaled order that is working at the broker takes the broker's status; a
 *       {@code JOURNALED} one there was sent before the crash ({@code sent-unacknowledged}).
 *   <li>An unfinished journaled order the broker completed while the bot was down takes the
 *       broker's final status ({@code filled-while-down}, {@code cancelled-while-down}); one the
 *       broker no longer reports at all, but that had been sent, is marked cancelled.
 *   <li>A {@code JOURNALED} order the broker has never heard of (no open order, no completed order,
 *       no execution) was never sent: the crash came between the journal write and the send. It is
 *       marked cancelled with reason {@code never-sent} and <b>not re-sent</b>: its limit was priced
 *       for a cycle that is gone, and the next cycle decides again from fresh quotes under a new
 *       ref, so a duplicate is impossible.
 *   <li>Orders and executions whose ref the journal lacks, and positions the open tranches do not
 *       explain (placed by hand in TWS), are reported and left alone: never cancelled, never
 *       netted into a tranche.
 * </ul>
 *
 * <p>Every difference is stored in the {@code reconciliation} table and returned in the
 * {@link ReconcileReport} (the runtime alerts on a report that is not clean).
 */
public final class Reconciler {

  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
  private static final Set<OrderStatus> UNFINISHED = EnumSet.of(OrderStatus.JOURNALED, OrderStatus.PENDING_SUBMIT,
      OrderStatus.PRE_SUBMITTED, OrderStatus.SUBMITTED, OrderStatus.PARTIALLY_FILLED);

  private final Store store;
  private final OrderJournalRepository journal;
  private final Clock clock;
  private final BrokerListener listener;
  private final Function<Store, Map<String, Long>> expectedPositions;

  /**
   * A reconciler over {@code store}.
   *
   * @param listener          receives recovered fills and final statuses (the trading engine, which
   *                          stores and applies them); see {@link #storeOnly} for a listener that
   *                          only stores
   * @param expectedPositions the signed quantity per contract key the bot's own books hold (open
   *                          tranches' legs, {@link #trancheLegs}, plus hedge layers when the hedge
   *                          book is wired)
   */
  public Reconciler(Store store, Clock clock, BrokerListener listener,
      Function<Store, Map<String, Long>> expectedPositions) {
    this.store = Check.notNull(store, "store");
    this.journal = new OrderJournalRepository(store);
    this.clock = Check.notNull(clock, "clock");
    this.listener = Check.notNull(listener, "listener");
    this.expectedPositions = Check.notNull(expectedPositions, "expectedPositions");
  }

  /** A reconciler whose expected positions are the open tranches' legs. */
  public Reconciler(Store store, Clock clock, BrokerListener listener) {
    this(store, clock, listener, Reconciler::trancheLegs);
  }

  /** A listener that stores fills (once per execution id) and statuses, and applies nothing else. */
  public static BrokerListener storeOnly(Store store) {
    return new BrokerListener() {
      @Override
      public void orderUpdated(OrderUpdate u) {
        store.orderStatus(u.ref(), u.status(), u.brokerId(), u.filled(), u.reason(), u.time());
      }

      @Override
      public void filled(Fill f) {
        store.fill(f);
      }
    };
  }

  /**
   * The signed quantity per contract key of the legs of the open tranches, from the tranches as
   * they are now (strikes, expiries and quantity after rolls, partial closes and roll splits; the
   * {@code leg} table keeps the legs as first opened and is not used here).
   */
  public static Map<String, Long> trancheLegs(Store store) {
    Map<String, Long> out = new TreeMap<>();
    for (dev.alvh.core.condor.Tranche t : store.openTranches()) {
      for (dev.alvh.core.instrument.ComboLeg leg : t.openingLegs()) {
        out.merge(leg.contract().key(), (long) leg.ratio() * t.quantity() * leg.side().sign(), Long::sum);
      }
    }
    return out;
  }

  /** The time from which executions must be read: see the class doc. */
  public Instant executionsSince() {
    Optional<Instant> lastFill = journal.lastFillAt();
    Optional<Instant> oldestOpen = journal.oldestCreatedAt(UNFINISHED);
    return lastFill.map(f -> oldestOpen.filter(o -> o.isBefore(f)).orElse(f))
        .or(() -> oldestOpen).orElse(Instant.EPOCH);
  }

  /** Reconciles the journal with {@code broker}; see the class doc. */
  public ReconcileReport reconcile(BrokerRecords broker) {
    Check.notNull(broker, "broker");
    Instant now = clock.now();
    List<Difference> diffs = new ArrayList<>();
    Map<String, Journaled> unfinished = new LinkedHashMap<>();
    for (Journaled j : journal.inStatus(UNFINISHED)) {
      unfinished.put(j.ref().value(), j);
    }

    // 1. executions: each new one stored once and applied
    Set<String> executedRefs = new HashSet<>();
    int stored = 0;
    for (Fill f : broker.executionsSince(executionsSince())) {
      if (!journaled(f.ref())) {
        diffs.add(new Difference(Kind.FOREIGN_ORDER, f.ref().value(), "execution " + f.execId() + " " + f.side() + " "
            + f.quantity() + " " + f.contract().key() + " at " + f.price().toPlainString() + " is not in the journal;"
            + " left alone"));
        continue;
      }
      executedRefs.add(f.ref().value());
      if (journal.hasFill(f.execId())) {
        continue;
      }
      listener.filled(f);
      stored++;
      diffs.add(new Difference(Kind.FILL_RECOVERED, f.ref().value(), "execution " + f.execId() + " " + f.side() + " "
          + f.quantity() + " " + f.contract().key() + " at " + f.price().toPlainString()));
    }

    // 2. open orders at the broker
    Set<String> open = new HashSet<>();
    for (OrderUpdate u : broker.openOrders()) {
      open.add(u.ref().value());
      Journaled j = unfinished.get(u.ref().value());
      if (j == null) {
        if (!journaled(u.ref())) {
          diffs.add(new Difference(Kind.FOREIGN_ORDER, u.ref().value(), "working at the broker (" + u.status().wire()
              + ", id " + u.brokerId() + ") but not in the journal; left alone"));
        }
        continue;
      }
      if (j.status() == OrderStatus.JOURNALED) {
        diffs.add(new Difference(Kind.SENT_UNACKNOWLEDGED, j.ref().value(),
            "journaled, found working at the broker as " + u.status().wire() + " (id " + u.brokerId() + ")"));
      }
      listener.orderUpdated(u);
    }

    // 3. orders the broker completed while the bot was down, or never saw
    Map<String, OrderUpdate> completed = new LinkedHashMap<>();
    for (OrderUpdate u : broker.completedOrders()) {
      completed.put(u.ref().value(), u);
    }
    for (Journaled j : unfinished.values()) {
      if (open.contains(j.ref().value())) {
        continue;
      }
      OrderRef ref = j.ref();
      OrderUpdate done = completed.get(j.ref().value());
      if (done != null && done.status().isTerminal()) {
        diffs.add(new Difference(done.status() == OrderStatus.FILLED ? Kind.FILLED_WHILE_DOWN : Kind.CANCELLED_WHILE_DOWN,
            j.ref().value(), "journal said " + j.status().wire() + ", broker says " + done.status().wire() + " ("
                + done.filled() + " of " + j.quantity() + " filled"
                + (done.reason().isEmpty() ? "" : ", " + done.reason()) + ")"));
        listener.orderUpdated(done);
        continue;
      }
      int filled = filledCombos(j, ref);
      if (filled >= j.quantity()) {
        diffs.add(new Difference(Kind.FILLED_WHILE_DOWN, j.ref().value(), "journal said " + j.status().wire()
            + ", every leg executed at the broker"));
        listener.orderUpdated(new OrderUpdate(ref, j.brokerId(), OrderStatus.FILLED, j.quantity(), 0, now,
            "filled while the bot was down"));
      } else if (j.status() == OrderStatus.JOURNALED && !executedRefs.contains(j.ref().value())) {
        diffs.add(new Difference(Kind.NEVER_SENT, j.ref().value(), "journaled but unknown to the broker: the send"
            + " did not happen; marked cancelled, not re-sent (the next cycle decides again)"));
        listener.orderUpdated(new OrderUpdate(ref, 0, OrderStatus.CANCELLED, 0, j.quantity(), now,
            "never-sent: not at the broker on reconciliation"));
      } else {
        diffs.add(new Difference(Kind.CANCELLED_WHILE_DOWN, j.ref().value(), "journal said " + j.status().wire()
            + ", the broker no longer has it (" + filled + " of " + j.quantity() + " filled); marked cancelled"));
        listener.orderUpdated(new OrderUpdate(ref, j.brokerId(), OrderStatus.CANCELLED, filled, j.quantity() - filled,
            now, "no longer at the broker on reconciliation"));
      }
    }

    // 4. positions: the bot's books against the broker's; differences reported, never netted
    Map<String, Long> expected = expectedPositions.apply(store);
    Map<String, Long> actual = new TreeMap<>();
    for (Position p : broker.positions()) {
      actual.merge(p.contract().key(), p.quantity(), Long::sum);
    }
    Set<String> contracts = new TreeSet<>(expected.keySet());
    contracts.addAll(actual.keySet());
    for (String c : contracts) {
      long want = expected.getOrDefault(c, 0L);
      long have = actual.getOrDefault(c, 0L);
      if (want == have) {
        continue;
      }
      if (want == 0 || Long.signum(have) == Long.signum(want) && Math.abs(have) > Math.abs(want)
          || Long.signum(have) == -Long.signum(want)) {
        diffs.add(new Difference(Kind.FOREIGN_POSITION, c, "broker holds " + have + ", the bot's books " + want
            + ": " + (have - want) + " not opened by the bot; left alone"));
      } else {
        diffs.add(new Difference(Kind.MISSING_POSITION, c, "the bot's books hold " + want + ", the broker " + have));
      }
    }

    for (Difference d : diffs) {
      journal.reconciliation(now, d.kind().key(), d.ref(), d.detail());
    }
    ReconcileReport report = new ReconcileReport(diffs, stored);
    if (report.clean()) {
      LOG.info("reconciliation: journal and broker agree ({} unfinished orders checked)", unfinished.size());
    } else {
      LOG.warn("reconciliation found {} differences, {} fills recovered: {}", diffs.size(), stored, report.summary());
    }
    return report;
  }

  private boolean journaled(OrderRef ref) {
    return journal.journaled(ref);
  }

  /**
   * Whole combos filled ({@link ComboFills}), from stored fills counted by contract (each contract
   * of the bot's orders is on one leg only).
   */
  private int filledCombos(Journaled j, OrderRef ref) {
    String legs = journal.legsText(ref).orElse("");
    Map<String, Integer> done = journal.filledByContract(ref);
    return ComboFills.wholeCombos(LegCodec.parse(legs), leg -> done.getOrDefault(leg.contract().key(), 0));
  }

}
