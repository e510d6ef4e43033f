package dev.alvh.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The step-mode options of the test launcher's {@code paper}: bad values stop it before anything starts, exit 2. */
class PaperStepClockTest {

  @TempDir
  Path dir;

  @RegisterExtension
  final StdStreams io = new StdStreams();

  @Test
  void aStepClockThatIsNotTwoInstantsIsRefused() {
    Path data = dir.resolve("data");
    assertThat(TestMain.run("paper", "--data-dir", data.toString(), "--step-clock", "2026-03-17T13:30:00Z")).isEqualTo(2);
    assertThat(io.err().lines()).hasSize(1).first().asString()
        .contains("--step-clock must be FROM/TO (two ISO instants), but was '2026-03-17T13:30:00Z'");
    assertThat(Files.exists(data)).as("nothing created").isFalse();
  }

  @Test
  void toBeforeFromIsRefused() {
    assertThat(TestMain.run("paper", "--data-dir", dir.resolve("d").toString(), "--step-clock",
        "2026-03-17T14:00:00Z/2026-03-17T13:00:00Z")).isEqualTo(2);
    assertThat(io.err()).contains("--step-clock needs TO after FROM");
  }

  @Test
  void aClockFileWithoutAStepClockIsRefused() {
    assertThat(TestMain.run("paper", "--data-dir", dir.resolve("d").toString(), "--clock-file",
        dir.resolve("clock").toString())).isEqualTo(2);
    assertThat(io.err()).contains("--clock-file applies only with --step-clock");
  }
}
