package dev.alvh.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --data-dir DIR} of the commands that talk to a running bot through its data directory
 * (its control endpoint and token): a picocli mixin of {@code console} and {@code ctl}.
 */
final class DataDirOption {

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
      description = "the bot's data directory (default ./data)")
  Path dir;
}
