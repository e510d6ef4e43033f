package dev.alvh.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.store.Store;
import dev.alvh.core.account.AccountSummary;
import dev.alvh.core.account.Position;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.config.RiskConfig;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import dev.alvh.core.order.OrderUpdate;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.BrokerListener;
import dev.alvh.core.port.Clock;
import dev.alvh.core.risk.RiskGate;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate wired to a broker, the store and the kill-switch file. */
class RiskCheckTest {

  private static final LocalDate EXP = LocalDate.of(2024, 4, 19);
  private static final Tranche T1 = new Tranche(1, LocalDate.of(2024, 3, 1), EXP, bd("4400"), bd("4450"), bd("4750"),
      bd("4800"), 10, bd("2.00"));

  @TempDir
  Path dir;

  private final AtomicReference<BigDecimal> netLiq = new AtomicReference<>(bd("1000000"));
  private final Clock clock = () -> Instant.parse("2024-03-04T15:00:00Z");

  private static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  private final Broker broker = new Broker() {
    @Override
    public AccountSummary account() {
      return new AccountSummary(netLiq.get(), netLiq.get());
    }

    @Override
    public List<Position> positions() {
      return List.of();
    }

    @Override
    public List<OrderUpdate> openOrders() {
      return List.of();
    }

    @Override
    public long place(OrderIntent intent) {
      throw new AssertionError("the risk check never sends");
    }

    @Override
    public void cancel(OrderRef ref) {
    }

    @Override
    public void setListener(BrokerListener listener) {
    }
  };

  private RiskCheck check(Store store) {
    return new RiskCheck(new RiskGate(RiskConfig.DEFAULTS, new HaltStore(store).load()),
        new KillSwitchFile(dir, RiskConfig.DEFAULTS), new HaltStore(store), store, broker, clock,
        c -> Optional.of(c.right() == dev.alvh.core.instrument.OptionRight.PUT
            ? (c.strike().intValue() == 4400 ? bd("1.00") : bd("2.00"))
            : (c.strike().intValue() == 4750 ? bd("2.00") : bd("1.00"))));
  }

  private static OrderIntent open(int qty, String credit) {
    return new OrderIntent(new OrderRef("alvh-T0002-open-202403041000"), OrderPurpose.OPEN_CONDOR, 2,
        T1.openingLegs(), qty, NetPrice.credit(bd(credit)), "test");
  }

  @Test
  void theModelPriceOfACondorIsItsSignedLegsAndTheBandUsesIt() {
    try (Store store = Store.open(dir, "alvh")) {
      RiskCheck check = check(store);
      // buy 4400P 1.00, sell 4450P 2.00, sell 4750C 2.00, buy 4800C 1.00 = credit 2.00
      assertThat(check.modelPrice(open(1, "2.00"))).contains(new NetPrice(bd("-2.00")));
      assertThat(check.judge(open(1, "2.00")).passed()).isTrue();
      assertThat(check.judge(open(1, "1.00")).limit()).isEqualTo("risk.priceBandPct");
    }
  }

  @Test
  void marginUsedIsTheOpenTranchesMaxLoss() {
    try (Store store = Store.open(dir, "alvh")) {
      store.openTranche(T1, BigDecimal.ZERO);
      netLiq.set(bd("100000"));
      // used 48,000 (T1) + 4,800 per condor: 1 fits under 50% of 100,000 = 50,000? 52,800 > 50,000: refused
      assertThat(check(store).judge(open(1, "2.00")).limit()).isEqualTo("risk.maxMarginUsePct");
    }
  }

  @Test
  void aHaltIsStoredAtOnceAndReleasedByAPerson() {
    try (Store store = Store.open(dir, "alvh")) {
      RiskCheck check = check(store);
      assertThat(check.beforeCycle(Duration.ofSeconds(1)).passed()).isTrue();
      netLiq.set(bd("949000"));
      assertThat(check.beforeCycle(Duration.ofSeconds(1)).passed()).isTrue();
      assertThat(new HaltStore(store).load().halted()).isTrue();
      assertThat(check.judge(open(1, "2.00")).limit()).isEqualTo("halted");
      assertThat(check.release().halted()).isTrue();
      assertThat(new HaltStore(store).load().halted()).isFalse();
      assertThat(check.judge(open(1, "2.00")).passed()).isTrue();
    }
  }

  @Test
  void theKillSwitchFileIsReadEveryCycle() throws Exception {
    try (Store store = Store.open(dir, "alvh")) {
      RiskCheck check = check(store);
      Files.writeString(dir.resolve("KILL"), "");
      assertThat(check.beforeCycle(Duration.ZERO).limit()).isEqualTo("risk.killSwitch");
      Files.delete(dir.resolve("KILL"));
      assertThat(check.beforeCycle(Duration.ZERO).passed()).isTrue();
    }
  }
}
