package dev.alvh.ibkr.session;

import java.util.concurrent.ThreadFactory;

/** Thread factories for the adapter's background executors. */
public final class DaemonThreads {

  private DaemonThreads() {
  }

  /** Daemon threads named {@code name}: they never keep the JVM alive at shutdown. */
  public static ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
