package dev.alvh.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alvh.app.TestPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped unit paper-config/alvh.service passes {@code systemd-analyze verify} (where systemd is installed). */
class SystemdUnitTest {

  @TempDir
  Path tmp;

  @Test
  void theShippedUnitVerifies() throws Exception {
    Path root = TestPaths.checkoutRoot();
    String unit = Files.readString(root.resolve("paper-config/alvh.service"));
    assertThat(unit).contains("ExecStart=/opt/alvh/alvh live", "Restart=on-failure", "RestartPreventExitStatus=2",
        "--data-dir /var/lib/alvh/data");
    Path analyze = Path.of("/usr/bin/systemd-analyze");
    assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed here: the unit is not verified");
    // As installed per docs/live.md, with the checkout standing in for /opt/alvh.
    Path copy = tmp.resolve("alvh.service");
    Files.writeString(copy, unit.replace("/opt/alvh/", root + "/"));
    Process p = new ProcessBuilder(analyze.toString(), "verify", copy.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
  }
}
