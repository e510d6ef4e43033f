package dev.alvh.app.ops;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A tiny bot for {@link GracefulShutdownTest}, run as a separate JVM: a fake job thread runs
 * "cycles" in a loop; on SIGTERM the shutdown stops the loop, waits for the running cycle to end,
 * persists and disconnects, printing each step.
 */
public final class ShutdownProbe {

  private ShutdownProbe() {
  }

  public static void main(String[] args) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch jobDone = new CountDownLatch(1);
    CountDownLatch inCycle = new CountDownLatch(1);
    Thread job = new Thread(() -> {
      int n = 0;
      while (!stop.get()) {
        n++;
        System.out.println("cycle " + n + " start");
        inCycle.countDown();
        busy(300);
        System.out.println("cycle " + n + " end");
      }
      jobDone.countDown();
    }, "fake-job");
    job.setDaemon(true);
    GracefulShutdown shutdown = new GracefulShutdown()
        .step("stop schedule", () -> {
          stop.set(true);
          try {
            jobDone.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          System.out.println("schedule stopped");
        })
        .step("persist", () -> System.out.println("persisted"))
        .step("disconnect", () -> System.out.println("disconnected"));
    System.out.println("handlers " + shutdown.install());
    job.start();
    inCycle.await();
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(600_000);
  }

  private static void busy(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
