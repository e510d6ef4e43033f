package dev.alvh.paper.broker;

import dev.alvh.core.Check;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.account.Position;
import dev.alvh.core.config.BrokerConfig;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.Clock;
import dev.alvh.core.port.MarketData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A paper broker: fills combo limit orders against the simulated market's quotes, charges
 * commissions, and settles expired options in cash.
 *
 * <p>Fill rule: the model fill price of a combo is the sum of its legs' mids, each moved by
 * {@code broker.paper.fillSpreadFraction} of its half-spread against the bot. A BUY of the legs
 * (IB's BAG convention, see {@link dev.alvh.core.order.NetPrice}) fills when its signed limit is
 * at or above that price, at that price: never better than the model allows, never worse than
 * the limit. Leg prices keep four decimals, rounded against the bot. An order that does not fill
 * rests as Submitted until cancelled. Not thread-safe: the trading cycle's thread drives it.
 */
public final class PaperBroker implements Broker {

  private static final Logger LOG = LoggerFactory.getLogger(PaperBroker.class);
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  /** Leg fill prices keep 4 decimals: mids of 0.05-grid quotes fall on 0.025, and rounding them
   * to the cent would move a combo priced at mid past its own limit. */
  private static final int PRICE_SCALE = 4;

  private final MarketData market;
  private final Clock clock;
  private final BrokerConfig.Paper config;
  private BigDecimal cash;
  private final Map<OptionContract, Long> positions = new TreeMap<>(
      java.util.Comparator.comparing(OptionContract::key));
  private final Map<OptionContract, BigDecimal> costs = new TreeMap<>(
      java.util.Comparator.comparing(OptionContract::key));
  private final Map<OrderRef, OrderIntent> working = new LinkedHashMap<>();
  private final Map<OrderRef, Long> ids = new LinkedHashMap<>();
  private BrokerListener listener = new BrokerListener() {
    @Override
    public void orderUpdated(OrderUpdate update) {
    }

    @Override
    public void filled(Fill fill) {
    }
  };
  private long nextOrderId = 1;
  private long execSeq = 1;

  /** A paper account with {@code config.startingCash()} in cash and no positions. */
  public PaperBroker(MarketData market, Clock clock, BrokerConfig.Paper config) {
    this.market = Check.notNull(market, "market");
    this.clock = Check.notNull(clock, "clock");
    this.config = Check.notNull(config, "config");
    this.cash = config.startingCash();
  }

  @Override
  public AccountSummary account() {
    BigDecimal value = cash;
    for (Map.Entry<OptionContract, Long> p : positions.entrySet()) {
      BigDecimal mark = market.quote(p.getKey()).map(OptionQuote::mid)
          .orElse(intrinsicNow(p.getKey()));
      value = value.add(mark.multiply(BigDecimal.valueOf(p.getValue() * p.getKey().multiplier())));
    }
    return new AccountSummary(value.setScale(2, RoundingMode.HALF_EVEN), cash.setScale(2, RoundingMode.HALF_EVEN));
  }

  @Override
  public List<Position> positions() {
    List<Position> out = new ArrayList<>();
    positions.forEach((c, q) -> out.add(new Position(c, q, costs.getOrDefault(c, BigDecimal.ZERO))));
    return out;
  }

  @Override
  public List<OrderUpdate> openOrders() {
    List<OrderUpdate> out = new ArrayList<>();
    working.forEach((ref, o) -> out.add(new OrderUpdate(ref, ids.get(ref), OrderStatus.SUBMITTED, 0, o.quantity(),
        clock.now(), "")));
    return out;
  }

  @Override
  public long place(OrderIntent intent) {
    Check.notNull(intent, "intent");
    if (ids.containsKey(intent.ref())) {
      throw new IllegalStateException("order ref " + intent.ref() + " was already sent; refusing a duplicate");
    }
    long id = nextOrderId++;
    ids.put(intent.ref(), id);
    List<OptionQuote> quotes = new ArrayList<>();
    for (ComboLeg leg : intent.legs()) {
      Optional<OptionQuote> q = market.quote(leg.contract());
      if (q.isEmpty()) {
        emit(intent.ref(), id, OrderStatus.INACTIVE, 0, intent.quantity(), "no quote for " + leg.contract().key());
        return id;
      }
      quotes.add(q.get());
    }
    emit(intent.ref(), id, OrderStatus.SUBMITTED, 0, intent.quantity(), "");
    BigDecimal[] legPrices = new BigDecimal[quotes.size()];
    BigDecimal net = BigDecimal.ZERO;
    for (int i = 0; i < quotes.size(); i++) {
      ComboLeg leg = intent.legs().get(i);
      OptionQuote q = quotes.get(i);
      BigDecimal against = q.spread().divide(TWO).multiply(config.fillSpreadFraction());
      BigDecimal px = leg.side() == Side.BUY
          ? q.mid().add(against).setScale(PRICE_SCALE, RoundingMode.CEILING)
          : q.mid().subtract(against).max(BigDecimal.ZERO).setScale(PRICE_SCALE, RoundingMode.FLOOR);
      legPrices[i] = px;
      net = net.add(px.multiply(BigDecimal.valueOf((long) leg.side().sign() * leg.ratio())));
    }
    if (intent.limit().bagLimit().compareTo(net) < 0) {
      working.put(intent.ref(), intent);
      LOG.debug("{} rests: limit {} below model price {}", intent.ref(), intent.limit().bagLimit(), net);
      return id;
    }
    for (int i = 0; i < quotes.size(); i++) {
      ComboLeg leg = intent.legs().get(i);
      int qty = leg.ratio() * intent.quantity();
      BigDecimal commission = config.commissionPerContract().add(config.feePerContract())
          .multiply(BigDecimal.valueOf(qty));
      Fill fill = new Fill(intent.ref(), String.format(java.util.Locale.ROOT, "paper.%08d", execSeq++), clock.now(),
          leg.contract(), leg.side(), qty, legPrices[i], commission);
      book(fill);
      listener.filled(fill);
    }
    emit(intent.ref(), id, OrderStatus.FILLED, intent.quantity(), 0, "");
    return id;
  }

  /**
   * Changes the limit of a resting order and tries to fill it again at once, keeping its order
   * id (as IB does when placeOrder is re-sent with the same id); a ref not resting is ignored.
   */
  @Override
  public void modify(OrderRef ref, dev.alvh.core.order.NetPrice newLimit) {
    OrderIntent o = working.remove(ref);
    if (o == null) {
      return;
    }
    long id = ids.remove(ref);
    long next = nextOrderId;
    nextOrderId = id;
    try {
      place(new OrderIntent(o.ref(), o.purpose(), o.trancheId(), o.legs(), o.quantity(), newLimit, o.reason()));
    } finally {
      nextOrderId = next;
    }
  }

  @Override
  public void cancel(OrderRef ref) {
    OrderIntent o = working.remove(ref);
    if (o != null) {
      emit(ref, ids.get(ref), OrderStatus.CANCELLED, 0, o.quantity(), "cancelled by the bot");
    }
  }

  @Override
  public void setListener(BrokerListener listener) {
    this.listener = Check.notNull(listener, "listener");
  }

  /**
   * Settles in cash every SPXW position expiring on {@code date} at {@code settlement} (the SPX
   * close): the account receives or pays the intrinsic value and the position is removed.
   *
   * @return the cash that moved, USD
   */
  public BigDecimal settleExpiring(LocalDate date, BigDecimal settlement) {
    BigDecimal moved = BigDecimal.ZERO;
    List<OptionContract> expiring = positions.keySet().stream()
        .filter(c -> c.expiry().equals(date) && OptionContract.SPXW.equals(c.tradingClass())).toList();
    for (OptionContract c : expiring) {
      long q = positions.remove(c);
      costs.remove(c);
      BigDecimal value = BigDecimal.valueOf(c.right().payoff(settlement.doubleValue(), c.strike().doubleValue()))
          .setScale(2, RoundingMode.HALF_EVEN);
      BigDecimal flow = value.multiply(BigDecimal.valueOf(q * c.multiplier()));
      cash = cash.add(flow);
      moved = moved.add(flow);
    }
    if (!expiring.isEmpty()) {
      LOG.info("settled {} expiring SPXW series on {} at {}: {} USD", expiring.size(), date, settlement, moved);
    }
    return moved;
  }

  private void book(Fill f) {
    cash = cash.add(f.cashFlow());
    long before = positions.getOrDefault(f.contract(), 0L);
    long after = before + f.signedQuantity();
    if (after == 0) {
      positions.remove(f.contract());
      costs.remove(f.contract());
    } else {
      positions.put(f.contract(), after);
      costs.put(f.contract(), f.price().multiply(BigDecimal.valueOf(f.contract().multiplier())));
    }
  }

  private BigDecimal intrinsicNow(OptionContract c) {
    double spx = market.indices().spx();
    return BigDecimal.valueOf(c.right().payoff(spx, c.strike().doubleValue())).setScale(2, RoundingMode.HALF_EVEN);
  }

  private void emit(OrderRef ref, long id, OrderStatus status, int filled, int remaining, String reason) {
    listener.orderUpdated(new OrderUpdate(ref, id, status, filled, remaining, clock.now(), reason));
  }
}
