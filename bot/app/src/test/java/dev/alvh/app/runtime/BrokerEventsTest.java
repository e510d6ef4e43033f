package dev.alvh.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The broker event queue: events run in arrival order, and only on a thread holding the bot's lock. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrokerEventsTest {

  private final ReentrantLock lock = new ReentrantLock();

  @Test
  void aThreadWithoutTheLockRunsNothingOneWithItRunsEverythingInOrder() {
    try (BrokerEvents events = new BrokerEvents(lock)) {
      List<Integer> ran = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 5; i++) {
        int n = i;
        events.execute(() -> ran.add(n));
      }
      assertThat(events.drainHere()).isZero();
      assertThat(ran).isEmpty();
      assertThat(events.pending()).isEqualTo(5);
      lock.lock();
      try {
        assertThat(events.drainHere()).isEqualTo(5);
      } finally {
        lock.unlock();
      }
      assertThat(ran).containsExactly(0, 1, 2, 3, 4);
      assertThat(events.pending()).isZero();
    }
  }

  @Test
  void anEventThatDrainsAgainDoesNotRunLaterEventsInsideItself() {
    try (BrokerEvents events = new BrokerEvents(lock)) {
      List<String> ran = new CopyOnWriteArrayList<>();
      events.execute(() -> {
        ran.add("first begins");
        events.drainHere(); // e.g. a callback that cancels an order: the broker drains after its round trip
        ran.add("first ends");
      });
      events.execute(() -> ran.add("second"));
      lock.lock();
      try {
        events.drainHere();
      } finally {
        lock.unlock();
      }
      assertThat(ran).containsExactly("first begins", "first ends", "second");
    }
  }

  @Test
  void underContentionBetweenJobsAndTheDispatcherEventsRunInOrderAndAlwaysUnderTheLock() throws Exception {
    try (BrokerEvents events = new BrokerEvents(lock)) {
      events.start();
      int count = 2000;
      List<Integer> order = new CopyOnWriteArrayList<>();
      List<String> violations = new CopyOnWriteArrayList<>();
      Thread producer = new Thread(() -> {
        for (int i = 0; i < count; i++) {
          int n = i;
          events.execute(() -> {
            if (!lock.isHeldByCurrentThread()) {
              violations.add(n + " without the lock on " + Thread.currentThread().getName());
            }
            order.add(n);
          });
          if (i % 50 == 0) {
            Thread.yield();
          }
        }
      }, "test-reader");
      producer.start();
      // a "job" thread takes the lock again and again and drains, as a pausing walk does
      for (int k = 0; k < 200 && producer.isAlive(); k++) {
        lock.lock();
        try {
          events.drainHere();
        } finally {
          lock.unlock();
        }
      }
      producer.join();
      await().atMost(Duration.ofSeconds(30)).until(() -> order.size() == count);
      assertThat(violations).isEmpty();
      for (int i = 0; i < count; i++) {
        assertThat(order.get(i)).as("event %d", i).isEqualTo(i);
      }
    }
  }

  @Test
  void aWakeEndsAWaitWithNoEvent() throws Exception {
    try (BrokerEvents events = new BrokerEvents(lock)) {
      java.util.concurrent.atomic.AtomicBoolean returned = new java.util.concurrent.atomic.AtomicBoolean();
      Thread waker = new Thread(() -> {
        while (!returned.get()) {
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
          events.wake();
        }
      });
      waker.start();
      // without the wake this waits ten minutes and the class's 60 s limit fails the test
      events.await(Duration.ofMinutes(10));
      returned.set(true);
      waker.join();
      assertThat(events.pending()).isZero();
    }
  }
}
