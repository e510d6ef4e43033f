package dev.alvh.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.Tranche;
import dev.alvh.core.instrument.ComboLeg;
import dev.alvh.core.instrument.OptionRight;
import dev.alvh.core.order.Fill;
import dev.alvh.core.order.NetPrice;
import dev.alvh.core.order.OrderIntent;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderRef;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tranche accounting against the book's cash flows: opens, partial closes, rolls, settlement. */
class OrderStoreTest {

  private static final Instant T = Instant.parse("2024-01-08T20:45:00Z");
  private static final LocalDate OPENED = LocalDate.of(2024, 1, 8);
  private static final LocalDate E = LocalDate.of(2024, 2, 23);

  @TempDir
  Path dir;

  private Store store;
  private OrderStore orders;
  private int exec;

  @BeforeEach
  void open() {
    store = Store.open(dir, "acct");
    orders = new OrderStore(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static Tranche tranche(int q, String credit) {
    return new Tranche(1, OPENED, E, new BigDecimal("4750"), new BigDecimal("4800"), new BigDecimal("5150"),
        new BigDecimal("5200"), q, new BigDecimal(credit));
  }

  /** Journals an order of {@code legs} and stores one fill per leg at the given prices (1.25 commission each). */
  private BigDecimal order(String ref, OrderPurpose purpose, List<ComboLeg> legs, int q, String... prices) {
    OrderIntent o = new OrderIntent(new OrderRef(ref), purpose, 1, legs, q, NetPrice.debit(BigDecimal.ZERO), "t");
    store.journal(o, T);
    BigDecimal commissions = BigDecimal.ZERO;
    for (int i = 0; i < legs.size(); i++) {
      ComboLeg l = legs.get(i);
      store.fill(new Fill(o.ref(), "e" + (++exec), T, l.contract(), l.side(), q, new BigDecimal(prices[i]),
          new BigDecimal("1.25")));
      commissions = commissions.add(new BigDecimal("1.25"));
    }
    return commissions;
  }

  @Test
  void partialCloseThenFinalCloseRealizesTheWholeTranchesPnl() {
    Tranche t = tranche(3, "2.40");
    // open 3 at 2.50 + 3.10 - 2.00 - 1.20 = 2.40 credit
    BigDecimal c0 = order("r-open", OrderPurpose.OPEN_CONDOR, t.openingLegs(), 3, "2.00", "2.50", "3.10", "1.20");
    store.openTranche(t, c0);
    // close 1 at a debit of 0.90 + 0.50 - 0.30 - 0.10 = 1.00, then the other 2 at 0.70 + 0.40 - 0.20 - 0.10 = 0.80
    BigDecimal c1 = order("r-close1", OrderPurpose.CLOSE_CONDOR, t.closingLegs(), 1, "0.30", "0.90", "0.50", "0.10");
    assertThat(orders.close(t, 1, new BigDecimal("1.00"), c1, ExitReason.PROFIT_TARGET, OPENED.plusDays(5)))
        .isEmpty();
    Tranche rest = store.openTranches().get(0);
    assertThat(rest.quantity()).isEqualTo(2);
    BigDecimal c2 = order("r-close2", OrderPurpose.CLOSE_CONDOR, rest.closingLegs(), 2, "0.20", "0.70", "0.40",
        "0.10");
    Optional<BigDecimal> pnl = orders.close(rest, 2, new BigDecimal("0.80"), c2, ExitReason.PROFIT_TARGET,
        OPENED.plusDays(9));
    // (2.40 - 1.00) x 100 + (2.40 - 0.80) x 200 - 12 fills x 1.25 = 140 + 320 - 15
    assertThat(pnl).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("445"));
    assertThat(store.openTranches()).isEmpty();
    assertThat(store.realizedPnl()).isEqualByComparingTo("445");
    assertThat(orders.bookCondorPnl()).isEqualByComparingTo("445");
  }

  @Test
  void rollAddsItsCreditAndCommissionsAndSettlementClosesAtTheCashItSettledFor() {
    Tranche t = tranche(2, "2.40");
    BigDecimal c0 = order("r-open", OrderPurpose.OPEN_CONDOR, t.openingLegs(), 2, "2.00", "2.50", "3.10", "1.20");
    store.openTranche(t, c0);
    LocalDate later = E.plusDays(14);
    Tranche rolled = t.rolled(OptionRight.PUT, later, new BigDecimal("4850"), new BigDecimal("4800"),
        new BigDecimal("-0.30"));
    // roll: buy back the 4800 put at 6.00, sell the 4750 put at 3.00, sell the new 4850 at 9.00, buy the new 4800 at 6.30
    List<ComboLeg> rollLegs = List.of(t.verticalLegs(OptionRight.PUT).get(1).reversed(),
        t.verticalLegs(OptionRight.PUT).get(0).reversed(), rolled.verticalLegs(OptionRight.PUT).get(1),
        rolled.verticalLegs(OptionRight.PUT).get(0));
    BigDecimal c1 = order("r-roll", OrderPurpose.ROLL_CONDOR, rollLegs, 2, "6.00", "3.00", "9.00", "6.30");
    orders.rolled(rolled, new BigDecimal("-0.30"), c1);
    Tranche stored = store.openTranches().get(0);
    assertThat(stored.putExpiry()).isEqualTo(later);
    assertThat(stored.callExpiry()).isEqualTo(E);
    assertThat(stored.shortPut()).isEqualByComparingTo("4850");
    assertThat(stored.longPut()).isEqualByComparingTo("4800");
    assertThat(stored.rolls()).isEqualTo(1);
    assertThat(stored.credit()).isEqualByComparingTo("2.10");
    // both sides settle: at 4820 the new put spread owes 30, the calls nothing
    Tranche same = new Tranche(1, OPENED, later, later, stored.longPut(), stored.shortPut(), stored.shortCall(),
        stored.longCall(), 2, stored.credit(), 1);
    store.jdbc().update("UPDATE tranche SET call_expiry=? WHERE id=1", java.sql.Date.valueOf(later));
    BigDecimal value = same.settlementValue(new BigDecimal("4820"));
    assertThat(value).isEqualByComparingTo("30");
    orders.settlement(same, later, new BigDecimal("4820"), value);
    Optional<BigDecimal> pnl = orders.close(same, 2, value, BigDecimal.ZERO, ExitReason.SETTLED, later);
    // (2.10 - 30) x 200 - 8 fills x 1.25 = -5580 - 10
    assertThat(pnl).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("-5590"));
    assertThat(orders.bookCondorPnl()).isEqualByComparingTo("-5590");
    assertThat(store.exitReasons()).containsEntry("settled", 1L);
  }

  @Test
  void openTranchesDoNotCountInTheBooksRealizedPnl() {
    Tranche t = tranche(1, "2.40");
    store.openTranche(t, order("r-open", OrderPurpose.OPEN_CONDOR, t.openingLegs(), 1, "2.00", "2.50", "3.10",
        "1.20"));
    assertThat(orders.bookCondorPnl()).isEqualByComparingTo("0");
    assertThat(store.realizedPnl()).isEqualByComparingTo("0");
  }
}
