package dev.alvh.app.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One bot per database: an exclusive OS file lock on {@code <database>.lock} beside the H2 file,
 * held while the bot runs. A second bot on the same database (another process, or a second
 * driver in the same process) is refused with {@link AlreadyRunningException}, whose message
 * names the lock file and the process id written in it.
 *
 * <p>The lock dies with the process, so a bot killed with {@code kill -9} does not block the
 * next start; the file itself is left in place and reused.
 */
public final class BotLock implements AutoCloseable {

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private BotLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks the database whose H2 file is {@code dbFile} (for example {@code data/alvh.mv.db}).
   *
   * @throws AlreadyRunningException when another bot holds the lock
   * @throws IllegalStateException when the lock file cannot be written
   */
  public static BotLock acquire(Path dbFile) {
    String name = dbFile.getFileName().toString().replaceFirst("\\.mv\\.db$", "");
    Path file = dbFile.toAbsolutePath().normalize().resolveSibling(name + ".lock");
    FileChannel ch = null;
    try {
      Files.createDirectories(file.getParent());
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
        ch.close();
        throw new AlreadyRunningException("another ALVH bot is already running on " + dbFile.toAbsolutePath().normalize()
            + " (lock " + file + " held" + (holder.isEmpty() ? "" : " by " + holder)
            + "); stop it first, or give this one another store.dataDir or store.database");
      }
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
      ch.force(false);
      return new BotLock(file, ch, lock);
    } catch (IOException e) {
      try {
        if (ch != null) {
          ch.close();
        }
      } catch (IOException ignored) {
        // the first failure is the one to report
      }
      throw new IllegalStateException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** The lock file. */
  public Path file() {
    return file;
  }

  /** Releases the lock. */
  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      throw new IllegalStateException("cannot release " + file + ": " + e.getMessage(), e);
    }
  }

  /** A second bot tried to start on a database another bot is using. */
  public static final class AlreadyRunningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AlreadyRunningException(String message) {
      super(message);
    }
  }
}
