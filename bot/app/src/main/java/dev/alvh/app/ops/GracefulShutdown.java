package dev.alvh.app.ops;

import dev.alvh.core.Check;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's orderly stop: on SIGTERM (or SIGINT, or the console's stop) it runs its steps once, in
 * the order they were added, then exits 0. The runtime adds, in this order: stop the schedule
 * (the {@code JobDriver}'s close lets a running cycle finish), persist (halt state, snapshot),
 * disconnect from the broker, stop the health server and alerts, close the store.
 *
 * <p>A step that fails is logged and the next one still runs; the exit code is then 1. A JVM
 * shutdown hook runs the same steps when the JVM ends some other way (System.exit), without
 * changing that exit code. The JVM alone would exit 143 on SIGTERM; the signal handler (JDK's
 * {@code sun.misc.Signal}, reached by reflection because it is not a standard API) makes it 0.
 */
public final class GracefulShutdown {

  private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

  private final List<Step> steps = new ArrayList<>();
  private final Object lock = new Object();
  private Integer result;
  private boolean running;

  private record Step(String name, Runnable action) {
  }

  /** Adds a step; steps run in the order added. */
  public synchronized GracefulShutdown step(String name, Runnable action) {
    steps.add(new Step(Check.notBlank(name, "name"), Check.notNull(action, "action")));
    return this;
  }

  /**
   * Runs every step once; a second caller waits for the first run and gets its result.
   *
   * @param why what asked for the stop, for the log
   * @return 0 when every step succeeded, 1 when one failed
   */
  public int run(String why) {
    synchronized (lock) {
      while (running) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return 1;
        }
      }
      if (result != null) {
        return result;
      }
      running = true;
    }
    LOG.info("shutting down ({})", why);
    List<Step> todo;
    synchronized (this) {
      todo = List.copyOf(steps);
    }
    int status = 0;
    for (Step s : todo) {
      try {
        s.action().run();
        LOG.info("shutdown: {} done", s.name());
      } catch (RuntimeException | Error e) {
        status = 1;
        LOG.error("shutdown: {} failed: {}", s.name(), e.toString(), e);
      }
    }
    LOG.info("shutdown complete, exit code {}", status);
    synchronized (lock) {
      result = status;
      running = false;
      lock.notifyAll();
    }
    return status;
  }

  /** True once the steps have run. */
  public boolean done() {
    synchronized (lock) {
      return result != null;
    }
  }

  /**
   * Installs the SIGTERM and SIGINT handlers (run the steps, then {@code exit} with their result)
   * and the JVM shutdown hook.
   *
   * @return true when the signal handlers were installed (false on a JVM without {@code sun.misc.Signal};
   *         the shutdown hook still runs the steps, and the exit code is then the JVM's)
   */
  public boolean install(IntConsumer exit) {
    Check.notNull(exit, "exit");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> run("JVM shutdown"), "alvh-shutdown-hook"));
    boolean ok = true;
    for (String signal : new String[] {"TERM", "INT"}) {
      ok &= handle(signal, () -> {
        Thread t = new Thread(() -> exit.accept(run("SIG" + signal)), "alvh-shutdown-SIG" + signal);
        t.start();
      });
    }
    return ok;
  }

  /** Installs the handlers with {@link System#exit}. */
  public boolean install() {
    return install(System::exit);
  }

  private static boolean handle(String name, Runnable action) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object signal = signalClass.getConstructor(String.class).newInstance(name);
      InvocationHandler ih = (Object proxy, Method m, Object[] args) -> {
        if ("handle".equals(m.getName())) {
          action.run();
          return null;
        }
        return switch (m.getName()) {
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> "alvh " + name + " handler";
        };
      };
      Object handler = Proxy.newProxyInstance(GracefulShutdown.class.getClassLoader(), new Class<?>[] {handlerClass}, ih);
      signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.warn("cannot handle SIG{} ({}); the JVM's own handling applies", name, e.toString());
      return false;
    }
  }
}
