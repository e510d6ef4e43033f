package dev.alvh.paper.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionContract;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.market.IndexLevels;
import dev.alvh.core.market.OptionChain;
import dev.alvh.core.market.OptionQuote;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderStatus;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.MarketData;
import dev.alvh.core.time.VirtualClock;
import dev.alvh.paper.config.PaperBrokerConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The price walk's modify on the paper broker: same order id, a new limit, a new fill attempt. */
class PaperBrokerModifyTest {

  private static final LocalDate E = LocalDate.of(2024, 2, 23);
  private static final OptionContract SP = OptionContract.spxw(E, new BigDecimal("4800"), OptionRight.PUT);
  private static final OptionContract LP = OptionContract.spxw(E, new BigDecimal("4750"), OptionRight.PUT);
  private static final OrderRef REF = new OrderRef("alvh-T0001-open-202401081545");

  private final List<OrderUpdate> updates = new ArrayList<>();
  private final List<Fill> fills = new ArrayList<>();

  private PaperBroker broker() {
    Map<OptionContract, OptionQuote> q = new HashMap<>();
    q.put(SP, new OptionQuote(SP, new BigDecimal("5.00"), new BigDecimal("5.20"), 0.2, -0.16, 0, 0, 0));
    q.put(LP, new OptionQuote(LP, new BigDecimal("2.40"), new BigDecimal("2.60"), 0.2, -0.10, 0, 0, 0));
    MarketData m = new MarketData() {
      @Override
      public IndexLevels indices() {
        return new IndexLevels(Instant.EPOCH, 5000, 14, 16);
      }

      @Override
      public List<LocalDate> expirations(String tradingClass) {
        return List.of(E);
      }

      @Override
      public OptionChain chain(String tradingClass, LocalDate expiry) {
        return new OptionChain(tradingClass, expiry, 5000, List.copyOf(q.values()));
      }

      @Override
      public Optional<OptionQuote> quote(OptionContract contract) {
        return Optional.ofNullable(q.get(contract));
      }
    };
    // fills at 75% of the spread from the bid (mid plus half of the half-spread against the bot): the
    // vertical's model credit is (5.10 - 0.05) - (2.50 + 0.05) = 2.50, mid 2.60
    BigDecimal s = new BigDecimal("0.75");
    PaperBroker b = new PaperBroker(m, new VirtualClock(Instant.parse("2024-01-08T20:45:00Z")),
        new PaperBrokerConfig(new BigDecimal("1000000"), new BigDecimal("0.65"), new BigDecimal("0.60")),
        new dev.alvh.paper.config.PaperConfig.Fill(dev.alvh.paper.config.PaperConfig.FillModel.SHARE_OF_SPREAD, s, s, s));
    b.setListener(new BrokerListener() {
      @Override
      public void orderUpdated(OrderUpdate update) {
        updates.add(update);
      }

      @Override
      public void filled(Fill fill) {
        fills.add(fill);
      }
    });
    return b;
  }

  private static OrderIntent vertical(String credit) {
    return new OrderIntent(REF, OrderPurpose.OPEN_CONDOR, 1, List.of(ComboLeg.of(Side.BUY, LP),
        ComboLeg.of(Side.SELL, SP)), 2, NetPrice.credit(new BigDecimal(credit)), "test");
  }

  @Test
  void modifyToAFillablePriceFillsUnderTheSameOrderId() {
    PaperBroker b = broker();
    long id = b.place(vertical("2.60"));
    assertThat(fills).isEmpty();
    b.modify(REF, NetPrice.credit(new BigDecimal("2.55")));
    assertThat(fills).isEmpty();
    b.modify(REF, NetPrice.credit(new BigDecimal("2.50")));
    assertThat(fills).hasSize(2);
    assertThat(updates).last().satisfies(u -> {
      assertThat(u.status()).isEqualTo(OrderStatus.FILLED);
      assertThat(u.brokerId()).isEqualTo(id);
    });
    assertThat(updates).extracting(OrderUpdate::brokerId).containsOnly(id);
    assertThat(b.openOrders()).isEmpty();
  }

  @Test
  void modifyOfARefNoLongerRestingIsIgnored() {
    PaperBroker b = broker();
    b.place(vertical("2.60"));
    b.cancel(REF);
    int before = updates.size();
    b.modify(REF, NetPrice.credit(new BigDecimal("2.00")));
    assertThat(updates).hasSize(before);
    assertThat(fills).isEmpty();
  }

  @Test
  void laterOrdersStillGetNewIdsAfterAModify() {
    PaperBroker b = broker();
    long first = b.place(vertical("2.60"));
    b.modify(REF, NetPrice.credit(new BigDecimal("2.55")));
    long second = b.place(new OrderIntent(new OrderRef("alvh-T0002-open-202401081545"), OrderPurpose.OPEN_CONDOR, 2,
        vertical("2.60").legs(), 1, NetPrice.credit(new BigDecimal("2.60")), "test"));
    assertThat(second).isGreaterThan(first);
  }
}
