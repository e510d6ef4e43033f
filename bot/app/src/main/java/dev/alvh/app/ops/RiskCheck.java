package dev.alvh.app.ops;

import dev.alvh.app.store.Store;
import dev.alvh.core.Check;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.Clock;
import dev.alvh.core.risk.HaltState;
import dev.alvh.core.risk.RiskContext;
import dev.alvh.core.risk.RiskGate;
import dev.alvh.core.risk.RiskVerdict;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RiskGate} wired to the bot's ports: builds each {@link RiskContext} from the broker,
 * the store and the market, reads the kill-switch file every cycle, and stores the halt state
 * whenever it changes. The runtime (or the trading engine) calls {@link #beforeCycle} at the start
 * of every cycle and {@link #judge} for every intent before it is journaled.
 *
 * <ul>
 *   <li>start-of-day net liquidation: the equity of the newest daily snapshot before today, or the
 *       net liquidation at the first check of the day when there is none;
 *   <li>margin used: the sum of the open tranches' max loss (what a defined-risk account holds);
 *   <li>model price of an intent: the sum of its legs' model prices, signed (bought legs add,
 *       sold legs subtract), empty when a leg has none; by default the quote's mid.
 * </ul>
 */
public final class RiskCheck {

  private static final Logger LOG = LoggerFactory.getLogger(RiskCheck.class);

  private final RiskGate gate;
  private final KillSwitchFile killFile;
  private final HaltStore halts;
  private final Store store;
  private final Broker broker;
  private final Clock clock;
  private final Function<OptionContract, Optional<BigDecimal>> legModel;
  private LocalDate day;
  private BigDecimal startOfDay;
  private Duration quoteAge = Duration.ZERO;

  /**
   * A check over the given parts.
   *
   * @param legModel the model price of one contract in points, empty when it has none (for
   *                 example {@code c -> market.quote(c).map(OptionQuote::mid)})
   */
  public RiskCheck(RiskGate gate, KillSwitchFile killFile, HaltStore halts, Store store, Broker broker, Clock clock,
      Function<OptionContract, Optional<BigDecimal>> legModel) {
    this.gate = Check.notNull(gate, "gate");
    this.killFile = Check.notNull(killFile, "killFile");
    this.halts = Check.notNull(halts, "halts");
    this.store = Check.notNull(store, "store");
    this.broker = Check.notNull(broker, "broker");
    this.clock = Check.notNull(clock, "clock");
    this.legModel = Check.notNull(legModel, "legModel");
  }

  /** The gate, for the console's halt, release and kill switch. */
  public RiskGate gate() {
    return gate;
  }

  /**
   * Judges the coming cycle: reads the kill-switch file, checks quote age and the daily loss.
   *
   * @param oldestQuoteAge the age of the oldest quote the cycle will use
   */
  public RiskVerdict beforeCycle(Duration oldestQuoteAge) {
    quoteAge = Check.notNull(oldestQuoteAge, "oldestQuoteAge");
    HaltState before = gate.haltState();
    RiskVerdict v = gate.beforeCycle(context(Optional.empty()), killFile.present(), clock.now());
    persistIfChanged(before);
    if (!v.passed()) {
      LOG.warn("cycle skipped: {}", v);
    }
    return v;
  }

  /** Judges one intent against the limits. */
  public RiskVerdict judge(OrderIntent intent) {
    HaltState before = gate.haltState();
    RiskVerdict v = gate.judge(intent, context(modelPrice(intent)), clock.now());
    persistIfChanged(before);
    if (!v.passed()) {
      LOG.warn("order {} refused: {}", intent.ref(), v);
    }
    return v;
  }

  /** A person releases the halt (console); stored at once. */
  public HaltState release() {
    HaltState was = gate.release(startOfDay(broker.account()));
    halts.save(gate.haltState());
    return was;
  }

  /** The signed model price of {@code intent}'s combo, empty when a leg has no model price. */
  public Optional<NetPrice> modelPrice(OrderIntent intent) {
    BigDecimal sum = BigDecimal.ZERO;
    for (ComboLeg leg : intent.legs()) {
      Optional<BigDecimal> p = legModel.apply(leg.contract());
      if (p.isEmpty()) {
        return Optional.empty();
      }
      BigDecimal v = p.get().multiply(BigDecimal.valueOf(leg.ratio()));
      sum = leg.side() == Side.BUY ? sum.add(v) : sum.subtract(v);
    }
    return Optional.of(new NetPrice(sum));
  }

  private RiskContext context(Optional<NetPrice> model) {
    AccountSummary account = broker.account();
    List<Tranche> open = store.openTranches();
    BigDecimal margin = open.stream().map(Tranche::maxLoss).reduce(BigDecimal.ZERO, BigDecimal::add)
        .max(BigDecimal.ZERO);
    return new RiskContext(account, startOfDay(account), margin, open.size(), model, quoteAge);
  }

  private BigDecimal startOfDay(AccountSummary account) {
    LocalDate today = clock.marketDate();
    if (!today.equals(day)) {
      day = today;
      startOfDay = store.jdbc().queryOne("SELECT equity FROM daily_snapshot WHERE trade_date < ?"
          + " ORDER BY trade_date DESC LIMIT 1", rs -> rs.getBigDecimal(1), Date.valueOf(today))
          .orElse(account.netLiquidation());
    }
    return startOfDay;
  }

  private void persistIfChanged(HaltState before) {
    HaltState now = gate.haltState();
    if (!now.equals(before)) {
      halts.save(now);
      if (now.halted()) {
        LOG.error("HALTED: {}; only risk-reducing orders until a person releases it", now.reason());
      }
    }
  }
}
