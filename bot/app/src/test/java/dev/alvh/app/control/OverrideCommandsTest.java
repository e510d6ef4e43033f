package dev.alvh.app.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.HedgeState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * force, unforce, set, unset, approve, reject and note through the service, with every bad-input
 * path, and the switches surviving a restart, on a real paper bot.
 */
class OverrideCommandsTest extends ControlServiceFixture {

  // ---- force, unforce ----

  @Test
  void forceHoldsTheStateBlocksEntriesInL2AndExpiresAfterUntil() {
    Reply r = ok("force l2 --until 2024-03-06");
    assertThat(r.data()).containsEntry("forced", "L2").containsEntry("forcedUntil", "2024-03-06");
    assertThat(ok("status").data()).containsEntry("hedgeState", "L2").containsEntry("machineState", "CALM");
    cycle();
    assertThat(bot.engine().counters().ordersSent()).isZero();
    assertThat(ok("why").text()).contains("no new tranche while the hedge is in L2");
    clock.set(clock.now().plus(java.time.Duration.ofDays(2)));
    assertThat(ok("status").data()).containsEntry("hedgeState", "CALM");
  }

  @Test
  void forceRefusesBadInput() {
    refused("force", "force needs a STATE, one of CALM, WATCH, L1, L2, L3, PRESS, UNWIND");
    refused("force L9", "STATE must be one of CALM, WATCH, L1, L2, L3, PRESS, UNWIND, but was 'L9'");
    refused("force L1 --until", "only '--until YYYY-MM-DD'");
    refused("force L1 --for 2024-03-09", "only '--until YYYY-MM-DD'");
    refused("force L1 --until 2024-03-09 x", "only '--until YYYY-MM-DD'");
    refused("force L1 --until 09/03/2024", "--until must be a date YYYY-MM-DD, but was '09/03/2024'");
    refused("force L1 --until 2024-03-04", "--until must be today (2024-03-05) or later, but was 2024-03-04");
    assertThat(bot.controls().forcedSetting()).isEmpty();
  }

  @Test
  void unforceLetsTheMachineDecide() {
    assertThat(ok("unforce").text()).isEqualTo("no state was forced");
    ok("force PRESS");
    assertThat(ok("unforce").text()).contains("unforced");
    assertThat(bot.controls().forcedSetting()).isEmpty();
    refused("unforce L1", "takes no arguments");
  }

  // ---- set, unset ----

  @Test
  void setValidatesLikeTheFileStoresTheOverrideAndItSurvivesARestart() {
    Reply r = ok("set hedge.l1.vixTrigger 15");
    assertThat(r.text()).contains("used from the next cycle");
    assertThat(bot.config().hedge().l1().vixTrigger()).isEqualTo(15.0);
    assertThat(bot.engine().config().hedge().l1().vixTrigger()).isEqualTo(15.0);
    assertThat(ok("status").data().get("overrides")).isEqualTo(Map.of("hedge.l1.vixTrigger", "15"));
    assertThat(ok("set market.seed 7").text()).contains("applies after a restart");
    bot.close();
    bot = TestBots.bot(dir, clock);
    assertThat(bot.config().hedge().l1().vixTrigger()).isEqualTo(15.0);
    assertThat(bot.config().market().seed()).isEqualTo(7L);
  }

  @Test
  void setAcceptsAFlowList() {
    ok("set condor.entryStates [CALM, WATCH]");
    assertThat(bot.config().condor().entryStates()).containsExactlyInAnyOrder(HedgeState.CALM, HedgeState.WATCH);
  }

  @Test
  void setRefusesBadKeysAndValuesAndKeepsTheConfig() {
    refused("set hedge.l1.vixTriger 15", "unknown key 'hedge.l1.vixTriger'", "vixTrigger");
    refused("set condor.trancheRiskPct abc", "condor.trancheRiskPct = 'abc' is not a valid number");
    refused("set condor.shortDelta 0.9", "condor.shortDelta must be in [0.01, 0.5], but was 0.9");
    refused("set hedge.l1 5", "hedge.l1 must be a group of keys");
    refused("set hedge.l1.vixTrigger", "set needs KEY and VALUE");
    refused("set", "set needs KEY and VALUE");
    assertThat(bot.controlStore().overrides()).isEmpty();
    assertThat(bot.config()).isEqualTo(TestBots.AT_MID);
    assertThat(audits()).as("refused commands are audited with why").isEqualTo(6);
    assertThat(bot.audit().last(1).get(0).outcome()).startsWith("refused: set needs KEY and VALUE");
  }

  @Test
  void unsetReturnsTheKeyToItsDefault() {
    ok("set hedge.l1.vixTrigger 15");
    assertThat(ok("unset hedge.l1.vixTrigger").text()).isEqualTo("hedge.l1.vixTrigger back to 16.0");
    assertThat(bot.config().hedge().l1().vixTrigger()).isEqualTo(16.0);
    assertThat(bot.controlStore().overrides()).isEmpty();
    refused("unset hedge.l1.vixTrigger", "'hedge.l1.vixTrigger' has no override; overridden keys: none");
    refused("unset", "unset needs one KEY");
    refused("unset a b", "unset needs one KEY");
  }

  // ---- approve, reject ----

  @Test
  void approvalHoldsOrdersUntilApproved() {
    ok("approve on");
    cycle();
    assertThat(bot.engine().counters().ordersSent()).isZero();
    List<?> held = (List<?>) ok("orders").data().get("waitingForApproval");
    assertThat(held).hasSize(1);
    String ref = (String) ((Map<?, ?>) held.get(0)).get("ref");
    assertThat(ok("status").text()).contains("waiting for approval");
    Reply a = ok("approve " + ref);
    assertThat(a.text()).isEqualTo("approved and sent " + ref);
    assertThat(bot.store().openTranches()).hasSize(1);
    assertThat(bot.controlStore().approval(ref)).contains("APPROVED");
    refused("approve " + ref, "no order '" + ref + "' is waiting for approval; waiting: none");
  }

  @Test
  void rejectDropsAHeldOrderAndUnapprovedOrdersExpireAtTheNextCycle() {
    ok("approve on");
    cycle();
    String ref = bot.engine().desk().heldOrders().get(0).ref().value();
    ok("reject " + ref);
    assertThat(bot.store().orderStatus(new dev.alvh.core.order.OrderRef(ref)))
        .contains(dev.alvh.core.order.OrderStatus.CANCELLED);
    assertThat(bot.controlStore().approval(ref)).contains("REJECTED");
    clock.set(clock.now().plusSeconds(900));
    cycle();
    String second = bot.engine().desk().heldOrders().get(0).ref().value();
    clock.set(clock.now().plusSeconds(900));
    cycle();
    assertThat(bot.engine().desk().heldOrders()).extracting(o -> o.ref().value()).doesNotContain(second);
    assertThat(ok("orders").text()).contains("not approved before the next cycle");
  }

  @Test
  void approveAndRejectRefuseBadInput() {
    refused("approve", "approve needs one of on, off or a waiting order's ID, but got nothing");
    refused("approve on off", "approve needs one of on, off");
    refused("approve alvh-T0009-open-x", "no order 'alvh-T0009-open-x' is waiting for approval; waiting: none");
    refused("reject", "reject needs one waiting order's ID");
    refused("reject x", "no order 'x' is waiting for approval");
    assertThat(ok("approve OFF").data()).containsEntry("approval", false);
  }

  // ---- note ----

  @Test
  void noteIsWrittenToTheAuditTrail() {
    ok("note rolled the put side by hand");
    assertThat(bot.audit().last(1).get(0).command()).isEqualTo("note rolled the put side by hand");
    refused("note", "note needs TEXT");
    refused("note " + "x".repeat(901), "at most 900 characters, but was 901");
  }

  // ---- restart ----

  @Test
  void switchesSurviveARestart() {
    ok("pause");
    ok("halt");
    ok("approve on");
    ok("force L3 --until 2024-04-01");
    bot.close();
    bot = TestBots.bot(dir, clock);
    assertThat(bot.controls().describe()).containsEntry("paused", true).containsEntry("halted", true)
        .containsEntry("approval", true).containsEntry("forced", "L3").containsEntry("forcedUntil", "2024-04-01");
  }
}
