package dev.alvh.paper.broker;

import dev.alvh.core.Check;
import dev.alvh.core.account.Position;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.OrderRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the {@link PaperBroker} keeps its account between runs, so a restarted paper bot finds
 * the positions its own books hold. The application implements it over its database; the broker
 * knows nothing about how. {@link #NONE} keeps nothing (replay, paper-tws, tests): the account
 * lives in memory only, as before.
 *
 * <p>The broker writes through the port as it books (a fill, a settlement, an order placed or
 * ended) and wraps each booking, together with the events it hands to its listener, in
 * {@link #atomically}: an implementation that shares a transaction with the bot's own journal
 * makes the broker's account and the bot's fill rows change together or not at all.
 */
public interface PaperAccountPort {

  /**
   * An order the broker had accepted, by ref: its id, size and what had filled; {@code working}
   * when it was still resting.
   *
   * @param ref      the order ref
   * @param orderId  the broker's order id
   * @param quantity combos ordered
   * @param filled   combos filled
   * @param working  still working when saved
   */
  record SavedOrder(OrderRef ref, long orderId, int quantity, int filled, boolean working) {

    /** Checks every field. */
    public SavedOrder {
      Check.notNull(ref, "ref");
      Check.notNegative(quantity, "quantity");
      Check.notNegative(filled, "filled");
    }
  }

  /**
   * A saved account.
   *
   * @param cash        cash, USD (net liquidation is cash plus the positions at their marks)
   * @param nextOrderId the id the next order gets
   * @param nextExecSeq the sequence number of the next execution id ({@code paper.%08d})
   * @param positions   open positions with their average cost per contract, USD
   * @param ledger      every settlement so far, in order
   * @param orders      every order ref the broker accepted (a ref is never accepted twice)
   */
  record Saved(BigDecimal cash, long nextOrderId, long nextExecSeq, List<Position> positions,
      List<PaperBroker.Settlement> ledger, List<SavedOrder> orders) {

    /** Checks every field. */
    public Saved {
      Check.notNull(cash, "cash");
      positions = List.copyOf(Check.notNull(positions, "positions"));
      ledger = List.copyOf(Check.notNull(ledger, "ledger"));
      orders = List.copyOf(Check.notNull(orders, "orders"));
    }
  }

  /** The saved account, or empty when none was saved yet (a new account). */
  Optional<Saved> load();

  /**
   * Runs {@code work} so that everything written in it, through this port and by the broker's
   * listener, is kept whole or not at all; nested calls join the outer one.
   */
  void atomically(Runnable work);

  /** Saves cash and the two counters. */
  void saveAccount(BigDecimal cash, long nextOrderId, long nextExecSeq);

  /** Saves a position; quantity 0 removes it. */
  void savePosition(OptionContract contract, long quantity, BigDecimal avgCost);

  /** Saves an execution, once per execution id. */
  void saveExecution(Fill fill);

  /** Appends a settlement to the ledger. */
  void saveSettlement(PaperBroker.Settlement settlement);

  /** Saves (inserts or updates) an order the broker accepted. */
  void saveOrder(SavedOrder order);

  /** The executions at or after {@code since}, oldest first. */
  List<Fill> executionsSince(Instant since);

  /** Keeps nothing: the account lives in memory only. */
  PaperAccountPort NONE = new PaperAccountPort() {
    @Override
    public Optional<Saved> load() {
      return Optional.empty();
    }

    @Override
    public void atomically(Runnable work) {
      work.run();
    }

    @Override
    public void saveAccount(BigDecimal cash, long nextOrderId, long nextExecSeq) {
    }

    @Override
    public void savePosition(OptionContract contract, long quantity, BigDecimal avgCost) {
    }

    @Override
    public void saveExecution(Fill fill) {
    }

    @Override
    public void saveSettlement(PaperBroker.Settlement settlement) {
    }

    @Override
    public void saveOrder(SavedOrder order) {
    }

    @Override
    public List<Fill> executionsSince(Instant since) {
      return List.of();
    }
  };
}
