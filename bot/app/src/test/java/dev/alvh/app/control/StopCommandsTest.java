package dev.alvh.app.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.store.AuditStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** pause, resume, halt, release and flatten through the service, with every bad-input path, on a real paper bot. */
class StopCommandsTest extends ControlServiceFixture {

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
    String ref = bot.engine().desk().heldOrders().get(0).ref().value();
    // The halt comes while the approved order is working: between two steps of its price walk.
    List<Integer> workingAtHalt = new ArrayList<>();
    bot.engine().pauseWith(d -> {
      if (workingAtHalt.isEmpty()) {
        workingAtHalt.add(bot.engine().desk().workingOrders().size());
        Reply h = ok("halt");
        assertThat(h.data()).containsEntry("cancelled", 1);
      }
    });
    ok("approve " + ref);
    assertThat(workingAtHalt).as("one order working when the halt came").containsExactly(1);
    assertThat(bot.engine().desk().workingOrders()).isEmpty();
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
}
