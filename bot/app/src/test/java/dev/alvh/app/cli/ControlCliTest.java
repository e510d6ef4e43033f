package dev.alvh.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The paper, ctl and console command lines: bad usage stops before anything opens. */
class ControlCliTest {

  @TempDir
  Path dir;

  @RegisterExtension
  final StdStreams io = new StdStreams();

  private String errText() {
    return io.err();
  }

  @ParameterizedTest
  @CsvSource({
      "--host|example.org, '--host, --port and --client-id apply only with --broker ibkr'",
      "--broker|tws, --broker must be one of paper, ibkr, but was 'tws'",
      "--speed|0, --speed must be in [1, 100000], but was 0",
      "--speed|100001, --speed must be in [1, 100000], but was 100001"})
  void paperRefusesBadOptionsInOneLineWithExit2BeforeOpeningAnything(String opts, String message) {
    String[] o = opts.split("\\|");
    int code = Main.run("paper", o[0], o[1], "--data-dir", dir.resolve("data").toString());
    assertThat(code).isEqualTo(2);
    assertThat(errText().lines()).hasSize(1).first().asString().contains(message);
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void paperWithABadConfigStopsWithExit2() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "console:\n  bindAddress: 0.0.0.0\n");
    int code = Main.run("paper", "--config", broken.toString(), "--data-dir", dir.resolve("data").toString());
    assertThat(code).isEqualTo(2);
    assertThat(errText().lines()).hasSize(1).first().asString()
        .contains("console.bindAddress must be a loopback address", "'0.0.0.0'");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void ctlWithoutARunningBotSaysSoInOneLineWithExit3() {
    assertThat(Main.run("ctl", "status", "--data-dir", dir.toString())).isEqualTo(3);
    assertThat(errText().lines()).hasSize(1).first().asString().contains("no bot is running with data directory");
  }

  @Test
  void ctlRefusesAnUnknownCommandWithTheListAndExit2() {
    assertThat(Main.run("ctl", "frobnicate", "--data-dir", dir.toString())).isEqualTo(2);
    assertThat(errText()).contains("unknown command 'frobnicate'; commands: status, positions");
  }

  @Test
  void ctlHelpListsEveryCommandAndHelpCmdShowsItsValues() {
    assertThat(Main.run("ctl", "help")).isZero();
    assertThat(io.out()).contains("flatten hedges|condors|all", "approve on|off|ID",
        "history [N]", "note TEXT");
    io.resetOut();
    assertThat(Main.run("ctl", "help", "force")).isZero();
    assertThat(io.out()).contains("usage: force STATE [--until YYYY-MM-DD]",
        "argument 1: CALM, WATCH, L1, L2, L3, PRESS, UNWIND", "written to the audit trail");
    assertThat(Main.run("ctl", "help", "nothing")).isEqualTo(2);
  }
}
