package dev.alvh.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

  @TempDir
  Path dir;

  @RegisterExtension
  final StdStreams io = new StdStreams();

  @Test
  void replayWithAnUnknownKeyPrintsOneLineAndExits2BeforeOpeningAnything() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "hedge:\n  l1:\n    vixTriger: 15\n");
    int code = Main.run("replay", "--config", broken.toString(), "--data-dir", dir.resolve("data").toString());
    assertThat(code).isEqualTo(2);
    assertThat(io.err().lines()).hasSize(1).first().asString()
        .contains("unknown key 'hedge.l1.vixTriger'");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void replayWithAnOutOfRangeValuePrintsOneLineAndExits2() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "condor:\n  shortDelta: 0.9\n");
    int code = Main.run("replay", "--config", broken.toString(), "--data-dir", dir.resolve("data").toString());
    assertThat(code).isEqualTo(2);
    assertThat(io.err().lines()).hasSize(1).first().asString()
        .contains("condor.shortDelta must be in [0.01, 0.5], but was 0.9");
  }

  @ParameterizedTest
  @ValueSource(strings = {"replay", "paper", "live", "console", "ctl", "version"})
  void everySubcommandHasHelp(String name) {
    assertThat(Main.run(name, "--help")).isZero();
    assertThat(io.out()).contains("Usage: alvh " + name);
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    assertThat(Main.run("frobnicate")).isEqualTo(2);
  }
}
