package dev.alvh.app.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.alvh.core.Check;
import dev.alvh.app.config.LoggingConfig;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Turns on the daily rolling log file of a long-running bot: sets the properties that
 * {@code logback.xml} reads from {@code logging.*} and reloads it. Commands that end quickly
 * (replay, version) keep the console-only configuration.
 */
public final class LogSetup {

  private LogSetup() {
  }

  /**
   * Logs to {@code <dataDir>/logs/alvh.log}, rolled daily, in text or JSON, at {@code logging.level}.
   *
   * @return the log directory
   */
  public static Path apply(LoggingConfig config, Path dataDir) {
    Check.notNull(config, "config");
    Path dir = Check.notNull(dataDir, "dataDir").resolve("logs").toAbsolutePath().normalize();
    reload(ctx -> {
      ctx.putProperty("alvh.log.dir", dir.toString());
      ctx.putProperty("alvh.log.level", config.level());
      ctx.putProperty("alvh.log.json", Boolean.toString(config.json()));
      ctx.putProperty("alvh.log.keepDays", Integer.toString(config.keepDays()));
    });
    return dir;
  }

  /** Back to the console-only configuration. */
  public static void consoleOnly() {
    reload(ctx -> { });
  }

  private static void reload(java.util.function.Consumer<LoggerContext> properties) {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ctx.reset();
    properties.accept(ctx);
    JoranConfigurator jc = new JoranConfigurator();
    jc.setContext(ctx);
    try {
      jc.doConfigure(LogSetup.class.getResource("/logback.xml"));
    } catch (JoranException e) {
      throw new IllegalStateException("cannot configure logging: " + e.getMessage(), e);
    }
  }
}
