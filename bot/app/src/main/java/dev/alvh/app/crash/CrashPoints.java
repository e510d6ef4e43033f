package dev.alvh.app.crash;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Named crash points for the crash suite: places in the order path where a {@code kill -9} is
 * most likely to leave the journal, the store and the broker out of step.
 *
 * <p>Inert unless a point was armed with {@link #arm} (the test launcher's {@code --crash-at NAME:N},
 * dev.alvh.app.cli.TestMain in bot/app's test sources; the production command has no way to arm
 * one): then the N-th time (1-based) point {@code NAME} is reached, the process prints one line
 * {@code CRASHPOINT NAME N} to stdout, flushes, and blocks that thread for good, so the test can
 * kill the process with a real SIGKILL at exactly that point. When inert, {@link #reach} is a read
 * of one volatile field.
 *
 * <p>The points ({@link #NAMES}):
 * <ul>
 *   <li>{@code journal-before}: an order was decided, its journal row is not written yet;
 *   <li>{@code journal-written}: the journal row is written, the order is not sent;
 *   <li>{@code order-sent}: the broker was handed the order, its acknowledgement not processed;
 *   <li>{@code fill-stored}: an execution is stored, not yet applied to its order;
 *   <li>{@code order-done}: the order is over (fills stored), its tranche or hedge layer is not
 *       written yet;
 *   <li>{@code hedge-done}: a hedge order is over (fills stored), its hedge position is not
 *       written yet (reached just after {@code order-done} for hedge orders only);
 *   <li>{@code hedge-transition}: a hedge state transition is stored, the machine's context not;
 *   <li>{@code hedge-layer}: a hedge layer is stored, its trade not.
 * </ul>
 */
public final class CrashPoints {

  /** The test launcher's option that arms a point, named in messages. */
  public static final String OPTION = "--crash-at";
  /** The marker printed before blocking. */
  public static final String MARKER = "CRASHPOINT";
  /** Every point placed in the code. */
  public static final Set<String> NAMES = Set.of("journal-before", "journal-written", "order-sent", "fill-stored",
      "order-done", "hedge-done", "hedge-transition", "hedge-layer");

  private static volatile CrashPoints armed;

  private final String name;
  private final long at;
  private final AtomicLong count = new AtomicLong();
  private final PrintStream out;

  CrashPoints(String name, long at, PrintStream out) {
    this.name = name;
    this.at = at;
    this.out = out;
  }

  /**
   * Arms the point of {@code spec} ({@code NAME:N}) in this process; a null or blank spec disarms.
   * For the test launcher only.
   *
   * @throws IllegalArgumentException naming the bad spec (see {@link #fromSpec})
   */
  public static void arm(String spec) {
    armed = fromSpec(spec, System.out);
  }

  /**
   * The armed point of {@code spec} ({@code NAME:N}, or {@code NAME} for the first time), or
   * null when {@code spec} is null or blank.
   *
   * @throws IllegalArgumentException naming the bad spec when the name is unknown or N is not a
   *                                  positive number
   */
  static CrashPoints fromSpec(String spec, PrintStream out) {
    if (spec == null || spec.isBlank()) {
      return null;
    }
    String s = spec.trim().toLowerCase(Locale.ROOT);
    int colon = s.lastIndexOf(':');
    String name = colon < 0 ? s : s.substring(0, colon);
    long n;
    try {
      n = colon < 0 ? 1 : Long.parseLong(s.substring(colon + 1));
    } catch (NumberFormatException e) {
      n = 0;
    }
    if (!NAMES.contains(name) || n < 1) {
      throw new IllegalArgumentException(OPTION + " must be NAME:N with NAME one of "
          + new java.util.TreeSet<>(NAMES) + " and N >= 1, but was '" + spec + "'");
    }
    return new CrashPoints(name, n, out);
  }

  /** True when a crash point is armed in this process. */
  public static boolean armed() {
    return armed != null;
  }

  /**
   * Marks that point {@code name} is reached; blocks for good (after printing the marker) when
   * it is the armed point's N-th time. Does nothing in a process without an armed point.
   */
  public static void reach(String name) {
    CrashPoints a = armed;
    if (a != null && a.hit(name)) {
      block();
    }
  }

  /** Counts {@code name}; true (after printing the marker) when this is the armed time. */
  boolean hit(String point) {
    if (!name.equals(point) || count.incrementAndGet() != at) {
      return false;
    }
    synchronized (out) {
      out.println(MARKER + " " + name + " " + at);
      out.flush();
    }
    return true;
  }

  private static void block() {
    Object forever = new Object();
    synchronized (forever) {
      while (true) {
        try {
          forever.wait();
        } catch (InterruptedException e) {
          // a crash point is only left by the kill that the test sends
        }
      }
    }
  }
}
