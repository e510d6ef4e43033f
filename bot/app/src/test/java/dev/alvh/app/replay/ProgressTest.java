package dev.alvh.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bar's text; a short replay prints nothing. */
class ProgressTest {

  @Test
  void lineShowsTheShareOfJobsDone() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Progress p = Progress.on(new PrintStream(out, true, StandardCharsets.UTF_8), 200)) {
      p.total(10);
      for (int i = 0; i < 5; i++) {
        p.step();
      }
      assertThat(p.line()).startsWith("replay [###############---------------]  50% 5/10 jobs ");
      for (int i = 0; i < 7; i++) {
        p.step();
      }
      assertThat(p.line()).startsWith("replay [##############################] 100% 10/10 jobs ");
    }
  }

  @Test
  void noneCountsSilently() {
    Progress.NONE.total(3);
    Progress.NONE.step();
    Progress.NONE.close();
    assertThat(Progress.NONE.line()).contains(" 0/3 jobs");
  }
}
