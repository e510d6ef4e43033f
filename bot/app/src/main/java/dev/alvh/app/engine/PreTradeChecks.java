package dev.alvh.app.engine;

import dev.alvh.app.store.OrderStore;
import dev.alvh.app.store.Store;
import dev.alvh.core.Check;
import dev.alvh.core.condor.SkipCode;
import dev.alvh.app.config.BotConfig;
import dev.alvh.core.execution.LegQuote;
import dev.alvh.core.execution.PriceWalk;
import dev.alvh.core.execution.QuoteCheck;
import dev.alvh.core.execution.TickRule;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.risk.RiskVerdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an order passes before it is journaled and sent: its legs' quotes ({@link QuoteCheck}),
 * its first price and walk on the tick grid ({@link PriceWalk}), the risk gate
 * ({@link HaltAuthority#judge}) and the broker-side gate. A refusal is stored with its reason,
 * ends the order (its callback is called) and nothing is sent.
 */
final class PreTradeChecks {

  private static final Logger LOG = LoggerFactory.getLogger(PreTradeChecks.class);
  /** The risk gate's limit name of an order refused because the bot is halted. */
  private static final String HALTED_LIMIT = "halted";

  /**
   * The checks' answer: the order at its first price with its walk and package quote, or the
   * result of its refusal.
   */
  record Verdict(OrderIntent first, PriceWalk walk, QuoteCheck.PackageQuote quote, OrderDesk.Result refused) {
  }

  private BotConfig config;
  private final Clock clock;
  private final MarketData market;
  private final Broker broker;
  private final Store store;
  private final OrderStore orders;
  private final HaltAuthority halt;
  private final Consumer<OrderDesk.Outcome> outcomes;
  private QuoteCheck quoteCheck;
  private Function<OrderIntent, Optional<String>> brokerGate = i -> Optional.empty();

  PreTradeChecks(BotConfig config, Clock clock, MarketData market, Broker broker, Store store, OrderStore orders,
      HaltAuthority halt, Consumer<OrderDesk.Outcome> outcomes) {
    this.clock = clock;
    this.market = market;
    this.broker = broker;
    this.store = store;
    this.orders = orders;
    this.halt = halt;
    this.outcomes = outcomes;
    reconfigure(config);
  }

  /** Checks with {@code c} from the next order on. */
  void reconfigure(BotConfig c) {
    this.config = c;
    this.quoteCheck = new QuoteCheck(Duration.ofSeconds(c.risk().maxQuoteAgeSeconds()),
        c.execution().maxSpreadFraction(), c.execution().minSpreadBase());
  }

  /** Sets the broker-side gate, passed after the risk gate. */
  void brokerGate(Function<OrderIntent, Optional<String>> gate) {
    this.brokerGate = Check.notNull(gate, "gate");
  }

  /**
   * Checks {@code intent}; on a refusal calls {@code done} with it.
   *
   * @param journaled whether the order is in the journal already (an approved order): a refusal
   *                  by the risk or broker gate then marks it cancelled
   */
  Verdict check(OrderIntent intent, Optional<NetPrice> worst, boolean journaled, Consumer<OrderDesk.Result> done) {
    List<LegQuote> legs = new ArrayList<>();
    for (ComboLeg leg : intent.legs()) {
      Optional<OptionQuote> q = market.quote(leg.contract());
      if (q.isEmpty()) {
        return refused(skipped(intent, "no quote for " + leg.contract().key(), done));
      }
      legs.add(new LegQuote(leg, q.get(), market.quoteTime(leg.contract()).orElse(clock.now())));
    }
    Set<OptionContract> held = new HashSet<>();
    if (intent.legs().stream().anyMatch(l -> l.side() == Side.SELL)) {
      broker.positions().stream().filter(p -> p.quantity() > 0).forEach(p -> held.add(p.contract()));
    }
    Optional<String> bad = quoteCheck.refusal(legs, clock.now(), held);
    if (bad.isPresent()) {
      return refused(skipped(intent, bad.get(), done));
    }
    QuoteCheck.PackageQuote pq = QuoteCheck.PackageQuote.of(legs);
    TickRule rule = TickRule.of(intent.legs(), config.condor(), config.execution());
    PriceWalk walk = PriceWalk.plan(pq.mid(), pq.natural(), worst, config.execution().walkSteps(), rule);
    OrderIntent first = new OrderIntent(intent.ref(), intent.purpose(), intent.trancheId(), intent.legs(),
        intent.quantity(), walk.first(), intent.reason());
    Duration age = Duration.ZERO;
    for (LegQuote lq : legs) {
      Duration a = Duration.between(lq.asOf(), clock.now());
      age = a.compareTo(age) > 0 ? a : age;
    }
    RiskVerdict verdict = halt.judge(first, Optional.of(pq.mid()), age);
    if (!verdict.passed()) {
      return refused(riskRejected(first, verdict, journaled, done));
    }
    Optional<String> closed = brokerGate.apply(first);
    if (closed.isPresent()) {
      return refused(brokerRefused(first, closed.get(), journaled, done));
    }
    return new Verdict(first, walk, pq, null);
  }

  private static Verdict refused(OrderDesk.Result r) {
    return new Verdict(r.intent(), null, null, r);
  }

  private OrderDesk.Result brokerRefused(OrderIntent intent, String why, boolean journaled, Consumer<OrderDesk.Result> done) {
    LOG.warn("not sending {} {}: {}", intent.purpose(), intent.ref(), why);
    orders.decision(clock.now(), OrderStore.ORDER_SKIPPED, "broker", intent.purpose().action() + " " + intent.ref()
        + " not sent: the broker is not ready for it", why);
    if (journaled) {
      store.orderStatus(intent.ref(), OrderStatus.CANCELLED, 0, 0, why, clock.now());
    }
    OrderDesk.Result r = new OrderDesk.Result(intent, OrderDesk.Outcome.SKIPPED, 0, List.of(), intent.limit(), why);
    done.accept(r);
    return r;
  }  private OrderDesk.Result riskRejected(OrderIntent intent, RiskVerdict v, boolean journaled, Consumer<OrderDesk.Result> done) {
    LOG.warn("risk gate refused {} {}: {}", intent.purpose(), intent.ref(), v);
    orders.decision(clock.now(), "risk-rejected", SkipCode.RISK_LIMIT.key(), intent.purpose().action() + " "
        + intent.ref() + " refused by " + v.limit(), v.detail());
    if (journaled) {
      store.orderStatus(intent.ref(), OrderStatus.CANCELLED, 0, 0, "risk: " + v, clock.now());
    }
    if (!HALTED_LIMIT.equals(v.limit())) {
      // an order refused by the halt itself is what the halt means: the halt raised its one alert
      halt.refused(intent, v);
    }
    OrderDesk.Result r = new OrderDesk.Result(intent, OrderDesk.Outcome.RISK_REJECTED, 0, List.of(), intent.limit(), v.toString());
    outcomes.accept(OrderDesk.Outcome.RISK_REJECTED);
    done.accept(r);
    return r;
  }  private OrderDesk.Result skipped(OrderIntent intent, String why, Consumer<OrderDesk.Result> done) {
    LOG.info("not sending {} {}: {}", intent.purpose(), intent.ref(), why);
    orders.decision(clock.now(), OrderStore.ORDER_SKIPPED, SkipCode.QUOTES.key(),
        intent.purpose().action() + " " + intent.ref() + " not sent: quotes failed the sanity check", why);
    OrderDesk.Result r = new OrderDesk.Result(intent, OrderDesk.Outcome.SKIPPED, 0, List.of(), intent.limit(), why);
    done.accept(r);
    return r;
  }
}
