package dev.alvh.app.runtime;

import dev.alvh.core.Check;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's events (order statuses, executions, commissions) on their way to the engine, which
 * is single-threaded: the broker's threads only queue them here ({@link #execute}); they run, in
 * arrival order, only on a thread that holds the bot's lock:
 * <ul>
 *   <li>the job's own thread, after each order action's round trip ({@link #drainHere}, called by
 *       the broker) and while a price walk pauses ({@link BotPause});</li>
 *   <li>the dispatcher thread {@code alvh-events} ({@link #start}), which takes the lock when no
 *       job or console command holds it, for events that arrive between jobs (a fill of a resting
 *       order, a status pushed by TWS).</li>
 * </ul>
 * So no listener code ever runs concurrently with a job or a console command.
 */
public final class BrokerEvents implements Executor, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerEvents.class);

  private final ReentrantLock botLock;
  private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final ReentrantLock signalLock = new ReentrantLock();
  private final Condition signal = signalLock.newCondition();
  private long signals;
  private boolean draining;
  private volatile Thread dispatcher;
  private volatile boolean closed;

  /** Events that run under {@code botLock} (the bot's lock). */
  public BrokerEvents(ReentrantLock botLock) {
    this.botLock = Check.notNull(botLock, "botLock");
  }

  /** Queues {@code event} (any thread); it runs later on a thread holding the bot's lock. */
  @Override
  public void execute(Runnable event) {
    Check.notNull(event, "event");
    if (closed) {
      return;
    }
    queue.add(event);
    wake();
  }

  /** Wakes a thread waiting in {@link #await} (a new event, a halt request). */
  public void wake() {
    signalLock.lock();
    try {
      signals++;
      signal.signalAll();
    } finally {
      signalLock.unlock();
    }
  }

  /**
   * Runs the queued events on this thread, in order, if it holds the bot's lock (otherwise
   * leaves them to the dispatcher); a listener that triggers a drain itself (an order action from
   * a callback) does not drain again inside its own event.
   *
   * @return how many events ran
   */
  public int drainHere() {
    if (!botLock.isHeldByCurrentThread() || draining) {
      return 0;
    }
    draining = true;
    int n = 0;
    try {
      Runnable r;
      while ((r = queue.poll()) != null) {
        n++;
        try {
          r.run();
        } catch (RuntimeException e) {
          LOG.error("broker event failed: {}", e.toString(), e);
        }
      }
    } finally {
      draining = false;
    }
    return n;
  }

  /** Events queued and not run yet. */
  public int pending() {
    return queue.size();
  }

  /**
   * Waits at most {@code max} of wall time for an event or a {@link #wake}; returns at once when
   * events are already queued.
   */
  public void await(Duration max) throws InterruptedException {
    if (!queue.isEmpty() || max.isZero() || max.isNegative()) {
      return;
    }
    signalLock.lock();
    try {
      long seen = signals;
      long nanos = max.toNanos();
      while (seen == signals && queue.isEmpty() && nanos > 0) {
        nanos = signal.awaitNanos(nanos);
      }
    } finally {
      signalLock.unlock();
    }
  }

  /** Starts the dispatcher thread {@code alvh-events}; idempotent. */
  public synchronized void start() {
    if (dispatcher != null || closed) {
      return;
    }
    Thread t = new Thread(this::dispatch, "alvh-events");
    t.setDaemon(true);
    dispatcher = t;
    t.start();
  }

  private void dispatch() {
    // Events are only ever taken from the queue under the bot's lock, so a job draining them
    // and this thread cannot run two of them out of order.
    while (!closed) {
      try {
        await(Duration.ofSeconds(1));
        if (queue.isEmpty()) {
          continue;
        }
        botLock.lockInterruptibly();
        try {
          if (!closed) {
            drainHere();
          }
        } finally {
          botLock.unlock();
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops the dispatcher; events still queued are dropped (the reconciliation recovers them on restart). */
  @Override
  public void close() {
    closed = true;
    Thread t = dispatcher;
    if (t != null) {
      t.interrupt();
    }
    int left = queue.size();
    queue.clear();
    if (left > 0) {
      LOG.info("{} broker events dropped at close", left);
    }
  }
}
