package dev.alvh.app.runtime;

import dev.alvh.app.schedule.NyseCalendar;
import dev.alvh.app.store.PaperAccountStore;
import dev.alvh.app.store.Store;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import dev.alvh.ibkr.broker.IbkrAdapter;
import dev.alvh.ibkr.session.TwsSession;
import dev.alvh.paper.broker.PaperBroker;
import dev.alvh.paper.market.DailyBar;
import dev.alvh.paper.market.SimulatedMarket;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The broker side of a bot: the market, the broker, how expiring positions settle, and its
 * connection.
 *
 * @param sim          the synthetic market, null on IBKR
 * @param settlement   settles expiring positions at the broker (the paper broker; IB does it itself)
 * @param adapter      closed with the bot
 * @param connected    whether the broker is connected
 * @param heartbeatAge time since the broker's last message, when it sends any
 */
record BotPorts(SimulatedMarket sim, MarketData market, Broker broker,
    BiFunction<LocalDate, BigDecimal, BigDecimal> settlement, AutoCloseable adapter, BooleanSupplier connected,
    Supplier<Optional<Duration>> heartbeatAge) {

  /** Trading days of synthetic history before today: enough for every signal to be warm. */
  static final int HISTORY_DAYS_BEFORE = PaperMarket.DAYS_BEFORE;

  /**
   * The built-in broker on a synthetic market whose dates cover the clock's today, on the data
   * directory's stored market anchor (the first start stores this one), so a restart trades on the
   * same market; the account is kept in the same database ({@link PaperAccountStore}).
   */
  static BotPorts paper(BotConfig c, Store store, Clock clock, int historyDaysAhead) {
    NyseCalendar cal = NyseCalendar.of(c.schedule());
    LocalDate today = clock.marketDate();
    LocalDate from = today.minusDays(HISTORY_DAYS_BEFORE * 7L / 5 + 10);
    PaperMarketAnchor anchor = PaperMarketAnchor.resolve(store.jdbc(), new PaperMarketAnchor(from,
        c.market().seed(), c.market().startSpx(), HISTORY_DAYS_BEFORE + historyDaysAhead), clock.now());
    List<DailyBar> bars = anchor.bars(today, historyDaysAhead, cal::isTradingDay);
    SimulatedMarket m = new SimulatedMarket(bars, clock, c.market(), cal::isTradingDay);
    PaperBroker b = new PaperBroker(m, clock, c.broker().paper(), c.paper().fill(),
        new PaperAccountStore(store.jdbc(), clock::now));
    return new BotPorts(m, m, b, b::settleExpiring, () -> { }, () -> true, Optional::empty);
  }

  /** The IBKR adapter's broker and market data; IB settles expiring options itself. */
  static BotPorts ibkr(IbkrAdapter adapter) {
    return new BotPorts(null, adapter.market(), adapter.broker(), (d, spx) -> BigDecimal.ZERO, adapter,
        () -> adapter.session().state() == TwsSession.State.READY, () -> adapter.session().sinceLastMessage());
  }
}
