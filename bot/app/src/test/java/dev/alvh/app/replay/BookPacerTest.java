package dev.alvh.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BookPacerTest {

  /** Waits until {@code t} is parked in the pacer (no fixed sleeps: the state decides). */
  private static void awaitWaiting(Thread t) {
    while (t.getState() != Thread.State.WAITING) {
      assertThat(t.isAlive()).as("the book's thread still runs").isTrue();
      Thread.onSpinWait();
    }
  }

  @Test
  void aBookMoreThanTheSlackAheadWaitsForTheSlowest() throws InterruptedException {
    BookPacer pacer = new BookPacer(2, 2);
    pacer.passed(0);
    pacer.passed(0); // two ahead: still within the slack
    Thread ahead = new Thread(() -> pacer.passed(0));
    ahead.start();
    awaitWaiting(ahead);
    assertThat(pacer.done(0)).isEqualTo(3);
    pacer.passed(1); // the slowest moves on: three is no longer more than two ahead
    ahead.join(60_000); // a bound that turns a book left waiting into a failure instead of a hang
    assertThat(ahead.isAlive()).as("released by the slowest book's step").isFalse();
  }

  @Test
  void aFinishedBookHoldsNoOneBack() throws InterruptedException {
    BookPacer pacer = new BookPacer(3, 1);
    pacer.passed(1);
    pacer.passed(2);
    Thread ahead = new Thread(() -> {
      for (int i = 0; i < 5; i++) {
        pacer.passed(0);
      }
    });
    ahead.start();
    awaitWaiting(ahead);
    pacer.finished(1);
    pacer.finished(2);
    ahead.join();
    assertThat(pacer.done(0)).isEqualTo(5);
  }

  @Test
  void anInterruptedWaitEndsThePacing() throws InterruptedException {
    BookPacer pacer = new BookPacer(2, 1);
    Thread ahead = new Thread(() -> {
      pacer.passed(0);
      pacer.passed(0);
      pacer.passed(0);
    });
    ahead.start();
    awaitWaiting(ahead);
    ahead.interrupt();
    ahead.join();
    assertThat(pacer.done(0)).isEqualTo(3);
    pacer.passed(0); // nobody waits any more
    assertThat(pacer.done(1)).isZero();
  }
}
