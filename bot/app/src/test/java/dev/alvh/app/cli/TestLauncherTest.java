package dev.alvh.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.crash.CrashPoints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The production command has no hidden options; the test launcher adds the test options to it. */
class TestLauncherTest {

  private static final Set<String> TEST_OPTIONS = Set.of("--clock-origin", "--step-clock", "--clock-file",
      "--step-settle-millis", "--messages-per-second", "--crash-at");

  @Test
  void theProductionCommandHasNoHiddenOptionAndNoTestOption() {
    List<String> hidden = new ArrayList<>();
    List<String> test = new ArrayList<>();
    walk(Main.commandLine(), (cmd, o) -> {
      if (o.hidden()) {
        hidden.add(cmd + " " + o.longestName());
      }
      for (String n : o.names()) {
        if (TEST_OPTIONS.contains(n)) {
          test.add(cmd + " " + n);
        }
      }
    });
    assertThat(hidden).isEmpty();
    assertThat(test).isEmpty();
  }

  @Test
  void theLauncherAddsTheTestOptionsToPaperLiveAndPaperTws() {
    CommandLine cl = TestMain.commandLine();
    for (String cmd : List.of("paper", "live")) {
      assertThat(cl.getSubcommands().get(cmd).getCommandSpec().optionsMap().keySet()).as(cmd)
          .containsAll(TEST_OPTIONS);
    }
    assertThat(cl.getSubcommands().get("paper-tws").getCommandSpec().findOption("--clock-file")).isNotNull();
    assertThat(cl.getSubcommands().get("replay").getCommandSpec().findOption("--step-clock")).isNull();
  }

  @Test
  void theLauncherWritesItsOptionsIntoTheCommand() {
    CommandLine cl = TestMain.commandLine();
    cl.parseArgs("paper", "--step-clock", "2026-03-17T13:30:00Z/2026-03-17T14:00:00Z", "--clock-file", "clock",
        "--step-settle-millis", "300", "--messages-per-second", "1000", "--clock-origin", "x@1");
    PaperCommand paper = cl.getSubcommands().get("paper").getCommand();
    assertThat(paper.stepClock).isEqualTo("2026-03-17T13:30:00Z/2026-03-17T14:00:00Z");
    assertThat(paper.clockFile).isEqualTo(Path.of("clock"));
    assertThat(paper.stepSettleMillis).isEqualTo(300);
    assertThat(paper.messagesPerSecond).isEqualTo(1000);
    assertThat(paper.clockOrigin).isEqualTo("x@1");
    CommandLine tws = TestMain.commandLine();
    tws.parseArgs("paper-tws", "--clock-file", "clock");
    PaperTwsCommand paperTws = tws.getSubcommands().get("paper-tws").getCommand();
    assertThat(paperTws.clockFile).isEqualTo(Path.of("clock"));
    assertThat(CrashPoints.armed()).as("no --crash-at given").isFalse();
  }

  private interface OptionVisitor {
    void visit(String command, OptionSpec option);
  }

  private static void walk(CommandLine cl, OptionVisitor v) {
    for (OptionSpec o : cl.getCommandSpec().options()) {
      v.visit(cl.getCommandSpec().qualifiedName(), o);
    }
    cl.getSubcommands().values().forEach(sub -> walk(sub, v));
  }
}
