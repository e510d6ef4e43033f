package dev.alvh.ibkr.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.ibkr.config.IbkrConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client-side message rate: the configured one, unless the hidden test property replaces it. */
class TwsSessionRateTest {

  private static final IbkrConfig CFG = IbkrConfig.DEFAULTS.withMaxMessagesPerSecond(37);

  @AfterEach
  void clear() {
    System.clearProperty(TwsSession.TEST_RATE_PROPERTY);
  }

  @Test
  void theConfiguredRateWithoutTheTestProperty() {
    assertThat(TwsSession.messagesPerSecond(CFG)).isEqualTo(37);
  }

  @Test
  void theTestPropertyReplacesIt() {
    System.setProperty(TwsSession.TEST_RATE_PROPERTY, "1000");
    assertThat(TwsSession.messagesPerSecond(CFG)).isEqualTo(1000);
  }

  @Test
  void aTestRateOutOfRangeIsRefusedNamingTheProperty() {
    System.setProperty(TwsSession.TEST_RATE_PROPERTY, "0");
    assertThatThrownBy(() -> TwsSession.messagesPerSecond(CFG)).hasMessageContaining(TwsSession.TEST_RATE_PROPERTY);
  }
}
