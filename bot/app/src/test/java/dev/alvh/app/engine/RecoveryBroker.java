package dev.alvh.app.engine;

import dev.alvh.app.journal.BrokerRecords;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.account.Position;
import dev.alvh.core.hedge.HedgeAction;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.Clock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A broker that outlives the bot: it keeps its orders and executions, reports to the listener
 * only while the bot is alive, and runs the test's script on place and cancel.
 */
final class RecoveryBroker implements Broker {

  private final Clock clock;

  final class Order {
    final OrderIntent intent;
    final long id;
    OrderStatus status = OrderStatus.SUBMITTED;
    int filled;

    Order(OrderIntent intent, long id) {
      this.intent = intent;
      this.id = id;
    }
  }

  final Map<String, Order> orders = new LinkedHashMap<>();
  final List<Fill> executions = new ArrayList<>();
  Consumer<Order> onPlace = o -> { };
  Consumer<Order> onCancel = o -> finish(o, OrderStatus.CANCELLED);
  /** When true, the order reaches the broker before onPlace runs even if onPlace kills the bot. */
  boolean acceptBeforePlaceHook;
  boolean alive = true;
  int cancels;
  private BrokerListener listener;

  RecoveryBroker(Clock clock) {
    this.clock = clock;
  }

  HedgeRecoveryFixture.Killed die(String where) {
    alive = false;
    return new HedgeRecoveryFixture.Killed(where);
  }

  Consumer<Order> fillAll() {
    return o -> fill(o, o.intent.quantity() - o.filled, OrderStatus.FILLED);
  }

  Order order(HedgeAction a) {
    return orders.get(a.order().ref().value());
  }

  /** {@code combos} more combos execute at the order's limit; then its status is {@code after}. */
  void fill(Order o, int combos, OrderStatus after) {
    for (ComboLeg leg : o.intent.legs()) {
      BigDecimal px = o.intent.legs().size() == 1 ? o.intent.limit().amount()
          : leg.side() == Side.SELL ? BigDecimal.valueOf(2) : BigDecimal.ONE;
      Fill f = new Fill(o.intent.ref(), "e" + (executions.size() + 1), clock.now(), leg.contract(), leg.side(),
          combos * leg.ratio(), px, new BigDecimal("1.10").multiply(BigDecimal.valueOf((long) combos * leg.ratio())));
      executions.add(f);
      if (alive) {
        listener.filled(f);
      }
    }
    o.filled += combos;
    finish(o, after);
  }

  void finish(Order o, OrderStatus s) {
    o.status = s;
    if (alive) {
      listener.orderUpdated(update(o));
    }
  }

  private OrderUpdate update(Order o) {
    return new OrderUpdate(o.intent.ref(), o.id, o.status, o.filled, o.intent.quantity() - o.filled, clock.now(), "");
  }

  BrokerRecords records() {
    return new BrokerRecords() {
      @Override
      public List<OrderUpdate> openOrders() {
        return RecoveryBroker.this.openOrders();
      }

      @Override
      public List<OrderUpdate> completedOrders() {
        return List.of();
      }

      @Override
      public List<Fill> executionsSince(Instant since) {
        return List.copyOf(executions);
      }

      @Override
      public List<Position> positions() {
        return RecoveryBroker.this.positions();
      }
    };
  }

  @Override
  public AccountSummary account() {
    return new AccountSummary(new BigDecimal("1000000"), new BigDecimal("1000000"));
  }

  @Override
  public List<Position> positions() {
    Map<OptionContract, Long> m = new LinkedHashMap<>();
    executions.forEach(f -> m.merge(f.contract(), f.signedQuantity(), Long::sum));
    List<Position> out = new ArrayList<>();
    m.forEach((c, q) -> {
      if (q != 0) {
        out.add(new Position(c, q, BigDecimal.ONE));
      }
    });
    return out;
  }

  @Override
  public List<OrderUpdate> openOrders() {
    return orders.values().stream().filter(o -> !o.status.isTerminal()).map(this::update).toList();
  }

  @Override
  public long place(OrderIntent intent) {
    if (!alive) {
      throw new IllegalStateException("a dead bot cannot place");
    }
    Order o = new Order(intent, 100 + orders.size());
    if (acceptBeforePlaceHook) {
      orders.put(intent.ref().value(), o);
    }
    onPlace.accept(o);
    orders.putIfAbsent(intent.ref().value(), o);
    return o.id;
  }

  @Override
  public void modify(OrderRef ref, NetPrice newLimit) {
    // the limit moves; the script's fills keep the first limit's price
  }

  @Override
  public void cancel(OrderRef ref) {
    cancels++;
    Order o = orders.get(ref.value());
    if (o != null && !o.status.isTerminal()) {
      onCancel.accept(o);
    }
  }

  @Override
  public void setListener(BrokerListener listener) {
    this.listener = listener;
  }
}
