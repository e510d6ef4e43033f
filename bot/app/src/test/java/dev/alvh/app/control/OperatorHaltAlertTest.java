package dev.alvh.app.control;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.alvh.app.ops.Alerter;
import dev.alvh.app.config.AlertsConfig;
import dev.alvh.app.runtime.Bot;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.core.time.VirtualClock;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's halt raises one HALT alert, and the orders it refuses afterwards raise none. */
class OperatorHaltAlertTest {

  @TempDir
  Path dir;

  private Bot bot;

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void oneHaltAlertAndNoOrderRejectAlertsForTheOrdersTheHaltRefuses() {
    VirtualClock clock = TestBots.clock();
    bot = TestBots.bot(dir, clock);
    // a real alerter without a webhook: every alert it accepts is one WARN line "alert [ALVH] KIND: ..."
    Alerter alerter = new Alerter(AlertsConfig.DEFAULTS, clock);
    bot.alerter(alerter);
    Logger log = (Logger) LoggerFactory.getLogger(Alerter.class);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    log.addAppender(seen);
    ControlService service = new ControlService(bot);
    bot.runJob(JobKind.CYCLE, clock.now());
    assertThat(bot.store().openTranches()).as("a condor to hedge").hasSize(1);

    assertThat(service.execute(Arrays.asList("halt"), "ctl@127.0.0.1").ok()).isTrue();
    assertThat(service.execute(Arrays.asList("halt"), "ctl@127.0.0.1").ok()).as("a second halt").isTrue();
    assertThat(service.execute(Arrays.asList("force", "L1"), "ctl@127.0.0.1").ok()).isTrue();
    long refusedBefore = bot.store().count("decision");
    for (int i = 0; i < 3; i++) {
      clock.set(clock.now().plusSeconds(900));
      bot.runJob(JobKind.CYCLE, clock.now());
    }
    // the base layer (level 0) was bought with the condor before the halt; no adaptive layer came after it
    assertThat(bot.engine().hedgeDesk().held()).as("the halt refused the forced L1's layer")
        .allSatisfy(l -> assertThat(l.level()).isZero());
    assertThat(bot.store().count("decision")).as("the refusals are recorded").isGreaterThan(refusedBefore);

    log.detachAppender(seen);
    alerter.close();
    List<String> alerts = seen.list.stream().map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.startsWith("alert [ALVH]")).toList();
    assertThat(alerts).filteredOn(m -> m.contains("HALT:")).singleElement().asString()
        .contains("halted by an operator");
    assertThat(alerts).noneMatch(m -> m.contains("ORDER_REJECT"));
  }
}
