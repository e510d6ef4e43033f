package dev.alvh.app.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dispatch and the read-only commands through the service, with every bad-input path, on a real paper bot. */
class ControlServiceTest extends ControlServiceFixture {

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
}
