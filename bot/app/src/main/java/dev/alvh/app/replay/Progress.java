package dev.alvh.app.replay;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on a terminal: the replay's threads count jobs done, a daemon thread
 * redraws the line with {@code \r} at most every {@code everyMs} milliseconds, starting only
 * once the replay has run for a second (short replays print nothing). {@link #NONE} counts and
 * draws nothing (not a terminal, or {@code --json}).
 */
public class Progress implements AutoCloseable {

  /** Counts nothing and prints nothing. */
  public static final Progress NONE = new Progress();

  private static final int WIDTH = 30;
  private static final long FIRST_DRAW_MS = 1000;

  private final AtomicLong done = new AtomicLong();
  private volatile long total = 1;
  private final PrintStream out;
  private final ScheduledExecutorService drawer;
  private final long started = System.nanoTime();
  private volatile boolean drawn;
  private final String label;
  private final String unit;

  private Progress() {
    this.out = null;
    this.drawer = null;
    this.label = "replay";
    this.unit = "jobs";
  }

  private Progress(PrintStream out, long everyMs, String label, String unit) {
    this.out = out;
    this.label = label;
    this.unit = unit;
    this.drawer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "alvh-progress");
      t.setDaemon(true);
      return t;
    });
    drawer.scheduleAtFixedRate(this::draw, FIRST_DRAW_MS, everyMs, TimeUnit.MILLISECONDS);
  }

  /** A bar on {@code out} redrawn at most every {@code everyMs} ms. */
  public static Progress on(PrintStream out, long everyMs) {
    return new Progress(out, everyMs, "replay", "jobs");
  }

  /** A bar on {@code out} named {@code label}, counting {@code unit} (for example {@code book runs}). */
  public static Progress on(PrintStream out, long everyMs, String label, String unit) {
    return new Progress(out, everyMs, label, unit);
  }

  /** Sets the number of jobs the replay will run. */
  public void total(long jobs) {
    total = Math.max(jobs, 1);
  }

  /** One job done. */
  public void step() {
    if (drawer != null) {
      done.incrementAndGet();
    }
  }

  /** The line the bar shows now. */
  public String line() {
    long d = Math.min(done.get(), total);
    int filled = (int) (WIDTH * d / total);
    double secs = (System.nanoTime() - started) / 1e9;
    return String.format(Locale.ROOT, "%s [%s%s] %3d%% %d/%d %s %.1fs", label, "#".repeat(filled),
        "-".repeat(WIDTH - filled), 100 * d / total, d, total, unit, secs);
  }

  private void draw() {
    if (out != null) {
      out.print("\r" + line());
      out.flush();
      drawn = true;
    }
  }

  /** Stops drawing and ends the bar's line. */
  @Override
  public void close() {
    if (drawer != null) {
      drawer.shutdownNow();
      try {
        drawer.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (drawn) {
        out.print("\r" + line() + System.lineSeparator());
        out.flush();
      }
    }
  }
}
