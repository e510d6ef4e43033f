package dev.alvh.app.ops;

import dev.alvh.core.Check;
import dev.alvh.core.config.RiskConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kill-switch file {@code risk.killSwitchFile} in the data directory (default {@code data/KILL}):
 * checked at the start of every cycle; while it exists the {@link dev.alvh.core.risk.RiskGate}
 * lets no order through. Create it with {@code touch data/KILL}, delete it to resume.
 */
public final class KillSwitchFile {

  private final Path file;

  /** The file {@code config.killSwitchFile()} in {@code dataDir}. */
  public KillSwitchFile(Path dataDir, RiskConfig config) {
    this.file = Check.notNull(dataDir, "dataDir").resolve(Check.notNull(config, "config").killSwitchFile());
  }

  /** The file's path. */
  public Path path() {
    return file;
  }

  /** True when the file exists now (any file type; its content is not read). */
  public boolean present() {
    return Files.exists(file);
  }
}
