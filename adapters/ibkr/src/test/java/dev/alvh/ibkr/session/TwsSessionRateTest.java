package dev.alvh.ibkr.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.ibkr.config.IbkrConfig;
import org.junit.jupiter.api.Test;

/** The client-side message rate: the configured one, unless a test launcher paces the session for a paper TWS. */
class TwsSessionRateTest {

  private static final IbkrConfig CFG = IbkrConfig.DEFAULTS.withMaxMessagesPerSecond(37);

  @Test
  void theConfiguredRateWithoutATestPace() {
    try (TwsSession s = new TwsSession("127.0.0.1", 7497, 17, CFG)) {
      assertThat(s.messagesPerSecond()).isEqualTo(37);
    }
  }

  @Test
  void aTestPaceReplacesIt() {
    try (TwsSession s = new TwsSession("127.0.0.1", 7497, 17, CFG)) {
      s.paceForTests(1000);
      assertThat(s.messagesPerSecond()).isEqualTo(1000);
    }
  }

  @Test
  void aTestRateOutOfRangeIsRefusedNamingTheOption() {
    try (TwsSession s = new TwsSession("127.0.0.1", 7497, 17, CFG)) {
      assertThatThrownBy(() -> s.paceForTests(0)).hasMessageContaining("--messages-per-second");
      assertThat(s.messagesPerSecond()).isEqualTo(37);
    }
  }
}
