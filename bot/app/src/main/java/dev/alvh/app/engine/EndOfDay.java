package dev.alvh.app.engine;

import dev.alvh.app.store.OrderStore;
import dev.alvh.app.store.Store;
import dev.alvh.core.HedgeState;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-of-day job's two halves around the hedge's own end of day: tranches expiring today
 * settle at the SPX close, and the day's snapshot (account, indices, hedge state, open tranches)
 * is stored.
 */
final class EndOfDay {

  private static final Logger LOG = LoggerFactory.getLogger(EndOfDay.class);

  private final Clock clock;
  private final MarketData market;
  private final Broker broker;
  private final Store store;
  private final OrderStore orders;
  private final BiFunction<LocalDate, BigDecimal, BigDecimal> settlement;

  /**
   * @param settlement settles expiring positions at the broker on a date at a settlement price
   *                   and returns the cash moved (the paper broker does this; IB does it itself)
   */
  EndOfDay(Clock clock, MarketData market, Broker broker, Store store, OrderStore orders,
      BiFunction<LocalDate, BigDecimal, BigDecimal> settlement) {
    this.clock = clock;
    this.market = market;
    this.broker = broker;
    this.store = store;
    this.orders = orders;
    this.settlement = settlement;
  }

  /**
   * Settles the positions expiring today at the broker, then every tranche expiring today at
   * {@code spxClose}; a tranche whose other side expires later (after a roll) is left to a person.
   */
  void settleExpiring(BigDecimal spxClose) {
    LocalDate today = clock.marketDate();
    settlement.apply(today, spxClose);
    for (Tranche t : store.openTranches()) {
      if (t.expiry().isAfter(today)) {
        continue;
      }
      if (t.lastExpiry().isAfter(today)) {
        LOG.error("tranche {}: its {} side expired unclosed while the other expires {}; not settled here",
            t.id(), t.putExpiry().isAfter(today) ? "call" : "put", t.lastExpiry());
        orders.decision(clock.now(), "note", "mixedExpiry", "tranche " + t.id()
            + " reached its nearer expiry unclosed after a roll", "expiries " + t.putExpiry() + "/" + t.callExpiry());
        continue;
      }
      BigDecimal value = t.settlementValue(spxClose);
      orders.settlement(t, today, spxClose, value);
      BigDecimal pnl = orders.close(t, t.quantity(), value, BigDecimal.ZERO, ExitReason.SETTLED, today)
          .orElseThrow();
      LOG.info("tranche {} settled at {}: owes {} per condor, P&L {}", t.id(), spxClose, value, pnl);
    }
  }

  /** Stores the day's snapshot with {@code hedgeState}, the state in force after the hedge's end of day. */
  void snapshot(HedgeState hedgeState) {
    LocalDate today = clock.marketDate();
    AccountSummary a = broker.account();
    IndexLevels ix = market.indices();
    store.snapshot(today, a.netLiquidation(), a.cash(), ix.spx(), ix.vix(), ix.vix3m(), hedgeState,
        store.openTranches().size());
  }
}
