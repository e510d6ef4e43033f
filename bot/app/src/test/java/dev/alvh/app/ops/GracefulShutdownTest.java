package dev.alvh.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

  @Test
  void stepsRunOnceInOrderAndAFailureStillRunsTheRestWithExitCodeOne() throws Exception {
    List<String> done = new CopyOnWriteArrayList<>();
    GracefulShutdown s = new GracefulShutdown()
        .step("stop schedule", () -> done.add("stop"))
        .step("persist", () -> {
          throw new IllegalStateException("disk full");
        })
        .step("disconnect", () -> done.add("disconnect"));
    Thread other = new Thread(() -> s.run("second caller"));
    assertThat(s.run("test")).isEqualTo(1);
    other.start();
    other.join();
    assertThat(done).containsExactly("stop", "disconnect");
    assertThat(s.done()).isTrue();
  }

  @Test
  void allStepsSucceedingGiveExitCodeZero() {
    assertThat(new GracefulShutdown().step("a", () -> { }).run("test")).isZero();
  }

  @Test
  void sigtermLetsTheRunningJobFinishPersistsDisconnectsAndExitsZero() throws Exception {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
        "java").toString());
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ShutdownProbe.class.getName())
        .redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        if (line.equals("ready")) {
          p.toHandle().destroy();   // SIGTERM on Unix, leaving our pipe open
        }
      }
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> mine = lines.stream().filter(l -> l.matches("cycle \\d+ (start|end)|schedule stopped|persisted"
        + "|disconnected|handlers .*|ready")).toList();
    assertThat(mine).as("output: %s", lines).contains("handlers true", "ready");
    assertThat(mine.subList(mine.size() - 4, mine.size())).as("output: %s", lines)
        .matches(l -> l.get(0).matches("cycle \\d+ end"))
        .contains("schedule stopped", "persisted", "disconnected");
    assertThat(mine.subList(mine.size() - 3, mine.size())).containsExactly("schedule stopped", "persisted",
        "disconnected");
    assertThat(p.exitValue()).as("output: %s", lines).isZero();
  }
}
