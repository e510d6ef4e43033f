package dev.alvh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alvh.app.store.AuditStore;
import dev.alvh.app.control.ControlFiles;
import dev.alvh.app.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's console session end to end: {@code alvh paper --speed 600} runs as its own
 * process with a fresh data directory, {@code alvh console} runs in a real terminal (tmux), keys
 * are typed with send-keys and the screen is read with capture-pane. The bot is stopped with
 * SIGTERM (it must exit 0), the console says in one line that it lost it, the bot is started again
 * and the console reconnects to it with the switches kept; then the audit table is read from the
 * database.
 *
 * <p>Skipped when tmux is missing (CI installs it through {@code .ci/run}) or the jar is not
 * built (it is by {@code ./mvnw verify}: bot/app is packaged before this module's tests run).
 */
class ConsoleSessionTest {

  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir
  Path tmp;

  private String socket;
  private int runs;
  private final String session = "console";

  @Test
  void anOperatorDrivesARunningPaperBotThroughTheConsole() throws Exception {
    assumeTrue(tmuxAvailable(), "tmux is not installed: console session skipped (CI installs it through .ci/run)");
    Path jar = checkoutRoot().resolve("bot/app/target/alvh.jar");
    assumeTrue(Files.isRegularFile(jar), "bot/app/target/alvh.jar is not built: run ./mvnw verify (or package)");
    String java = ProcessHandle.current().info().command().orElse("java");
    Path data = tmp.resolve("data");
    socket = "alvh-e2e-" + ProcessHandle.current().pid();
    Process bot = startBot(java, jar, data);
    try {
      waitFor(() -> Files.exists(data.resolve(ControlFiles.ENDPOINT)), "the bot's control.json", bot);
      tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50",
          java + " -jar " + jar + " console --data-dir " + data);
      screenShows("alvh>", bot);
      screenShows("mode        paper", bot);

      type("status");
      screenShows("automation  running", bot);
      type("pause");
      screenShows("paused: automation stops deciding", bot);
      type("set hedge.l1.vixTrigger 15");
      screenShows("hedge.l1.vixTrigger = 15 (stored; used from the next cycle)", bot);
      type("set hedge.l1.vixTriger 15");
      screenShows("unknown key 'hedge.l1.vixTriger'", bot);
      type("force L2 --until 2099-01-01");
      screenShows("hedge forced to L2 through 2099-01-01", bot);
      type("approve on");
      screenShows("approval on: each order waits", bot);
      type("flatten all");
      screenShows("[y/N]", bot);
      type("y");
      screenShows("hedges: 1 closing order", bot); // the standing base layer held beside the condor
      type("halt");
      screenShows("halted: ", bot);
      type("bogus");
      screenShows("unknown command 'bogus'; commands: status", bot);
      type("status");
      screenShows("automation  PAUSED, HALTED", bot);
      screenShows("overrides   hedge.l1.vixTrigger=15", bot);
      tmux("send-keys", "-t", session, "hist", "Tab");
      screenShows("alvh> history", bot);
      tmux("send-keys", "-t", session, "Enter");
      screenShows("console@127.0.0.1", bot);
      type("help force");
      screenShows("usage: force STATE [--until YYYY-MM-DD]", bot);

      stop(bot);
      type("status");
      screenShows("connection lost: no bot is running with data directory", null);
      bot = startBot(java, jar, data);
      waitFor(() -> Files.exists(data.resolve(ControlFiles.ENDPOINT)), "the restarted bot's control.json", bot);
      type("status");
      screenShows("connected to the bot again", bot);
      waitFor(() -> screen().lines().filter(l -> l.contains("automation  PAUSED, HALTED")).count() == 2,
          "the switches kept across the restart", bot);
      type("exit");
    } finally {
      if (socket != null) {
        new ProcessBuilder("tmux", "-L", socket, "kill-server").start().waitFor(10, TimeUnit.SECONDS);
      }
      if (bot.isAlive()) {
        stop(bot);
      }
    }
    assertThat(data.resolve(ControlFiles.ENDPOINT)).doesNotExist();
    try (Store store = Store.open(data, "alvh")) {
      List<AuditStore.Entry> audit = new AuditStore(store.jdbc()).last(100);
      assertThat(audit).extracting(AuditStore.Entry::command).containsSubsequence("pause",
          "set hedge.l1.vixTrigger 15", "set hedge.l1.vixTriger 15", "force L2 --until 2099-01-01", "approve on",
          "flatten all --yes", "halt");
      assertThat(audit).extracting(AuditStore.Entry::source).containsOnly("console@127.0.0.1");
      assertThat(audit).filteredOn(e -> e.command().equals("halt")).singleElement()
          .satisfies(e -> {
            assertThat(e.before()).contains("\"halted\":false");
            assertThat(e.after()).contains("\"halted\":true", "\"forced\":\"L2\"", "\"hedge.l1.vixTrigger\":\"15\"");
          });
      assertThat(audit).filteredOn(e -> e.command().startsWith("set hedge.l1.vixTriger")).singleElement()
          .satisfies(e -> assertThat(e.outcome()).startsWith("refused: "));
    }
  }

  /**
   * The bot's market clock, the same for both starts: a trading-day morning with no FOMC, CPI or
   * PPI within a trading day (Wednesday 2026-03-04, 09:40 New York) at the wall time the test
   * began, running 600 times faster. Started on the wall clock instead, the test passed only while
   * New York was inside trading hours: after 15:45 the bot ran no cycle before the console paused
   * it, held no base layer, and 'flatten all' had no hedge to close.
   */
  private final String clockOrigin = java.time.ZonedDateTime.of(2026, 3, 4, 9, 40, 0, 0,
      java.time.ZoneId.of("America/New_York")).toInstant() + "@" + System.currentTimeMillis();

  private Process startBot(String java, Path jar, Path data) throws IOException {
    runs++;
    List<String> cmd = new java.util.ArrayList<>(List.of(java));
    cmd.addAll(TestLauncher.classPathAndMain(jar));
    cmd.addAll(List.of("paper", "--speed", "600", "--data-dir", data.toString(), "--clock-origin", clockOrigin));
    return new ProcessBuilder(cmd)
        .redirectOutput(tmp.resolve("bot" + runs + ".out").toFile())
        .redirectError(tmp.resolve("bot" + runs + ".err").toFile()).start();
  }

  /** SIGTERM, then checks the bot stopped cleanly: exit 0, its last line printed. */
  private void stop(Process bot) throws Exception {
    bot.destroy();
    if (!bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      bot.destroyForcibly();
      fail("the bot did not stop within %s of SIGTERM", WAIT);
    }
    assertThat(bot.exitValue()).as("SIGTERM is a clean stop: %s", Files.readString(tmp.resolve("bot" + runs + ".err")))
        .isZero();
    assertThat(Files.readString(tmp.resolve("bot" + runs + ".out"))).contains("paper bot stopped");
  }

  private void type(String line) throws Exception {
    tmux("send-keys", "-t", session, "-l", line);
    tmux("send-keys", "-t", session, "Enter");
  }

  private void screenShows(String text, Process bot) throws Exception {
    waitFor(() -> screen().contains(text), "'" + text + "' on the console screen", bot);
  }

  private String screen() {
    try {
      return tmux("capture-pane", "-p", "-t", session, "-S", "-500");
    } catch (Exception e) {
      return "";
    }
  }

  private void waitFor(BooleanSupplier ready, String what, Process bot) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!ready.getAsBoolean()) {
      if (bot != null && !bot.isAlive()) {
        fail("the bot exited (%d) while waiting for %s: %s", bot.exitValue(), what,
            Files.readString(tmp.resolve("bot" + runs + ".err")));
      }
      if (System.nanoTime() > deadline) {
        fail("no %s within %s; screen:%n%s", what, WAIT, screen());
      }
      Thread.sleep(200);
    }
  }

  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  private static boolean tmuxAvailable() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Path checkoutRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("alvh")) && Files.isDirectory(p.resolve("paper-config"))) {
        return p;
      }
    }
    throw new IllegalStateException("no checkout root above " + Path.of("").toAbsolutePath());
  }
}
