package dev.alvh.app.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.runtime.Bot;
import dev.alvh.app.schedule.JobKind;
import dev.alvh.core.time.VirtualClock;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real paper bot on a virtual clock with its control service, for the tests of the console's
 * commands through the service; helpers run a command line and check its reply.
 */
abstract class ControlServiceFixture {

  @TempDir
  Path dir;

  VirtualClock clock;
  Bot bot;
  ControlService service;

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

  Reply run(String line) {
    return service.execute(Arrays.asList(line.split(" ")), "test@127.0.0.1");
  }

  Reply ok(String line) {
    Reply r = run(line);
    assertThat(r.ok()).as("%s -> %s", line, r.text()).isTrue();
    return r;
  }

  Reply refused(String line, String... fragments) {
    Reply r = run(line);
    assertThat(r.ok()).as("%s -> %s", line, r.text()).isFalse();
    assertThat(r.text()).contains(fragments);
    return r;
  }

  void cycle() {
    bot.runJob(JobKind.CYCLE, clock.now());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  long audits() {
    return bot.store().count("audit");
  }
}
