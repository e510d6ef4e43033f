package dev.alvh.app.engine;

import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.account.Position;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.BrokerListener;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A broker whose answers a test scripts: what happens when the order is placed or repriced at
 * step k, and what happens on cancel. Records every limit it was given.
 */
final class ScriptedBroker implements Broker {

  /** What the broker does at one step or on cancel. */
  interface Action {
    void run(ScriptedBroker b, OrderIntent o);
  }

  private static final Instant T = Instant.parse("2024-01-08T20:45:00Z");

  final List<BigDecimal> limits = new ArrayList<>();
  final List<Position> positions = new ArrayList<>();
  int cancels;
  int places;
  private BrokerListener listener;
  private OrderIntent order;
  private int exec;
  private final java.util.Map<Integer, Action> atStep = new java.util.HashMap<>();
  private Action onCancel = (b, o) -> b.status(OrderStatus.CANCELLED, 0, "cancelled by the bot");

  ScriptedBroker at(int step, Action a) {
    atStep.put(step, a);
    return this;
  }

  ScriptedBroker onCancel(Action a) {
    onCancel = a;
    return this;
  }

  /** Reports a status of the current order. */
  void status(OrderStatus s, int filled, String reason) {
    listener.orderUpdated(new OrderUpdate(order.ref(), 41, s, filled, order.quantity() - filled, T, reason));
  }

  /** Executes {@code combos} of every leg at prices whose net is the current limit. */
  void fillLegs(int combos) {
    BigDecimal limit = limits.get(limits.size() - 1);
    // every leg at 1.00 except one, which takes up the rest of the net price at a positive price
    int n = order.legs().size();
    BigDecimal[] px = new BigDecimal[n];
    for (int j = 0; j < n; j++) {
      BigDecimal others = BigDecimal.ZERO;
      for (int i = 0; i < n; i++) {
        if (i != j) {
          others = others.add(BigDecimal.valueOf(order.legs().get(i).side().sign()));
        }
      }
      BigDecimal p = limit.subtract(others).multiply(BigDecimal.valueOf(order.legs().get(j).side().sign()));
      if (p.signum() > 0) {
        java.util.Arrays.fill(px, BigDecimal.ONE);
        px[j] = p;
        break;
      }
    }
    for (int i = 0; i < n; i++) {
      ComboLeg leg = order.legs().get(i);
      listener.filled(new Fill(order.ref(), "x" + (++exec), T, leg.contract(), leg.side(), combos * leg.ratio(),
          px[i], new BigDecimal("1.25").multiply(BigDecimal.valueOf(combos))));
    }
  }

  static Action fill(int combos, int totalAfter) {
    return (b, o) -> {
      b.fillLegs(combos);
      b.status(totalAfter >= o.quantity() ? OrderStatus.FILLED : OrderStatus.SUBMITTED, totalAfter, "");
    };
  }

  @Override
  public AccountSummary account() {
    return new AccountSummary(new BigDecimal("1000000"), new BigDecimal("1000000"));
  }

  @Override
  public List<Position> positions() {
    return positions;
  }

  @Override
  public List<OrderUpdate> openOrders() {
    return List.of();
  }

  @Override
  public long place(OrderIntent intent) {
    places++;
    order = intent;
    limits.add(intent.limit().bagLimit());
    status(OrderStatus.PRE_SUBMITTED, 0, "");
    status(OrderStatus.SUBMITTED, 0, "");
    status(OrderStatus.SUBMITTED, 0, "");
    atStep.getOrDefault(0, (b, o) -> { }).run(this, intent);
    return 41;
  }

  @Override
  public void modify(OrderRef ref, NetPrice newLimit) {
    limits.add(newLimit.bagLimit());
    atStep.getOrDefault(limits.size() - 1, (b, o) -> { }).run(this, order);
  }

  @Override
  public void cancel(OrderRef ref) {
    cancels++;
    onCancel.run(this, order);
  }

  @Override
  public void setListener(BrokerListener listener) {
    this.listener = listener;
  }
}
