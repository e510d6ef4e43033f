package dev.alvh.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CrashPointsTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void noSpecMeansInert() {
    assertThat(CrashPoints.fromSpec(null, out)).isNull();
    assertThat(CrashPoints.fromSpec("  ", out)).isNull();
    // nothing armed in this test JVM: reach returns at once
    assertThat(CrashPoints.armed()).isFalse();
    CrashPoints.reach("journal-written");
  }

  @Test
  void firesOnTheNthReachOfItsOwnPointOnly() {
    CrashPoints p = CrashPoints.fromSpec("journal-written:3", out);
    assertThat(p.hit("journal-written")).isFalse();
    assertThat(p.hit("order-sent")).isFalse();
    assertThat(p.hit("journal-written")).isFalse();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(p.hit("journal-written")).isTrue();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("CRASHPOINT journal-written 3" + System.lineSeparator());
    assertThat(p.hit("journal-written")).isFalse();
  }

  @Test
  void nameAloneMeansTheFirstTime() {
    CrashPoints p = CrashPoints.fromSpec("Hedge-Transition", out);
    assertThat(p.hit("hedge-transition")).isTrue();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("CRASHPOINT hedge-transition 1");
  }

  @Test
  void badSpecsNameTheValueAndTheAllowedNames() {
    assertThatThrownBy(() -> CrashPoints.fromSpec("journal:2", out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'journal:2'")
        .hasMessageContaining("journal-written").hasMessageContaining("--crash-at");
    assertThatThrownBy(() -> CrashPoints.fromSpec("order-sent:0", out)).hasMessageContaining("'order-sent:0'");
    assertThatThrownBy(() -> CrashPoints.fromSpec("order-sent:x", out)).hasMessageContaining("N >= 1");
  }

  @Test
  void aBadSpecArmsNothing() {
    assertThatThrownBy(() -> CrashPoints.arm("nowhere:1")).hasMessageContaining("--crash-at")
        .hasMessageContaining("'nowhere:1'");
    assertThat(CrashPoints.armed()).isFalse();
  }
}
