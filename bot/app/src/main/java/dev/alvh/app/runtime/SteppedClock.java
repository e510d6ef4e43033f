package dev.alvh.app.runtime;

import dev.alvh.core.Check;
import dev.alvh.core.port.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * Virtual time for the step mode of {@code alvh paper} (tests): the clock stands still until the
 * {@link SteppedJobDriver} moves it to the next job's time; no wall time passes for the bot, so two
 * runs see the same instants whatever the machine's load.
 *
 * <p>The time can be published in a small file (8 bytes: epoch milliseconds, memory-mapped) that
 * another process follows with {@link #follow(Path)}: a fake TWS ({@code paper-tws} in a test)
 * then prices its market at exactly the bot's instant. Whole milliseconds only.
 */
public final class SteppedClock implements Clock {

  private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private volatile Instant now;
  private final MappedByteBuffer file;

  /** A clock showing {@code start}; with {@code publish}, the time is also written there. */
  public SteppedClock(Instant start, Optional<Path> publish) {
    Check.notNull(start, "start");
    Check.notNull(publish, "publish");
    this.file = publish.map(SteppedClock::map).orElse(null);
    set(start);
  }

  @Override
  public Instant now() {
    return now;
  }

  /** Moves the clock to {@code t} (whole milliseconds); it never moves backwards. */
  public void set(Instant t) {
    Check.notNull(t, "t");
    Instant ms = Instant.ofEpochMilli(t.toEpochMilli());
    Instant cur = now;
    Check.isTrue(cur == null || !ms.isBefore(cur), "t", "must not be before the clock's time " + cur + ", but was " + t);
    now = ms;
    if (file != null) {
      LONGS.setVolatile(file, 0, ms.toEpochMilli());
    }
  }

  /**
   * A clock that reads the time a {@link SteppedClock} publishes in {@code path} (created, at
   * epoch 0, if it does not exist yet).
   */
  public static Clock follow(Path path) {
    MappedByteBuffer b = map(path);
    return () -> Instant.ofEpochMilli((long) LONGS.getVolatile(b, 0));
  }

  private static MappedByteBuffer map(Path path) {
    Check.notNull(path, "path");
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      return ch.map(FileChannel.MapMode.READ_WRITE, 0, Long.BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot map the clock file " + path + ": " + e.getMessage(), e);
    }
  }
}
