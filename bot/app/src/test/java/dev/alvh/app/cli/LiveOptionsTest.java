package dev.alvh.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code alvh live} trades through TWS only: it does not offer paper's {@code --broker}. */
class LiveOptionsTest {

  @RegisterExtension
  final StdStreams io = new StdStreams();

  @Test
  void liveHelpDoesNotListBroker() {
    assertThat(Main.run("live", "--help")).isZero();
    assertThat(io.out()).contains("--check").contains("--port=PORT").doesNotContain("--broker=NAME");
  }

  @Test
  void liveRefusesBrokerAsAnUnknownOption() {
    assertThat(Main.run("live", "--broker", "paper")).isEqualTo(2);
    assertThat(io.err()).contains("Unknown option").contains("'--broker'");
  }

  @Test
  void paperKeepsBroker() {
    assertThat(Main.run("paper", "--help")).isZero();
    assertThat(io.out()).contains("--broker=NAME");
  }
}
