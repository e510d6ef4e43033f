package dev.alvh.app.cli;

import dev.alvh.app.config.ConfigException;
import dev.alvh.app.config.ConfigLoader;
import dev.alvh.app.config.BotConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option of the commands that read a configuration, as a picocli mixin,
 * and the one rule of reading it: the file when given, else the embedded defaults; a bad file is
 * one {@code config error: ...} line on stderr and exit code 2.
 */
final class ConfigOption {

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (default: embedded defaults)")
  Path file;

  /** The configuration of {@link #file}; throws on a bad file. */
  BotConfig read() throws ConfigException {
    return read(file);
  }

  /** What a command does with its configuration: returns the exit code. */
  interface Configured {
    int run(BotConfig cfg) throws Exception;
  }

  /** Runs {@code command} on the configuration of {@link #file}; a bad file is exit code 2. */
  int run(Configured command) throws Exception {
    return run(file, command);
  }

  /**
   * Runs {@code command} on the configuration in {@code file} (defaults when null); a bad file is one
   * {@code config error: ...} line on stderr and exit code 2.
   */
  static int run(Path file, Configured command) throws Exception {
    Optional<BotConfig> cfg = load(file);
    return cfg.isPresent() ? command.run(cfg.get()) : 2;
  }

  /** The configuration in {@code file}, or the embedded defaults when it is null; throws on a bad file. */
  static BotConfig read(Path file) throws ConfigException {
    return file == null ? BotConfig.DEFAULTS : ConfigLoader.load(file);
  }

  /** The configuration in {@code file} (defaults when null), empty with {@code config error: ...} printed when bad. */
  static Optional<BotConfig> load(Path file) {
    try {
      return Optional.of(read(file));
    } catch (ConfigException e) {
      System.err.println("config error: " + e.getMessage());
      return Optional.empty();
    }
  }
}
