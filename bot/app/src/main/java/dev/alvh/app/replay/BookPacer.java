package dev.alvh.app.replay;

import dev.alvh.core.Check;

/**
 * Keeps the books of a replay, which walk the same fire times on their own threads, within a few
 * fires of each other, so that a model chain one book priced is still kept when the others reach
 * the same instant ({@link dev.alvh.paper.market.SimulatedMarket.ChainMemo}). A book that is more
 * than {@code slack} fires ahead of the slowest book still running waits for it; a finished (or
 * failed) book no longer holds anyone back. Pacing changes when a book's thread runs, never what
 * it computes. Only for books that all run at once (one thread each): a book waiting for one that
 * has not started would wait for good.
 */
final class BookPacer {

  private final long[] done;
  private final int slack;
  /** Waiting books are woken when the slowest reaches a multiple of this (not at every fire). */
  private final int wakeEvery;
  private boolean off;

  /**
   * A pacer of {@code books} books (indexes 0 to books - 1) kept within {@code slack} fires.
   *
   * @param books how many books run at once
   * @param slack how many fires a book may run ahead of the slowest one
   */
  BookPacer(int books, int slack) {
    Check.isTrue(books >= 1, "books", "must be at least 1, but was " + books);
    this.done = new long[books];
    this.slack = Check.positive(slack, "slack");
    this.wakeEvery = Math.max(1, slack / 2);
  }

  /** Book {@code book} ran one more fire; waits while it is more than the slack ahead of the slowest. */
  synchronized void passed(int book) {
    long slowestBefore = slowest();
    done[book]++;
    long slowestNow = slowest();
    // Only the slowest book's step can release a waiting one; waking them every few of its fires
    // (a waiting book then runs a few fires at once) spares a thread switch per fire.
    if (slowestNow > slowestBefore && slowestNow % wakeEvery == 0) {
      notifyAll();
    }
    while (!off && done[book] > slowest() + slack) {
      try {
        wait();
      } catch (InterruptedException e) {
        // The replay is being torn down (a book failed): nobody waits any more.
        off = true;
        notifyAll();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Book {@code book} ran its last fire or failed: it holds no one back any more. */
  synchronized void finished(int book) {
    done[book] = Long.MAX_VALUE;
    notifyAll();
  }

  /** How many fires book {@code book} has run. */
  synchronized long done(int book) {
    return done[book];
  }

  private long slowest() {
    long min = Long.MAX_VALUE;
    for (long d : done) {
      min = Math.min(min, d);
    }
    return min;
  }
}
