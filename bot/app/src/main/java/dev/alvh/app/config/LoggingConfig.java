package dev.alvh.app.config;

import dev.alvh.core.Check;
import java.util.Set;

/**
 * The log files of a running bot ({@code paper}, {@code live}); YAML group {@code logging.*}.
 * Files go to {@code <dataDir>/logs/alvh.log}, rolled daily to {@code alvh.YYYY-MM-DD.log}.
 *
 * @param level    the level of the bot's own loggers ({@code dev.alvh}): ERROR, WARN, INFO, DEBUG or TRACE
 * @param json     true: one JSON object a line (logback's JsonEncoder) instead of text
 * @param keepDays rolled files older than this many days are deleted
 */
public record LoggingConfig(String level, boolean json, int keepDays) {

  private static final Set<String> LEVELS = Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");

  /** INFO: what the bot did and why. */
  public static final String DEFAULT_LEVEL = "INFO";
  /** Text lines. */
  public static final boolean DEFAULT_JSON = false;
  /** Thirty days of files. */
  public static final int DEFAULT_KEEP_DAYS = 30;

  /** The defaults. */
  public static final LoggingConfig DEFAULTS = new LoggingConfig(DEFAULT_LEVEL, DEFAULT_JSON, DEFAULT_KEEP_DAYS);

  /** Checks every field. */
  public LoggingConfig {
    Check.isTrue(level != null && LEVELS.contains(level), "logging.level",
        "must be one of ERROR, WARN, INFO, DEBUG, TRACE, but was '" + level + "'");
    Check.inRange(keepDays, 1, 3650, "logging.keepDays");
  }
}
