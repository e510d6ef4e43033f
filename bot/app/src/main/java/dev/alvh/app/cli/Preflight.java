package dev.alvh.app.cli;

import dev.alvh.app.hedge.EventsCsv;
import dev.alvh.app.config.BotConfig;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks made before a command opens or writes anything, each giving one line for the operator
 * (the command prints it and exits 2): the event calendar, the data directory, the report folder.
 */
final class Preflight {

  private Preflight() {
  }

  /** The configured event calendar ({@code hedge.desk.eventsFile}) is missing or malformed. */
  static Optional<String> eventsFile(BotConfig cfg) {
    try {
      EventsCsv.events(cfg.hedge().desk().eventsFile());
      return Optional.empty();
    } catch (EventsCsv.EventsFileException e) {
      return Optional.of("config error: " + e.getMessage());
    }
  }

  /** The data directory of a command: its {@code --data-dir} when given, else {@code store.dataDir}. */
  static Path dataDirectory(Path option, BotConfig cfg) {
    return option != null ? option : Path.of(cfg.store().dataDir());
  }

  /** {@code dir} cannot be created or written ({@code --data-dir} or {@code store.dataDir}). */
  static Optional<String> writableDirectory(Path dir, String what) {
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".alvh-probe", ".tmp");
      Files.delete(probe);
      return Optional.empty();
    } catch (FileSystemException e) {
      String reason = e.getReason() != null ? e.getReason()
          : e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : e instanceof java.nio.file.FileAlreadyExistsException ? "a file of that name is in the way"
          : e instanceof java.nio.file.NotDirectoryException ? "not a directory"
          : "file system error";
      return Optional.of(what + " " + dir + " cannot be created or written: " + reason
          + (e.getFile() != null && !e.getFile().equals(dir.toString()) ? " (" + e.getFile() + ")" : ""));
    } catch (IOException | SecurityException e) {
      return Optional.of(what + " " + dir + " cannot be created or written: " + e.getMessage());
    }
  }
}
