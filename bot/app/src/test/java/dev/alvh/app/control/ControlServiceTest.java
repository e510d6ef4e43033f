package dev.alvh.app.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.runtime.Bot;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.store.AuditStore;
import dev.alvh.core.time.VirtualClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command's handler through the service, with every bad-input path, on a real paper bot. */
class ControlServiceTest {

  @TempDir
  Path dir;

  private VirtualClock clock;
  private Bot bot;
  private ControlService service;

  @BeforeEach
  void start() {
    clock = TestBots.clock();
    bot = TestBots.bot(dir, clock);
    service = new ControlService(bot);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private Reply run(String line) {
    return service.execute(Arrays.asList(line.split(" ")), "test@127.0.0.1");
  }

  private Reply ok(String line) {
    Reply r = run(line);
    assertThat(r.ok()).as("%s -> %s", line, r.text()).isTrue();
    return r;
  }

  private Reply refused(String line, String... fragments) {
    Reply r = run(line);
    assertThat(r.ok()).as("%s -> %s", line, r.text()).isFalse();
    assertThat(r.text()).contains(fragments);
    return r;
  }

  private void cycle() {
    bot.runJob(JobKind.CYCLE, clock.now());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  private long audits() {
    return bot.store().count("audit");
  }

  // ---- dispatch ----

  @Test
  void unknownCommandListsEveryCommandAndIsNotAudited() {
    Reply r = refused("frobnicate", "unknown command 'frobnicate'", "status", "flatten", "note");
    assertThat(r.confirm()).isFalse();
    assertThat(audits()).isZero();
  }

  @Test
  void emptyCommandListsTheCommands() {
    assertThat(service.execute(List.of(), "t").text()).contains("no command given", "status");
    assertThat(service.execute(List.of(" "), "t").ok()).isFalse();
  }

  @Test
  void commandNamesAreCaseInsensitive() {
    ok("STATUS");
  }

  @Test
  void randomInputNeverEscapesAsAnException() {
    SplittableRandom rnd = new SplittableRandom(8);
    List<String> pool = List.of("", "-1", "0", "1", "99999999999", "on", "off", "--until", "2024-13-40", "L2",
        "hedges", "all", "--yes", "hedge.l1.vixTrigger", "x.y", "\u0000", "'", "[", "null", "2099-01-01");
    for (int i = 0; i < 300; i++) {
      List<String> words = new ArrayList<>();
      words.add(Commands.names().get(rnd.nextInt(Commands.names().size())));
      for (int n = rnd.nextInt(4); n > 0; n--) {
        words.add(pool.get(rnd.nextInt(pool.size())));
      }
      Reply r = service.execute(words, "fuzz");
      assertThat(r.text()).as("%s", words).isNotNull();
    }
    ok("status");
  }

  // ---- status ----

  @Test
  void statusShowsModeClockHedgeSwitchesAndLastCycle() {
    cycle();
    Reply r = ok("status");
    assertThat(r.data()).containsEntry("mode", "paper").containsEntry("broker", "paper").containsEntry("paused", false)
        .containsEntry("halted", false).containsEntry("hedgeState", "CALM").containsKeys("clock", "lastCycle");
    assertThat(r.data().get("clock").toString()).startsWith("2024-03-05T10:00");
    assertThat(r.text()).contains("mode        paper", "last cycle  2024-03-05 10:00");
    assertThat(r.data()).doesNotContainKey("healthUrl");
    bot.healthUrl("http://127.0.0.1:9/health");
    assertThat(ok("status").data()).containsEntry("healthUrl", "http://127.0.0.1:9/health");
  }

  @Test
  void statusRefusesArguments() {
    refused("status now", "status takes no arguments, but got 'now'", "usage: status");
  }

  // ---- positions, tranches, orders, why ----

  @Test
  void positionsTranchesAndOrdersShowAnOpenedCondor() {
    assertThat(ok("positions").text()).startsWith("no positions");
    assertThat(ok("tranches").text()).isEqualTo("no tranches yet");
    cycle();
    assertThat(bot.engine().counters().tranchesOpened()).as("the 10:00 cycle opens a tranche").isEqualTo(1);
    Reply p = ok("positions");
    assertThat((List<?>) p.data().get("positions")).as("the condor's four legs and the base layer's VIX call")
        .hasSize(5);
    assertThat(p.text()).contains("SPXW");
    Reply t = ok("tranches");
    assertThat(t.text()).startsWith("T1").contains("OPEN");
    Reply o = ok("orders");
    assertThat((List<?>) o.data().get("recent")).as("the condor and its base layer").hasSize(2);
    assertThat(o.text()).contains("alvh-T0001-open-202403051000", "FILLED");
    refused("positions x", "takes no arguments");
    refused("tranches x", "takes no arguments");
    refused("orders x", "takes no arguments");
  }

  @Test
  void whyBeforeAnyCycleAndAfterOne() {
    assertThat(ok("why").text()).contains("no cycle has run");
    cycle();
    clock.set(clock.now().plusSeconds(900));
    cycle();
    Reply r = ok("why");
    assertThat(r.text()).contains("last cycle 2024-03-05 10:15", "no trade");
    assertThat(r.text()).contains("entry skipped, at most one new tranche");
    refused("why not", "takes no arguments");
  }

  // ---- hedge ----

  @Test
  void hedgeShowsStateSignalsAndTheRuleInForceAfterSet() {
    Reply before = ok("hedge");
    assertThat(before.data()).containsEntry("state", "CALM");
    assertThat(map(before.data().get("signals"))).containsKeys("vix", "vixRel", "termRatio", "score", "warm");
    assertThat(map(before.data().get("rules"))).containsEntry("hedge.l1.vixTrigger", 16.0);
    ok("set hedge.l1.vixTrigger 15");
    Reply after = ok("hedge");
    assertThat(map(after.data().get("rules"))).containsEntry("hedge.l1.vixTrigger", 15.0);
    assertThat(after.text()).containsPattern("hedge.l1.vixTrigger\\s+15.0").contains("none (no open tranche)")
        .doesNotContain("null");
    refused("hedge now", "takes no arguments");
  }

  // ---- history ----

  @Test
  void historyListsOperatorActionsOldestFirstAndTakesN() {
    ok("pause");
    ok("note checking the fills");
    ok("resume");
    Reply all = ok("history");
    List<?> rows = (List<?>) all.data().get("history");
    assertThat(rows).hasSize(3);
    assertThat(((Map<?, ?>) rows.get(0)).get("command")).isEqualTo("pause");
    assertThat(((Map<?, ?>) rows.get(2)).get("command")).isEqualTo("resume");
    assertThat(((Map<?, ?>) rows.get(0)).get("source")).isEqualTo("test@127.0.0.1");
    assertThat((List<?>) ok("history 2").data().get("history")).hasSize(2);
    assertThat(ok("history").text()).contains("note checking the fills -> ok");
    assertThat(ok("set console.historyLines 1").text()).contains("used from the next cycle");
    assertThat((List<?>) ok("history").data().get("history")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"history 0", "history 1001", "history abc", "history -3"})
  void historyRefusesABadN(String line) {
    refused(line, "N must be a whole number in [1, 1000], but was '" + line.split(" ")[1] + "'");
  }

  @Test
  void historyRefusesTwoArguments() {
    refused("history 1 2", "history takes at most 1 argument, but got 2");
  }

  // ---- pause, resume ----

  @Test
  void pauseStopsDecidingAndIsAuditedWithStateBeforeAndAfter() {
    ok("pause");
    assertThat(bot.controls().paused()).isTrue();
    cycle();
    assertThat(bot.engine().counters().ordersSent()).isZero();
    assertThat(ok("status").data()).containsEntry("paused", true);
    assertThat(ok("why").text()).contains("paused");
    AuditStore.Entry e = bot.audit().last(1).get(0);
    assertThat(e.command()).isEqualTo("pause");
    assertThat(e.source()).isEqualTo("test@127.0.0.1");
    assertThat(e.before()).contains("\"paused\":false");
    assertThat(e.after()).contains("\"paused\":true");
    assertThat(e.outcome()).isEqualTo("ok");
    assertThat(ok("pause").text()).isEqualTo("already paused");
    refused("pause now", "takes no arguments");
  }

  @Test
  void resumeDecidesAgain() {
    assertThat(ok("resume").text()).contains("not paused");
    ok("pause");
    assertThat(ok("resume").text()).contains("resumed");
    cycle();
    assertThat(bot.engine().counters().ordersSent()).as("a condor and its base layer").isEqualTo(2);
    refused("resume now", "takes no arguments");
  }

  // ---- halt, release ----

  @Test
  void haltCancelsWorkingOrdersAndBlocksEntriesUntilRelease() {
    bot.close();
    bot = TestBots.restingBot(dir.resolve("resting"), clock);
    service = new ControlService(bot);
    ok("approve on");
    cycle();
    String ref = bot.engine().heldOrders().get(0).ref().value();
    // The halt comes while the approved order is working: between two steps of its price walk.
    List<Integer> workingAtHalt = new ArrayList<>();
    bot.engine().pauseWith(d -> {
      if (workingAtHalt.isEmpty()) {
        workingAtHalt.add(bot.engine().workingOrders().size());
        Reply h = ok("halt");
        assertThat(h.data()).containsEntry("cancelled", 1);
      }
    });
    ok("approve " + ref);
    assertThat(workingAtHalt).as("one order working when the halt came").containsExactly(1);
    assertThat(bot.engine().workingOrders()).isEmpty();
    assertThat(bot.store().openTranches()).as("the cancelled order opened nothing").isEmpty();
    assertThat(bot.store().orderStatus(new dev.alvh.core.order.OrderRef(ref))).contains(
        dev.alvh.core.order.OrderStatus.CANCELLED);
    ok("approve off");
    clock.set(clock.now().plusSeconds(900));
    cycle();
    assertThat(bot.engine().counters().ordersSent()).as("only the approved order").isEqualTo(1);
    assertThat(ok("why").text()).contains("halted: kill switch on: no new risk");
    assertThat(ok("release").text()).contains("released");
    assertThat(ok("release").text()).contains("not halted");
    refused("halt now", "takes no arguments");
    refused("release now", "takes no arguments");
  }

  // ---- flatten ----

  @Test
  void flattenAsksForConfirmationAndDoesNothingWithoutIt() {
    cycle();
    Reply r = run("flatten all");
    assertThat(r.confirm()).isTrue();
    assertThat(r.text()).contains("every hedge layer and every condor tranche", "--yes");
    assertThat(bot.store().openTranches()).hasSize(1);
    assertThat(audits()).as("an unconfirmed command changes nothing and is not audited").isZero();
  }

  @Test
  void flattenCondorsClosesEveryTrancheAtTheNaturalPrice() {
    cycle();
    Reply r = ok("flatten condors --yes");
    assertThat((List<?>) r.data().get("condorOrders")).hasSize(1);
    assertThat(bot.store().openTranches()).isEmpty();
    assertThat(bot.store().exitReasons()).containsEntry("manual", 1L);
    assertThat(ok("flatten condors --yes").text()).contains("nothing to close");
    assertThat(ok("flatten hedges --yes").text()).as("the base layer, until the next cycle would sell it")
        .contains("1 closing order", "filled 10 of 10");
    assertThat(ok("flatten hedges --yes").text()).contains("no hedge layers held");
  }

  @Test
  void aForcedL1BuysAHedgeLayerThatHedgeShowsAndFlattenHedgesCloses() {
    cycle();
    assertThat(bot.store().openTranches()).as("a condor to hedge").hasSize(1);
    ok("force L1");
    clock.set(clock.now().plusSeconds(900));
    cycle();
    assertThat(bot.engine().hedgeDesk().held()).as("the forced L1 buys its layer beside the base layer")
        .extracting(dev.alvh.core.hedge.HeldLayer::level).containsExactlyInAnyOrder(0, 1);
    Reply h = ok("hedge");
    assertThat((List<?>) h.data().get("layers")).hasSize(2);
    assertThat(h.text()).contains("L1", "VIX", "why held", "standing base layer", "no stored transition wanted it");
    assertThat((List<?>) h.data().get("layerReasons")).hasSize(2);
    Reply f = ok("flatten hedges --yes");
    assertThat((List<?>) f.data().get("hedgeOrders")).hasSize(2);
    assertThat(bot.engine().hedgeDesk().held()).as("flatten sold the layer").isEmpty();
    assertThat(bot.store().openTranches()).as("flatten hedges leaves the condors").hasSize(1);
    assertThat(ok("flatten hedges --yes").text()).contains("no hedge layers held");
  }

  @ParameterizedTest
  @ValueSource(strings = {"flatten", "flatten some", "flatten all condors", "flatten --yes"})
  void flattenNamesTheAllowedValues(String line) {
    refused(line, "hedges, condors, all");
  }

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
    assertThat(bot.config().condor().entryStates()).containsExactlyInAnyOrder("CALM", "WATCH");
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
    String ref = bot.engine().heldOrders().get(0).ref().value();
    ok("reject " + ref);
    assertThat(bot.store().orderStatus(new dev.alvh.core.order.OrderRef(ref)))
        .contains(dev.alvh.core.order.OrderStatus.CANCELLED);
    assertThat(bot.controlStore().approval(ref)).contains("REJECTED");
    clock.set(clock.now().plusSeconds(900));
    cycle();
    String second = bot.engine().heldOrders().get(0).ref().value();
    clock.set(clock.now().plusSeconds(900));
    cycle();
    assertThat(bot.engine().heldOrders()).extracting(o -> o.ref().value()).doesNotContain(second);
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
