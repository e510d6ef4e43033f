package dev.alvh.app.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.schedule.JobKind;
import dev.alvh.app.store.AuditStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the console answers an operator: flatten's fills, a refused long note, broker keys on a paper bot. */
class ConsoleRepliesTest extends ControlServiceFixture {

  @Test
  void flattenReportsTheFillNotJustThatAnOrderWasSent() {
    bot.runJob(JobKind.CYCLE, clock.now());
    Reply r = run("flatten condors --yes");
    assertThat(r.ok()).as(r.text()).isTrue();
    assertThat(r.text()).containsPattern("filled (\\d+) of \\1, net debit [0-9.]+ USD, commissions [0-9.]+ USD")
        .doesNotContain(" sent: ");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> outcomes = (List<Map<String, Object>>) r.data().get("outcomes");
    assertThat(outcomes).singleElement().satisfies(o -> {
      assertThat(o).containsEntry("status", "FILLED").containsEntry("filled", o.get("quantity"));
      assertThat(o.get("netCash").toString()).startsWith("-");
    });
  }

  @Test
  void flattenSaysAnOrderWaitsForApproval() {
    bot.runJob(JobKind.CYCLE, clock.now());
    assertThat(run("approve on").ok()).isTrue();
    Reply r = run("flatten condors --yes");
    assertThat(r.text()).contains("waiting for approval (approve alvh-");
  }

  @Test
  void aRefusedLongNoteIsAuditedTruncatedWithItsLength() {
    String note = "note " + "x".repeat(5000);
    Reply r = service.execute(List.of("note", "x".repeat(5000)), "test@127.0.0.1");
    assertThat(r.ok()).isFalse();
    AuditStore.Entry e = bot.audit().last(1).get(0);
    assertThat(e.command()).hasSizeLessThan(300).startsWith("note xxx")
        .endsWith("(" + note.length() + " characters, truncated)");
    assertThat(e.outcome()).startsWith("refused:");
  }

  @Test
  void brokerConnectionKeysAreRefusedOnAPaperBrokerBot() {
    Reply r = run("set broker.port 4002");
    assertThat(r.ok()).isFalse();
    assertThat(r.text()).contains("broker.port configures the IBKR connection", "built-in paper broker");
    assertThat(bot.controlStore().overrides()).doesNotContainKey("broker.port");
    assertThat(run("set broker.paper.commissionPerContract 0.5").ok()).as("the paper broker's own keys").isTrue();
  }
}
