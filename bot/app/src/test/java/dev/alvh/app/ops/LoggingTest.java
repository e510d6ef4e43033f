package dev.alvh.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alvh.app.config.LoggingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Account masking, the daily rolling file in the data directory, and the JSON layout. */
class LoggingTest {

  @TempDir
  Path data;

  @AfterEach
  void restore() {
    LogSetup.consoleOnly();
  }

  @Test
  void accountNumbersAreMaskedKeepingTheirLettersAndLastThreeDigits() {
    assertThat(AccountMask.mask("U1234567")).isEqualTo("U****567");
    assertThat(AccountMask.mask("DU7654321")).isEqualTo("DU****321");
    assertThat(AccountMask.mask("U12")).isEqualTo("U*2");
    assertThat(AccountMask.maskAll("account DU7654321 (and U1234567) connected; order 12345, SPXW 4500 P"))
        .isEqualTo("account DU****321 (and U****567) connected; order 12345, SPXW 4500 P");
    assertThat(AccountMask.maskAll("nothing here")).isEqualTo("nothing here");
  }

  @Test
  void theFileRollsDailyInTheDataDirectoryKeepsNDaysAndMasksAccounts() throws Exception {
    Path dir = LogSetup.apply(new LoggingConfig("INFO", false, 7), data);
    assertThat(dir).isEqualTo(data.resolve("logs").toAbsolutePath());
    LoggerFactory.getLogger("dev.alvh.test").info("connected to account {}", "DU7654321");
    LoggerFactory.getLogger("dev.alvh.test").debug("not at INFO");

    RollingFileAppender<?> file = fileAppender();
    TimeBasedRollingPolicy<?> policy = (TimeBasedRollingPolicy<?>) file.getRollingPolicy();
    assertThat(policy.getFileNamePattern()).isEqualTo(dir + "/alvh.%d{yyyy-MM-dd}.log");
    assertThat(policy.getMaxHistory()).isEqualTo(7);
    String text = Files.readString(dir.resolve("alvh.log"));
    assertThat(text).contains("connected to account DU****321").doesNotContain("DU7654321").doesNotContain("not at INFO");
  }

  @Test
  void theJsonLayoutWritesOneMaskedJsonObjectALine() throws Exception {
    Path dir = LogSetup.apply(new LoggingConfig("INFO", true, 30), data);
    LoggerFactory.getLogger("dev.alvh.test").warn("halted: account {} lost {}", "U1234567", "5.1%");
    List<String> lines = Files.readAllLines(dir.resolve("alvh.log"));
    assertThat(lines).isNotEmpty();
    ObjectMapper json = new ObjectMapper();
    JsonNode last = null;
    for (String line : lines) {
      last = json.readTree(line);
    }
    assertThat(String.join("\n", lines)).doesNotContain("U1234567").contains("U****567");
    assertThat(last.get("level").asText()).isEqualTo("WARN");
    assertThat(last.get("loggerName").asText()).isEqualTo("dev.alvh.test");
  }

  @Test
  void withoutLogSetupThereIsNoFileAppender() {
    LogSetup.consoleOnly();
    Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("FILE")).isNull();
    assertThat(root.getAppender("STDERR")).isNotNull();
  }

  @Test
  void theConfigurationLoadsWithoutWarningsInEveryMode() {
    // A logback warning is printed on standard output, where it would corrupt replay --json.
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    for (Runnable mode : List.<Runnable>of(LogSetup::consoleOnly,
        () -> LogSetup.apply(new LoggingConfig("INFO", false, 7), data),
        () -> LogSetup.apply(new LoggingConfig("INFO", true, 7), data))) {
      ctx.getStatusManager().clear();
      mode.run();
      assertThat(ctx.getStatusManager().getCopyOfStatusList())
          .filteredOn(s -> s.getLevel() >= ch.qos.logback.core.status.Status.WARN)
          .as("logback warnings and errors").isEmpty();
    }
  }

  private static RollingFileAppender<?> fileAppender() {
    Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    return (RollingFileAppender<?>) root.getAppender("FILE");
  }
}
